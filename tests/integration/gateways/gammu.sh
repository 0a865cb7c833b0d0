#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# gammu.sh: gammu-smsd end to end: the dummy phone driver receives messages
# from smsbackup files and runs examples/gateways/gammu's RunOnReceive program,
# which must store every message, hostile senders and texts included, in the
# inbox or (blocked or not judged) the quarantine, run none of them, and log
# one escaped verdict line for each.
# With "bomb SMSREPD": the handler asks smsrepd (SMSREP_SERVER), and an SMS
# bomb on the line (gammu's PhoneID, which it passes as PHONE_ID) is
# reported by the message that starts it; smsrepd stopped mid-stream, the
# handler falls back and says so.
# Usage: gammu.sh SMSREP DBFILE SOURCE-DIR [bomb SMSREPD]
# (exit 77: gammu-smsd absent)
set -u
. "$(dirname "$0")/harness.sh"
smsrep=$1
dbfile=$2
src=$3
case=${4:-hostile}
smsrepd=${5:-}
command -v gammu-smsd >/dev/null 2>&1 ||
    skip "gammu-smsd (Debian package gammu-smsd) is not installed"
fail() { printf 'FAIL [gammu]: %s\n' "$*" >&2; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir -p "$tmp/phone/sms/1" "$tmp/inbox" "$tmp/outbox" "$tmp/sent" "$tmp/error" \
         "$tmp/quarantine" "$tmp/stage"

# RunOnReceive as the README configures it, settings included: service = null,
# so gammu puts no file name (which would hold the sender) on the command line.
# For the bomb, with the README's added SMSREP_SERVER.
server=
[ "$case" != bomb ] || server="SMSREP_SERVER=$tmp/smsrepd.sock "
cat >"$tmp/smsdrc" <<CONF
[gammu]
model = dummy
connection = none
device = $tmp/phone/

[smsd]
service = null
logfile = $tmp/smsd.log
debuglevel = 1
ReceiveFrequency = 1
StatusFrequency = 0
CheckSecurity = 0
CheckBattery = 0
CheckSignal = 0
PhoneID = line1
RunOnReceive = /usr/bin/env ${server}SMSREP=$smsrep SMSREP_DB=$dbfile SMSREP_REGION=JP SMSREP_INBOX=$tmp/inbox SMSREP_QUARANTINE=$tmp/quarantine SMSREP_LOG=$tmp/verdicts.log $src/examples/gateways/gammu/smsrep-run-on-receive
CONF

# The dummy driver reads gammu's smsbackup format; texts are UCS-2 in hex. It
# finds an entry by its Number key, but takes the value from NumberUnicode.
ucs2() { printf %s "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 -v | tr -d ' \n' | tr a-f A-F; }
# smsbackup NUMBER TEXT: one received message as the dummy driver reads it
smsbackup() {
    printf '[SMSBackup000]\nNumber = "unused"\nNumberUnicode = %s\nText00 = %s\n' \
        "$(ucs2 "$1")" "$(ucs2 "$2")"
    printf 'Coding = Default\nState = UnRead\nPDU = Deliver\nFolder = 1\n'
}
hex() { printf %s "$1" | od -An -tx1 -v | tr -d ' \n'; }
nl='
'
soh=$(printf '\001')
if [ "$case" = bomb ]; then
    . "$(dirname "$0")/bomb.sh"
    # stage SENDER TOA TEXT...: smsbackup files, then all at once into the
    # phone's folder; TOA 91 is an international number (gammu gives '+').
    staged=0
    stage() {
        while [ $# -ge 3 ]; do
            staged=$((staged + 1))
            number=$1
            [ "$2" != 91 ] || number=+$1
            smsbackup "$number" "$3" >"$tmp/stage/$staged"
            shift 3
        done
        mv "$tmp/stage"/* "$tmp/phone/sms/1/"
    }
    spawn_in "$tmp/run" "$tmp/gammu.out" gammu-smsd -c "$tmp/smsdrc"
    bomb_run "$tmp/inbox" .txt
    exit 0
fi

# sender|where it must end up|text. Hostile senders and texts try the shell
# ($( ), backticks, ;, quotes, *, parentheses) and forged lines (line feeds);
# a control character is an error, held like a blocked sender.
cat >"$tmp/cases" <<CASES
+815053704545|inbox|code 123456
+12025550123|quarantine|fictional
09027303177|inbox|message \$(touch\${IFS}pwned0) \`touch pwned1\` ; touch pwned2 'x "y *
AMAZ0N|inbox|lookalike
00051234|inbox|carrier
\$(touch\${IFS}pwned3)|inbox|text
\`touch\${IFS}pwned4\`|inbox|text
a;touch\${IFS}pwned5;|inbox|text
O'Reilly|inbox|it's a (test) *
a(b*|inbox|text
+12025550123${soh}|quarantine|control
5053704545${nl}|inbox|line feed
09012345678|inbox|佐川急便：お荷物のお届けにあがりましたが不在のため持ち帰りました。https://sagawa-x.top
09012345678|inbox|明日の打ち合わせは10時からでお願いします
CASES
i=0
total=0
# Each case is one line, except the line feed one, read with its line feed.
while IFS='|' read -r sender where text; do
    case $sender in 5053704545) sender="5053704545$nl"; IFS='|' read -r _ where text ;; esac
    i=$((i + 1))
    printf '%s\n%s\n%s\n' "$(hex "$sender")" "$where" "$text" >"$tmp/case$i"
    smsbackup "$sender" "$text" >"$tmp/stage/$i"
done <"$tmp/cases"
total=$i
mkdir "$tmp/run"
mv "$tmp/stage"/* "$tmp/phone/sms/1/"

start=$(date +%s%3N)
# The daemon (and so every handler) runs in run/: a command that got through
# would leave its pwned file there or in the handler's folders.
spawn_in "$tmp/run" "$tmp/gammu.out" gammu-smsd -c "$tmp/smsdrc"
pid=$spawned
stored=0
while [ $(($(date +%s%3N) - start)) -lt 30000 ]; do
    verdicts=$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z smsrep ' "$tmp/verdicts.log" 2>/dev/null)
    stored=$(ls "$tmp/inbox" "$tmp/quarantine" | grep -c '\.txt$')
    [ "${verdicts:-0}" -ge "$total" ] && [ "$stored" -ge "$total" ] && break
    kill -0 "$pid" 2>/dev/null || fail "gammu-smsd exited: $(cat "$tmp/gammu.out" "$tmp/smsd.log")"
    sleep 0.2
done
echo "gammu-smsd delivered and RunOnReceive judged $total messages in $(($(date +%s%3N) - start)) ms"
[ "$stored" -eq "$total" ] || fail "$stored of $total messages stored; log: $(tail -20 "$tmp/smsd.log")"
[ "$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z smsrep ' "$tmp/verdicts.log")" -eq "$total" ] ||
    fail "verdicts: $(cat "$tmp/verdicts.log")"

# Each message is visible once: no hidden copy is left behind.
[ -z "$(ls -A "$tmp/inbox" "$tmp/quarantine" | grep '^\.')" ] ||
    fail "hidden copies left: $(ls -A "$tmp/inbox" "$tmp/quarantine")"

# No command in a sender or text ran, anywhere.
pwned=$(find "$tmp" / -maxdepth 1 -name 'pwned*' 2>/dev/null; find "$tmp" -name 'pwned*')
[ -z "$pwned" ] || fail "a sender or text ran a command: $pwned"

# Each message is in its folder, once, with its sender's bytes and its text.
i=1
while [ "$i" -le "$total" ]; do
    { read -r senderhex; read -r where; read -r text; } <"$tmp/case$i"
    f=$(grep -l -x "Number-Hex: $senderhex" "$tmp/inbox"/*.txt "$tmp/quarantine"/*.txt |
        while IFS= read -r g; do [ "$(tail -n 1 "$g")" != "$text" ] || printf '%s\n' "$g"; done)
    [ "$(printf '%s\n' "$f" | grep -c .)" -eq 1 ] || fail "case $i ($senderhex) stored as: $f"
    case $f in "$tmp/$where"/*) ;; *) fail "case $i ($senderhex) is in $f, not $where: $(cat "$f")" ;; esac
    [ "$(tail -n 1 "$f")" = "$text" ] || fail "case $i: text changed: $(cat "$f")"
    i=$((i + 1))
done

# expect SENDER WORDS: the verdict line of SENDER (as escaped) holds WORDS
expect() {
    grep -F -q "Z smsrep $1 $2 " "$tmp/verdicts.log" ||
        fail "no verdict '$1 $2': $(cat "$tmp/verdicts.log")"
}
# Its text "code 123456" is read now: a one-time code from Amazon's sender.
expect +815053704545 'trusted allow +815053704545 [known_otp_sender ip_phone one_time_code]'
expect +12025550123 'spoofed block +12025550123 [fictional_range foreign_route]'
expect 09027303177 'unknown allow +819027303177 []'
expect AMAZ0N 'suspicious flag AMAZ0N [brand_lookalike unregistered_sender_id]'
expect 00051234 'trusted allow 00051234 [registered_short_code]'
expect "O'Reilly" "caution flag O'REILLY"
expect '+12025550123\x01' 'error bad_character'
# gammu gives no type of address: the trailing line feed is trimmed, and the
# verdict is the one the digits alone get.
expect '5053704545\n' 'trusted allow +815053704545'
# The text is judged with the sender (gammu-smsd hands it over in UTF-8): a
# lure from an ordinary mobile number is flagged for what it says, and
# delivered (only a block is held); the same number with an ordinary text
# stays allowed.
expect 09012345678 'suspicious flag +819012345678 [brand_url_mismatch]'
expect 09012345678 'unknown allow +819012345678 []'
# Every log line is one verdict: escaped, nothing forged.
[ "$(wc -l <"$tmp/verdicts.log")" -eq "$total" ] || fail "forged lines: $(cat "$tmp/verdicts.log")"
exit 0
