#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cli_adapters.sh: the smsrep command's gateway adapters end to end: an
# smstools3 message file, gammu-smsd's environment, Kannel's URL encoding and
# the shell-assignment output their handlers eval.
# Usage: cli_adapters.sh SMSREP DBFILE CASE   (CTest runs one CASE per entry)
set -u
smsrep=$1
dbfile=$2
case=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL [$case]: $*" >&2; exit 1; }
run() {
    "$smsrep" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1; stdout: $out; stderr: $err"; }
has() { printf '%s\n' "$out" | grep -F -x -q -- "$1" || fail "no line '$1': $out"; }
# An smstools3 incoming file: headers, an empty line, the text.
smsfile() {
    printf 'From: %s\n' "$1" >"$tmp/sms"
    [ -z "$2" ] || printf 'From_TOA: %s\n' "$2" >>"$tmp/sms"
    printf 'From_SMSC: 447785016005\nSent: 26-11-22 12:34:56\n\nFrom: 999 in the text\n' >>"$tmp/sms"
}

# textfile SENDER TOA ALPHABET: headers as smsd writes them, and standard
# input as the body, bytes as they are.
textfile() {
    printf 'From: %s\nFrom_TOA: %s\nAlphabet: %s\n\n' "$1" "$2" "$3" >"$tmp/sms"
    cat >>"$tmp/sms"
}
intl='91 international, ISDN/telephone'
natl='81 unknown, ISDN/telephone'

case "$case" in
smstools_international_toa)
    # From: lacks the '+'; From_TOA 91 says it is international.
    smsfile 815053704545 '91 international, ISDN/telephone'
    run check --json --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 0
    printf '%s\n' "$out" | grep -q '"input":"815053704545","kind":"number","normalized":"+815053704545"' ||
        fail "$out"
    printf '%s\n' "$out" | grep -q '"class":"trusted"' || fail "$out" ;;
smstools_toa_decides)
    # Without an international type of address the same digits are national.
    smsfile 12025550123 '91 international, ISDN/telephone'
    run check --json --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    printf '%s\n' "$out" | grep -q '"normalized":"+12025550123".*"class":"spoofed"' || fail "$out"
    smsfile 12025550123 '81 unknown, ISDN/telephone'
    run check --json --db "$dbfile" --region JP --smstools "$tmp/sms"
    printf '%s\n' "$out" | grep -q '"normalized":"+8112025550123"' || fail "TOA 81: $out"
    # No type of address at all: not judged as if it were known.
    smsfile 12025550123 ''
    run check --json --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 2
    printf '%s\n' "$out" | grep -q '"error":"no_type_of_address"' || fail "no TOA: $out"
    # --hint given on the command line beats the file's type of address.
    run check --json --db "$dbfile" --region JP --hint international --smstools "$tmp/sms"
    printf '%s\n' "$out" | grep -q '"normalized":"+12025550123"' || fail "hint ignored: $out" ;;
smstools_header_cut_short)
    # Issue 12: the alphanumeric sender "5053704545" plus a line feed makes
    # smsd write an empty line after From:, so From_TOA: D0 falls into the
    # text; judged without it, the digits were a trusted Amazon number.
    printf 'From: 5053704545\n\nFrom_TOA: D0 alphanumeric, unknown\n\nbody\n' >"$tmp/sms"
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 2
    has "SMSREP_1_ERROR='no_type_of_address'"
    printf '%s\n' "$out" | grep -q "trusted\\|allow" && fail "trusted when cut short: $out"
    # Without the line feed the same sender is a name, and cautioned.
    printf 'From: 5053704545\nFrom_TOA: D0 alphanumeric, unknown\n\nbody\n' >"$tmp/sms"
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_CLASS='caution'"
    # A line feed inside the sender leaves a line that is no header.
    printf 'From: AB\nCD\nFrom_TOA: D0 alphanumeric, unknown\n\nbody\n' >"$tmp/sms"
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 2
    has "SMSREP_1_ERROR='bad_header'" ;;
smstools_alphanumeric_and_national)
    smsfile AMAZ0N 'D0 alphanumeric, unknown'
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_KIND='alphanumeric'"
    has "SMSREP_1_CLASS='suspicious'"
    has "SMSREP_COUNT=1"
    smsfile 05053704545 'A1 national, ISDN/telephone'
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 0
    has "SMSREP_1_NORMALIZED='+815053704545'" ;;
smstools_text)
    # The body is the text, read in the file's Alphabet: UTF-8 as it is.
    lure='USPS: your parcel is held, pay the fee at https://usps-fee.top'
    printf %s "$lure" | textfile 12025553106 "$intl" UTF-8
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_REASONS='foreign_route brand_url_mismatch scam_lure'"
    has "SMSREP_1_BRAND='USPS'"
    # --text beats the body.
    run check --env --db "$dbfile" --region JP --text 'see you at six' --smstools "$tmp/sms"
    has "SMSREP_1_REASONS='foreign_route'"
    # ISO (smsd's default for the GSM alphabet) is Latin-9: its euro sign
    # (0xA4) is no UTF-8 byte, and read raw it would end the text there.
    printf '\244 2: %s' "$lure" | textfile 12025553106 "$intl" ISO
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    has "SMSREP_1_REASONS='foreign_route brand_url_mismatch scam_lure'"
    # A binary body is no text: the sender alone.
    printf %s "$lure" | textfile 12025553106 "$intl" binary
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_REASONS='foreign_route'"
    [ -z "$err" ] || fail "stderr: $err"
    # An alphabet not known here: the sender alone, and stderr says why.
    printf %s "$lure" | textfile 12025553106 "$intl" KOI8
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_REASONS='foreign_route'"
    printf '%s\n' "$err" | grep -q 'Alphabet: is none known here (KOI8)' || fail "stderr: $err"
    # A header block cut short: its text is not read, the sender is an error.
    printf 'From: AB\nCD\nFrom_TOA: D0 alphanumeric, unknown\nAlphabet: UTF-8\n\n%s' "$lure" >"$tmp/sms"
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 2
    has "SMSREP_1_ERROR='bad_header'" ;;
smstools_text_ucs2)
    # smsd writes a Unicode message's body as the PDU held it, UTF-16BE.
    lure='佐川急便：お荷物をお届けできませんでした。https://sagawa-x.top で確認'
    printf %s "$lure" | iconv -f UTF-8 -t UTF-16BE | textfile 09012345678 "$natl" UCS2
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_CLASS='suspicious'"
    has "SMSREP_1_REASONS='brand_url_mismatch'"
    has "SMSREP_1_BRAND='Sagawa Express'"
    # A character beyond the BMP is a surrogate pair; a lone surrogate ends
    # what is read, as a byte that is not UTF-8 ends a text: the brand
    # before it is read, the link after it is not.
    printf '😀%s' "$lure" | iconv -f UTF-8 -t UTF-16BE | textfile 09012345678 "$natl" UCS2
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    has "SMSREP_1_REASONS='brand_url_mismatch'"
    { printf '佐川急便' | iconv -f UTF-8 -t UTF-16BE; printf '\330\000'
      printf '%s' "$lure" | iconv -f UTF-8 -t UTF-16BE; } | textfile 09012345678 "$natl" UCS2
    run check --env --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 1
    has "SMSREP_1_REASONS='brand_unverified'"
    has "SMSREP_1_BRAND='Sagawa Express'"
    has "SMSREP_1_BRAND_RELATION='claimed_in_text'" ;;
smstools_bad_file)
    run check --db "$dbfile" --region JP --smstools "$tmp/missing"
    expect_rc 2
    printf 'Subject: GSM1\n\nFrom: 815053704545\n' >"$tmp/sms"
    run check --db "$dbfile" --region JP --smstools "$tmp/sms"
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'no From: header' || fail "stderr: $err" ;;
gammu_env)
    SMS_MESSAGES=3 SMS_1_NUMBER=+815053704545 SMS_2_NUMBER=09027303177 SMS_3_NUMBER='!!!' \
        run check --env --db "$dbfile" --region JP --gammu-env
    expect_rc 2
    has "SMSREP_1_CLASS='trusted'"
    has "SMSREP_2_NORMALIZED='+819027303177'"
    has "SMSREP_3_ERROR='bad_character'"
    has "SMSREP_COUNT=3"
    SMS_MESSAGES=1 SMS_1_NUMBER=+12025550123 run check --db "$dbfile" --region JP --gammu-env
    expect_rc 1
    printf '%s\n' "$out" | grep -q '^+12025550123: spoofed, block' || fail "$out" ;;
gammu_env_text)
    # The parts of one multipart message are one text, judged with each
    # part's sender; gammu's DECODED_1_TEXT is that text when it is set.
    SMS_MESSAGES=2 SMS_1_NUMBER=+12025553106 SMS_2_NUMBER=+12025553106 \
        SMS_1_TEXT='USPS: your parcel is held, pay the fee at https://usps-' SMS_2_TEXT='fee.top' \
        run check --env --db "$dbfile" --region JP --gammu-env
    expect_rc 1
    has "SMSREP_1_REASONS='foreign_route brand_url_mismatch scam_lure'"
    has "SMSREP_2_REASONS='foreign_route brand_url_mismatch scam_lure'"
    SMS_MESSAGES=2 SMS_1_NUMBER=09012345678 SMS_2_NUMBER=09012345678 \
        SMS_1_TEXT='part one' SMS_2_TEXT='part two' \
        DECODED_1_TEXT='佐川急便：お荷物をお届けできませんでした。https://sagawa-x.top' \
        run check --env --db "$dbfile" --region JP --gammu-env
    expect_rc 1
    has "SMSREP_1_REASONS='brand_url_mismatch'"
    has "SMSREP_2_CLASS='suspicious'"
    # --text beats them; a part without text (binary) leaves the sender alone.
    SMS_MESSAGES=1 SMS_1_NUMBER=09012345678 SMS_1_TEXT='佐川急便 https://sagawa-x.top' \
        run check --env --db "$dbfile" --region JP --text 'see you at six' --gammu-env
    expect_rc 0
    SMS_MESSAGES=1 SMS_1_NUMBER=09012345678 run check --env --db "$dbfile" --region JP --gammu-env
    expect_rc 0
    has "SMSREP_1_REASONS=''" ;;
gammu_env_missing)
    unset SMS_MESSAGES
    run check --db "$dbfile" --region JP --gammu-env
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'SMS_MESSAGES is not set' || fail "stderr: $err"
    SMS_MESSAGES=2 SMS_1_NUMBER=AMAZON run check --db "$dbfile" --region JP --gammu-env
    expect_rc 2
    printf '%s\n' "$err" | grep -q 'SMS_2_NUMBER is not set' || fail "stderr: $err" ;;
urldecode)
    # Kannel's %p: '+' arrives as %2B, a space as '+'.
    run check --json --db "$dbfile" --region JP --urldecode %2B815053704545 '%2B81+50+5370+4545' %41MAZ0N
    expect_rc 1
    [ "$(printf '%s\n' "$out" | grep -c '"normalized":"+815053704545","region":"JP"')" -eq 2 ] || fail "$out"
    printf '%s\n' "$out" | grep -q '"input":"AMAZ0N","kind":"alphanumeric"' || fail "$out"
    # Without --urldecode the encoded form is not a number.
    run check --json --db "$dbfile" --region JP %2B815053704545
    printf '%s\n' "$out" | grep -q '"normalized":"+815053704545"' && fail "decoded unasked: $out"
    # A stray '%' stays as it is; batch lines are decoded too.
    printf '%%2B12025550123\n50%%\n' >"$tmp/in"
    run check --json --db "$dbfile" --region JP --urldecode --batch <"$tmp/in"
    printf '%s\n' "$out" | grep -q '"input":"+12025550123"' || fail "$out"
    printf '%s\n' "$out" | grep -q '"input":"50%"' || fail "$out"
    # Kannel's %a is encoded as %p is: --urldecode decodes --text too.
    run check --env --db "$dbfile" --region JP --urldecode \
        --text 'USPS%3A+your+parcel+is+held%2C+pay+at+https%3A%2F%2Fusps-fee.top' %2B12025553106
    expect_rc 1
    has "SMSREP_1_REASONS='foreign_route brand_url_mismatch'"
    has "SMSREP_1_BRAND='USPS'" ;;
env_is_safe_to_eval)
    # Whatever the sender holds stays data when the handler evals the output.
    run check --env --db "$dbfile" --region JP "AB'\$(touch $tmp/pwned)\`touch $tmp/pwned\`"
    eval "$out" || fail "eval failed: $out"
    [ ! -e "$tmp/pwned" ] || fail "the sender ran a command"
    [ "$SMSREP_1_INPUT" = "AB'\$(touch $tmp/pwned)\`touch $tmp/pwned\`" ] || fail "input: $SMSREP_1_INPUT"
    [ "$SMSREP_1_KIND" = invalid ] || fail "kind: $SMSREP_1_KIND" # 20 characters: no network delivers it
    [ "$SMSREP_COUNT" = 1 ] || fail "count: $SMSREP_COUNT" ;;
env_fields)
    run check --env --db "$dbfile" --region JP 05053704545
    expect_rc 0
    eval "$out"
    [ "$SMSREP_1_NORMALIZED $SMSREP_1_REGION $SMSREP_1_NUMBER_TYPE $SMSREP_1_CLASS" = \
      "+815053704545 JP voip trusted" ] || fail "$out"
    [ "$SMSREP_1_SCORE $SMSREP_1_RECOMMENDATION $SMSREP_1_BRAND $SMSREP_1_BRAND_RELATION" = \
      "10 allow Amazon sender_of" ] || fail "$out"
    [ "$SMSREP_1_REASONS|$SMSREP_1_SOURCE|$SMSREP_1_REPLY_COST" = \
      "known_otp_sender ip_phone|amazon-otp-hoso-sakka|unknown" ] || fail "$out" ;;
one_source_of_senders)
    run check --region JP --gammu-env 05053704545
    expect_rc 2
    smsfile 05053704545 ''
    run check --region JP --smstools "$tmp/sms" --batch </dev/null
    expect_rc 2
    run check --region JP --json --env 05053704545
    expect_rc 2 ;;
*)
    fail "no such case" ;;
esac
exit 0
