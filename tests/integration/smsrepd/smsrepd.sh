#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# smsrepd.sh TEST BUILD_DIR: the daemon for real, on a Unix socket in a
# temporary directory, stopped by its pid.
#   reload    an overlay copied over the old one applies on SIGHUP, and the
#             next copy applies without a signal (the file changed)
#   bomb      code messages from many senders to one recipient, each checked
#             by smsrep check --server through the daemon: the burst is
#             reported by the message that starts it
#   fallback  the HTTP side answers like the socket; without the daemon
#             smsrep check --server checks in-process and says so on stderr
#   server    smsrep check --server in each format prints what a local check
#             prints plus the burst state, for several inputs (hostile ones
#             too) on one connection; --env's output stays data under eval
#   malformed an answer cut, garbled or never given (fake.py between the
#             command and the daemon) is no answer: the inputs from there
#             on are checked in-process, said once on stderr
#   activation under systemd-socket-activate (no --socket): the first
#             connection starts smsrepd, which answers on systemd's socket
#             and leaves it in place on SIGTERM
#   units     systemd-analyze verify accepts smsrepd.socket and .service
#             (ExecStart pointed at the build) and says nothing
#   fleet     two daemons sharing one redis-server (on a socket, stopped by
#             its pid) see a bomb whose codes alternate between them
set -eu
test_name=$1
build=$2
skip=${3:-}
smsrep=$build/smsrep
# client ARGS... SENDER: smsrep check --json --server on the test's socket.
client() {
    "$smsrep" check --json --server "$sock" "$@"
}
daemon=$build/smsrepd
dir=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
sock=$dir/smsrepd.sock
fail() {
    echo "FAIL: $*" >&2
    [ -f "$dir/log" ] && sed 's/^/smsrepd log: /' "$dir/log" >&2
    exit 1
}
# wait_sock PATH WHO: until PATH is a socket (5 s at most)
wait_sock() {
    i=0
    while [ ! -S "$1" ]; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "$2 made no socket"
        sleep 0.05
    done
}
start() {
    "$daemon" --socket "$sock" "$@" 2>"$dir/log" &
    pid=$!
    wait_sock "$sock" smsrepd
}
stop() {
    kill "$pid"
    wait "$pid" || true
    pid=
}
# wait_log TEXT N: until the log says TEXT N times (5 s at most).
wait_log() {
    i=0
    while [ "$(grep -c "$1" "$dir/log" || true)" -lt "$2" ]; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "the log never said '$1' $2 times"
        sleep 0.05
    done
}
has() {
    case $2 in *"$1"*) ;; *) fail "expected $1 in: $2" ;; esac
}
# unburst FORMAT: the output on stdin without the burst state --server adds
unburst() {
    case $1 in
    --json) sed 's/"burst":\(null\|{[^}]*}\),//' ;;
    --env) grep -v '^SMSREP_[0-9]*_BURST' ;;
    *) sed 's/\( burst=[a-z]* senders=[0-9]*\)\{0,1\}\( store=degraded\)\{0,1\}$//' ;;
    esac
}
# Senders from the gateway tests: a code sender, a spoofed number, a
# look-alike, terminal and shell bytes, a quote, a line feed that would
# forge an assignment, and a flagged foreign number.
esc=$(printf '\033')
set -- 05053704545 +12025550123 AMAZ0N "a${esc}]0;x$esc\\\$(touch pwned)" "x'y" \
    "line
SMSREP_1_CLASS='trusted'" +12025553101

case $test_name in
reload)
    "$smsrep" overlay "$dir/a.sqlite" add allow +12025550100 --note "test line" >/dev/null
    "$smsrep" overlay "$dir/b.sqlite" add deny 090-2730-3177 --region JP --note "seen in a scam" >/dev/null
    "$smsrep" overlay "$dir/c.sqlite" add allow 090-2730-3177 --region JP --note "our own line" >/dev/null
    cp "$dir/a.sqlite" "$dir/overlay.sqlite"
    start --overlay "$dir/overlay.sqlite"
    out=$(client --region JP 090-2730-3177) || true
    has '"recommendation":"allow"' "$out"
    case $out in *overlay_deny*) fail "denied before the new overlay: $out" ;; esac
    # The operator's way: copy next to it, then rename over it (atomic).
    cp "$dir/b.sqlite" "$dir/overlay.sqlite.new"
    mv "$dir/overlay.sqlite.new" "$dir/overlay.sqlite"
    kill -HUP "$pid"
    wait_log 'reloaded' 1
    rc=0
    out=$(client --region JP 090-2730-3177) || rc=$?
    has '"reasons":["overlay_deny"]' "$out"
    has '"recommendation":"block"' "$out"
    [ $rc -eq 1 ] || fail "exit status $rc for a blocked sender"
    # No signal this time: the daemon sees the file change.
    cp "$dir/c.sqlite" "$dir/overlay.sqlite.new"
    mv "$dir/overlay.sqlite.new" "$dir/overlay.sqlite"
    wait_log 'reloaded' 2
    out=$(client --region JP 090-2730-3177)
    has 'overlay_allow' "$out"
    # A broken copy is refused; the last good one keeps answering.
    echo "not a database" >"$dir/overlay.sqlite.new"
    mv "$dir/overlay.sqlite.new" "$dir/overlay.sqlite"
    wait_log 'reload failed' 1
    out=$(client --region JP 090-2730-3177)
    has 'overlay_allow' "$out"
    grep -q '^<6>smsrepd: ready' "$dir/log" || fail "no ready line"
    stop
    echo "SIGHUP applied a denied sender; a changed file applied an allowed one; a broken copy was refused"
    ;;
bomb)
    start --window 600 --senders 5
    i=0
    while [ $i -lt 7 ]; do
        out=$(client --recipient +819012345678 --region JP --time $((1700000000 + i * 20)) \
            --text "Your verification code is 48213$i. Do not share it." "+1202555$((3100 + i))") || true
        has '"one_time_code"' "$out"
        case $i in
        0 | 1 | 2 | 3) has '"in_burst":false' "$out" ;;
        4) has '"in_burst":true,"started":true,"senders":5' "$out" ;;
        *) has '"in_burst":true,"started":false' "$out" ;;
        esac
        i=$((i + 1))
    done
    # Another recipient is not under it.
    out=$(client --recipient +819099999999 --region JP --time 1700000100 \
        --text "Your verification code is 111111" +12025553200) || true
    has '"in_burst":false' "$out"
    stop
    echo "7 codes from 7 senders: the 5th reported the burst as it started, the 6th and 7th as going on"
    ;;
fallback)
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    start --http "$port"
    out=$(python3 - "$port" <<'PY'
import sys, urllib.request, urllib.error
base = "http://127.0.0.1:%s" % sys.argv[1]
print(urllib.request.urlopen(base + "/check?sender=%2B12025550100&recipient=r1&time=1700000000").read().decode(), end="")
try:
    urllib.request.urlopen(base + "/check?recipient=r1")
except urllib.error.HTTPError as e:
    print("status", e.code, e.read().decode(), end="")
PY
)
    has '"input":"+12025550100"' "$out"
    has '"burst":{"in_burst":false' "$out"
    has 'status 400 {"error":"bad_request","message":"no sender"}' "$out"
    stop
    rc=0
    out=$(client --region JP 090-2730-3177 2>"$dir/err") || rc=$?
    has '"normalized":"+819027303177"' "$out"
    has '"burst":null,"schema":1}' "$out"
    grep -q "^smsrep: smsrepd is not answering on $sock; checked in-process (no burst state)\$" "$dir/err" ||
        fail "the fallback said nothing: $(cat "$dir/err")"
    [ $rc -eq 0 ] || fail "exit status $rc"
    # A socket a dead daemon left (connect refused), and a blocked sender:
    # check's exit status, the fallback said once for two senders.
    python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$dir/stale.sock"
    rc=0
    out=$("$smsrep" check --env --server "$dir/stale.sock" --recipient r1 --region JP 05053704545 \
        +12025550123 2>"$dir/err") || rc=$?
    [ $rc -eq 1 ] || fail "exit status $rc for a blocked sender checked in-process"
    [ "$(grep -c 'checked in-process (no burst state)$' "$dir/err")" -eq 1 ] || fail "stderr: $(cat "$dir/err")"
    has "SMSREP_2_RECOMMENDATION='block'" "$out"
    has "SMSREP_2_BURST=''" "$out"
    # What a request cannot carry is a usage error, before any socket.
    rc=0
    "$smsrep" check --recipient r1 --region JP 05053704545 >/dev/null 2>"$dir/err" || rc=$?
    [ $rc -eq 2 ] && grep -q -- '--recipient needs --server' "$dir/err" || fail "--recipient alone: $rc $(cat "$dir/err")"
    rc=0
    "$smsrep" check --server "$dir/stale.sock" --region JPN 05053704545 >/dev/null 2>"$dir/err" || rc=$?
    [ $rc -eq 2 ] && grep -q 'alpha-2' "$dir/err" || fail "--region JPN with --server: $rc $(cat "$dir/err")"
    echo "HTTP answered like the socket; without the daemon, or with its socket refusing, smsrep check --server checked in-process and said so"
    ;;
server)
    start --window 600 --senders 5
    mkdir "$dir/run"
    cd "$dir/run"
    for fmt in text --json --env; do
        f=$fmt
        [ "$f" != text ] || f=
        lrc=0
        "$smsrep" check $f --region JP -- "$@" >"$dir/local" || lrc=$?
        rc=0
        "$smsrep" check $f --region JP --server "$sock" --recipient "+8190000000${#fmt}" -- "$@" \
            >"$dir/remote" 2>"$dir/err" || rc=$?
        [ ! -s "$dir/err" ] || fail "$fmt: stderr: $(cat "$dir/err")"
        [ $rc -eq $lrc ] || fail "$fmt: exit status $rc through smsrepd, $lrc here"
        unburst $fmt <"$dir/remote" >"$dir/unburst"
        cmp -s "$dir/unburst" "$dir/local" ||
            fail "$fmt: through smsrepd: $(diff "$dir/local" "$dir/unburst")"
        # The 5th code or junk sender (the 6th input) starts the burst.
        case $fmt in
        --json)
            [ "$(grep -c '"burst":{"in_burst":false' "$dir/remote")" -eq 5 ] || fail "$(cat "$dir/remote")"
            sed -n 6p "$dir/remote" | grep -q '"burst":{"in_burst":true,"started":true,"senders":5,' ||
                fail "no start: $(cat "$dir/remote")"
            sed -n 7p "$dir/remote" | grep -q '"burst":{"in_burst":true,"started":false,"senders":6,' ||
                fail "no burst on: $(cat "$dir/remote")"
            ;;
        --env)
            [ "$(grep -c "^SMSREP_[1-5]_BURST='off'\$" "$dir/remote")" -eq 5 ] || fail "$(cat "$dir/remote")"
            grep -q "^SMSREP_6_BURST='started'\$" "$dir/remote" || fail "$(cat "$dir/remote")"
            grep -q "^SMSREP_6_BURST_SENDERS='5'\$" "$dir/remote" || fail "$(cat "$dir/remote")"
            grep -q "^SMSREP_7_BURST='on'\$" "$dir/remote" || fail "$(cat "$dir/remote")"
            grep -q "^SMSREP_7_BURST_DEGRADED='0'\$" "$dir/remote" || fail "$(cat "$dir/remote")"
            # Evaluated, every value is the escaped input and nothing runs.
            (
                set -u
                eval "$(cat "$dir/remote")"
                [ "$SMSREP_COUNT" = 7 ] && [ "$SMSREP_4_INPUT" = 'a\x1B]0;x\x1B\\$(touch pwned)' ] &&
                    [ "$SMSREP_5_INPUT" = "x'y" ] &&
                    [ "$SMSREP_6_INPUT" = "line\\nSMSREP_1_CLASS='trusted'" ] &&
                    [ "$SMSREP_1_CLASS" = trusted ] && [ "$SMSREP_6_ERROR" = bad_character ]
            ) || fail "--env through smsrepd did not eval to its inputs: $(cat "$dir/remote")"
            ;;
        *)
            [ "$(grep -c ' burst=' "$dir/remote")" -eq 2 ] || fail "$(cat "$dir/remote")"
            sed -n 6p "$dir/remote" | grep -q '[.)] burst=started senders=5$' || fail "$(cat "$dir/remote")"
            sed -n 7p "$dir/remote" | grep -q '[.)] burst=on senders=6$' || fail "$(cat "$dir/remote")"
            ;;
        esac
        grep -q "$esc" "$dir/remote" && fail "$fmt: a raw escape byte: $(cat -v "$dir/remote")"
    done
    [ -z "$(ls "$dir/run")" ] || fail "a sender ran a command: $(ls "$dir/run")"
    # Text in Japanese (lang=ja), as the locale asks.
    LANG=ja_JP.UTF-8 "$smsrep" check --region JP -- "$@" >"$dir/local" || true
    LANG=ja_JP.UTF-8 "$smsrep" check --region JP --server "$sock" --recipient +819000000009 -- "$@" \
        >"$dir/remote" 2>"$dir/err" || true
    [ ! -s "$dir/err" ] || fail "ja: stderr: $(cat "$dir/err")"
    unburst text <"$dir/remote" | cmp -s - "$dir/local" || fail "ja: $(diff "$dir/local" "$dir/remote")"
    grep -q '信頼できる' "$dir/remote" || fail "ja: not Japanese: $(cat "$dir/remote")"
    # --batch: seven lines, one connection (fake.py counts them), in order.
    python3 "$(dirname "$0")/fake.py" proxy "$dir/f.sock" "$sock" &
    fake=$!
    trap 'kill "$fake" 2>/dev/null || true; cleanup' EXIT INT TERM
    wait_sock "$dir/f.sock" fake.py
    printf '+1202555310%s\n' 1 2 3 4 5 6 7 |
        "$smsrep" check --batch --env --region JP --server "$dir/f.sock" --recipient +819011112222 \
            >"$dir/remote" 2>"$dir/err" || true
    [ ! -s "$dir/err" ] || fail "--batch: stderr: $(cat "$dir/err")"
    [ "$(cat "$dir/f.sock.count")" = 1 ] || fail "--batch took $(cat "$dir/f.sock.count") connections"
    grep -q "^SMSREP_7_INPUT='+12025553107'\$" "$dir/remote" || fail "--batch: $(cat "$dir/remote")"
    grep -q "^SMSREP_5_BURST='started'\$" "$dir/remote" || fail "--batch: $(cat "$dir/remote")"
    grep -q '^SMSREP_COUNT=7$' "$dir/remote" || fail "--batch: $(cat "$dir/remote")"
    kill "$fake"
    stop
    echo "text, JSON and --env through smsrepd equal a local check plus the burst; 7 --batch lines took one connection"
    ;;
malformed)
    start
    for mode in cut garble hang; do
        for fmt in text --json --env; do
            [ "$mode" != hang ] || [ "$fmt" = --env ] || continue
            f=$fmt
            [ "$f" != text ] || f=
            rm -f "$dir/f.sock"
            python3 "$(dirname "$0")/fake.py" "$mode" "$dir/f.sock" "$sock" &
            fake=$!
            wait_sock "$dir/f.sock" fake.py
            lrc=0
            "$smsrep" check $f --region JP -- "$@" >"$dir/local" || lrc=$?
            rc=0
            "$smsrep" check $f --region JP --server "$dir/f.sock" --recipient +819012345678 -- "$@" \
                >"$dir/remote" 2>"$dir/err" || rc=$?
            kill "$fake"
            wait "$fake" 2>/dev/null || true
            [ "$(cat "$dir/err")" = "smsrep: smsrepd is not answering on $dir/f.sock; checked in-process (no burst state)" ] ||
                fail "$mode $fmt: stderr: $(cat "$dir/err")"
            [ $rc -eq $lrc ] || fail "$mode $fmt: exit status $rc, $lrc here"
            unburst $fmt <"$dir/remote" >"$dir/unburst"
            cmp -s "$dir/unburst" "$dir/local" || fail "$mode $fmt: $(diff "$dir/local" "$dir/unburst")"
            # The first answer came from the daemon, the rest from here.
            case $fmt in
            --json)
                [ "$(grep -c '"burst":null,' "$dir/remote")" -eq 6 ] || fail "$mode: $(cat "$dir/remote")"
                head -n 1 "$dir/remote" | grep -q '"burst":{"in_burst":false' || fail "$mode: $(cat "$dir/remote")"
                ;;
            --env)
                [ "$(grep -c "^SMSREP_[2-7]_BURST=''\$" "$dir/remote")" -eq 6 ] || fail "$mode: $(cat "$dir/remote")"
                grep -q "^SMSREP_1_BURST='off'\$" "$dir/remote" || fail "$mode: $(cat "$dir/remote")"
                grep -q '^SMSREP_COUNT=7$' "$dir/remote" || fail "$mode: $(cat "$dir/remote")"
                ;;
            esac
            grep -q "$esc" "$dir/remote" && fail "$mode $fmt: a raw escape byte: $(cat -v "$dir/remote")"
        done
    done
    stop
    echo "an answer cut, garbled or not given within 3 s: the rest were checked in-process, said once"
    ;;
activation)
    command -v systemd-socket-activate >/dev/null 2>&1 ||
        exec sh "$skip" smsrepd.activation "systemd-socket-activate is not installed (apt-get install systemd)"
    systemd-socket-activate -l "$sock" "$daemon" 2>"$dir/log" &
    pid=$!
    wait_sock "$sock" systemd-socket-activate
    # Not started before the first connection: the process is still systemd's.
    [ "$(cat /proc/$pid/comm)" != smsrepd ] || fail "smsrepd started before any connection"
    out=$(client --recipient r1 --region JP 05053704545 2>"$dir/err") || fail "exit status $?: $out"
    [ ! -s "$dir/err" ] || fail "stderr: $(cat "$dir/err")"
    has '"recommendation":"allow"' "$out"
    has '"burst":{"in_burst":false,' "$out"
    [ "$(cat /proc/$pid/comm)" = smsrepd ] || fail "the process is $(cat /proc/$pid/comm), not smsrepd"
    grep -q '^<6>smsrepd: ready' "$dir/log" || fail "no ready line"
    # The socket is systemd's: SIGTERM leaves it where it is.
    stop
    grep -q '^<6>smsrepd: stopping' "$dir/log" || fail "no stopping line"
    [ -S "$sock" ] || fail "smsrepd removed systemd's socket"
    echo "the first connection started smsrepd on systemd's socket, which it left in place on SIGTERM"
    ;;
units)
    command -v systemd-analyze >/dev/null 2>&1 ||
        exec sh "$skip" smsrepd.units "systemd-analyze is not installed (apt-get install systemd)"
    units=$(dirname "$0")/../../../examples/smsrepd
    cp "$units/smsrepd.socket" "$units/smsrepd.service" "$dir/"
    sed -i "s|^ExecStart=/usr/sbin/smsrepd |ExecStart=$daemon |" "$dir/smsrepd.service"
    grep -q "^ExecStart=$daemon " "$dir/smsrepd.service" || fail "no ExecStart=/usr/sbin/smsrepd to point at the build"
    rc=0
    systemd-analyze verify "$dir/smsrepd.socket" "$dir/smsrepd.service" >"$dir/verify" 2>&1 || rc=$?
    [ $rc -eq 0 ] && [ ! -s "$dir/verify" ] || fail "systemd-analyze verify (exit $rc): $(cat "$dir/verify")"
    # It can fail: a socket without its Listen line is refused.
    sed -i 's/^ListenStream=/ListenStrem=/' "$dir/smsrepd.socket"
    systemd-analyze verify "$dir/smsrepd.socket" "$dir/smsrepd.service" >/dev/null 2>&1 &&
        fail "systemd-analyze verify passed a socket unit without ListenStream"
    echo "systemd-analyze verify: smsrepd.socket and smsrepd.service without a word"
    ;;
fleet)
    if ! command -v redis-server >/dev/null 2>&1; then
        exec sh "$skip" smsrepd.fleet "redis-server is not installed (apt-get install redis-server)"
    fi
    if ! "$daemon" --help 2>&1 | grep -q -- --redis; then
        exec sh "$skip" smsrepd.fleet "smsrepd was built without libsmsrep_redis (libhiredis-dev)"
    fi
    redis-server --port 0 --unixsocket "$dir/r.sock" --unixsocketperm 700 --save '' --appendonly no \
        --dir "$dir" --logfile "$dir/redis.log" &
    redis_pid=$!
    trap 'kill "$redis_pid" 2>/dev/null || true; cleanup' EXIT INT TERM
    wait_sock "$dir/r.sock" redis-server
    printf 'a fleet secret for the test, 32b\n' >"$dir/secret"
    set --
    "$daemon" --socket "$dir/a.sock" --redis "$dir/r.sock" --secret-file "$dir/secret" 2>"$dir/log.a" &
    pid_a=$!
    "$daemon" --socket "$dir/b.sock" --redis "$dir/r.sock" --secret-file "$dir/secret" 2>"$dir/log.b" &
    pid_b=$!
    trap 'kill "$pid_a" "$pid_b" "$redis_pid" 2>/dev/null || true; cleanup' EXIT INT TERM
    wait_sock "$dir/a.sock" "smsrepd a"
    wait_sock "$dir/b.sock" "smsrepd b"
    i=0
    while [ $i -lt 6 ]; do
        node=a
        [ $((i % 2)) -eq 0 ] || node=b
        out=$("$smsrep" check --json --server "$dir/$node.sock" --recipient +819012345678 --region JP --time $((1700000000 + i * 20)) \
            --text "Your verification code is 48213$i" "+1202555$((3100 + i))") || true
        has "\"senders\":$((i + 1)),\"messages\"" "$out"
        has '"degraded":false' "$out"
        [ $i -ne 4 ] || has '"in_burst":true,"started":true' "$out"
        i=$((i + 1))
    done
    grep -q '+81' "$dir/redis.log" "$dir/log.a" "$dir/log.b" && fail "a number in a log"
    kill "$pid_a" "$pid_b"
    wait "$pid_a" "$pid_b" || true
    echo "6 codes alternating over two daemons: one Redis counted 6 senders, the 5th started the burst"
    ;;
*)
    fail "no test $test_name"
    ;;
esac
