#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# readme_walk.sh: the README's gateway sections on this machine, as an
# administrator follows them: the Debian packages installed, each gateway's
# setup and configuration blocks as written (Debian's users smsd, gammu and
# kannel, /var/spool, /var/log, /usr/libexec/smsrep), a message through each
# daemon, the verdict read in the log and the quarantine; then removed.
# Needs the .deb files tests/integration/deb.sh made, root and the gateways.
# Usage: readme_walk.sh BUILD-DIR SOURCE-DIR
set -u
build=$(cd "$1" && pwd) || exit 1
src=$(cd "$2" && pwd) || exit 1
fail() { printf 'FAIL [readme walk]: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root"
debs=$(ls "$build"/libsmsrep0_*.deb "$build"/libsmsrep-dev_*.deb "$build"/smsrep_*.deb) ||
    fail "no .deb files in $build (tests/integration/deb.sh makes them)"
trap 'dpkg -P smsrep libsmsrep-dev libsmsrep0 >/dev/null 2>&1' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $debs \
    >"$build/readme_walk_apt.log" 2>&1 || fail "apt-get install: $(tail "$build/readme_walk_apt.log")"
for gw in smstools gammu kannel kannel-smsrepd; do
    SMSREP_REQUIRE_INTEGRATION=1 sh "$src/tests/integration/gateways/installed.sh" --walk "$gw" \
        cmake "$build" "$src" "$build/tests/integration/gateways/smsrep-test-mkpdu" \
        "$build/tests/integration/gateways/smsrep-test-freeports" || fail "$gw"
done
echo "the README's three gateways (Kannel both ways), installed from the packages, judged and held as written"
