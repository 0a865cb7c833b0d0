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
start() {
    "$daemon" --socket "$sock" "$@" 2>"$dir/log" &
    pid=$!
    i=0
    while [ ! -S "$sock" ]; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "smsrepd did not start"
        sleep 0.05
    done
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
    echo "HTTP answered like the socket; without the daemon smsrep check --server checked in-process and said so"
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
    i=0
    while [ ! -S "$dir/r.sock" ]; do
        i=$((i + 1))
        [ $i -le 100 ] || fail "redis-server did not start"
        sleep 0.05
    done
    printf 'a fleet secret for the test, 32b\n' >"$dir/secret"
    "$daemon" --socket "$dir/a.sock" --redis "$dir/r.sock" --secret-file "$dir/secret" 2>"$dir/log.a" &
    pid_a=$!
    "$daemon" --socket "$dir/b.sock" --redis "$dir/r.sock" --secret-file "$dir/secret" 2>"$dir/log.b" &
    pid_b=$!
    trap 'kill "$pid_a" "$pid_b" "$redis_pid" 2>/dev/null || true; cleanup' EXIT INT TERM
    for sk in a b; do
        i=0
        while [ ! -S "$dir/$sk.sock" ]; do
            i=$((i + 1))
            [ $i -le 100 ] || fail "smsrepd $sk did not start"
            sleep 0.05
        done
    done
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
