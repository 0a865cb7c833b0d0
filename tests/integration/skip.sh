#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# skip.sh NAME WHY: the test that stands in for an integration test that
# cannot run here. It records WHY for the summary ctest prints last
# (skipped_summary.sh), and exits 77 (CTest's "skipped"), or fails when
# SMSREP_REQUIRE_INTEGRATION is set, as .ci/run sets it.
name=$1
why=$2
if [ -n "${SMSREP_SKIP_DIR:-}" ]; then
    mkdir -p "$SMSREP_SKIP_DIR" && printf '%s\n' "$why" >"$SMSREP_SKIP_DIR/$name"
fi
if [ -n "${SMSREP_REQUIRE_INTEGRATION:-}" ]; then
    echo "FAIL: $why (SMSREP_REQUIRE_INTEGRATION is set)" >&2
    exit 1
fi
echo "SKIP: $why"
exit 77
