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
