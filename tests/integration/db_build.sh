#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# db_build.sh: "smsrep db build DIR OUT" from the build tree and from an
# installed prefix (where it finds libexec/smsrep/smsrep-dbbuild and
# share/smsrep/schema.sql), a bad row refused with nothing written, and the
# README's promise that without --db the command uses the embedded copy,
# not the installed file.
# Usage: db_build.sh CMAKE BUILD-DIR SOURCE-DIR CASE
set -u
cmake=$1
build=$2
src=$3
case=$4
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL [db_build.$case]: $*" >&2; exit 1; }
install_tree() {
    "$cmake" --install "$build" --prefix "$tmp/stage" >"$tmp/install.log" 2>&1 ||
        fail "install failed: $(cat "$tmp/install.log")"
}
# newer_data: the shipped CSV files with another data version
newer_data() {
    cp -r "$src/db" "$tmp/data"
    sed -i 's/^data_version,.*/data_version,2099.01.01/' "$tmp/data/meta.csv"
}
# built SMSREP: SMSREP builds $tmp/data into $tmp/new.sqlite, which judges
built() {
    out=$("$1" db build "$tmp/data" "$tmp/new.sqlite" 2>&1) || fail "db build: $out"
    [ "$out" = "$tmp/new.sqlite: built from $tmp/data and verified" ] || fail "db build said: $out"
    "$1" db info --db "$tmp/new.sqlite" | grep -q -x 'data version: 2099.01.01' ||
        fail "info: $("$1" db info --db "$tmp/new.sqlite" | head -3)"
    out=$("$1" check --db "$tmp/new.sqlite" --region JP 05053704545)
    case $out in *'trusted, allow'*) ;; *) fail "check with the built database: $out" ;; esac
}

case "$case" in
build_tree)
    newer_data
    built "$build/smsrep" ;;
installed)
    install_tree
    newer_data
    [ -x "$tmp/stage/libexec/smsrep/smsrep-dbbuild" ] || fail "the builder is not installed"
    built "$tmp/stage/bin/smsrep" ;;
bad_row)
    newer_data
    printf 'bad,row\n' >>"$tmp/data/brands.csv"
    line=$(wc -l <"$tmp/data/brands.csv")
    "$build/smsrep" db build "$tmp/data" "$tmp/new.sqlite" 2>"$tmp/err" && fail "a bad row was accepted"
    [ $? = 2 ] || fail "exit status for a bad row"
    grep -F -q "$tmp/data/brands.csv:$line: " "$tmp/err" || fail "no file and line: $(cat "$tmp/err")"
    left=$(ls "$tmp" | grep new.sqlite)
    [ -z "$left" ] || fail "a failed build left: $left" ;;
default_is_embedded)
    # The installed file replaced by a newer build: without --db the command
    # still says "embedded" and the embedded data version; with it, the file's.
    install_tree
    newer_data
    built "$tmp/stage/bin/smsrep"
    cp "$tmp/new.sqlite" "$tmp/stage/share/smsrep/smsrep.sqlite"
    embedded=$(sed -n 's/^data_version,//p' "$src/db/meta.csv")
    info=$("$tmp/stage/bin/smsrep" db info | head -2)
    [ "$info" = "database: embedded
data version: $embedded" ] || fail "without --db: $info"
    "$tmp/stage/bin/smsrep" db info --db "$tmp/stage/share/smsrep/smsrep.sqlite" |
        grep -q -x 'data version: 2099.01.01' || fail "--db did not read the installed file" ;;
*)
    fail "no such case" ;;
esac
exit 0
