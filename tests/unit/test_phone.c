/* SPDX-License-Identifier: Apache-2.0
 * test_phone.c: phone.cc, the libphonenumber shim: E.164 and types for the
 * stories' numbers, national numbers read in the right region, the
 * documented traps (short codes, wrong regions, unknown calling codes), and
 * short-number facts from a reading equal to those from a fresh parse. */
#include "testing.h"

#include "phone.h"
#include "smsrep.h"

static void parse_ok(const char *digits, int intl, const char *region, phone_number *p)
{
    assert_int_equal(smsrep__phone_parse(digits, intl, region, p), SMSREP_OK);
}

static void stories_numbers(void **state)
{
    phone_number p;
    (void)state;
    parse_ok("15622628360", 1, "ZZ", &p);
    assert_int_equal(p.parse_error, PHONE_PARSED);
    assert_true(p.valid);
    assert_string_equal(p.e164, "15622628360");
    assert_string_equal(p.region, "US");
    assert_int_equal(p.calling_code, 1);
    assert_int_equal(p.type, SMSREP_TYPE_FIXED_LINE_OR_MOBILE);

    parse_ok("05053704545", 0, "JP", &p);
    assert_true(p.valid);
    assert_string_equal(p.e164, "815053704545");
    assert_int_equal(p.type, SMSREP_TYPE_VOIP);
    assert_string_equal(p.region, "JP");

    parse_ok("09027303177", 0, "JP", &p);
    assert_int_equal(p.type, SMSREP_TYPE_MOBILE);
    assert_string_equal(p.e164, "819027303177");
}

/* A Japanese national number read as American parses "successfully" into
 * nonsense; the shim must report it invalid. */
static void wrong_region_is_invalid(void **state)
{
    phone_number p;
    (void)state;
    parse_ok("09027303177", 0, "US", &p);
    assert_false(p.valid);
    assert_int_equal(p.type, SMSREP_TYPE_UNKNOWN);
    assert_string_equal(p.region, "US"); /* the calling code's main region */
}

static void international_prefixes(void **state)
{
    phone_number p;
    (void)state;
    parse_ok("010815053704545", 0, "JP", &p); /* Japan's own IDD, read by libphonenumber */
    assert_true(p.valid);
    assert_string_equal(p.e164, "815053704545");
    parse_ok("011815053704545", 0, "US", &p);
    assert_true(p.valid);
    assert_string_equal(p.e164, "815053704545");
}

static void unknown_calling_code(void **state)
{
    phone_number p;
    (void)state;
    parse_ok("999123456", 1, "ZZ", &p);
    assert_int_equal(p.parse_error, PHONE_BAD_CALLING_CODE);
    assert_false(p.valid);
    parse_ok("1", 1, "ZZ", &p);
    assert_int_not_equal(p.parse_error, PHONE_PARSED);
}

static void non_geographic_numbers(void **state)
{
    phone_number p;
    (void)state;
    parse_ok("881612345678", 1, "ZZ", &p); /* Iridium, GMSS */
    assert_int_equal(p.calling_code, 881);
    assert_string_equal(p.region, "001");
}

static void short_numbers(void **state)
{
    phone_short s;
    (void)state;
    assert_int_equal(smsrep__phone_short("22000", "US", &s), SMSREP_OK);
    assert_true(s.valid);
    assert_true(s.sms_service);
    assert_int_equal(smsrep__phone_short("22000", "JP", &s), SMSREP_OK);
    assert_false(s.valid);
    assert_false(s.sms_service);
}

static void region_calling_codes(void **state)
{
    (void)state;
    assert_int_equal(smsrep__phone_region_calling_code("JP"), 81);
    assert_int_equal(smsrep__phone_region_calling_code("US"), 1);
    assert_int_equal(smsrep__phone_region_calling_code("GB"), 44);
    assert_int_equal(smsrep__phone_region_calling_code("XX"), 0);
    assert_int_equal(smsrep__phone_region_calling_code("jp"), 0); /* callers upper-case */
    assert_int_equal(smsrep__phone_region_calling_code(""), 0);
}

/* Reusing the national reading for the short-number metadata gives what a
 * fresh parse gives, for short codes of every length, leading zeros
 * (Italian style) included, in regions with and without SMS metadata. */
static void short_of_a_reading_equals_a_fresh_parse(void **state)
{
    static const char *const regions[] = { "US", "GB", "JP", "DE", "FR", "IT", "IN", "BR", "ZZ" };
    static const char *const fixed[] = { "22000", "262966", "911", "112", "999", "110",
                                         "0005123456", "00123", "0", "000", "118", "61007" };
    unsigned r, i, same = 0;
    (void)state;
    for (r = 0; r < sizeof regions / sizeof regions[0]; r++) {
        for (i = 0; i < 200; i++) {
            char d[16];
            phone_number reading;
            phone_short fresh, reused;
            if (i < sizeof fixed / sizeof fixed[0])
                snprintf(d, sizeof d, "%s", fixed[i]);
            else
                snprintf(d, sizeof d, "%0*u", (int)(3 + i % 6), (i * 2654435761u) % 100000000u);
            parse_ok(d, 0, regions[r], &reading);
            assert_int_equal(smsrep__phone_short(d, regions[r], &fresh), SMSREP_OK);
            assert_int_equal(smsrep__phone_short_of(&reading, regions[r], &reused), SMSREP_OK);
            if (memcmp(&fresh, &reused, sizeof fresh) != 0)
                fail_msg("%s in %s: the reading's short-number facts differ", d, regions[r]);
            same += fresh.valid != 0;
        }
    }
    assert_true(same > 0); /* some of them were valid short numbers */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(stories_numbers),
    cmocka_unit_test(wrong_region_is_invalid),
    cmocka_unit_test(international_prefixes),
    cmocka_unit_test(unknown_calling_code),
    cmocka_unit_test(non_geographic_numbers),
    cmocka_unit_test(short_numbers),
    cmocka_unit_test(region_calling_codes),
    cmocka_unit_test(short_of_a_reading_equals_a_fresh_parse),
};

SMSREP_TEST_MAIN(tests)
