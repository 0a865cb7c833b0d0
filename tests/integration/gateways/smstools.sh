#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# smstools.sh: smstools3 end to end: smsd in its modem-less test mode reads
# SMS-DELIVER PDUs from files and runs examples/gateways/smstools' eventhandler,
# which must quarantine the blocked sender and annotate the others.
# With "bomb SMSREPD": the eventhandler asks smsrepd (SMSREP_SERVER), and an
# SMS bomb on the line (Modem: GSM1) is reported by the message that starts
# it; smsrepd stopped mid-stream, the handler falls back and says so.
# Usage: smstools.sh SMSREP DBFILE MKPDU SOURCE-DIR [bomb SMSREPD]
# (exit 77: smstools absent)
set -u
. "$(dirname "$0")/harness.sh"
smsrep=$1
dbfile=$2
mkpdu=$3
src=$4
case=${5:-hostile}
smsrepd=${6:-}
command -v smsd >/dev/null 2>&1 || PATH=$PATH:/usr/sbin
command -v smsd >/dev/null 2>&1 || skip "smsd (Debian package smstools) is not installed"
fail() { printf 'FAIL [smstools]: %s\n' "$*" >&2; exit 1; }

# smsd refuses a pdu_from_file path with a '.' anywhere in it.
base=${TMPDIR:-/tmp}
case $base in *.*) base=/tmp ;; esac
tmp=$(mktemp -d "$base/smsrep-smstools-XXXXXX") || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/incoming" "$tmp/outgoing" "$tmp/checked" "$tmp/failed" "$tmp/sent" "$tmp/pdu" \
      "$tmp/quarantine" "$tmp/stage"
: >"$tmp/modem"

# The eventhandler as the README configures it, settings included; for the
# bomb, with the README's added SMSREP_SERVER.
# (smsd looks for new messages every delaytime seconds, 10 by default: the
# bomb comes in stages.)
server=
delay=10
[ "$case" != bomb ] || { server="SMSREP_SERVER=$tmp/smsrepd.sock "; delay=1; }
cat >"$tmp/smsd.conf" <<CONF
devices = GSM1
outgoing = $tmp/outgoing
checked = $tmp/checked
failed = $tmp/failed
incoming = $tmp/incoming
sent = $tmp/sent
logfile = $tmp/smsd.log
infofile = $tmp/smsd.working
pidfile = $tmp/smsd.pid
loglevel = 7
delaytime = $delay
incoming_utf8 = yes
executable_check = no
eventhandler = /usr/bin/env ${server}SMSREP=$smsrep SMSREP_DB=$dbfile SMSREP_REGION=JP SMSREP_QUARANTINE=$tmp/quarantine SMSREP_LOG=$tmp/verdicts.log $src/examples/gateways/smstools/smsrep-eventhandler

[GSM1]
device = $tmp/modem
modem_disabled = yes
pdu_from_file = $tmp/pdu/
incoming = yes
CONF

if [ "$case" = bomb ]; then
    . "$(dirname "$0")/bomb.sh"
    # stage N SENDER TOA TEXT...: PDU files, then all at once into pdu/
    stage() {
        while [ $# -ge 3 ]; do
            "$mkpdu" "$1" "$2" "$3" >"$tmp/stage/$1" || fail "mkpdu $1"
            shift 3
        done
        mv "$tmp/stage"/* "$tmp/pdu/"
    }
    spawn_in "$tmp/run" "$tmp/smsd.out" smsd -t -c"$tmp/smsd.conf"
    bomb_run "$tmp/incoming" ""
    exit 0
fi

# sender, type of address, text: international (From: without '+'), the
# same spoofed, national, alphanumeric and a JP carrier short code; then
# hostile alphanumeric senders (at most 11 characters): shell syntax, and a
# line feed that cuts the header block short (the first would be judged
# without its type of address, the second would lose "CD"): both are held.
i=0
while read -r sender toa text; do
    i=$((i + 1))
    "$mkpdu" "$sender" "$toa" "$text" >"$tmp/stage/msg$i" || fail "mkpdu $sender"
done <<'MSGS'
815053704545 91 amazon code
12025550123 91 fictional
09027303177 A1 national
AMAZ0N D0 lookalike
00051234 81 carrier short code
$(id>p1) D0 hostile $(id>p3) 'x
;id>p2; D0 hostile
O'Reilly D0 odd quote
a(b* D0 paren star
5053704545\n D0 cut short
AB\nCD D0 cut in two
09012345678 A1 佐川急便：お荷物のお届けにあがりましたが不在のため持ち帰りました。https://sagawa-x.top
09012345678 A1 明日の打ち合わせは10時からでお願いします
09012345679 A1 USPS: your parcel is held, pay the fee at https://usps-fee.top
MSGS
# Whole files only: smsd reads and deletes whatever appears in pdu/.
mv "$tmp/stage"/msg* "$tmp/pdu/"

start=$(date +%s%3N)
spawn_in "$tmp/run" "$tmp/smsd.out" smsd -t -c"$tmp/smsd.conf"
pid=$spawned

# Wait for eleven annotated messages and three in quarantine, at most 20 s.
annotated=0
quarantined=0
while [ $(($(date +%s%3N) - start)) -lt 20000 ]; do
    annotated=$(grep -l '^SMSrep-Class:' "$tmp/incoming"/* 2>/dev/null | wc -l)
    quarantined=$(ls "$tmp/quarantine" | wc -l)
    [ "$annotated" -ge 11 ] && [ "$quarantined" -ge 3 ] && break
    kill -0 "$pid" 2>/dev/null || fail "smsd exited: $(cat "$tmp/smsd.out" "$tmp/smsd.log")"
    sleep 0.2
done
echo "smsd delivered and the eventhandler judged 14 messages in $(($(date +%s%3N) - start)) ms"
[ "$annotated" -eq 11 ] && [ "$quarantined" -eq 3 ] ||
    fail "annotated $annotated, quarantined $quarantined; log: $(tail -20 "$tmp/smsd.log")"

# header NAME VALUE FILE-SELECTOR: the message from the sender has the header
expect() {
    f=$(grep -l "^From: $1\$" "$tmp/incoming"/* | head -n 1)
    [ -n "$f" ] || fail "no message from $1 in incoming"
    grep -q "^$2\$" "$f" || fail "message from $1 lacks '$2': $(cat "$f")"
}
expect 815053704545 'SMSrep-Class: trusted'
expect 815053704545 'SMSrep-Normalized: +815053704545'
expect 815053704545 'SMSrep-Brand: Amazon (sender_of)'
expect 09027303177 'SMSrep-Normalized: +819027303177'
expect 09027303177 'SMSrep-Recommendation: allow'
expect AMAZ0N 'SMSrep-Class: suspicious'
expect AMAZ0N 'SMSrep-Reasons: brand_lookalike unregistered_sender_id'
expect 00051234 'SMSrep-Class: trusted'
expect 00051234 'SMSrep-Normalized: 00051234'
expect "\$(id>p1)" 'SMSrep-Recommendation: flag'
expect ';id>p2;' 'SMSrep-Recommendation: flag'
expect "O'Reilly" 'SMSrep-Class: caution'
expect 'a(b\*' 'SMSrep-Class: caution'
# One time-stamped, escaped verdict line per message, the held ones too.
[ "$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z smsrep ' "$tmp/verdicts.log")" -eq 14 ] ||
    fail "verdict lines: $(cat "$tmp/verdicts.log")"
grep -F -q 'Z smsrep 12025550123 spoofed block +12025550123 [fictional_range foreign_route] GSM1.' \
    "$tmp/verdicts.log" || fail "no verdict for the spoofed sender: $(cat "$tmp/verdicts.log")"
grep -F -q 'Z smsrep AB error bad_header GSM1.' "$tmp/verdicts.log" ||
    fail "no error line for the header cut in two: $(cat "$tmp/verdicts.log")"
pwned=$(find "$tmp" -name 'p[123]')
[ -z "$pwned" ] || fail "a sender or text ran a command: $pwned"
# Held: the spoofed sender as it was; the two cut header blocks with why.
f=$(grep -l '^From: 12025550123$' "$tmp/quarantine"/*) || fail "the spoofed message is not held"
grep -q '^SMSrep-' "$f" && fail "the blocked message was annotated"
grep -q '^SMSrep-Error: no_type_of_address$' "$tmp/quarantine"/* ||
    fail "the header cut short was not held: $(cat "$tmp/quarantine"/*)"
grep -q '^SMSrep-Error: bad_header$' "$tmp/quarantine"/* ||
    fail "the header cut in two was not held: $(cat "$tmp/quarantine"/*)"
grep -q '^SMSrep-Class: trusted$' "$tmp/quarantine"/* && fail "a held message was trusted"
# The headers end before the text, which is intact.
f=$(grep -l "^From: AMAZ0N\$" "$tmp/incoming"/*)
[ "$(tail -n 1 "$f")" = lookalike ] || fail "the text moved: $(cat "$f")"
awk '/^$/ { blank = NR } /^SMSrep-/ { last = NR } END { exit !(last < blank) }' "$f" ||
    fail "headers after the text: $(cat "$f")"

# The text is judged with the sender: a lure from an ordinary mobile number
# is flagged for what its text says (held only when blocked), the same
# number with an ordinary text stays allowed; smsd writes the Japanese
# (UCS2) body as UTF-16BE, and with incoming_utf8 = yes the GSM one as UTF-8.
grep -F -q 'Z smsrep 09012345678 suspicious flag +819012345678 [brand_url_mismatch] GSM1.' \
    "$tmp/verdicts.log" || fail "no flag for the Japanese lure: $(cat "$tmp/verdicts.log")"
grep -F -q 'Z smsrep 09012345678 unknown allow +819012345678 [] GSM1.' "$tmp/verdicts.log" ||
    fail "the ordinary Japanese text is not allowed: $(cat "$tmp/verdicts.log")"
grep -F -q 'Z smsrep 09012345679 suspicious flag +819012345679 [brand_url_mismatch scam_lure] GSM1.' \
    "$tmp/verdicts.log" || fail "no flag for the USPS lure: $(cat "$tmp/verdicts.log")"
# body FILE: the bytes after the first empty line
body() { awk '$0 == "" { print NR + 1; exit }' "$1" | { read -r n && tail -n +"$n" "$1"; }; }
for text in '佐川急便：お荷物のお届けにあがりましたが不在のため持ち帰りました。https://sagawa-x.top' \
            '明日の打ち合わせは10時からでお願いします'; do
    printf %s "$text" | iconv -f UTF-8 -t UTF-16BE >"$tmp/want"
    found=
    for f in "$tmp/incoming"/*; do
        grep -q '^Alphabet: UCS2$' "$f" || continue
        body "$f" >"$tmp/got"
        ! cmp -s "$tmp/want" "$tmp/got" || found=$f
    done
    [ -n "$found" ] || fail "UCS2 text changed: $text"
done
f=$(grep -l '^SMSrep-Reasons: brand_url_mismatch scam_lure$' "$tmp/incoming"/*) ||
    fail "the USPS lure is not delivered flagged"
grep -q '^Alphabet: UTF-8$' "$f" || fail "not UTF-8: $(cat "$f")"
[ "$(body "$f")" = 'USPS: your parcel is held, pay the fee at https://usps-fee.top' ] ||
    fail "the USPS text changed: $(cat "$f")"
exit 0
