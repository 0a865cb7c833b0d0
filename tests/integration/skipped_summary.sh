#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# skipped_summary.sh DIR: run by ctest after every test (CTestCustom.cmake),
# so that the last lines of a run say which integration tests did not run and
# what they lacked; ctest's own "100% tests passed" counts a skip as a pass.
# DIR holds one file per skipped test, written by skip.sh in this run.
dir=$1
[ -d "$dir" ] || exit 0
n=$(ls "$dir" | wc -l)
[ "$n" -gt 0 ] || exit 0
echo "SKIPPED: $n integration test(s) could not run here:"
for f in "$dir"/*; do
    printf '  %s: %s\n' "$(basename "$f")" "$(head -n 1 "$f")"
done
exit 0
