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
fail() { printf 'FAIL [kannel]: %s\n' "$*" >&2; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/quarantine" "$tmp/run"

set -- $("$freeports" 4) || fail "no free ports"
admin=$1 smsbox_port=$2 smsc_port=$3 sendsms=$4
cat >"$tmp/next" <<'NEXT'
#!/bin/sh
printf '%s\n' "$1 $4" >>"${0%/*}/delivered.log"
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
exec = "/usr/bin/env SMSREP=$smsrep SMSREP_DB=$dbfile SMSREP_REGION=JP SMSREP_LOG=$tmp/verdicts.log SMSREP_NEXT=$tmp/next SMSREP_QUARANTINE=$tmp/quarantine $src/examples/gateways/kannel/smsrep-sms-service \\"%p\\" \\"%P\\" \\"%i\\" \\"%a\\""
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

# sender|text|where it must end up: passed on (next), held (quarantine), or
# dropped by bearerbox's black list. Hostile senders and texts try the exec
# line's shell: quotes, $( ), backticks, ';', '*', parentheses. A control
# character in a sender is an error: held, not passed on.
soh=$(printf '\001')
cat >"$tmp/cases" <<CASES
+815053704545|hello|next
+447700900123|hello|quarantine
09027303177|it's a (test) * \$(touch pwned0) \`touch pwned1\`; touch pwned2|next
AMAZ0N|hello|next
00051234|hello|next
O'Reilly|odd ' quote|next
a(b*|text|next
\$(touch\${IFS}pwned3)|text|next
\`touch\${IFS}pwned4\`|text|next
a;touch\${IFS}pwned5;|text|next
+12025550123${soh}|control|quarantine
09012345679|USPS: your parcel is held, pay the fee at https://usps-fee.top|next
09012345679|see you at six|next
09012345678|佐川急便：お荷物のお届けにあがりましたが不在のため持ち帰りました。https://sagawa-x.top|next
+12025550123|hello|blacklist
CASES

# One message per fakesmsc call (given several, it picks at random); it
# never exits by itself, so each one is stopped once its message is through.
# The boxes run in run/, where a command that got through would leave a file.
judged=0
passed=0
held=0
while IFS='|' read -r sender text where; do
    (cd "$tmp/run" && exec setsid $fakesmsc -H 127.0.0.1 -r "$smsc_port" -m 1 \
        "$sender 12345 text $text") >>"$tmp/fakesmsc.log" 2>&1 &
    spawned=$!
    sessions="$spawned $sessions"
    case $where in
    blacklist) wait_for "$tmp/bearerbox.log" "12025550123.*black-list" ;;
    *)
        judged=$((judged + 1))
        [ "$where" = next ] && passed=$((passed + 1))
        [ "$where" = quarantine ] && held=$((held + 1))
        n=0
        while [ "$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z smsrep ' "$tmp/verdicts.log" 2>/dev/null)" != $judged ]; do
            [ $n -lt 100 ] || fail "no verdict for $sender: $(tail -5 "$tmp/smsbox.log")"
            sleep 0.05
            n=$((n + 1))
        done
        ;;
    esac
    stop "$spawned"
done <"$tmp/cases"
end=$(date +%s%3N)
echo "boxes up in $((ready - start)) ms; $((judged + 1)) messages through fakesmsc, bearerbox" \
     "and smsbox judged in $((end - ready)) ms"

# Nothing in a sender or text ran as a command.
pwned=$(find "$tmp" -name 'pwned*')
[ -z "$pwned" ] || fail "a sender or text ran a command: $pwned"

expect() {
    grep -F -q "Z smsrep $1 $2" "$tmp/verdicts.log" ||
        fail "no verdict '$1 $2': $(cat "$tmp/verdicts.log")"
}
# %p arrived URL-encoded (%2B for '+') and was decoded before the check.
expect +815053704545 'trusted allow +815053704545 [known_otp_sender ip_phone]'
expect +447700900123 'spoofed block +447700900123 [invalid_number fictional_range foreign_route]'
expect 09027303177 'unknown allow +819027303177 []'
expect AMAZ0N 'suspicious flag AMAZ0N [brand_lookalike unregistered_sender_id]'
expect 00051234 'trusted allow 00051234 [registered_short_code]'
expect "O'Reilly" "caution flag O'REILLY"
expect 'a(b*' 'caution flag A(B*'
expect '$(touch${IFS}pwned3)' 'suspicious flag'
expect '+12025550123\x01' 'error bad_character'
grep -q ' smsrep +12025550123 ' "$tmp/verdicts.log" &&
    fail "the black-listed sender reached the service"
[ "$(wc -l <"$tmp/verdicts.log")" -eq "$judged" ] || fail "forged lines: $(cat "$tmp/verdicts.log")"
# Every judged message was passed on or held, none lost: sender and text
# still URL-encoded as Kannel gave them.
[ "$(wc -l <"$tmp/delivered.log")" -eq "$passed" ] || fail "passed on: $(cat "$tmp/delivered.log")"
grep -F -x -q "O'Reilly odd+'+quote" "$tmp/delivered.log" || fail "passed on: $(cat "$tmp/delivered.log")"
grep -q '^%2B815053704545 hello$' "$tmp/delivered.log" || fail "passed on: $(cat "$tmp/delivered.log")"
[ "$(ls "$tmp/quarantine" | wc -l)" -eq "$held" ] || fail "held: $(ls "$tmp/quarantine")"
grep -l -x '%2B447700900123' "$tmp/quarantine"/* >/dev/null || fail "the blocked message was not held"

# The text (%a) is judged with the sender: a lure from an ordinary mobile
# number is flagged for what it says and passed on (only a block is held);
# the same number with an ordinary text stays allowed; Japanese arrives
# whole, as Kannel's URL encoding of its UTF-8.
expect 09012345679 'suspicious flag +819012345679 [brand_url_mismatch scam_lure]'
expect 09012345679 'unknown allow +819012345679 []'
expect 09012345678 'suspicious flag +819012345678 [brand_url_mismatch]'
# urlenc TEXT: as Kannel encodes a field (alphanumerics and -_.'()*~ kept,
# a space as +, any other byte %XX)
urlenc() {
    printf %s "$1" | od -An -tx1 -v | tr ' ' '\n' | grep . | while read -r b; do
        case $b in
        3[0-9] | 4[1-9a-f] | 5[0-9a] | 6[1-9a-f] | 7[0-9a] | 2d | 2e | 5f | 27 | 28 | 29 | 2a | 7e)
            printf "\\$(printf %o "0x$b")" ;;
        20) printf + ;;
        *) printf %%%s "$(printf %s "$b" | tr a-f A-F)" ;;
        esac
    done
}
lure='USPS: your parcel is held, pay the fee at https://usps-fee.top'
grep -F -x -q "09012345679 $(urlenc "$lure")" "$tmp/delivered.log" ||
    fail "not passed on intact: $lure: $(cat "$tmp/delivered.log")"
lure='佐川急便：お荷物のお届けにあがりましたが不在のため持ち帰りました。https://sagawa-x.top'
grep -F -x -q "09012345678 $(urlenc "$lure")" "$tmp/delivered.log" ||
    fail "not passed on intact: $lure: $(cat "$tmp/delivered.log")"
exit 0
