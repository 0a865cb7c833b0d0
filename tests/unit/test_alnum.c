/* SPDX-License-Identifier: Apache-2.0
 * test_alnum.c: alnum.c: one canonical form for the spellings of a sender
 * ID, one skeleton for its look-alikes, and the GSM sender-ID rules. */
#include "testing.h"

#include "alnum.h"
#include "utf8.h"

static alnum_form forms(const char *s)
{
    alnum_form f;
    assert_int_equal(smsrep__alnum_forms(s, strlen(s), &f), SMSREP_OK);
    return f;
}

static void canonical_forms(void **state)
{
    (void)state;
    assert_string_equal(forms("AMAZON").canonical, "AMAZON");
    assert_string_equal(forms("amazon").canonical, "AMAZON");
    assert_string_equal(forms("\xEF\xBD\x81\xEF\xBD\x8D\xEF\xBD\x81\xEF\xBD\x9A\xEF\xBD\x8F\xEF\xBD\x8E")
                            .canonical, "AMAZON"); /* full-width ａｍａｚｏｎ */
    assert_string_equal(forms("  Amazon   Japan ").canonical, "AMAZON JAPAN");
    assert_string_equal(forms("Likely-SCAM").canonical, "LIKELY-SCAM");
    /* half-width katakana ｱﾏｿﾞﾝ becomes アマゾン */
    assert_string_equal(forms("\xEF\xBD\xB1\xEF\xBE\x8F\xEF\xBD\xBF\xEF\xBE\x9E\xEF\xBE\x9D").canonical,
                        "\xE3\x82\xA2\xE3\x83\x9E\xE3\x82\xBE\xE3\x83\xB3");
}

static void lookalikes_share_a_skeleton(void **state)
{
    const char *amazon;
    (void)state;
    amazon = forms("AMAZON").skeleton;
    (void)amazon;
    assert_string_equal(forms("AMAZ0N").skeleton, forms("AMAZON").skeleton);     /* digit zero */
    assert_string_equal(forms("\xD0\x90mazon").skeleton, forms("AMAZON").skeleton); /* Cyrillic А */
    assert_string_equal(forms("PAYPA1").skeleton, forms("PAYPAL").skeleton);     /* digit one */
    assert_string_equal(forms("rnicrosoft").skeleton, forms("MICROSOFT").skeleton); /* rn for m */
    assert_string_not_equal(forms("AMAZING").skeleton, forms("AMAZON").skeleton);
    assert_string_not_equal(forms("APPLE").skeleton, forms("PAYPAL").skeleton);
}

/* Bidi overrides: the canonical form keeps the order sent, the skeleton
 * (what look-alikes meet) the order a reader sees; embeddings and isolates
 * around the whole ID change nothing and are not counted. */
static void bidi_overrides_are_read_as_shown(void **state)
{
    alnum_form f;
    (void)state;
    f = forms("\xE2\x80\xAENOZAMA"); /* RLO NOZAMA shows AMAZON */
    assert_string_equal(f.canonical, "NOZAMA");
    assert_string_equal(f.skeleton, forms("AMAZON").skeleton);
    assert_int_equal(f.bidi_override, 1);
    f = forms("AMA\xE2\x80\xAENOZ\xE2\x80\xAC-JP"); /* AMA RLO NOZ PDF -JP shows AMAZON-JP */
    assert_string_equal(f.canonical, "AMANOZ-JP");
    assert_string_equal(f.skeleton, forms("AMAZON-JP").skeleton);
    assert_int_equal(f.bidi_override, 2); /* the override, and its PDF inside */
    f = forms("\xE2\x80\xAE\xF0\x9D\x90\x80" "BC"); /* a surrogate pair stays whole */
    assert_string_equal(f.skeleton, forms("CB\xF0\x9D\x90\x80").skeleton);
    f = forms("\xE2\x80\xADPAYPAL\xE2\x80\xAC"); /* LRO changes nothing, and is counted */
    assert_string_equal(f.skeleton, forms("PAYPAL").skeleton);
    assert_int_equal(f.bidi_override, 1);
    assert_int_equal(forms("\xE2\x80\xAA" "AMAZON\xE2\x80\xAC").bidi_override, 0); /* LRE..PDF */
    assert_int_equal(forms("\xE2\x81\xA6" "AMAZON\xE2\x81\xA9").bidi_override, 0); /* LRI..PDI */
    assert_int_equal(forms("AMA\xE2\x80\xAAZON").bidi_override, 1); /* LRE inside */
    assert_string_equal(forms("\xE2\x80\xAE" "ABC\xE2\x80\xAC" "DEF").skeleton,
                        forms("CBADEF").skeleton); /* the run ends at its PDF */
}

static void gsm_rules(void **state)
{
    alnum_form f;
    (void)state;
    f = forms("AMAZON");
    assert_true(f.gsm_encodable);
    assert_int_equal(f.chars, 6);
    f = forms("\xE6\xA5\xBD\xE5\xA4\xA9"); /* 楽天: not in the GSM alphabet */
    assert_false(f.gsm_encodable);
    assert_int_equal(f.chars, 2);
    f = forms("Caf\xC3\xA9 \xC3\x9C"); /* é and Ü are GSM characters */
    assert_true(f.gsm_encodable);
    f = forms("a`b");
    assert_false(f.gsm_encodable);
    assert_int_equal(forms("ABCDEFGHIJKL").chars, 12);
}

/* NFKC can expand one character into 18 (U+FDFA): a form longer than its
 * array is cut at a character boundary, never refused and never split. */
static void long_forms_are_cut_at_a_character_boundary(void **state)
{
    char in[SMSREP_SENDER_MAX + 2];
    alnum_form f;
    size_t n;
    int i;
    (void)state;
    for (i = 0; i < 42; i++)
        memcpy(in + 3 * i, "\xEF\xB7\xBA", 3);
    memset(in + 126, 'A', sizeof in - 126);
    assert_int_equal(smsrep__alnum_forms(in, 126, &f), SMSREP_OK);
    n = strlen(f.canonical);
    assert_true(n > 100 && n < sizeof f.canonical);
    assert_true(smsrep__utf8_valid(f.canonical, n));
    assert_int_equal(f.chars, 42 * 18); /* NFKC writes each U+FDFA as 18 characters */
    assert_int_equal(smsrep__alnum_forms(in, SMSREP_SENDER_MAX + 1, &f), SMSREP_E_TOO_LONG);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(canonical_forms),
    cmocka_unit_test(lookalikes_share_a_skeleton),
    cmocka_unit_test(bidi_overrides_are_read_as_shown),
    cmocka_unit_test(gsm_rules),
    cmocka_unit_test(long_forms_are_cut_at_a_character_boundary),
};

SMSREP_TEST_MAIN(tests)
