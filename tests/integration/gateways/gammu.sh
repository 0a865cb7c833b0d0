#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# gammu.sh: gammu-smsd end to end: the dummy phone driver receives messages
# from smsbackup files and runs examples/gateways/gammu's RunOnReceive program,
# which must quarantine the blocked sender and log a verdict for each.
# Usage: gammu.sh SMSREP DBFILE SOURCE-DIR   (exit 77: gammu-smsd absent)
set -u
. "$(dirname "$0")/harness.sh"
smsrep=$1
dbfile=$2
src=$3
command -v gammu-smsd >/dev/null 2>&1 ||
    skip "gammu-smsd (Debian package gammu-smsd) is not installed"
fail() { echo "FAIL [gammu]: $*" >&2; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir -p "$tmp/phone/sms/1" "$tmp/inbox" "$tmp/outbox" "$tmp/sent" "$tmp/error" \
         "$tmp/quarantine" "$tmp/stage"

# RunOnReceive as the README configures it, settings included.
cat >"$tmp/smsdrc" <<CONF
[gammu]
model = dummy
connection = none
device = $tmp/phone/

[smsd]
service = files
inboxpath = $tmp/inbox/
outboxpath = $tmp/outbox/
sentsmspath = $tmp/sent/
errorsmspath = $tmp/error/
logfile = $tmp/smsd.log
debuglevel = 1
ReceiveFrequency = 1
StatusFrequency = 0
CheckSecurity = 0
CheckBattery = 0
CheckSignal = 0
RunOnReceive = /usr/bin/env SMSREP=$smsrep SMSREP_DB=$dbfile SMSREP_REGION=JP SMSREP_INBOX=$tmp/inbox SMSREP_QUARANTINE=$tmp/quarantine SMSREP_LOG=$tmp/verdicts.log $src/examples/gateways/gammu/smsrep-run-on-receive
CONF

# The dummy driver reads gammu's smsbackup format; texts are UCS-2 in hex.
ucs2() { printf %s "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../00&/g' | tr a-f A-F; }
i=0
for sender in +815053704545 +12025550123 09027303177 AMAZ0N 00051234; do
    i=$((i + 1))
    cat >"$tmp/stage/$i" <<SMS
[SMSBackup000]
Number = "$sender"
NumberUnicode = $(ucs2 "$sender")
Text00 = $(ucs2 "message $i")
Coding = Default
State = UnRead
PDU = Deliver
Folder = 1
SMS
done
mv "$tmp/stage"/* "$tmp/phone/sms/1/"

start=$(date +%s%3N)
spawn "$tmp/gammu.out" gammu-smsd -c "$tmp/smsdrc"
pid=$spawned
verdicts=0
quarantined=0
while [ $(($(date +%s%3N) - start)) -lt 20000 ]; do
    verdicts=$(grep -c '^smsrep ' "$tmp/verdicts.log" 2>/dev/null)
    quarantined=$(ls "$tmp/quarantine" | wc -l)
    [ "${verdicts:-0}" -ge 5 ] && [ "$quarantined" -ge 1 ] && break
    kill -0 "$pid" 2>/dev/null || fail "gammu-smsd exited: $(cat "$tmp/gammu.out" "$tmp/smsd.log")"
    sleep 0.2
done
echo "gammu-smsd delivered and RunOnReceive judged 5 messages in $(($(date +%s%3N) - start)) ms"
[ "${verdicts:-0}" -eq 5 ] && [ "$quarantined" -eq 1 ] ||
    fail "$verdicts verdicts, $quarantined quarantined; log: $(tail -20 "$tmp/smsd.log")"

# expect SENDER WORDS: the verdict line of SENDER holds WORDS
expect() {
    grep -F -q "smsrep $1 $2 " "$tmp/verdicts.log" ||
        fail "no verdict '$1 $2': $(cat "$tmp/verdicts.log")"
}
expect +815053704545 'trusted allow +815053704545 [known_otp_sender ip_phone]'
expect +12025550123 'spoofed block +12025550123 [fictional_range foreign_route]'
expect 09027303177 'unknown allow +819027303177 []'
expect AMAZ0N 'suspicious flag AMAZ0N [brand_lookalike unregistered_sender_id]'
expect 00051234 'trusted allow 00051234 [registered_short_code]'
ls "$tmp/quarantine" | grep -q '_+12025550123_' || fail "quarantined: $(ls "$tmp/quarantine")"
[ "$(ls "$tmp/inbox" | wc -l)" -eq 4 ] || fail "inbox: $(ls "$tmp/inbox")"
ls "$tmp/inbox" | grep -q '_+12025550123_' && fail "the blocked message is still in the inbox"
exit 0
