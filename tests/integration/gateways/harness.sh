# SPDX-License-Identifier: Apache-2.0
# harness.sh: sourced by the gateway tests: starts each daemon in a session of
# its own and stops the whole session (its children too); skips a test whose
# gateway is not installed, unless CI says every one must run.
# spawn LOG CMD...: starts CMD in the background, its pid (= session) in $spawned
spawned=
sessions=
spawn() {
    log=$1
    shift
    setsid "$@" >"$log" 2>&1 &
    spawned=$!
    sessions="$spawned $sessions"
}

# spawn_in DIR LOG CMD...: as spawn, with DIR (made if missing) as CMD's
# working folder: a command that got through a handler leaves its files there.
spawn_in() {
    mkdir -p "$1"
    (cd "$1" && shift 2 && exec setsid "$@") >"$2" 2>&1 &
    spawned=$!
    sessions="$spawned $sessions"
}

# stop SESSION: TERM the session; KILL what is left of it after 3 s.
stop() {
    kill -TERM "-$1" 2>/dev/null
    waited=0
    while kill -0 "-$1" 2>/dev/null && [ $waited -lt 30 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    kill -KILL "-$1" 2>/dev/null
    wait "$1" 2>/dev/null
    rest=
    for other in $sessions; do
        [ "$other" = "$1" ] || rest="$rest $other"
    done
    sessions=$rest
    return 0
}

# stop_all: stops every session spawned, newest first.
stop_all() {
    for s in $sessions; do
        stop "$s"
    done
}

# skip WHY: exit 77 (CTest's "skipped"), or fail when SMSREP_REQUIRE_INTEGRATION
# is set, as .ci/run sets it: there a missing package is a broken CI machine.
# tests/integration/skip.sh does both, and records WHY for ctest's last lines.
skip() {
    sh "$(dirname "$0")/../skip.sh" "gateway.$(basename "$0" .sh)" "$1"
    exit $?
}

# kannel_conf DIR ADMIN BOX SMSC HTTP LEVEL: the README's Kannel with
# smsrepd on these loopback ports (bearerbox, one fake SMSC, smsbox, the
# get-url service to smsrepd on HTTP), logs in DIR at LEVEL; failed
# services tried again after 1 s rather than the README's 10.
kannel_conf() {
    cat <<CONF
group = core
admin-port = $2
admin-password = smsrep-test
admin-allow-ip = "127.0.0.1"
smsbox-port = $3
box-deny-ip = "*.*.*.*"
box-allow-ip = "127.0.0.1"
log-file = "$1/bearerbox.log"
log-level = $6

group = smsc
smsc = fake
smsc-id = FAKE
host = 127.0.0.1
port = $4
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $3
log-file = "$1/smsbox.log"
log-level = $6
http-request-retry = 3
http-queue-delay = 1
reply-couldnotfetch = ""

group = sms-service
keyword = default
catch-all = true
get-url = "http://127.0.0.1:$5/kannel?sender=%p&recipient=%P&region=JP&text=%a&smsc=%i&id=%I"
omit-empty = true
CONF
}
