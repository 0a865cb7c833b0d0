#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# docs.sh: the man pages render without a warning, smsrep(1) and the bash
# completion name every option of the option table, the completion
# completes, and libsmsrep(3) names every function of include/smsrep.h.
# Usage: docs.sh DOCGEN MAN1 COMPLETION SOURCE_DIR CASE
set -u
docgen=$1
man1=$2
completion=$3
src=$4
case=$5
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL [$case]: $*" >&2; exit 1; }

# render FILE: groff's output with every warning on; fails on any warning.
render() {
    command -v groff >/dev/null || { echo "SKIP: groff is not installed (groff-base)"; exit 0; }
    LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -P-cbou "$1" >"$tmp/page" 2>"$tmp/warn" || fail "groff failed on $1"
    [ ! -s "$tmp/warn" ] || fail "groff warns on $1: $(head -5 "$tmp/warn")"
    if command -v man >/dev/null; then
        LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$1" >/dev/null 2>"$tmp/warn" ||
            fail "man -l failed on $1"
        [ ! -s "$tmp/warn" ] || fail "man -l warns on $1: $(head -5 "$tmp/warn")"
    fi
}

case "$case" in
man_pages_render)
    render "$man1"
    grep -q 'smsrep check' "$tmp/page" || fail "smsrep(1) has no synopsis"
    grep -q 'EXIT STATUS' "$tmp/page" || fail "smsrep(1) has no exit status"
    render "$src/doc/libsmsrep.3"
    grep -q 'smsrep_check' "$tmp/page" || fail "libsmsrep(3) does not name smsrep_check"
    # the check can fail: a broken request is a warning
    printf '.TH X 1\n.SH NAME\nx \\- y\n.nosuchrequest\n' >"$tmp/bad.1"
    LC_ALL=C.UTF-8 groff -man -Tutf8 -ww "$tmp/bad.1" >/dev/null 2>"$tmp/warn"
    [ -s "$tmp/warn" ] || fail "groff -ww did not warn on an unknown request" ;;
every_option_documented)
    "$docgen" options >"$tmp/options" || fail "docgen options failed"
    [ "$(wc -l <"$tmp/options")" -ge 20 ] || fail "too few options: $(cat "$tmp/options")"
    # man writes each '-' as \- so that it stays a hyphen-minus
    while read -r opt; do
        roffed=$(printf '%s' "$opt" | sed 's/-/\\-/g')
        grep -q -F -- "\\fB$roffed\\fR" "$man1" || fail "smsrep(1) lacks $opt"
        grep -q -F -- "$opt" "$completion" || fail "the completion lacks $opt"
    done <"$tmp/options" ;;
completion_completes)
    command -v bash >/dev/null || { echo "SKIP: no bash"; exit 0; }
    # complete WORD...: what the completion offers for the last word
    complete_words() {
        bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _smsrep;
                 printf "%s\n" "${COMPREPLY[@]}"' sh "$completion" "$@"
    }
    complete_words smsrep ch | grep -qx check || fail "no command completed"
    complete_words smsrep check 05053704545 --reg | grep -qx -- --region || fail "no option completed"
    complete_words smsrep check --hint int | grep -qx international || fail "no hint completed"
    complete_words smsrep check --lang "" | grep -qx ja || fail "no language completed"
    complete_words smsrep burst --wi | grep -qx -- --window || fail "no burst option completed"
    complete_words smsrep db i | grep -qx info || fail "no db verb completed"
    if complete_words smsrep burst --tex | grep -q .; then fail "burst offered check's --text"; fi ;;
libsmsrep3_names_every_function)
    grep -o '^SMSREP_API[^(]*(' "$src/include/smsrep.h" | grep -o 'smsrep_[a-z0-9_]*' >"$tmp/api"
    [ "$(wc -l <"$tmp/api")" -ge 30 ] || fail "too few functions read from smsrep.h"
    while read -r fn; do
        grep -q -e "$fn" "$src/doc/libsmsrep.3" || fail "libsmsrep(3) does not name $fn"
    done <"$tmp/api" ;;
*)
    fail "no such case" ;;
esac
exit 0
