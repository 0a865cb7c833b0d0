#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# deb.sh: the Debian packages on this machine: cpack makes them, apt installs
# them, the installed command judges a sender and builds a database, a
# consumer builds against libsmsrep-dev with CMake and with pkg-config, and
# dpkg removes them again, leaving none of their files behind.
# Usage: deb.sh BUILD-DIR SOURCE-DIR   (as root, on a machine without them;
# .ci/run runs it after the test suite)
set -u
build=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
fail() { printf 'FAIL [deb]: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (it installs packages)"
command -v dpkg >/dev/null || fail "needs dpkg"
for p in libsmsrep0 libsmsrep-dev smsrep; do
    dpkg -s "$p" >/dev/null 2>&1 && fail "$p is installed already; remove it first"
done
tmp=$(mktemp -d) || exit 1
installed=
cleanup() {
    [ -z "$installed" ] || dpkg -P smsrep libsmsrep-dev libsmsrep0 >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

start=$(date +%s)
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB) >"$tmp/cpack.log" 2>&1 || fail "cpack: $(tail "$tmp/cpack.log")"
debs=$(ls "$build"/libsmsrep0_*.deb "$build"/libsmsrep-dev_*.deb "$build"/smsrep_*.deb) ||
    fail "cpack made: $(ls "$build"/*.deb)"
for d in $debs; do
    dpkg-deb -c "$d" | awk '{ print $6 }' | sed 's/^\.//' >>"$tmp/files"
done
installed=yes
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $debs \
    >"$tmp/apt.log" 2>&1 || fail "apt-get install: $(tail "$tmp/apt.log")"
echo "packages made and installed in $(($(date +%s) - start)) s"

# The command from the package, not the build tree.
[ "$(command -v smsrep)" = /usr/bin/smsrep ] || fail "smsrep on PATH is $(command -v smsrep)"
out=$(/usr/bin/smsrep check --json --region JP 05053704545) || fail "check: $out"
case $out in *'"class":"trusted"'*'"brand":"Amazon"'*) ;; *) fail "check said: $out" ;; esac
/usr/bin/smsrep db verify /usr/share/smsrep/smsrep.sqlite >/dev/null || fail "installed db"
/usr/bin/smsrep db build "$src/db" "$tmp/new.sqlite" >"$tmp/build.log" 2>&1 ||
    fail "db build: $(cat "$tmp/build.log")"
out=$(/usr/bin/smsrep check --db "$tmp/new.sqlite" --region JP 05053704545)
case $out in *'trusted, allow'*) ;; *) fail "check with the built database: $out" ;; esac
for h in smsrep-eventhandler smsrep-run-on-receive smsrep-sms-service; do
    [ -x "/usr/libexec/smsrep/$h" ] || fail "$h is not installed"
done
[ -f /usr/share/smsrep/gateways/kannel.conf ] || fail "kannel.conf is not installed"

# What a user reaches for first, from the package: help, version, the man
# pages, the completion and the output schema.
/usr/bin/smsrep --help >"$tmp/help" 2>&1 || fail "--help exited non-zero"
grep -q '^  check ' "$tmp/help" || fail "--help does not list check: $(head -3 "$tmp/help")"
/usr/bin/smsrep check --help >"$tmp/help" 2>&1 || fail "check --help exited non-zero"
grep -q -- '--region' "$tmp/help" || fail "check --help lacks --region"
case $(/usr/bin/smsrep --version) in
    *0.3.0*) ;;
    *) fail "--version said $(/usr/bin/smsrep --version)" ;;
esac
for page in man1/smsrep.1 man3/libsmsrep.3; do
    ls /usr/share/man/$page* >/dev/null 2>&1 || fail "$page is not installed"
done
if command -v man >/dev/null; then
    MANPAGER=cat man smsrep >"$tmp/man" 2>&1 || fail "man smsrep: $(head -3 "$tmp/man")"
    grep -q -- '--region' "$tmp/man" || fail "man smsrep lacks --region"
fi
completion=/usr/share/bash-completion/completions/smsrep
[ -f "$completion" ] || fail "the bash completion is not installed"
out=$(bash -c ". $completion; COMP_WORDS=(smsrep ch); COMP_CWORD=1; _smsrep 2>/dev/null ||
      complete -p smsrep >/dev/null; echo \"\${COMPREPLY[*]}\"")
case $out in *check*) ;; *) fail "completing 'smsrep ch' gave: $out" ;; esac
[ -f /usr/share/smsrep/smsrep-output.schema.json ] || fail "the output schema is not installed"
echo "help, version, man pages, completion and schema work from the package"

# A consumer against libsmsrep-dev, found with CMake and with pkg-config.
cmake -S "$src/tests/integration/consumer" -B "$tmp/consumer" >"$tmp/log" 2>&1 ||
    fail "configure: $(cat "$tmp/log")"
cmake --build "$tmp/consumer" >"$tmp/log" 2>&1 || fail "build: $(cat "$tmp/log")"
for c in consumer_shared consumer_static; do
    out=$("$tmp/consumer/$c") || fail "$c: $out"
    [ "$out" = "+815053704545 trusted Amazon" ] || fail "$c said: $out"
done
cc -o "$tmp/pc" "$src/tests/integration/consumer/consumer.c" $(pkg-config --cflags --libs smsrep) ||
    fail "cc with pkg-config's flags"
out=$("$tmp/pc") || fail "pkg-config consumer: $out"
[ "$out" = "+815053704545 trusted Amazon" ] || fail "pkg-config consumer said: $out"

# Removed cleanly: no file of theirs is left.
dpkg -r smsrep libsmsrep-dev libsmsrep0 >"$tmp/log" 2>&1 || fail "dpkg -r: $(cat "$tmp/log")"
installed=
left=$(while read -r f; do [ -n "$f" ] && [ ! -d "$f" ] && [ -e "$f" ] && echo "$f"; done <"$tmp/files")
[ -z "$left" ] || fail "left after dpkg -r: $left"
for d in /usr/share/smsrep /usr/libexec/smsrep /usr/lib/cmake/smsrep; do
    [ ! -e "$d" ] || fail "left after dpkg -r: $d"
done
# Purged, dpkg forgets them (removed only, it keeps their postrm for ldconfig).
dpkg -P smsrep libsmsrep-dev libsmsrep0 >/dev/null 2>&1 || fail "dpkg -P"
[ -z "$(dpkg -l 'libsmsrep*' smsrep 2>/dev/null | grep '^[a-z][a-z] ')" ] || fail "dpkg still lists them"
echo "installed, used and removed in $(($(date +%s) - start)) s"
