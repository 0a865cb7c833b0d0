#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# redis.sh TEST FEED SKIP: the Redis burst store against a real redis-server
# on a Unix socket in a temporary directory (no TCP port), stopped by its pid.
#   same_stream  one event stream through the in-process and the Redis store
#   fleet        three processes round-robin: one Redis sees the bomb, three
#                per-process stores do not
#   outage       Redis killed mid-stream: degraded answers, none lost; a new
#                Redis (empty script cache) is used again; a Redis that hangs
#                (SIGSTOP) answers degraded after the time-out
set -eu
test_name=$1
feed=$2
skip=$3
if ! command -v redis-server >/dev/null 2>&1; then
    exec sh "$skip" "redis.$test_name" "redis-server is not installed (apt-get install redis-server)"
fi
dir=$(mktemp -d)
redis_pid=
cleanup() {
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null || true
    for p in $(cat "$dir"/*.pid 2>/dev/null); do kill "$p" 2>/dev/null || true; done
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
sock=$dir/redis.sock

# Redis never holds a feed's pipe open: it would never see the end.
start_redis() {
    rm -f "$sock"
    redis-server --port 0 --unixsocket "$sock" --unixsocketperm 700 --save '' \
        --appendonly no --dir "$dir" --logfile "$dir/redis.log" 3>&- 4>&- 5>&- &
    redis_pid=$!
    i=0
    while [ ! -S "$sock" ]; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then echo "FAIL: redis-server did not start" >&2; cat "$dir/redis.log" >&2; exit 1; fi
        sleep 0.05
    done
}
stop_redis() {
    kill "$redis_pid"
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=
}
fail() { echo "FAIL: $*" >&2; exit 1; }

# A day at one recipient: a bomb of 12 code senders 10 s apart, then
# ordinary traffic; a second recipient with 3 senders, never a burst.
bomb_stream() {
    i=0
    while [ $i -lt 12 ]; do
        printf '+819012345678 +1202555%04d %d 1\n' "$i" $((100000 + i * 10))
        printf '+447700900123 BANK%d %d %d\n' $((i % 3)) $((100000 + i * 10 + 1)) $((i % 2))
        i=$((i + 1))
    done
    i=0
    while [ $i -lt 6 ]; do
        printf '+819012345678 +1202555%04d %d 1\n' "$i" $((100000 + 2000 + i * 300))
        i=$((i + 1))
    done
}

# send FROM TO: code messages from senders FROM..TO-1 to one recipient, on fd 3.
send() {
    i=$1
    while [ $i -lt $2 ]; do
        printf '+819012345678 +1202555%04d %d 1\n' "$i" $((100000 + i * 10)) >&3
        i=$((i + 1))
    done
}
# wait_lines N: until the feed has answered N messages (10 s at most).
wait_lines() {
    i=0
    while [ "$(wc -l <"$dir/out")" -lt "$1" ]; do
        i=$((i + 1))
        [ $i -le 200 ] || fail "$(wc -l <"$dir/out") answers, waiting for $1"
        sleep 0.05
    done
}
# run_fleet STORE TAG: three feeds on STORE, the bomb's codes round-robin.
run_fleet() {
    for n in 0 1 2; do
        rm -f "$dir/in$n"
        mkfifo "$dir/in$n"
        "$feed" "$1" <"$dir/in$n" >"$dir/$2.out$n" &
        echo $! >"$dir/feed$n.pid"
    done
    exec 3>"$dir/in0" 4>"$dir/in1" 5>"$dir/in2"
    i=0
    while [ $i -lt 12 ]; do
        line=$(printf '+819012345678 +1202555%04d %d 1' "$i" $((100000 + i * 10)))
        case $((i % 3)) in
        0) echo "$line" >&3 ;;
        1) echo "$line" >&4 ;;
        *) echo "$line" >&5 ;;
        esac
        i=$((i + 1))
    done
    exec 3>&- 4>&- 5>&-
    for n in 0 1 2; do
        wait "$(cat "$dir/feed$n.pid")"
        rm -f "$dir/feed$n.pid"
    done
}
max_senders() {
    cat "$dir"/"$1".out* | cut -d' ' -f3 | sort -n | tail -n 1
}

start_redis
case $test_name in
same_stream)
    bomb_stream >"$dir/events"
    "$feed" local <"$dir/events" | cut -d' ' -f1-3 >"$dir/local"
    "$feed" "$sock" <"$dir/events" >"$dir/redis.full"
    cut -d' ' -f1-3 "$dir/redis.full" >"$dir/redis"
    [ "$(wc -l <"$dir/events")" -eq 30 ] || fail "the stream has $(wc -l <"$dir/events") events"
    grep -q '^1 1 5$' "$dir/local" || fail "the in-process store saw no bomb start"
    cut -d' ' -f4 "$dir/redis.full" | grep -qv '^0$' && fail "degraded answers with Redis up"
    if ! diff "$dir/local" "$dir/redis"; then fail "the two stores differ (in_burst started senders)"; fi
    echo "30 events, the same in_burst, started and senders through both stores"
    ;;
fleet)
    run_fleet "$sock" shared
    run_fleet local alone
    cat "$dir"/shared.out* | cut -d' ' -f2 | grep -c '^1$' >"$dir/started" || true
    [ "$(cat "$dir/started")" -eq 1 ] || fail "one shared Redis: $(cat "$dir/started") starts, not 1"
    [ "$(max_senders shared)" -eq 12 ] || fail "one shared Redis: at most $(max_senders shared) senders, not 12"
    [ "$(max_senders alone)" -eq 4 ] || fail "per process: at most $(max_senders alone) senders, not 4"
    if cut -d' ' -f1 "$dir"/alone.out* | grep -q '^1$'; then fail "a per-process store saw a burst"; fi
    echo "12 codes over 3 processes: shared Redis counted 12 senders and one start; per process at most 4, no burst"
    ;;
outage)
    rm -f "$dir/in"
    mkfifo "$dir/in"
    : >"$dir/out"
    "$feed" "$sock" 100 <"$dir/in" >"$dir/out" 2>"$dir/log" &
    echo $! >"$dir/feed.pid"
    exec 3>"$dir/in"
    send 0 6
    wait_lines 6
    [ "$(tail -n 1 "$dir/out")" = "1 0 6 0" ] || fail "before the outage: $(tail -n 1 "$dir/out")"
    stop_redis
    send 6 10
    wait_lines 10
    # Every message answered, from the local count, marked degraded.
    [ "$(sed -n 7,10p "$dir/out" | tr '\n' ,)" = "1 0 7 1,1 0 8 1,1 0 9 1,1 0 10 1," ] ||
        fail "during the outage: $(sed -n 7,10p "$dir/out" | tr '\n' ,)"
    start_redis # a new, empty Redis: no keys, no script
    sleep 0.3   # past retry_ms
    send 10 12
    wait_lines 12
    [ "$(sed -n 11,12p "$dir/out" | tr '\n' ,)" = "0 0 1 0,0 0 2 0," ] ||
        fail "after the restart: $(sed -n 11,12p "$dir/out" | tr '\n' ,)"
    # A Redis that hangs (stopped, not gone): the time-out answers for it.
    kill -STOP "$redis_pid"
    send 12 13
    wait_lines 13
    [ "$(sed -n 13p "$dir/out")" = "1 0 13 1" ] || fail "while Redis hangs: $(sed -n 13p "$dir/out")"
    kill -CONT "$redis_pid"
    sleep 0.3
    send 13 14
    wait_lines 14
    # Redis may still run the script that timed out once it resumes (it was
    # sent): 3 or 4 senders, from Redis either way.
    case $(sed -n 14p "$dir/out") in
    "0 0 3 0" | "0 0 4 0") ;;
    *) fail "after the hang: $(sed -n 14p "$dir/out")" ;;
    esac
    exec 3>&-
    rc=0
    wait "$(cat "$dir/feed.pid")" || rc=$?
    rm -f "$dir/feed.pid"
    [ $rc -eq 0 ] || fail "the feed exited with $rc"
    # Two outages (gone, then hung): one line each way for each.
    [ "$(grep -c 'unavailable' "$dir/log")" -eq 2 ] || fail "log: $(cat "$dir/log")"
    [ "$(grep -c 'back' "$dir/log")" -eq 2 ] || fail "log: $(cat "$dir/log")"
    grep -q '+81' "$dir/log" && fail "a number in the log"
    echo "14 messages, 14 answers: 4 degraded while Redis was down and 1 while it hung, one log line each way per outage; the restarted Redis counts again"
    ;;
*)
    fail "no test $test_name"
    ;;
esac
