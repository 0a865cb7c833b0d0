#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# kannel_bench.sh BUILD_DIR [N]: prints figures, asserts nothing. Messages
# per second through real Kannel (bearerbox, smsbox, fakesmsc sending N
# messages, default 1000, as fast as Kannel takes them): the exec handler
# (smsrep-sms-service, one process per message) against get-url to
# smsrepd's GET /kannel, without and with an application behind --next.
# Timed from the first verdict line to the N-th. Everything on free
# loopback ports in a temporary directory, stopped by its session.
set -u
build=$(cd "$1" && pwd) || exit 1
n=${2:-1000}
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/integration/gateways/harness.sh"
PATH=$PATH:/usr/sbin
fakesmsc=/usr/lib/kannel/test/fakesmsc
freeports=$build/tests/integration/gateways/smsrep-test-freeports
for p in bearerbox smsbox $fakesmsc python3 "$build/smsrepd" "$freeports"; do
    command -v "$p" >/dev/null 2>&1 || { echo "$p is missing: not measured"; exit 0; }
done
dir=$(mktemp -d) || exit 1
trap 'stop_all; rm -rf "$dir"' EXIT
trap 'exit 1' INT TERM

now() { date +%s.%N; }
# lines FILE: its number of lines, 0 when missing
lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
# until_lines FILE N: waits until FILE has N lines (120 s at most); 1 if not
until_lines() {
    waited=0
    while [ "$(lines "$1")" -lt "$2" ]; do
        sleep 0.02
        waited=$((waited + 1))
        [ $waited -lt 6000 ] || return 1
    done
}

cat >"$dir/app.py" <<'APP'
import http.server, sys, threading
out = open(sys.argv[2], "a", buffering=1)
lock = threading.Lock()
class App(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with lock:
            out.write(self.path + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128
Server(("127.0.0.1", int(sys.argv[1])), App).serve_forever()
APP

# run MODE: one Kannel (fresh boxes) with the service MODE names; prints a figure.
run() {
    mode=$1
    rm -rf "$dir/run" && mkdir -p "$dir/run/q"
    set -- $("$freeports" 5) || { echo "no free ports"; return; }
    admin=$1 box=$2 smsc=$3 http=$4 app=$5
    vlog=$dir/run/verdicts.log
    case $mode in
    exec)
        service="max-messages = 0
exec = \"/usr/bin/env SMSREP=$build/smsrep SMSREP_DB=$build/smsrep.sqlite SMSREP_REGION=JP SMSREP_LOG=$vlog SMSREP_QUARANTINE=$dir/run/q $src/examples/gateways/kannel/smsrep-sms-service \\\"%p\\\" \\\"%P\\\" \\\"%i\\\" \\\"%a\\\"\"" ;;
    *)
        next=
        if [ "$mode" = smsrepd-next ]; then
            spawn "$dir/run/app.out" python3 "$dir/app.py" "$app" "$dir/run/app.log"
            next="--next http://127.0.0.1:$app/sms"
        fi
        spawn "$dir/run/smsrepd.out" "$build/smsrepd" --socket "$dir/run/d.sock" \
            --db "$build/smsrep.sqlite" --http "$http" $next --quarantine "$dir/run/q" --log "$vlog"
        until grep -q ready "$dir/run/smsrepd.out" 2>/dev/null; do sleep 0.05; done ;;
    esac
    kannel_conf "$dir/run" "$admin" "$box" "$smsc" "$http" 1 >"$dir/run/kannel.conf"
    if [ "$mode" = exec ]; then
        grep -v '^get-url = \|^omit-empty = ' "$dir/run/kannel.conf" >"$dir/run/k" &&
            printf '%s\n' "$service" >>"$dir/run/k" && mv "$dir/run/k" "$dir/run/kannel.conf"
    fi
    spawn "$dir/run/bearerbox.out" bearerbox -v 1 "$dir/run/kannel.conf"
    until grep -q "Start-up done" "$dir/run/bearerbox.log" 2>/dev/null; do sleep 0.05; done
    spawn "$dir/run/smsbox.out" smsbox -v 1 "$dir/run/kannel.conf"
    until grep -q "Client connected from <127.0.0.1>" "$dir/run/bearerbox.log" 2>/dev/null; do sleep 0.05; done
    (cd "$dir/run" && exec setsid $fakesmsc -H 127.0.0.1 -r "$smsc" -i 0 -m "$n" \
        "+815053704545 12345 text hello" "09027303177 12345 text see you at seven" \
        "AMAZ0N 12345 text Your parcel is on its way" "+12025553100 12345 text Your code is 482134") \
        >"$dir/run/fakesmsc.out" 2>&1 &
    f=$!
    sessions="$f $sessions"
    until_lines "$vlog" 1
    a=$(now)
    if until_lines "$vlog" "$n"; then
        b=$(now)
        awk -v n="$n" -v a="$a" -v b="$b" -v m="$(label "$mode")" 'BEGIN {
            printf "%-48s %d messages: %.1f per second (%.2f ms each)\n", m, n, (n - 1) / (b - a), (b - a) * 1000 / (n - 1) }'
    else
        echo "$mode: only $(lines "$vlog") of $n verdict lines in 120 s"
    fi
    refused=$(grep -c 'connection limit' "$dir/run/smsrepd.out" 2>/dev/null)
    [ "${refused:-0}" -eq 0 ] || echo "  (smsrepd refused $refused connections at its limit; Kannel tried them again)"
    extra=$(($(lines "$vlog") - n))
    [ $extra -le 0 ] || echo "  ($extra verdict lines more than messages: Kannel's retries)"
    if [ "$mode" = smsrepd-next ]; then
        until_lines "$dir/run/app.log" "$n"
        c=$(now)
        awk -v n="$n" -v a="$a" -v c="$c" 'BEGIN {
            printf "%-48s %d messages: %.1f per second\n", "  the same, until the app had them all:", n, (n - 1) / (c - a) }'
    fi
    stop_all
}

echo "== Kannel 1.4.5 on loopback, fakesmsc -i 0 -m $n; first to last verdict line"
echo "   (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
label() {
    case $1 in
    exec) echo "exec, smsrep-sms-service per message:" ;;
    smsrepd) echo "get-url to smsrepd, no --next:" ;;
    smsrepd-next) echo "get-url to smsrepd, redirect to an app:" ;;
    esac
}
run exec
run smsrepd
run smsrepd-next
