#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# kannel_smsrepd.sh: Kannel with no shell at all: fakesmsc (kannel-extras)
# sends to bearerbox, smsbox's get-url calls smsrepd's GET /kannel, which
# judges, logs one line and redirects what passes to an application (a few
# lines of python3 that record what they get and reply "thanks"); Kannel
# follows the redirect and sends the application's reply back.
#   smsrepd  hostile senders and texts: passed on with the verdict and the
#            text intact, the blocked and the unjudged held, nothing run
#   bomb     two ordinary messages, then codes from six senders to one
#            recipient: the fifth is logged burst=started, and every message
#            still reaches the application
#   fleet    two smsboxes on one bearerbox, each with its own smsrepd, the
#            codes routed to them in turn (fakesmsc's "route" type): with
#            one redis-server behind both daemons the fifth code starts the
#            burst; with a store each, neither ever sees one
# Usage: kannel_smsrepd.sh CASE SMSREPD DBFILE FREEPORTS SOURCE-DIR
# (exit 77: Kannel absent)
set -u
. "$(dirname "$0")/harness.sh"
case=$1
smsrepd=$2
dbfile=$3
freeports=$4
src=$5
fakesmsc=/usr/lib/kannel/test/fakesmsc
PATH=$PATH:/usr/sbin
skip() {
    sh "$(dirname "$0")/../skip.sh" "gateway.kannel.$case" "$1"
    exit $?
}
for p in bearerbox smsbox; do
    command -v $p >/dev/null 2>&1 || skip "$p (Debian package kannel) is not installed"
done
[ -x $fakesmsc ] || skip "$fakesmsc (Debian package kannel-extras) is not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
"$smsrepd" --help 2>&1 | grep -q 'GET /kannel' || skip "smsrepd was built without libmicrohttpd"
fail() {
    printf 'FAIL [kannel %s]: %s\n' "$case" "$*" >&2
    for f in smsrepd.out app.log verdicts.log; do
        [ -f "$tmp/$f" ] && sed "s|^|$f: |" "$tmp/$f" >&2
    done
    exit 1
}

tmp=$(mktemp -d) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
mkdir "$tmp/run"

set -- $("$freeports" 6) || fail "no free ports"
admin=$1 smsbox_port=$2 smsc_port=$3 http=$4 app=$5 http_b=$6

# The application: one JSON object per request (the query decoded), the
# raw query too, and "thanks" as the reply Kannel sends back.
cat >"$tmp/app.py" <<'APP'
import http.server, json, sys, urllib.parse
out = open(sys.argv[2], "a", buffering=1)
class App(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        fields = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        fields["_path"] = self.path.split("?", 1)[0]
        out.write(json.dumps(fields) + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "6")
        self.end_headers()
        self.wfile.write(b"thanks")
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), App).serve_forever()
APP

# The README's smsrepd variant of the Kannel configuration, on free ports.
kannel_conf "$tmp" "$admin" "$smsbox_port" "$smsc_port" "$http" 0 >"$tmp/kannel.conf"

# wait_for FILE PATTERN [N]: until FILE holds PATTERN on N lines (1), at most 10 s
wait_for() {
    n=0
    until c=$(grep -c -- "$2" "$1" 2>/dev/null); [ "${c:-0}" -ge "${3:-1}" ]; do
        [ $n -lt 100 ] || fail "not ${3:-1} lines with '$2' in ${1##*/}: $(tail -5 "$1" 2>/dev/null)"
        sleep 0.1
        n=$((n + 1))
    done
}

spawn "$tmp/app.out" python3 "$tmp/app.py" "$app" "$tmp/app.log"

if [ "$case" = fleet ]; then
    command -v redis-server >/dev/null 2>&1 || skip "redis-server is not installed"
    "$smsrepd" --help 2>&1 | grep -q -- --redis || skip "smsrepd was built without libsmsrep_redis"
    spawn "$tmp/redis.out" redis-server --port 0 --unixsocket "$tmp/r.sock" --unixsocketperm 700 \
        --save '' --appendonly no --dir "$tmp"
    n=0
    until [ -S "$tmp/r.sock" ]; do
        [ $n -lt 100 ] || fail "redis-server did not start"
        sleep 0.05
        n=$((n + 1))
    done
    printf 'a fleet secret for the test, 32b\n' >"$tmp/secret"
    # Box A as the README has it (smsbox-id added); box B the same but for
    # its id and its own smsrepd.
    sed 's/^group = smsbox$/&\nsmsbox-id = A/' "$tmp/kannel.conf" >"$tmp/a.conf"
    sed -e 's/^group = smsbox$/&\nsmsbox-id = B/' -e "s|127.0.0.1:$http/|127.0.0.1:$http_b/|" \
        -e "s|smsbox.log|smsbox-b.log|" "$tmp/kannel.conf" >"$tmp/b.conf"
    # daemons PHASE [--redis ...]: smsrepd A and B, logging to verdicts.PHASE.A/B
    daemons() {
        phase=$1
        shift
        for d in A B; do
            port=$http
            [ $d = A ] || port=$http_b
            spawn "$tmp/smsrepd.$phase.$d.out" "$smsrepd" --socket "$tmp/$phase.$d.sock" --db "$dbfile" \
                --http "$port" --next "http://127.0.0.1:$app/sms?node=$d" --quarantine "$tmp/quarantine" \
                --log "$tmp/verdicts.$phase.$d" "$@"
            eval "pid_$d=\$spawned"
            wait_for "$tmp/smsrepd.$phase.$d.out" "ready"
        done
    }
    daemons shared --redis "$tmp/r.sock" --secret-file "$tmp/secret"
    spawn "$tmp/bearerbox.out" bearerbox -v 0 "$tmp/a.conf"
    wait_for "$tmp/bearerbox.log" "Start-up done"
    spawn "$tmp/smsbox-a.out" smsbox -v 0 "$tmp/a.conf"
    spawn "$tmp/smsbox-b.out" smsbox -v 0 "$tmp/b.conf"
    wait_for "$tmp/bearerbox.log" "Client connected from <127.0.0.1>" 2
    got=0
    # codes PHASE RECIPIENT: eight codes from eight senders, to A and B in turn
    codes() {
        i=0
        while [ $i -lt 8 ]; do
            box=A
            [ $((i % 2)) -eq 0 ] || box=B
            (cd "$tmp/run" && exec setsid $fakesmsc -H 127.0.0.1 -r "$smsc_port" -m 1 \
                "+1202555310$i $2 route $box Your verification code is 48213$i") >"$tmp/fakesmsc.$1.$i" 2>&1 &
            f=$!
            sessions="$f $sessions"
            i=$((i + 1))
            got=$((got + 1))
            wait_for "$tmp/verdicts.$1.$box" ' smsrep ' $(((i + 1) / 2))
            wait_for "$tmp/app.log" '"_path"' $got
            stop $f
        done
    }
    codes shared 12345
    stop "$pid_A"
    stop "$pid_B"
    daemons local
    codes local 12346
    for d in A B; do
        for phase in shared local; do
            [ "$(grep -c ' smsrep +1202555310' "$tmp/verdicts.$phase.$d")" -eq 4 ] ||
                fail "$phase $d judged: $(cat "$tmp/verdicts.$phase.$d")"
        done
    done
    # One Redis: the fifth code (to box A) started the burst for the fleet.
    grep -q -x '.* smsrep +12025553104 caution flag +12025553104 \[foreign_route one_time_code\] burst=started senders=5' \
        "$tmp/verdicts.shared.A" || fail "no start on the fifth code: $(cat "$tmp/verdicts.shared.A")"
    grep -q ' smsrep +12025553107 .* burst=on senders=8$' "$tmp/verdicts.shared.B" ||
        fail "the burst did not go on at B: $(cat "$tmp/verdicts.shared.B")"
    [ "$(cat "$tmp"/verdicts.shared.* | grep -c 'burst=')" -eq 4 ] || fail "burst words on the first four"
    # A store each: four senders each, never a burst.
    grep -q 'burst=' "$tmp"/verdicts.local.* && fail "a burst with a store each: $(cat "$tmp"/verdicts.local.*)"
    [ "$(grep -c '"smsrep_burst": "started"' "$tmp/app.log")" -eq 1 ] || fail "the app's smsrep_burst"
    [ "$(grep -c '"node": "A"' "$tmp/app.log")" -eq 8 ] && [ "$(grep -c '"node": "B"' "$tmp/app.log")" -eq 8 ] ||
        fail "not 8 messages through each box"
    cat "$tmp"/smsrepd.*.out | grep -q '+1202\|12345' && fail "a number in smsrepd's journal"
    echo "16 codes through two smsboxes in turn: one Redis behind both daemons started the burst on" \
         "the fifth; a store each saw four senders and no burst"
    exit 0
fi

spawn "$tmp/smsrepd.out" "$smsrepd" --socket "$tmp/smsrepd.sock" --db "$dbfile" --http "$http" \
    --next "http://127.0.0.1:$app/sms?node=gw1" --quarantine "$tmp/quarantine" --log "$tmp/verdicts.log"
wait_for "$tmp/smsrepd.out" "ready"
spawn "$tmp/bearerbox.out" bearerbox -v 0 "$tmp/kannel.conf"
wait_for "$tmp/bearerbox.log" "Start-up done"
spawn "$tmp/smsbox.out" smsbox -v 0 "$tmp/kannel.conf"
wait_for "$tmp/bearerbox.log" "Client connected from <127.0.0.1>"

# sender|text|where it must end up: passed on to the app (next) or held.
# The smsrepd case sends each to a recipient of its own (its flagged
# senders would make a burst for one); the bomb case, all to 12345.
soh=$(printf '\001')
case $case in
smsrepd)
    cat >"$tmp/cases" <<CASES
+815053704545|hello|next
+447700900123|hello|quarantine
09027303177|it's a (test) * \$(touch pwned0) \`touch pwned1\`; touch pwned2|next
AMAZ0N|hello|next
O'Reilly|odd ' quote|next
a(b*|text|next
\$(touch\${IFS}pwned3)|text|next
+12025550123${soh}|control|quarantine
\`touch\${IFS}pwned4\`|text|next
a;touch\${IFS}pwned5;|text|next
CASES
    ;;
bomb)
    {
        printf '%s\n' "+815053704545|hello|next" "09027303177|see you at seven|next"
        for i in 0 1 2 3 4 5; do
            printf '+1202555310%s|Your verification code is 48213%s. Do not share it.|next\n' $i $i
        done
    } >"$tmp/cases"
    ;;
*) fail "no case $case" ;;
esac

# One message per fakesmsc call, in the boxes' working folder run/ (a
# command that got through would leave its file there); a message passed on
# is through when the app's reply came back to fakesmsc, a held one when
# its file is in the quarantine.
judged=0
passed=0
held=0
start=$(date +%s%3N)
while IFS='|' read -r sender text where; do
    judged=$((judged + 1))
    out=$tmp/fakesmsc.$judged
    to=12345
    [ "$case" = bomb ] || to=1234$judged
    (cd "$tmp/run" && exec setsid $fakesmsc -H 127.0.0.1 -r "$smsc_port" -m 1 \
        "$sender $to text $text") >"$out" 2>&1 &
    spawned=$!
    sessions="$spawned $sessions"
    wait_for "$tmp/verdicts.log" ' smsrep ' $judged
    if [ "$where" = next ]; then
        passed=$((passed + 1))
        wait_for "$tmp/app.log" '"_path"' $passed
        wait_for "$out" "Got message"
    else
        held=$((held + 1))
        n=0
        until [ "$(ls "$tmp/quarantine" | wc -l)" -ge $held ]; do
            [ $n -lt 100 ] || fail "not held: $sender"
            sleep 0.1
            n=$((n + 1))
        done
    fi
    stop "$spawned"
done <"$tmp/cases"
end=$(date +%s%3N)

pwned=$(find "$tmp" -name 'pwned*')
[ -z "$pwned" ] || fail "a sender or text ran a command: $pwned"
[ "$(wc -l <"$tmp/verdicts.log")" -eq $judged ] || fail "not one verdict line per message"
[ "$(wc -l <"$tmp/app.log")" -eq $passed ] || fail "passed on: $(cat "$tmp/app.log")"
[ "$(ls "$tmp/quarantine" | wc -l)" -eq $held ] || fail "held: $(ls "$tmp/quarantine")"
# Kannel sent the app's reply for each message passed on, and nothing for
# a held one (omit-empty): no "Empty reply", no "Could not fetch".
replies=$(cat "$tmp"/fakesmsc.* | grep -c 'Got message')
[ "$replies" -eq $passed ] || fail "$replies replies for $passed messages: $(grep -h 'Got message' "$tmp"/fakesmsc.*)"
[ "$(cat "$tmp"/fakesmsc.* | grep 'Got message' | grep -c ' text thanks>$')" -eq $passed ] ||
    fail "replies: $(grep -h 'Got message' "$tmp"/fakesmsc.*)"

expect() {
    grep -F -x -q "$1" "$tmp/verdicts.log.cut" || fail "no verdict '$1'"
}
# The time stamp off: the rest of each line is known.
grep -q '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z smsrep ' "$tmp/verdicts.log" ||
    fail "verdict lines are not time-stamped"
cut -d' ' -f2- "$tmp/verdicts.log" >"$tmp/verdicts.log.cut"

# app_has PYTHON-CONDITION...: each is true of exactly one request the app got (f: its fields)
app_has() {
    python3 - "$tmp/app.log" "$@" <<'PY' || fail "the app's requests"
import json, sys
got = [json.loads(l) for l in open(sys.argv[1])]
for cond in sys.argv[2:]:
    n = sum(1 for f in got if eval(cond, {"f": f}))
    if n != 1:
        print("%d requests where %s" % (n, cond), file=sys.stderr)
        sys.exit(1)
PY
}

case $case in
smsrepd)
    expect 'smsrep +815053704545 trusted allow +815053704545 [known_otp_sender ip_phone]'
    expect 'smsrep +447700900123 spoofed block +447700900123 [invalid_number fictional_range foreign_route]'
    expect 'smsrep 09027303177 unknown allow +819027303177 []'
    expect 'smsrep AMAZ0N suspicious flag AMAZ0N [brand_lookalike unregistered_sender_id]'
    grep -F -q "smsrep O'Reilly caution flag O'REILLY" "$tmp/verdicts.log" || fail "O'Reilly"
    grep -F -q 'smsrep a(b* caution flag A(B*' "$tmp/verdicts.log" || fail "a(b*"
    grep -F -q 'smsrep $(touch${IFS}pwned3) suspicious flag' "$tmp/verdicts.log" || fail 'pwned3'
    expect 'smsrep +12025550123\x01 error bad_character'
    # Passed on: Kannel's own fields and smsrepd's verdict, texts intact,
    # the next URL's own query kept.
    app_has "f['sender'] == '+815053704545' and f['text'] == 'hello' and f['smsrep_class'] == 'trusted' and f['smsrep_recommendation'] == 'allow' and f['smsrep_reasons'] == 'known_otp_sender ip_phone' and f['smsrep_burst'] == 'off' and f['node'] == 'gw1' and f['smsc'] == 'FAKE' and f['recipient'] == '12341' and len(f['id']) == 36 and f['_path'] == '/sms'" \
        "f['sender'] == '09027303177' and f['text'] == \"it's a (test) * \$(touch pwned0) \`touch pwned1\`; touch pwned2\" and f['smsrep_class'] == 'unknown'" \
        "f['sender'] == \"O'Reilly\" and f['text'] == \"odd ' quote\" and f['smsrep_recommendation'] == 'flag'" \
        "f['sender'] == 'a(b*' and f['smsrep_class'] == 'caution'" \
        "f['sender'] == '\$(touch\${IFS}pwned3)'" \
        "f['sender'] == '\`touch\${IFS}pwned4\`'" \
        "f['sender'] == 'a;touch\${IFS}pwned5;'" \
        "f['sender'] == 'AMAZ0N' and f['smsrep_reasons'] == 'brand_lookalike unregistered_sender_id'"
    grep -q 'burst=' "$tmp/verdicts.log" && fail "a burst without one"
    grep -q '447700900123\|12025550123' "$tmp/app.log" && fail "a held message reached the app"
    # Held: the query as Kannel sent it, one field a line, and why.
    b=$(ls "$tmp/quarantine"/*.blocked) && e=$(ls "$tmp/quarantine"/*.error) || fail "held: $(ls "$tmp/quarantine")"
    grep -x -q 'sender=%2B447700900123' "$b" && grep -x -q 'smsrep_class=spoofed' "$b" &&
        grep -x -q 'text=hello' "$b" || fail "blocked file: $(cat "$b")"
    grep -x -q 'sender=%2B12025550123%01' "$e" && grep -x -q 'smsrep_error=bad_character' "$e" ||
        fail "error file: $(cat "$e")"
    case $(stat -c %a "$b" "$e" | sort -u) in 600) ;; *) fail "held files are not 0600" ;; esac
    ls "$tmp/quarantine" | grep -q '^[0-9]\{8\}_[0-9]\{6\}_[0-9]*\.\(blocked\|error\)$' ||
        fail "held file names: $(ls "$tmp/quarantine")"
    grep -q '+81\|+44\|+1202' "$tmp/smsrepd.out" && fail "a number in smsrepd's journal"
    ;;
bomb)
    expect 'smsrep +815053704545 trusted allow +815053704545 [known_otp_sender ip_phone]'
    expect 'smsrep 09027303177 unknown allow +819027303177 []'
    for i in 0 1 2 3; do
        expect "smsrep +1202555310$i caution flag +1202555310$i [foreign_route one_time_code]"
    done
    expect 'smsrep +12025553104 caution flag +12025553104 [foreign_route one_time_code] burst=started senders=5'
    expect 'smsrep +12025553105 caution flag +12025553105 [foreign_route one_time_code] burst=on senders=6'
    [ "$(grep -c 'burst=' "$tmp/verdicts.log")" -eq 2 ] || fail "burst words on other lines"
    # A burst holds no message: all eight reached the app, the fifth code
    # with smsrep_burst=started.
    app_has "f['sender'] == '+12025553104' and f['smsrep_burst'] == 'started' and f['text'] == 'Your verification code is 482134. Do not share it.'" \
        "f['sender'] == '+12025553105' and f['smsrep_burst'] == 'on'"
    [ "$(grep -c '"smsrep_burst": "off"' "$tmp/app.log")" -eq 6 ] || fail "burst off"
    ;;
esac
echo "$judged messages through fakesmsc, bearerbox, smsbox's get-url, smsrepd and the app in" \
     "$((end - start)) ms: $passed passed on (each reply back to fakesmsc), $held held"
exit 0
