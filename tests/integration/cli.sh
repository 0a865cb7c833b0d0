#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cli.sh: end-to-end tests of the smsrep command line: the JSON contract, exit
# statuses, batch mode, languages, db and version commands.
# Usage: cli.sh SMSREP DBFILE CASE   (CTest runs one CASE per entry)
set -u
smsrep=$1
dbfile=$2
case=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
# run ARGS...: runs smsrep, keeping stdout in $out, stderr in $err, status in $rc
run() {
    "$smsrep" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1; stdout: $out; stderr: $err"; }
has() { printf '%s\n' "$out" | grep -F -q -- "$1" || fail "stdout lacks '$1': $out"; }
lacks() { printf '%s\n' "$out" | grep -F -q -- "$1" && fail "stdout has '$1': $out"; return 0; }
lines() { n=$(printf '%s\n' "$out" | grep -c .); [ "$n" -eq "$1" ] || fail "$n lines, expected $1: $out"; }

case "$case" in
amazon_code_sender_is_trusted)
    run check --json --region JP 05053704545
    expect_rc 0
    has '"kind":"number"'
    has '"normalized":"+815053704545"'
    has '"class":"trusted"'
    has '"brand":"Amazon"'
    has '"brand_relation":"sender_of"'
    has '"recommendation":"allow"'
    has '"source":{"id":"amazon-otp-hoso-sakka"'
    lines 1 ;;
fictional_number_is_spoofed)
    run check --json --region US +12025550123
    expect_rc 1
    has '"class":"spoofed"'
    has '"reasons":["fictional_range"]'
    has '"recommendation":"block"' ;;
json_has_every_key)
    run check --json --region JP +15622628360
    expect_rc 1
    for key in input kind normalized region calling_code number_type class score \
               recommendation reasons brand brand_relation reply_cost source; do
        has "\"$key\":"
    done
    has '"source":{"id":"user-report-2020-08","name":'
    has '"licence":' ;;
garbage_exits_2_with_json_error)
    run check --json --region JP '!!!'
    expect_rc 2
    has '{"input":"!!!","error":"bad_character","message":'
    lacks '"class"' ;;
invalid_utf8_stays_valid_json)
    run check --json --region JP "$(printf 'ab\377\376')"
    expect_rc 2
    has '"input":"ab\ufffd\ufffd","error":"bad_encoding"' ;;
control_characters_are_escaped)
    run check --json --region JP "$(printf 'A\033B')"
    expect_rc 2
    has '"input":"A\u001bB"' ;;
national_number_needs_a_region)
    run check --json 09027303177
    expect_rc 2
    has '"error":"region_required"' ;;
bad_region_exits_2)
    run check --json --region XX 09027303177
    expect_rc 2
    has '"error":"bad_region"' ;;
exit_0_when_all_allowed)
    run check --region JP 05053704545 0005123456 090-2730-3177
    expect_rc 0
    lines 3 ;;
exit_1_when_any_flagged)
    run check --region JP 05053704545 AMAZON
    expect_rc 1
    lines 2 ;;
exit_2_beats_flagged)
    run check --json --region JP AMAZON ''
    expect_rc 2
    lines 2
    has '"error":"empty_sender"' ;;
batch_one_line_per_sender)
    printf '05053704545\r\n+12025550123\n\nAMAZ0N\n' >"$tmp/in"
    "$smsrep" check --batch --json --region JP <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    expect_rc 2
    lines 4
    has '"input":"05053704545","kind":"number"'
    has '"error":"empty_sender"'
    has '"brand_relation":"impersonates"' ;;
batch_refuses_arguments_too)
    run check --batch --region JP 05053704545
    expect_rc 2 ;;
text_is_english_by_default)
    LC_ALL= LC_MESSAGES= LANG=C run check --region JP +15622628360
    expect_rc 1
    has '+15622628360: caution, flag (score 55)'
    has 'documented sender of one-time codes for this brand'
    has 'Source: user-report-2020-08.' ;;
text_is_japanese_when_the_locale_is)
    LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 run check --region JP 05053704545
    expect_rc 0
    has '信頼できる'
    has 'このブランドの確認コード送信元として記録されている番号です'
    LC_ALL=ja_JP.UTF-8 LANG=C run check --region JP 110
    has '偽装'
    LANG=ja_JP.UTF-8 run check --lang en --region JP 110
    has 'spoofed' ;;
hints_from_the_gateway)
    run check --json --region JP --hint international 15622628360
    has '"normalized":"+15622628360"'
    run check --json --region JP --toa 91 815053704545
    has '"class":"trusted"'
    run check --json --region US --toa D0 12345
    has '"kind":"alphanumeric"'
    run check --region JP --hint sideways 123
    expect_rc 2 ;;
usage_errors_exit_2)
    run frobnicate
    expect_rc 2
    run check --region
    expect_rc 2
    run check --bogus 1
    expect_rc 2
    run check --region JP
    expect_rc 2
    run
    expect_rc 2 ;;
db_file_gives_the_same_verdict)
    run check --json --region JP 05053704545
    embedded=$out
    run check --json --region JP --db "$dbfile" 05053704545
    expect_rc 0
    [ "$out" = "$embedded" ] || fail "file and embedded verdicts differ: $out / $embedded" ;;
db_info_counts_rows)
    run db info
    expect_rc 0
    has 'data version: '
    has 'schema version: 2'
    has 'rows per table:'
    has 'rows per source:'
    has 'rows per country:'
    has 'known_number   user-report-2020-08' ;;
db_verify)
    run db verify "$dbfile"
    expect_rc 0
    has ': ok'
    printf 'not a database' >"$tmp/bad.sqlite"
    run db verify "$tmp/bad.sqlite"
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'db_not_smsrep' || fail "stderr: $err"
    run db verify "$tmp/missing.sqlite"
    expect_rc 2 ;;
version)
    run version
    expect_rc 0
    has 'smsrep 0.'
    has 'libphonenumber '
    has 'database schema 2'
    has 'embedded data ' ;;
*)
    fail "no such case" ;;
esac
exit 0
