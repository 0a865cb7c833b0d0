/* SPDX-License-Identifier: Apache-2.0
 * test_api.c: api.c and check.c through the public functions: argument and
 * region checks, open errors with their messages, and the whole pipeline
 * (hints, international prefixes, short codes, the plan overriding stale
 * metadata) on the fixture database. */
#include "testing.h"

#include "smsrep.h"

static smsrep_db *fixture(void)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    if (smsrep_open(&db, SMSREP_FIXTURE_DB, NULL, err, sizeof err) != SMSREP_OK)
        fail_msg("%s", err);
    return db;
}

/* Checks sender in region with hint; returns the status, verdict in *v. */
static int check(smsrep_db *db, const char *sender, const char *region, uint32_t hint,
                 smsrep_verdict *v)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict init = SMSREP_VERDICT_INIT;
    *v = init;
    q.sender = sender;
    q.sender_len = strlen(sender);
    q.hint = hint;
    strncpy(q.region, region, 3);
    return smsrep_check(db, &q, v);
}

static void null_arguments(void **state)
{
    smsrep_db *db = fixture();
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_source_info s = SMSREP_SOURCE_INFO_INIT;
    size_t n;
    char err[8];
    (void)state;

    assert_int_equal(smsrep_check(NULL, &q, &v), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_check(db, NULL, &v), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_check(db, &q, NULL), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_E_ARGUMENT); /* sender NULL */
    q.sender = "22000";
    q.sender_len = 5;
    q.hint = SMSREP_HINT_LAST_;
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_source(db, NULL, &s), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_source(NULL, "x", &s), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_db_info_get(db, NULL), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_db_counts(db, 0, NULL, 0, NULL), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_db_counts(db, 7, NULL, 0, &n), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_open(NULL, NULL, NULL, err, sizeof err), SMSREP_E_ARGUMENT);
    {
        smsrep_db *other = db;
        assert_int_equal(smsrep_open_memory(&other, NULL, 1, NULL, NULL, 0), SMSREP_E_ARGUMENT);
        assert_null(other); /* a failed open always leaves NULL */
    }
    smsrep_close(db);
    smsrep_close(NULL);
}

static void open_errors_explain_themselves(void **state)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    (void)state;
    assert_int_equal(smsrep_open(&db, "/no/such/file.sqlite", NULL, err, sizeof err),
                     SMSREP_E_DB_OPEN);
    assert_null(db);
    assert_non_null(strstr(err, "/no/such/file.sqlite"));
    assert_int_equal(smsrep_open(&db, "/no/such/file.sqlite", NULL, NULL, 0), SMSREP_E_DB_OPEN);
    assert_int_equal(smsrep_open_memory(&db, "garbage", 7, NULL, err, sizeof err),
                     SMSREP_E_DB_FORMAT);
    assert_int_equal(smsrep_open(&db, NULL, "/no/such/overlay.sqlite", err, sizeof err),
                     SMSREP_E_DB_OPEN);
    assert_non_null(strstr(err, "/no/such/overlay.sqlite"));
    assert_null(db);
    /* the bundled database is no overlay */
    assert_int_equal(smsrep_open(&db, NULL, SMSREP_FIXTURE_DB, err, sizeof err), SMSREP_E_DB_FORMAT);
    assert_non_null(strstr(err, "overlay"));
    assert_null(db);
}

static void regions(void **state)
{
    smsrep_db *db = fixture();
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check(db, "09012355678", "jp", 0, &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+819012355678");
    assert_int_equal(check(db, "09012355678", "XX", 0, &v), SMSREP_E_REGION);
    assert_int_equal(check(db, "09012355678", "JPN", 0, &v), SMSREP_E_REGION);
    assert_int_equal(check(db, "09012355678", "J", 0, &v), SMSREP_E_REGION);
    assert_int_equal(check(db, "09012355678", "1A", 0, &v), SMSREP_E_REGION);
    /* without a region only international forms and IDs can be read */
    assert_int_equal(check(db, "09012355678", "", 0, &v), SMSREP_E_NEED_REGION);
    assert_int_equal(check(db, "22000", "", SMSREP_HINT_SHORT_CODE, &v), SMSREP_E_NEED_REGION);
    assert_int_equal(check(db, "+819012355678", "", 0, &v), SMSREP_OK);
    assert_int_equal(check(db, "00819012355678", "", 0, &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+819012355678");
    assert_int_equal(check(db, "ACME", "", 0, &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    smsrep_close(db);
}

static void numbers_and_prefixes(void **state)
{
    smsrep_db *db = fixture();
    smsrep_verdict v;
    (void)state;

    assert_int_equal(check(db, "0081 90 1235 5678", "JP", 0, &v), SMSREP_OK); /* 00 prefix */
    assert_int_equal(v.kind, SMSREP_KIND_NUMBER);
    assert_string_equal(v.normalized, "+819012355678");
    assert_int_equal(check(db, "011 81 90 1235 5678", "US", 0, &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+819012355678");
    assert_int_equal(check(db, "011-234-5678", "JP", 0, &v), SMSREP_OK); /* Sapporo, not a prefix */
    assert_string_equal(v.normalized, "+81112345678");
    assert_int_equal(check(db, "819012355678", "US", SMSREP_HINT_INTERNATIONAL, &v), SMSREP_OK);
    assert_string_equal(v.normalized, "+819012355678");
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION); /* foreign for a US recipient */

    assert_int_equal(check(db, "090-1234-0000", "JP", 0, &v), SMSREP_OK); /* nested fictional */
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_FICTIONAL_RANGE));
    assert_string_equal(v.source, "fixture-b");

    /* 060 is invalid to the metadata in use but designated in the plan */
    assert_int_equal(check(db, "06012345678", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.number_type, SMSREP_TYPE_MOBILE);
    assert_string_equal(v.region, "JP");

    assert_int_equal(check(db, "0901234567", "JP", 0, &v), SMSREP_OK); /* a digit short */
    assert_int_equal(v.kind, SMSREP_KIND_NUMBER);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS); /* invalid is a flag, not a block */
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_INVALID_NUMBER));

    assert_int_equal(check(db, "+999 123456", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
    assert_int_equal(v.reasons, SMSREP_REASON_BIT(SMSREP_REASON_UNKNOWN_CALLING_CODE));
    assert_string_equal(v.normalized, "");

    assert_int_equal(check(db, "090#1234", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
    assert_int_equal(v.reasons, SMSREP_REASON_BIT(SMSREP_REASON_MALFORMED));
    smsrep_close(db);
}

static void short_codes_stay_national(void **state)
{
    smsrep_db *db = fixture();
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check(db, "0005123456", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    assert_string_equal(v.normalized, "0005123456"); /* never +810005123456 */
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_REGISTERED_SHORT_CODE));

    assert_int_equal(check(db, "22000", "US", 0, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    assert_string_equal(v.normalized, "22000");
    assert_string_equal(v.region, "US");
    assert_int_equal(v.calling_code, 1);
    assert_string_equal(v.brand, "Acme");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);

    assert_int_equal(check(db, "33333", "US", 0, &v), SMSREP_OK); /* reported only */
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(check(db, "24280", "US", 0, &v), SMSREP_OK);
    assert_int_equal(v.reply_cost, SMSREP_COST_PREMIUM);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_PREMIUM_REPLY_COST));

    assert_int_equal(check(db, "110", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_int_equal(check(db, "12345678", "JP", SMSREP_HINT_SHORT_CODE, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_SHORT_CODE);
    smsrep_close(db);
}

static void alphanumeric_ids(void **state)
{
    smsrep_db *db = fixture();
    smsrep_verdict v;
    (void)state;
    assert_int_equal(check(db, "acme", "GB", 0, &v), SMSREP_OK);
    assert_string_equal(v.normalized, "ACME");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(check(db, "EXBANK", "US", 0, &v), SMSREP_OK); /* registered in JP only */
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(check(db, "\xD0\x90" "CME", "US", 0, &v), SMSREP_OK); /* Cyrillic А */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
    assert_string_equal(v.brand, "Acme");
    assert_int_equal(check(db, "12345", "US", SMSREP_HINT_ALPHANUMERIC, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_ALPHANUMERIC);
    assert_int_equal(check(db, "365SCORES", "JP", 0, &v), SMSREP_OK);
    assert_int_equal(v.kind, SMSREP_KIND_ALPHANUMERIC); /* never a Japanese number */
    smsrep_close(db);
}

static void sources_are_reported(void **state)
{
    smsrep_db *db = fixture();
    smsrep_source_info s = SMSREP_SOURCE_INFO_INIT;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    (void)state;
    assert_int_equal(smsrep_source(db, "fixture-a", &s), SMSREP_OK);
    assert_string_equal(s.url, "https://example.org/a");
    assert_string_equal(s.licence, "CC0-1.0");
    assert_int_equal(smsrep_source(db, "missing", &s), SMSREP_E_NOT_FOUND);
    assert_int_equal(smsrep_db_info_get(db, &info), SMSREP_OK);
    assert_string_equal(info.data_version, "2000.01.01");
    assert_int_equal(info.has_overlay, 0);
    smsrep_close(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(null_arguments),
    cmocka_unit_test(open_errors_explain_themselves),
    cmocka_unit_test(regions),
    cmocka_unit_test(numbers_and_prefixes),
    cmocka_unit_test(short_codes_stay_national),
    cmocka_unit_test(alphanumeric_ids),
    cmocka_unit_test(sources_are_reported),
};

SMSREP_TEST_MAIN(tests)
