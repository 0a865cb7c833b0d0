/* SPDX-License-Identifier: Apache-2.0
 * test_names.c: names.c: every status and enum has a stable name that maps
 * back to its value, strerror never returns NULL, every reason has both
 * languages, and the TOA/TON hints map as GSM 03.40 and SMPP say. */
#include "testing.h"

#include <limits.h>

#include "smsrep.h"

static void status_strings_never_null(void **state)
{
    static const int odd[] = { -1, INT_MIN, INT_MAX, SMSREP_STATUS_LAST_, 1000 };
    int s;
    size_t i;
    (void)state;
    for (s = 0; s < SMSREP_STATUS_LAST_; s++) {
        assert_non_null(smsrep_strerror(s));
        assert_string_not_equal(smsrep_strerror(s), "unknown status");
        assert_string_not_equal(smsrep_status_name(s), "unknown");
    }
    for (i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        assert_string_equal(smsrep_strerror(odd[i]), "unknown status");
        assert_string_equal(smsrep_status_name(odd[i]), "unknown");
    }
}

static void status_values_are_pinned(void **state)
{
    (void)state;
    assert_int_equal(SMSREP_OK, 0);
    assert_int_equal(SMSREP_E_ARGUMENT, 1);
    assert_int_equal(SMSREP_E_NEED_REGION, 10);
    assert_int_equal(SMSREP_E_NOT_FOUND, 16);
    assert_string_equal(smsrep_status_name(SMSREP_E_ENCODING), "bad_encoding");
    assert_string_equal(smsrep_status_name(SMSREP_E_REGION), "bad_region");
}

/* name -> value -> name for every value of one enum, and "unknown"/-1
 * outside it. */
static void round_trip(const char *(*name)(uint32_t), int (*from)(const char *, size_t),
                       uint32_t last)
{
    uint32_t v;
    char upper[64];
    size_t i;
    for (v = 0; v < last; v++) {
        const char *n = name(v);
        assert_true(n[0] != '\0');
        assert_int_equal(from(n, strlen(n)), (int)v); /* also proves names are distinct */
        for (i = 0; n[i] && i < sizeof upper - 1; i++)
            upper[i] = (char)((n[i] >= 'a' && n[i] <= 'z') ? n[i] - 32 : n[i]);
        upper[i] = '\0';
        assert_int_equal(from(upper, strlen(upper)), (int)v); /* case-insensitive */
        assert_int_equal(from(n, strlen(n) - 1), -1);          /* no prefix match */
    }
    assert_string_equal(name(last), "unknown");
    assert_string_equal(name(UINT32_MAX), "unknown");
    assert_int_equal(from("no_such_name", 12), -1);
    assert_int_equal(from(NULL, 0), -1);
}

static void enum_names_round_trip(void **state)
{
    (void)state;
    round_trip(smsrep_kind_name, smsrep_kind_from_name, SMSREP_KIND_LAST_);
    round_trip(smsrep_class_name, smsrep_class_from_name, SMSREP_CLASS_LAST_);
    round_trip(smsrep_recommendation_name, smsrep_recommendation_from_name, SMSREP_RECOMMEND_LAST_);
    round_trip(smsrep_number_type_name, smsrep_number_type_from_name, SMSREP_TYPE_LAST_);
    round_trip(smsrep_relation_name, smsrep_relation_from_name, SMSREP_RELATION_LAST_);
    round_trip(smsrep_reply_cost_name, smsrep_reply_cost_from_name, SMSREP_COST_LAST_);
    round_trip(smsrep_hint_name, smsrep_hint_from_name, SMSREP_HINT_LAST_);
    round_trip(smsrep_reason_name, smsrep_reason_from_name, SMSREP_REASON_LAST_);
}

static void enum_names_are_the_documented_words(void **state)
{
    (void)state;
    assert_string_equal(smsrep_kind_name(SMSREP_KIND_SHORT_CODE), "short_code");
    assert_string_equal(smsrep_class_name(SMSREP_CLASS_SPOOFED), "spoofed");
    assert_string_equal(smsrep_recommendation_name(SMSREP_RECOMMEND_FLAG), "flag");
    assert_string_equal(smsrep_number_type_name(SMSREP_TYPE_FIXED_LINE_OR_MOBILE),
                        "fixed_line_or_mobile");
    assert_string_equal(smsrep_relation_name(SMSREP_RELATION_SENDER_OF), "sender_of");
    assert_string_equal(smsrep_reply_cost_name(SMSREP_COST_PREMIUM), "premium");
    assert_string_equal(smsrep_reason_name(SMSREP_REASON_CANNOT_ORIGINATE_SMS),
                        "cannot_originate_sms");
    assert_int_equal(SMSREP_REASON_FOREIGN_ROUTE, 10);
    assert_int_equal(SMSREP_REASON_BIT(SMSREP_REASON_SCAM_MARKER), UINT64_C(1) << 22);
}

static void every_reason_has_both_texts(void **state)
{
    uint32_t r;
    (void)state;
    for (r = 0; r < SMSREP_REASON_LAST_; r++) {
        const char *en = smsrep_reason_text(r, "en");
        const char *ja = smsrep_reason_text(r, "ja_JP.UTF-8");
        assert_string_not_equal(en, "unknown reason");
        assert_string_not_equal(ja, "不明な理由です");
        assert_string_not_equal(en, ja);
        assert_string_equal(smsrep_reason_text(r, NULL), en);
        assert_string_equal(smsrep_reason_text(r, "java"), en); /* "ja" must be the whole tag */
    }
    assert_string_equal(smsrep_reason_text(SMSREP_REASON_LAST_, "en"), "unknown reason");
    assert_string_equal(smsrep_reason_text(999, "ja"), "不明な理由です");
}

static void hints_from_gsm_toa_and_smpp_ton(void **state)
{
    (void)state;
    assert_int_equal(smsrep_hint_from_gsm_toa(0x91), SMSREP_HINT_INTERNATIONAL);
    assert_int_equal(smsrep_hint_from_gsm_toa(0xA1), SMSREP_HINT_NATIONAL);
    assert_int_equal(smsrep_hint_from_gsm_toa(0x81), SMSREP_HINT_UNKNOWN);
    assert_int_equal(smsrep_hint_from_gsm_toa(0xD0), SMSREP_HINT_ALPHANUMERIC);
    assert_int_equal(smsrep_hint_from_gsm_toa(0xE1), SMSREP_HINT_SHORT_CODE);
    assert_int_equal(smsrep_hint_from_smpp_ton(1), SMSREP_HINT_INTERNATIONAL);
    assert_int_equal(smsrep_hint_from_smpp_ton(5), SMSREP_HINT_ALPHANUMERIC);
    assert_int_equal(smsrep_hint_from_smpp_ton(6), SMSREP_HINT_SHORT_CODE);
    assert_int_equal(smsrep_hint_from_smpp_ton(3), SMSREP_HINT_UNKNOWN);
    assert_int_equal(smsrep_hint_from_smpp_ton(77), SMSREP_HINT_UNKNOWN);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(status_strings_never_null),
    cmocka_unit_test(status_values_are_pinned),
    cmocka_unit_test(enum_names_round_trip),
    cmocka_unit_test(enum_names_are_the_documented_words),
    cmocka_unit_test(every_reason_has_both_texts),
    cmocka_unit_test(hints_from_gsm_toa_and_smpp_ton),
};

SMSREP_TEST_MAIN(tests)
