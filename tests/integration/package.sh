#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# package.sh: what an installed libsmsrep offers: only smsrep_* symbols (built
# and installed), a SONAME, a CMake package (shared and static) and a
# pkg-config file that each build a working consumer.
# Usage: package.sh CMAKE BUILD-DIR SOURCE-DIR CASE
set -u
cmake=$1
build=$2
src=$3
case=$4
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
lib=$build/libsmsrep.so

install_tree() {
    "$cmake" --install "$build" --prefix "$tmp/stage" >"$tmp/install.log" 2>&1 ||
        fail "install failed: $(cat "$tmp/install.log")"
    libdir=$(find "$tmp/stage" -name libsmsrep.so -printf '%h\n' | head -n 1)
    [ -n "$libdir" ] || fail "no libsmsrep.so installed"
}

# exports_only_smsrep LIB: fails unless LIB exports smsrep_* and nothing else
exports_only_smsrep() {
    nm -D --defined-only "$1" >"$tmp/syms" || fail "nm $1 failed"
    # the version node SMSREP_0 is an absolute symbol; everything else must be smsrep_*
    others=$(awk '$3 != "" && $3 !~ /^smsrep_[a-z]/ && $3 != "SMSREP_0" {print $3}' "$tmp/syms")
    [ -z "$others" ] || fail "$1 exports beyond smsrep_*: $others"
    grep -q ' T smsrep_check' "$tmp/syms" || fail "$1 does not export smsrep_check"
    grep -q 'smsrep__' "$tmp/syms" && fail "$1 exports an internal smsrep__ symbol"
    return 0
}

case "$case" in
exports_only_smsrep_symbols)
    exports_only_smsrep "$lib"
    exit 0 ;;
installed_exports_only_smsrep_symbols)
    # What a gateway links is the installed file, not the build tree's.
    install_tree
    installed=$(readlink -f "$libdir/libsmsrep.so")
    [ "$installed" != "$(readlink -f "$lib")" ] || fail "the installed library is the build tree's"
    exports_only_smsrep "$installed"
    readelf -d "$installed" | grep -q 'SONAME.*\[libsmsrep\.so\.0\]' ||
        fail "installed SONAME: $(readelf -d "$installed" | grep SONAME)"
    exit 0 ;;
soname)
    readelf -d "$lib" | grep -q 'SONAME.*\[libsmsrep\.so\.0\]' || fail "$(readelf -d "$lib" | grep SONAME)" ;;
find_package_consumer)
    install_tree
    "$cmake" -S "$src/tests/integration/consumer" -B "$tmp/consumer" \
        -DCMAKE_PREFIX_PATH="$tmp/stage" >"$tmp/log" 2>&1 || fail "configure: $(cat "$tmp/log")"
    "$cmake" --build "$tmp/consumer" >"$tmp/log" 2>&1 || fail "build: $(cat "$tmp/log")"
    out=$(LD_LIBRARY_PATH=$libdir "$tmp/consumer/consumer_shared") || fail "shared consumer: $out"
    [ "$out" = "+815053704545 trusted Amazon" ] || fail "shared consumer said: $out"
    out=$("$tmp/consumer/consumer_static") || fail "static consumer: $out"
    [ "$out" = "+815053704545 trusted Amazon" ] || fail "static consumer said: $out" ;;
pkg_config_consumer)
    install_tree
    command -v pkg-config >/dev/null || fail "pkg-config is not installed"
    export PKG_CONFIG_PATH="$libdir/pkgconfig"
    flags=$(pkg-config --cflags --libs smsrep) || fail "pkg-config found no smsrep"
    cc -o "$tmp/consumer" "$src/tests/integration/consumer/consumer.c" $flags ||
        fail "cc $flags failed"
    out=$(LD_LIBRARY_PATH=$libdir "$tmp/consumer") || fail "consumer: $out"
    [ "$out" = "+815053704545 trusted Amazon" ] || fail "consumer said: $out"
    [ "$(pkg-config --modversion smsrep)" = "$(sed -n 's/^#define SMSREP_VERSION_MAJOR //p' "$src/include/smsrep.h").$(sed -n 's/^#define SMSREP_VERSION_MINOR //p' "$src/include/smsrep.h").$(sed -n 's/^#define SMSREP_VERSION_PATCH //p' "$src/include/smsrep.h")" ] ||
        fail "pkg-config version differs from the header" ;;
installed_files)
    install_tree
    for f in include/smsrep.h share/smsrep/smsrep.sqlite bin/smsrep; do
        [ -e "$tmp/stage/$f" ] || fail "$f is not installed"
    done
    "$tmp/stage/bin/smsrep" db verify "$tmp/stage/share/smsrep/smsrep.sqlite" >/dev/null ||
        fail "the installed database does not verify" ;;
installed_docs)
    # smsrep(1), libsmsrep(3), the completion and the output schema, and the
    # installed command's help and version as the man page promises them.
    install_tree
    for f in share/man/man1/smsrep.1 share/man/man3/libsmsrep.3 \
             share/bash-completion/completions/smsrep share/smsrep/smsrep-output.schema.json; do
        [ -s "$tmp/stage/$f" ] || fail "$f is not installed"
    done
    "$tmp/stage/bin/smsrep" --help >"$tmp/help" 2>&1 || fail "smsrep --help: $(cat "$tmp/help")"
    grep -q 'usage: smsrep' "$tmp/help" || fail "smsrep --help said: $(cat "$tmp/help")"
    "$tmp/stage/bin/smsrep" check --help >/dev/null 2>&1 || fail "smsrep check --help failed"
    "$tmp/stage/bin/smsrep" --version | grep -q "^smsrep " || fail "smsrep --version failed"
    if command -v man >/dev/null; then
        MANPATH="$tmp/stage/share/man" man -P cat smsrep 2>/dev/null | grep -q 'smsrep check' ||
            fail "man smsrep does not find the installed page"
    fi ;;
*)
    fail "no such case" ;;
esac
exit 0
