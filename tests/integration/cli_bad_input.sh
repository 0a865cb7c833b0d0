#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cli_bad_input.sh: what a gateway may feed the smsrep command by mistake or
# malice: empty, huge, invalid UTF-8, NUL, control characters, options
# without values. Each gets exit 2 and a clear message or a JSON error, and
# the lines around a bad one are still judged. Bidirectional controls are
# no error: they are read past and named in the verdict.
# Usage: cli_bad_input.sh SMSREP CASE   (CTest runs one CASE per entry)
set -u
smsrep=$1
case=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
# batch ARGS... <FILE: runs smsrep check --batch ARGS on FILE
batch() {
    in=$1
    shift
    "$smsrep" check --batch "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}
run() {
    "$smsrep" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1; stderr: $(head -c 300 "$tmp/err")"; }
has() { grep -F -q -- "$1" "$tmp/out" || fail "stdout lacks '$1': $(head -c 300 "$tmp/out")"; }
says() { grep -F -q -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(head -c 300 "$tmp/err")"; }
lines() { n=$(wc -l <"$tmp/out"); [ "$n" -eq "$1" ] || fail "$n lines, expected $1"; }
# Every output line is one JSON object free of raw control characters.
json_lines() {
    if LC_ALL=C grep -q "$(printf '[\001-\037\177]')" "$tmp/out"; then
        fail "a raw control character in the JSON"
    fi
    grep -v -q '^{"input":".*}$' "$tmp/out" && fail "a line that is not a JSON object"
    return 0
}

case "$case" in
empty_senders)
    run check --json --region JP ''
    expect_rc 2
    has '"error":"empty_sender"'
    printf '\n \n\t\n\r\n' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 2
    lines 4
    json_lines
    [ "$(grep -c '"error":"empty_sender"' "$tmp/out")" -eq 4 ] || fail "not four empty_sender errors" ;;
huge_line_of_a_megabyte)
    awk 'BEGIN { s = "0123456789"; while (length(s) < 1048576) s = s s; print substr(s, 1, 1048576); print "05053704545" }' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 2
    lines 2
    json_lines
    # Issue 12: the line is read to its end but not kept, and its length,
    # not its bytes, is reported.
    has '"input":"","error":"line_too_long","message":"a line of 1048576 bytes'
    has '"input":"05053704545","kind":"number"'
    [ "$(wc -c <"$tmp/out")" -lt 2000 ] || fail "the long line was echoed"
    batch "$tmp/in" --region JP
    expect_rc 2
    lines 2
    # an argument as long as the kernel allows one (128 KiB)
    run check --json --region JP "$(awk 'BEGIN { s = "A"; while (length(s) < 100000) s = s s; print substr(s, 1, 100000) }')"
    expect_rc 2
    has '"error":"sender_too_long"' ;;
invalid_utf8)
    printf '\377\376\n\300\200\n0905\343\201\n\355\240\200\n' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 2
    lines 4
    json_lines
    [ "$(grep -c '"error":"bad_encoding"' "$tmp/out")" -eq 4 ] || fail "not four bad_encoding errors"
    has '"input":"\ufffd\ufffd"' ;;
embedded_nul)
    printf '0505\0003704545\nAMA\000ZON\n05053704545\n' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 2
    lines 3
    json_lines
    has '"input":"0505\u00003704545","error":"bad_character"'
    has '"input":"AMA\u0000ZON","error":"bad_character"'
    has '"class":"trusted"' ;;
control_characters)
    printf '\001\002\n0901\0332345678\nAMA\177ZON\n\033[31mRED\n' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 2
    lines 4
    json_lines
    [ "$(grep -c '"error":"bad_character"' "$tmp/out")" -eq 4 ] || fail "not four bad_character errors"
    has '"input":"\u001b[31mRED"'
    batch "$tmp/in" --region JP
    expect_rc 2
    LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" && fail "text output passes ESC to the terminal"
    has '\x1B[31mRED: error:' ;;
bidirectional_characters)
    # RLO, RLM, LRI..PDI and ALM around numbers and names are not refused:
    # they are read past and named (invisible_characters), inside a brand's
    # name they make a look-alike, and an override (RLO) is bidi_override,
    # suspicious; no output line carries them raw.
    printf '\342\200\25605053704545\n\342\200\217+15622628360\nAMA\342\200\256ZON\n\342\201\246AMAZON\342\201\251\nPAY\330\234PAY\n' >"$tmp/in"
    batch "$tmp/in" --json --region JP
    expect_rc 1
    lines 5
    json_lines
    [ "$(grep -c '"invisible_characters"' "$tmp/out")" -eq 5 ] || fail "not five named"
    has '"display":"AMA<U+202E>ZON"'
    has '"normalized":"+815053704545"'
    grep '"display":"AMA<U+202E>ZON"' "$tmp/out" | grep -q '"brand_relation":"impersonates"' ||
        fail "AMA<RLO>ZON does not impersonate Amazon"
    # an override shows the digits reversed: no screen puts one there
    run check --region JP "$(printf '\342\200\256')05053704545"
    expect_rc 1
    has '<U+202E>05053704545: suspicious'
    LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/out" && fail "a raw RLO reached the terminal"
    ;;
options_without_values)
    for opt in --region --hint --toa --text --db --overlay --lang --time; do
        run check "$opt"
        expect_rc 2
        says "$opt needs a value"
        run check --json "$opt"
        expect_rc 2
        run check --batch --json "$opt"
        expect_rc 2
    done
    for cmd in "db info --db" "db info --overlay" "db verify" "db import csv" \
               "db import ftc-dnc $tmp/x.csv --overlay" "overlay $tmp/ov.sqlite add deny 123 --region" \
               "overlay $tmp/ov.sqlite add deny 123 --note" "overlay $tmp/ov.sqlite add deny --range" \
               "overlay $tmp/ov.sqlite add deny --range +8190 --length" "overlay $tmp/ov.sqlite remove" \
               "overlay"; do
        # shellcheck disable=SC2086 # the words are the arguments
        run $cmd
        expect_rc 2
        [ -s "$tmp/err" ] || fail "\"$cmd\" said nothing"
    done
    [ ! -e "$tmp/ov.sqlite" ] || fail "a refused overlay command created the file" ;;
bad_values)
    run check --region JAPAN 05053704545
    expect_rc 2
    says 'ISO 3166'
    run check --toa 1FF 05053704545
    expect_rc 2
    run check --hint "$(printf 'inter\001national')" 05053704545
    expect_rc 2
    run check --time 2026-13-45 05053704545
    expect_rc 2
    run check --json --region "$(printf '\377\376')" 05053704545
    expect_rc 2
    has '"error":"bad_region"' ;;
*)
    fail "no such case" ;;
esac
exit 0
