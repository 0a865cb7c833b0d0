#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# kannel.sh: Kannel end to end on loopback: fakesmsc (kannel-extras) sends
# messages to bearerbox, smsbox runs examples/gateways/kannel's sms-service
# for each, which must log a verdict and pass on all but the blocked sender;
# bearerbox's black-list-sender-regex drops a statically blocked sender first.
# Usage: kannel.sh SMSREP DBFILE FREEPORTS SOURCE-DIR   (exit 77: Kannel absent)
set -u
. "$(dirname "$0")/harness.sh"
smsrep=$1
dbfile=$2
freeports=$3
src=$4
fakesmsc=/usr/lib/kannel/test/fakesmsc
PATH=$PATH:/usr/sbin
for p in bearerbox smsbox; do
    command -v $p >/dev/null 2>&1 ||
        skip "$p (Debian package kannel) is not installed"
done
[ -x $fakesmsc ] || skip "$fakesmsc (Debian package kannel-extras) is not installed"
fail() { echo "FAIL [kannel]: $*" >&2; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

set -- $("$freeports" 4) || fail "no free ports"
admin=$1 smsbox_port=$2 smsc_port=$3 sendsms=$4
cat >"$tmp/next" <<'NEXT'
#!/bin/sh
echo "$1" >>"${0%/*}/delivered.log"
NEXT
chmod +x "$tmp/next"

# The configuration the README gives, on loopback ports that are free now.
cat >"$tmp/kannel.conf" <<CONF
group = core
admin-port = $admin
admin-password = smsrep-test
admin-allow-ip = "127.0.0.1"
smsbox-port = $smsbox_port
box-deny-ip = "*.*.*.*"
box-allow-ip = "127.0.0.1"
log-file = "$tmp/bearerbox.log"
log-level = 0
black-list-sender-regex = "^\+?1[2-9][0-9][0-9]55501[0-9][0-9]$"

group = smsc
smsc = fake
smsc-id = FAKE
host = 127.0.0.1
port = $smsc_port
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $smsbox_port
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
log-file = "$tmp/smsbox.log"
log-level = 0

group = sms-service
keyword = default
catch-all = true
max-messages = 0
exec = "/usr/bin/env SMSREP=$smsrep SMSREP_DB=$dbfile SMSREP_REGION=JP SMSREP_LOG=$tmp/verdicts.log SMSREP_NEXT=$tmp/next $src/examples/gateways/kannel/smsrep-sms-service %p %P %i %a"
CONF

# wait_for FILE PATTERN: until FILE holds PATTERN, at most 10 s
wait_for() {
    n=0
    until grep -q -- "$2" "$1" 2>/dev/null; do
        [ $n -lt 100 ] || fail "no '$2' in $1: $(tail -5 "$1" 2>/dev/null)"
        sleep 0.1
        n=$((n + 1))
    done
}

start=$(date +%s%3N)
spawn "$tmp/bearerbox.out" bearerbox -v 0 "$tmp/kannel.conf"
wait_for "$tmp/bearerbox.log" "Start-up done"
spawn "$tmp/smsbox.out" smsbox -v 0 "$tmp/kannel.conf"
wait_for "$tmp/bearerbox.log" "Client connected from <127.0.0.1>"
ready=$(date +%s%3N)

# One message per fakesmsc call (given several, it picks at random); it
# never exits by itself, so each one is stopped once its message is through.
judged=0
for sender in +815053704545 +447700900123 09027303177 AMAZ0N 00051234 +12025550123; do
    spawn "$tmp/fakesmsc.log" $fakesmsc -H 127.0.0.1 -r "$smsc_port" -m 1 \
        "$sender 12345 text hello from $sender"
    if [ "$sender" = +12025550123 ]; then
        wait_for "$tmp/bearerbox.log" "12025550123.*black-list"
    else
        judged=$((judged + 1))
        n=0
        while [ "$(grep -c '^smsrep ' "$tmp/verdicts.log" 2>/dev/null)" != $judged ]; do
            [ $n -lt 100 ] || fail "no verdict for $sender: $(tail -5 "$tmp/smsbox.log")"
            sleep 0.05
            n=$((n + 1))
        done
    fi
    stop "$spawned"
done
end=$(date +%s%3N)
echo "boxes up in $((ready - start)) ms; 6 messages through fakesmsc, bearerbox and smsbox" \
     "judged in $((end - ready)) ms"

expect() {
    grep -F -q "smsrep $1 $2" "$tmp/verdicts.log" ||
        fail "no verdict '$1 $2': $(cat "$tmp/verdicts.log")"
}
# %p arrived URL-encoded (%2B for '+') and was decoded before the check.
expect +815053704545 'trusted allow +815053704545 [known_otp_sender ip_phone]'
expect +447700900123 'spoofed block +447700900123 [invalid_number fictional_range foreign_route]'
expect 09027303177 'unknown allow +819027303177 []'
expect AMAZ0N 'suspicious flag AMAZ0N [brand_lookalike unregistered_sender_id]'
expect 00051234 'trusted allow 00051234 [registered_short_code]'
grep -q 12025550123 "$tmp/verdicts.log" && fail "the black-listed sender reached the service"
# Everything but the blocked sender was passed on, still URL-encoded.
sort "$tmp/delivered.log" >"$tmp/delivered.sorted"
printf '%s\n' %2B815053704545 00051234 09027303177 AMAZ0N | sort >"$tmp/expected"
cmp -s "$tmp/delivered.sorted" "$tmp/expected" || fail "delivered: $(cat "$tmp/delivered.log")"
exit 0
