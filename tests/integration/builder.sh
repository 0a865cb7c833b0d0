#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# builder.sh: the database builder refuses every bad row and names the file
# and line. Each case copies the fixture data, appends one bad row to one
# file, and expects the build to fail with "FILE:LINE: MESSAGE".
# Usage: builder.sh SMSREP-DBBUILD SCHEMA FIXTURE-DIR CASE
set -u
build=$1
schema=$2
fixture=$3
case=$4
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp -r "$fixture" "$tmp/data"

fail() { echo "FAIL [$case]: $*" >&2; exit 1; }

# refuse FILE ROW MESSAGE: appends ROW to FILE; the build must fail at that line.
refuse() {
    file=$tmp/data/$1
    line=$(($(wc -l <"$file") + 1))
    printf '%s\n' "$2" >>"$file"
    if "$build" --schema "$schema" --data "$tmp/data" --out "$tmp/out.sqlite" 2>"$tmp/err"; then
        fail "the build accepted: $2"
    fi
    grep -F -q -- "$file:$line: $3" "$tmp/err" || fail "expected '$file:$line: $3', got: $(cat "$tmp/err")"
    [ ! -e "$tmp/out.sqlite" ] || fail "a failed build left $tmp/out.sqlite behind"
}

case "$case" in
good_fixture_builds)
    "$build" --schema "$schema" --data "$tmp/data" --out "$tmp/out.sqlite" || fail "build failed"
    [ -s "$tmp/out.sqlite" ] || fail "no database written" ;;
broad_fictional_range)
    refuse number_ranges.csv '8190,12,12,JP,,fictional,unknown,fixture-a,too broad' \
        'fictional range 8190 with length 12 leaves 8 digits free; the limit is 4' ;;
fictional_range_without_exact_length)
    refuse number_ranges.csv '44770090,12,13,GB,,fictional,unknown,fixture-a,x' \
        'a fictional range needs an exact length' ;;
broad_unallocated_range)
    refuse number_ranges.csv '81,12,12,JP,,unallocated,unknown,fixture-a,x' \
        'unallocated range 81 with length 12 leaves 10 digits free; the limit is 7' ;;
unknown_source)
    refuse number_ranges.csv '8170[1-9],12,12,JP,mobile,plan,unknown,nowhere,x' \
        'source "nowhere" is not defined in sources.csv' ;;
unknown_brand)
    refuse known_numbers.csv '819099998888,JP,nobody,sender_of,otp,high,fixture-a,x' \
        'brand "nobody" is not defined in brands.csv' ;;
prefix_with_letters)
    refuse number_ranges.csv '81a0,12,12,JP,mobile,plan,unknown,fixture-a,x' \
        'prefix "81a0" must be E.164 digits (no '"'+'"', no leading 0)' ;;
prefix_with_trunk_zero)
    refuse number_ranges.csv '0901,12,12,JP,mobile,plan,unknown,fixture-a,x' \
        'prefix "0901" must be E.164 digits (no '"'+'"', no leading 0)' ;;
overlapping_lengths)
    refuse number_ranges.csv '8120,11,12,JP,m2m,m2m,unknown,fixture-a,x' \
        'prefix 8120 with lengths 11..12 overlaps an earlier row with 12..12' ;;
known_number_in_a_fictional_range)
    refuse known_numbers.csv '819012340001,JP,acme,sender_of,otp,high,fixture-a,x' \
        'number 819012340001 lies in a fictional range; a documented sender cannot' ;;
known_number_too_short)
    refuse known_numbers.csv '8190,JP,acme,sender_of,otp,high,fixture-a,x' \
        'number "8190" must be 7 to 15 E.164 digits' ;;
bad_confidence)
    refuse known_numbers.csv '819099998888,JP,acme,sender_of,otp,certain,fixture-a,x' \
        'confidence "certain" is not one of the allowed names' ;;
bad_number_type)
    refuse number_ranges.csv '8170[1-9],12,12,JP,cellular,plan,unknown,fixture-a,x' \
        'number_type "cellular" is not a name smsrep.h defines' ;;
emergency_code_not_exact)
    refuse short_codes.csv 'JP,11,2,3,emergency,,free,high,fixture-a,x' \
        'an emergency short code must be exact' ;;
brand_sender_without_brand)
    refuse short_codes.csv 'US,55555,5,5,brand_sender,,unknown,high,fixture-a,x' \
        'brand is empty' ;;
sender_id_bad_region)
    refuse sender_ids.csv 'Japan,ACME2,acme,registered,high,fixture-a,x' \
        'region "Japan" must be an ISO 3166 alpha-2 code or *' ;;
source_bad_date)
    refuse sources.csv 'late,Late,https://example.org/l,CC0-1.0,2000-13-01,Late' \
        'retrieved "2000-13-01" must be a date YYYY-MM-DD' ;;
source_bad_url)
    refuse sources.csv 'nourl,No URL,example.org,CC0-1.0,2000-01-01,x' \
        'url "example.org" must start with https:// or http://' ;;
brand_name_taken)
    refuse brands.csv 'copy,Copycat,Acme,copy.example,retail,fixture-a' \
        'the name "ACME" already belongs to brand "acme"' ;;
wrong_field_count)
    refuse meta.csv 'a,b,c' '3 fields; the header has 2' ;;
unterminated_quote)
    refuse meta.csv 'note,"open' 'unterminated quoted field' ;;
wrong_header)
    sed -i '1s/.*/key,val/' "$tmp/data/meta.csv"
    "$build" --schema "$schema" --data "$tmp/data" --out "$tmp/out.sqlite" 2>"$tmp/err" &&
        fail "the build accepted a wrong header"
    grep -F -q "meta.csv:1: the header must be \"key,value\"" "$tmp/err" || fail "$(cat "$tmp/err")" ;;
*)
    fail "no such case" ;;
esac
exit 0
