#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# smsrepd_bench.sh BUILD_DIR: prints figures, asserts nothing. Checks per
# second through smsrepd (one connection; a smsrep check --server process
# per message) against a smsrep check process per message; the Redis burst
# store's events per second from one and two clients, and Redis's memory
# per tracked recipient. Starts its own smsrepd and redis-server on sockets
# in a temporary directory and stops them by pid.
set -eu
build=$1
dir=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
wait_sock() {
    i=0
    while [ ! -S "$1" ]; do i=$((i + 1)); [ $i -le 100 ] || exit 1; sleep 0.05; done
}
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f per second, %.2f ms each", n / (b - a), (b - a) * 1000 / n }'; }

echo "== checks: 090-5370-xxxx in JP with a code text"
"$build/smsrepd" --socket "$dir/d.sock" 2>/dev/null &
pids="$pids $!"
wait_sock "$dir/d.sock"
"$build/tests/smsrepd-load" "$dir/d.sock" 20000
n=200
a=$(now)
i=0
while [ $i -lt $n ]; do
    "$build/smsrep" check --json --server "$dir/d.sock" --recipient +819012345678 --region JP \
        --text "Your code is 123456" "0905370$((1000 + i))" >/dev/null || true
    i=$((i + 1))
done
b=$(now)
echo "$n smsrep check --server processes through smsrepd: $(rate $n "$a" "$b")"
a=$(now)
i=0
while [ $i -lt $n ]; do
    "$build/smsrep" check --json --region JP --text "Your code is 123456" "0905370$((1000 + i))" >/dev/null || true
    i=$((i + 1))
done
b=$(now)
echo "$n smsrep check processes (one per message): $(rate $n "$a" "$b")"
echo "smsrepd resident memory after these: $(awk '/VmRSS/ { print $2 " kB" }' /proc/$(echo $pids | awk '{print $1}')/status)"

if ! command -v redis-server >/dev/null 2>&1 || [ ! -x "$build/tests/redis/redis_feed" ]; then
    echo "== Redis: redis-server or libsmsrep_redis missing, not measured"
    exit 0
fi
echo "== the Redis burst store (Unix socket, 8 senders per recipient)"
redis-server --port 0 --unixsocket "$dir/r.sock" --save '' --appendonly no --dir "$dir" \
    --logfile "$dir/redis.log" &
pids="$pids $!"
wait_sock "$dir/r.sock"
feed=$build/tests/redis/redis_feed
"$build/tests/redis/redis_feed" --bench local 0 200000 1000 | sed 's/^/in-process store, 1 client: /'
"$feed" --bench "$dir/r.sock" 0 50000 1000 | sed 's/^/Redis store, 1 client: /'
SMSREP_TEST_PREFIX=b1: "$feed" --bench "$dir/r.sock" 0 50000 1000 >"$dir/c1" &
p1=$!
SMSREP_TEST_PREFIX=b2: "$feed" --bench "$dir/r.sock" 0 50000 1000 >"$dir/c2" &
p2=$!
wait $p1 $p2
sed 's/^/Redis store, 2 clients at once, client 1: /' "$dir/c1"
sed 's/^/Redis store, 2 clients at once, client 2: /' "$dir/c2"
redis-cli -s "$dir/r.sock" FLUSHALL >/dev/null
before=$(redis-cli -s "$dir/r.sock" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
"$feed" --bench "$dir/r.sock" 0 80000 10000 >/dev/null
after=$(redis-cli -s "$dir/r.sock" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
keys=$(redis-cli -s "$dir/r.sock" DBSIZE)
echo "Redis memory for 10000 recipients with 8 senders each ($keys keys): $(( (after - before) / 10000 )) bytes per recipient"
echo "in-process tracker: 24 x max_senders + 64 bytes per recipient slot (32 senders: 832 bytes), allocated up front"
