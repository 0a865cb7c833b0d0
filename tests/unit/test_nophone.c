/* SPDX-License-Identifier: Apache-2.0
 * test_nophone.c: a library built without libphonenumber (the NDK build) on
 * the real embedded database: E.164 numbers, short codes and sender IDs are
 * judged, and no real number turns spoofed. With the numbering plan compiled
 * on the build host (SMSREP_HAVE_PLAN) national numbers are read and +1
 * numbers get their region; without it national numbers ask for E.164. */
#include "testing.h"

#include "smsrep.h"

static smsrep_db *db;

static int setup(void)
{
    char err[SMSREP_ERRBUF_SIZE];
    if (db == NULL && smsrep_open(&db, NULL, NULL, err, sizeof err) != SMSREP_OK)
        fail_msg("%s", err);
    return 0;
}

static int check(const char *sender, const char *region, smsrep_verdict *v)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict init = SMSREP_VERDICT_INIT;
    setup();
    *v = init;
    q.sender = sender;
    q.sender_len = strlen(sender);
    strncpy(q.region, region, 3);
    return smsrep_check(db, &q, v);
}

static int has(const smsrep_verdict *v, uint32_t reason)
{
    return (v->reasons & SMSREP_REASON_BIT(reason)) != 0;
}

static void built_without_libphonenumber(void **state)
{
    (void)state;
    assert_string_equal(smsrep_phonenumber_version(), "none");
    assert_string_equal(smsrep_status_name(SMSREP_E_NEED_E164), "e164_required");
}

static void e164_numbers_are_judged(void **state)
{
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check("+81 50-5370-4545", "JP", &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+815053704545");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_string_equal(v.brand, "Amazon");
    assert_string_equal(v.region, "JP");
    assert_int_equal(v.calling_code, 81);
    assert_int_equal(v.number_type, SMSREP_TYPE_VOIP); /* from the database's range */

    assert_int_equal(check("+15622628360", "JP", &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_true(has(&v, SMSREP_REASON_FOREIGN_ROUTE));

    assert_int_equal(check("+12025550123", "US", &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_true(has(&v, SMSREP_REASON_FICTIONAL_RANGE));
    assert_int_equal(check("+447700900123", "GB", &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
}

/* Without metadata no number can be shown invalid, so none is spoofed for it. */
static void real_numbers_are_not_spoofed(void **state)
{
    static const char *const real[] = { "+819027303177", "+447911123456", "+4915112345678",
                                        "+33612345678",  "+8613812345678", "+14165551234" };
    smsrep_verdict v;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof real / sizeof real[0]; i++) {
        assert_int_equal(check(real[i], "JP", &v), SMSREP_OK);
        assert_int_equal(v.kind, SMSREP_KIND_NUMBER);
        assert_true(v.class_ != SMSREP_CLASS_SPOOFED);
        assert_false(has(&v, SMSREP_REASON_INVALID_NUMBER));
    }
}

/* +1 is shared by 25 regions; which one a number is needs metadata, which
 * the compiled plan has. */
static void shared_calling_codes(void **state)
{
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check("+14165551234", "CA", &v), SMSREP_OK);
#ifdef SMSREP_HAVE_PLAN
    assert_string_equal(v.region, "CA");
#else
    assert_string_equal(v.region, "");
#endif
    assert_int_equal(v.calling_code, 1);
    assert_false(has(&v, SMSREP_REASON_FOREIGN_ROUTE));
#ifdef SMSREP_HAVE_PLAN
    assert_int_equal(check("+12015550123", "US", &v), SMSREP_OK);
    assert_string_equal(v.region, "US");
    assert_int_equal(check("+18767654321", "US", &v), SMSREP_OK);
    assert_string_equal(v.region, "JM");
#endif
    assert_int_equal(check("+33612345678", "FR", &v), SMSREP_OK);
    assert_string_equal(v.region, "FR");
}

static void bad_numbers(void **state)
{
    smsrep_verdict v;
    (void)state;
    /* +999 belongs to nobody. */
    assert_int_equal(check("+9991234567", "JP", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
    assert_true(has(&v, SMSREP_REASON_UNKNOWN_CALLING_CODE));
    /* Longer than E.164 allows. */
    assert_int_equal(check("+8190123456789012", "JP", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
}

static void short_codes_and_sender_ids(void **state)
{
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check("00051234", "JP", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(check("28777", "US", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    assert_string_equal(v.brand, "USPS");
    /* Not in the table, short enough to be nothing but a short code. */
    assert_int_equal(check("22000", "US", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    assert_string_equal(v.normalized, "22000");

    assert_int_equal(check("AMAZ0N", "JP", &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_ALPHANUMERIC);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
}

static void national_numbers(void **state)
{
    smsrep_verdict v;
    (void)state;
#ifdef SMSREP_HAVE_PLAN
    assert_int_equal(check("05053704545", "JP", &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+815053704545");
    assert_string_equal(v.brand, "Amazon");
    assert_int_equal(check("090-2730-3177", "JP", &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+819027303177");
    assert_int_equal(v.number_type, SMSREP_TYPE_MOBILE);
    assert_string_equal(v.region, "JP");
    assert_int_equal(check("0044 7700 900123", "GB", &v), SMSREP_OK); /* after the IDD */
    assert_string_equal(v.normalized, "+447700900123");
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_int_equal(check("030 1234567", "DE", &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+49301234567");
    assert_int_equal(v.number_type, SMSREP_TYPE_FIXED_LINE);
    /* Transform rules are left to libphonenumber, which this build lacks. */
    assert_int_equal(check("011 15 2345 6789", "AR", &v), SMSREP_E_NEED_E164);
#else
    assert_int_equal(check("05053704545", "JP", &v), SMSREP_E_NEED_E164);
    assert_int_equal(check("090-2730-3177", "JP", &v), SMSREP_E_NEED_E164);
    assert_int_equal(check("0044 7700 900123", "GB", &v), SMSREP_E_NEED_E164);
#endif
    /* Without a region, as before: the region is asked for first. */
    assert_int_equal(check("05053704545", "", &v), SMSREP_E_NEED_REGION);
    /* An international hint makes the digits E.164. */
    {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict init = SMSREP_VERDICT_INIT;
        v = init;
        q.sender = "815053704545";
        q.sender_len = 12;
        q.hint = smsrep_hint_from_gsm_toa(0x91);
        memcpy(q.region, "JP", 3);
        assert_int_equal(smsrep_check(db, &q, &v), SMSREP_OK);
        assert_string_equal(v.normalized, "+815053704545");
    }
}

static void regions_are_still_checked(void **state)
{
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check("+815053704545", "XX", &v), SMSREP_E_REGION);
    assert_int_equal(check("+815053704545", "jp", &v), SMSREP_OK);
    assert_int_equal(check("+815053704545", "AC", &v), SMSREP_OK); /* first in the table */
    assert_int_equal(check("+815053704545", "ZW", &v), SMSREP_OK); /* last */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(built_without_libphonenumber),
    cmocka_unit_test(e164_numbers_are_judged),
    cmocka_unit_test(real_numbers_are_not_spoofed),
    cmocka_unit_test(shared_calling_codes),
    cmocka_unit_test(bad_numbers),
    cmocka_unit_test(short_codes_and_sender_ids),
    cmocka_unit_test(national_numbers),
    cmocka_unit_test(regions_are_still_checked),
};

SMSREP_TEST_MAIN(tests)
