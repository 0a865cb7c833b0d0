#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cli.sh: end-to-end tests of the smsrep command line: the JSON contract, exit
# statuses, batch mode, languages, db and version commands.
# Usage: cli.sh SMSREP DBFILE CASE   (CTest runs one CASE per entry)
set -u
smsrep=$1
dbfile=$2
case=$3
data=$(cd "$(dirname "$0")/../data/import" && pwd)
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
    has 'schema version: 5'
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
overlay_add_check_remove)
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP --note "seen in a scam"
    expect_rc 0
    has 'deny number +819027303177'
    run check --json --region JP --overlay "$tmp/ov.sqlite" 090-2730-3177
    expect_rc 1
    has '"class":"blocked"'
    has '"reasons":["overlay_deny"]'
    has '"source":{"id":"operator"'
    run overlay "$tmp/ov.sqlite" list
    has 'seen in a scam'
    run overlay "$tmp/ov.sqlite" remove 09027303177 --region JP
    expect_rc 0
    run check --json --region JP --overlay "$tmp/ov.sqlite" 090-2730-3177
    expect_rc 0
    has '"class":"unknown"'
    run overlay "$tmp/ov.sqlite" remove 09027303177 --region JP
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'no rule' || fail "stderr: $err" ;;
overlay_ranges_short_codes_and_ids)
    run overlay "$tmp/ov.sqlite" add allow --range +1202555 --length 11 --note "our test lines"
    expect_rc 0
    run overlay "$tmp/ov.sqlite" add deny 22000 --region US
    run overlay "$tmp/ov.sqlite" add deny AMAZON --region JP
    run check --json --region US --overlay "$tmp/ov.sqlite" +12025550123 22000
    has '"normalized":"+12025550123","region":"US","calling_code":1,"number_type":"fixed_line_or_mobile","class":"trusted","score":0'
    has '"normalized":"22000","region":"US","calling_code":1,"number_type":"short_code","class":"blocked"'
    run check --json --region JP --overlay "$tmp/ov.sqlite" amazon
    has '"class":"blocked"'
    run check --json --region US --overlay "$tmp/ov.sqlite" amazon
    has '"class":"caution"'
    run overlay "$tmp/ov.sqlite" list --json
    lines 3
    has '"action":"allow","kind":"number","region":"","key":"1202555","min_len":11,"max_len":11' ;;
overlay_refuses_bad_input_and_keeps_the_file)
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP
    cp "$tmp/ov.sqlite" "$tmp/before"
    run overlay "$tmp/ov.sqlite" add deny 22000
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'region_required' || fail "stderr: $err"
    run overlay "$tmp/ov.sqlite" add deny '+999 1234' --region JP
    expect_rc 2
    run overlay "$tmp/ov.sqlite" add deny --range +8190 --length 3
    expect_rc 2
    run overlay "$tmp/ov.sqlite" add deny --range +0190 --length 12
    expect_rc 2
    run overlay "$tmp/ov.sqlite" add sometimes 090-2730-3177 --region JP
    expect_rc 2
    cmp -s "$tmp/ov.sqlite" "$tmp/before" || fail "a refused change altered the overlay"
    ls "$tmp" | grep -q 'tmp-' && fail "a temporary copy was left behind: $(ls "$tmp")"
    run overlay "$dbfile" add deny 090-2730-3177 --region JP
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'not a libsmsrep overlay' || fail "stderr: $err" ;;
overlay_writer_follows_no_symlink)
    # Issue 12: FILE a symlink to a 0600 file was copied to a 0644
    # FILE.tmp-PID before being refused; a dangling FILE.lock was created.
    printf 'secret\n' >"$tmp/secret"
    chmod 600 "$tmp/secret"
    ln -s "$tmp/secret" "$tmp/ov.sqlite"
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'symbolic link' || fail "stderr: $err"
    ls "$tmp" | grep -q 'tmp-' && fail "a copy of the link's target was made: $(ls -l "$tmp")"
    rm -f "$tmp/ov.sqlite" "$tmp/ov.sqlite.lock"
    ln -s "$tmp/created-through-the-lock" "$tmp/ov.sqlite.lock"
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP
    expect_rc 2
    [ -e "$tmp/created-through-the-lock" ] && fail "the lock's symlink was followed"
    [ -e "$tmp/ov.sqlite" ] && fail "the overlay was written without its lock"
    ;;
overlay_writer_keeps_the_mode)
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP
    expect_rc 0
    chmod 600 "$tmp/ov.sqlite"
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3178 --region JP
    expect_rc 0
    [ "$(stat -c %a "$tmp/ov.sqlite")" = 600 ] || fail "mode $(stat -c %a "$tmp/ov.sqlite") after a write"
    chmod 640 "$tmp/ov.sqlite"
    run overlay "$tmp/ov.sqlite" remove 090-2730-3178 --region JP
    expect_rc 0
    [ "$(stat -c %a "$tmp/ov.sqlite")" = 640 ] || fail "mode $(stat -c %a "$tmp/ov.sqlite") after a write" ;;
overlay_writer_removes_only_its_own_temporaries)
    # A FILE named with glob characters matched other files' temporaries.
    : >"$tmp/a.sqlite.tmp-1"
    : >"$tmp/b.sqlite.tmp-2"
    : >"$tmp/[ab].sqlite.tmp-3"
    : >"$tmp/[ab].sqlite.tmp-3-journal"
    : >"$tmp/[ab].sqlite.tmp-notes"
    run overlay "$tmp/[ab].sqlite" add deny 090-2730-3177 --region JP
    expect_rc 0
    [ -e "$tmp/a.sqlite.tmp-1" ] && [ -e "$tmp/b.sqlite.tmp-2" ] ||
        fail "another file's temporaries were removed: $(ls "$tmp")"
    [ -e "$tmp/[ab].sqlite.tmp-notes" ] || fail "a file not named like a temporary was removed"
    [ -e "$tmp/[ab].sqlite.tmp-3" ] || [ -e "$tmp/[ab].sqlite.tmp-3-journal" ] &&
        fail "the writer's own stale temporaries were left: $(ls "$tmp")"
    ;;
overlay_list_escapes_a_hostile_overlay)
    command -v sqlite3 >/dev/null || fail "sqlite3 (Debian package sqlite3) is needed"
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP --note 'a note'
    sqlite3 "$tmp/ov.sqlite" "UPDATE rule SET action = char(27) || '[31mdeny', added = 'x\"y' || char(10) || 'forged';" ||
        fail "cannot change the overlay"
    run overlay "$tmp/ov.sqlite" list --json
    expect_rc 0
    has '"action":"\u001b[31mdeny"'
    has '"added":"x\"y\u000aforged"'
    lines 1
    run overlay "$tmp/ov.sqlite" list
    expect_rc 0
    has '\x1B[31mdeny'
    lines 1
    LC_ALL=C grep -q "$(printf '\033')" "$tmp/out" && fail "list passes ESC to the terminal"
    # Issue 12: a NULL kind (in a file whose schema allows it) crashed list.
    # The library refuses that schema now; list says so and does not crash.
    sqlite3 "$tmp/ov.sqlite" "PRAGMA writable_schema = ON;
        UPDATE sqlite_schema SET sql = replace(replace(sql, 'NOT NULL', ''), ') WITHOUT ROWID', ')')
         WHERE name = 'rule';" || fail "cannot change the overlay's schema"
    sqlite3 "$tmp/ov.sqlite" "DELETE FROM rule; INSERT INTO rule(kind) VALUES (NULL);" 2>/dev/null
    run overlay "$tmp/ov.sqlite" list --json
    [ "$rc" -eq 2 ] || [ "$rc" -eq 0 ] || fail "exit status $rc (a crash?): $err" ;;
hostile_database_text_is_escaped)
    # Issue 12: ESC, BEL and line feeds from a database reached text output,
    # db info and --env raw; a line feed in a source id forged a line.
    command -v sqlite3 >/dev/null || fail "sqlite3 (Debian package sqlite3) is needed"
    cp "$dbfile" "$tmp/db.sqlite"
    sqlite3 "$tmp/db.sqlite" "PRAGMA foreign_keys = OFF;
        UPDATE meta SET value = '2026' || char(27) || '[2J' || char(10) || 'forged: line'
         WHERE key = 'data_version';
        UPDATE known_number SET source = 'amazon-otp' || char(10) || 'forged' || char(7)
         WHERE source = 'amazon-otp-hoso-sakka';
        UPDATE source SET id = 'amazon-otp' || char(10) || 'forged' || char(7)
         WHERE id = 'amazon-otp-hoso-sakka';" || fail "cannot change the database"
    for args in "db info --db $tmp/db.sqlite" "check --db $tmp/db.sqlite --region JP 05053704545" \
                "check --env --db $tmp/db.sqlite --region JP 05053704545" \
                "check --lang ja --db $tmp/db.sqlite --region JP 05053704545"; do
        run $args
        LC_ALL=C grep -q "$(printf '[\033\007]')" "$tmp/out" && fail "$args passes ESC or BEL: $out"
        printf '%s\n' "$out" | grep -q '^forged' && fail "$args forged a line: $out"
    done
    run db info --db "$tmp/db.sqlite"
    has 'data version: 2026\x1B[2J\nforged: line'
    has 'amazon-otp\nforged\x07'
    run check --env --db "$tmp/db.sqlite" --region JP 05053704545
    has "SMSREP_1_SOURCE='amazon-otp\nforged\x07'" ;;
import_ftc_reports_decay_and_never_spoof)
    run db import ftc-dnc "$data/ftc_dnc_sample.csv" --overlay "$tmp/ov.sqlite"
    expect_rc 0
    has '27 rows read, 25 imported'
    has '2 skipped (1 not a usable NANP number, 1 without a date)'
    run check --json --time 2026-11-22 --region US --overlay "$tmp/ov.sqlite" 202-555-0201
    expect_rc 1
    has '"class":"caution"'
    has '"reasons":["reported_number"]'
    has '"source":{"id":"ftc-dnc","name":"FTC Do Not Call Registry'
    run check --json --time 2026-11-22 --region US --overlay "$tmp/ov.sqlite" 202-555-0205
    has '"class":"suspicious"'
    run check --json --time 2026-11-22 --region US --overlay "$tmp/ov.sqlite" 202-555-0202 312-555-0203
    lacks 'reported_number'
    run check --json --time 2027-11-22 --region US --overlay "$tmp/ov.sqlite" 202-555-0205
    lacks 'reported_number' ;;
import_same_file_twice_is_refused)
    run db import ftc-dnc "$data/ftc_dnc_sample.csv" --overlay "$tmp/ov.sqlite"
    expect_rc 0
    cp "$tmp/ov.sqlite" "$tmp/before"
    run db import ftc-dnc "$data/ftc_dnc_sample.csv" --overlay "$tmp/ov.sqlite"
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'imported into .* before' || fail "stderr: $err"
    cmp -s "$tmp/ov.sqlite" "$tmp/before" || fail "a refused import altered the overlay"
    run db info --overlay "$tmp/ov.sqlite"
    has 'overlay_report ftc-dnc'
    has 'overlay_report  '
    run db import ftc-dnc "$data/operator_list.csv" --overlay "$tmp/other.sqlite"
    expect_rc 2 ;;
import_operator_list)
    run db import csv "$data/operator_list.csv" --overlay "$tmp/ov.sqlite"
    expect_rc 0
    has '5 rows read, 5 imported'
    has 'source list-operator_list'
    run check --json --region JP --overlay "$tmp/ov.sqlite" 09012345678 +15622628360 AMAZ0N +2347031234567
    has '"input":"09012345678","kind":"number","normalized":"+819012345678","region":"JP","calling_code":81,"number_type":"mobile","class":"blocked"'
    has '"input":"+15622628360","kind":"number","normalized":"+15622628360","region":"US","calling_code":1,"number_type":"fixed_line_or_mobile","class":"trusted","score":0'
    has '"input":"+2347031234567","kind":"number","normalized":"+2347031234567","region":"NG","calling_code":234,"number_type":"mobile","class":"blocked"'
    has '"source":{"id":"list-operator_list","name":"Operator list' ;;
import_bad_list_names_the_line)
    run db import csv "$data/bad_list.csv" --overlay "$tmp/ov.sqlite"
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'bad_list.csv:3: action must be allow or deny' || fail "stderr: $err"
    [ ! -e "$tmp/ov.sqlite" ] || fail "a failed import created the overlay" ;;
overlay_survives_a_killed_writer)
    run overlay "$tmp/ov.sqlite" add deny 090-2730-3177 --region JP
    expect_rc 0
    cp "$tmp/ov.sqlite" "$tmp/before"
    # an import long enough to kill while it writes: 200,000 complaints
    awk 'BEGIN { print "Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,Consumer_Area_Code,Subject,Recorded_Message_Or_Robocall";
                 for (i = 0; i < 200000; i++) printf "202555%04d,2026-11-20 00:00:00,2026-11-19 00:00:00,,,,Other,Y\n", 2000 + i % 8000 }' \
        >"$tmp/big.csv"
    "$smsrep" db import ftc-dnc "$tmp/big.csv" --overlay "$tmp/ov.sqlite" >/dev/null 2>&1 &
    writer=$!
    tries=0
    until ls "$tmp" | grep -q 'ov.sqlite.tmp-'; do
        tries=$((tries + 1))
        [ "$tries" -lt 500 ] || fail "the writer never made its copy"
        sleep 0.01
    done
    sleep 0.2
    kill -9 "$writer" 2>/dev/null || fail "the import ended before it could be killed; make it longer"
    wait "$writer" 2>/dev/null
    cmp -s "$tmp/ov.sqlite" "$tmp/before" || fail "a killed writer changed the overlay"
    run overlay "$tmp/ov.sqlite" list
    expect_rc 0
    has '+819027303177'
    run overlay "$tmp/ov.sqlite" add allow 22000 --region US
    expect_rc 0
    ls "$tmp" | grep -q 'ov.sqlite.tmp-' && fail "the dead writer's copy was not cleaned up"
    run overlay "$tmp/ov.sqlite" list
    lines 2 ;;
time_option)
    run check --json --time 2026-11-22 --region JP 05053704545
    expect_rc 0
    run check --json --time yesterday --region JP 05053704545
    expect_rc 2 ;;
version)
    run version
    expect_rc 0
    has 'smsrep 0.'
    has 'libphonenumber '
    has 'database schema 5'
    has 'embedded data ' ;;
text_consistent_with_sender_is_allowed)
    run check --json --region JP --text "Amazon: https://amazon.co.jp/a/c/r?k=1" +15623784362
    expect_rc 0
    has '"class":"trusted"'
    has '"text_consistent"'
    has '"text_brand":"Amazon"'
    has '"url_host":""' ;;
text_with_punycode_host_is_flagged)
    run check --json --region JP --text "Amazon: https://amazon.co.jp.xn--ecure-login.top/a" +15623784362
    expect_rc 1
    has '"class":"suspicious"'
    has '"brand_url_mismatch"'
    has '"url_host":"amazon.co.jp.xn--ecure-login.top"'
    run check --region JP --text "Amazon: https://amazon.co.jp.xn--ecure-login.top/a" +15623784362
    has 'Link host: amazon.co.jp.xn--ecure-login.top' ;;
text_lure_names_its_phrase)
    run check --json --region US --text "Your parcel is being held. Call 1-888-210-7741" +12027621401
    expect_rc 1
    has '"class":"suspicious"'
    has '"scam_lure"'
    has '"callback_number"'
    has '"text_phrase":"parcel is being held"'
    run check --region US --text "Your parcel is being held. Call 1-888-210-7741" +12027621401
    has 'Phrase: parcel is being held' ;;
text_is_never_printed)
    run check --json --region JP --text "secret 777111 Amazon https://evil.top/p4th" 09012345678
    lacks 'secret'
    lacks '777111'
    lacks 'p4th' ;;
burst_replay_finds_the_bomb)
    logs=$(cd "$(dirname "$0")/../data/burst" && pwd)
    run burst "$logs/bomb.log"
    expect_rc 1
    has 'burst: +819012345678: 5 messages from 5 senders'
    lines 1
    run burst --json "$logs/bomb.log"
    has '{"burst":{"recipient":"+819012345678","since":1795000000,"at":1795000080,"senders":5,"messages":5},"schema":1}'
    run burst --senders 20 "$logs/bomb.log"
    expect_rc 0
    lines 0
    run burst "$logs/quiet.log"
    expect_rc 0
    lines 0
    run burst --window 0 "$logs/quiet.log"
    expect_rc 2
    printf '1795000000\t+8190\tonly three fields\n' > "$tmp/bad.log"
    run burst "$tmp/bad.log"
    expect_rc 2
    printf '%s' "$err" | grep -q 'line 1' || fail "no line number: $err" ;;
burst_reads_standard_input)
    logs=$(cd "$(dirname "$0")/../data/burst" && pwd)
    "$smsrep" burst --json < "$logs/bomb.log" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    expect_rc 1
    has '"senders":5' ;;
help_exits_0_on_stdout)
    for args in "--help" "-h" "help" "check --help" "check -h" "help check" "burst --help" \
                "db --help" "db info --help" "overlay --help" "overlay x.sqlite list -h" \
                "version --help" "help help"; do
        # shellcheck disable=SC2086 # the words are the arguments
        run $args
        expect_rc 0
        has 'usage: smsrep'
        [ -z "$err" ] || fail "\"$args\" wrote to stderr: $err"
    done
    run check --help
    for opt in --region --hint --toa --text --time --lang --json --db --overlay --batch \
               --smstools --gammu-env --urldecode --env; do
        has "$opt"
    done
    run burst --help
    for opt in --window --senders --region --json --db --overlay; do has "$opt"; done
    run help check
    has 'SENDER...'
    lacks 'commands:'
    run help
    has 'commands:' ;;
usage_error_is_short_on_stderr)
    run check
    expect_rc 2
    [ -z "$out" ] || fail "usage on stdout: $out"
    printf '%s' "$err" | grep -q 'usage: smsrep check' || fail "no usage: $err"
    printf '%s' "$err" | grep -q 'smsrep check --help' || fail "no pointer to --help: $err"
    run help frobnicate
    expect_rc 2
    run version extra
    expect_rc 2 ;;
options_after_senders)
    run check 05053704545 --region JP --json
    expect_rc 0
    has '"normalized":"+815053704545"'
    lines 1
    run check --json 05053704545 --region=JP
    expect_rc 0
    has '"class":"trusted"'
    # after "--" everything is a sender
    run check --json --region JP -- 05053704545 --region
    lines 2
    has '"input":"--region","kind":'
    run burst "$(cd "$(dirname "$0")/../data/burst" && pwd)/bomb.log" --json
    expect_rc 1
    has '"senders":5' ;;
did_you_mean)
    run chek 05053704545
    expect_rc 2
    printf '%s' "$err" | grep -q 'did you mean "check"' || fail "no hint: $err"
    run check --regoin JP 05053704545
    expect_rc 2
    printf '%s' "$err" | grep -q 'did you mean --region' || fail "no hint: $err"
    run burst --widow 60
    printf '%s' "$err" | grep -q 'did you mean --window' || fail "no hint: $err"
    run db inof
    expect_rc 2
    printf '%s' "$err" | grep -q 'did you mean "info"' || fail "no hint: $err"
    run zzzzzzzzzz
    expect_rc 2
    printf '%s' "$err" | grep -q 'did you mean' && fail "a hint for a word far from any: $err"
    # a hostile command name reaches the terminal escaped
    run "$(printf 'x\033[2Jy')"
    expect_rc 2
    printf '%s' "$err" | LC_ALL=C grep -q "$(printf '\033')" && fail "raw ESC on stderr"
    true
    ;;
version_option)
    run --version
    expect_rc 0
    has 'smsrep 0.3.0'
    has 'database schema 5'
    run -V
    expect_rc 0
    has 'smsrep 0.3.0'
    run check --version 1
    expect_rc 2 ;;
japanese_messages)
    LC_ALL= LC_MESSAGES= LANG=ja_JP.UTF-8 run check
    expect_rc 2
    printf '%s' "$err" | grep -q '使い方: smsrep check' || fail "usage not in Japanese: $err"
    LC_ALL=ja_JP.UTF-8 run check --help
    expect_rc 0
    has '使い方:'
    has '受信者の国'
    LC_ALL=ja_JP.UTF-8 run chek
    printf '%s' "$err" | grep -q '「check」のことですか' || fail "no Japanese hint: $err"
    LC_ALL=ja_JP.UTF-8 run check --db "$tmp/none.sqlite" 1
    expect_rc 2
    printf '%s' "$err" | grep -q 'データベースを開けません' || fail "open error not in Japanese: $err"
    LC_ALL=ja_JP.UTF-8 run db info
    has 'スキーマのバージョン: 5'
    LC_ALL=ja_JP.UTF-8 run burst --window 0
    printf '%s' "$err" | grep -q 'は 1〜31622400 秒' || fail "burst not in Japanese: $err"
    LC_ALL=ja_JP.UTF-8 run overlay "$tmp/ov.sqlite" frob
    printf '%s' "$err" | grep -q 'add、remove、list' || fail "overlay not in Japanese: $err" ;;
import_progress_only_on_a_terminal)
    awk 'BEGIN { print "Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,Consumer_Area_Code,Subject,Recorded_Message_Or_Robocall";
                 for (i = 0; i < 25000; i++) printf "20255%05d,2026-11-20 00:02:35,2026-11-19 18:22:00,X,CA,510,Debt,Y\n", i }' >"$tmp/ftc.csv"
    run db import ftc-dnc "$tmp/ftc.csv" --overlay "$tmp/a.sqlite"
    expect_rc 0
    has '25000 rows read'
    [ -z "$err" ] || fail "progress on a stderr that is no terminal: $err"
    command -v script >/dev/null || { echo "SKIP: no script(1)"; exit 0; }
    script -qec "\"$smsrep\" db import ftc-dnc \"$tmp/ftc.csv\" --overlay \"$tmp/b.sqlite\"" /dev/null >"$tmp/tty" </dev/null
    grep -q '20000 rows read' "$tmp/tty" || fail "no progress on a terminal: $(cat "$tmp/tty")" ;;
*)
    fail "no such case" ;;
esac
exit 0
