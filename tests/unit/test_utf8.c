/* SPDX-License-Identifier: Apache-2.0
 * test_utf8.c: utf8.c: strict decoding (RFC 3629) and copies that never
 * split a character. */
#include "testing.h"

#include "utf8.h"

static void decodes_valid_sequences(void **state)
{
    uint32_t cp = 0;
    (void)state;
    assert_int_equal(smsrep__utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(smsrep__utf8_decode("\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(smsrep__utf8_decode("\xEF\xBC\x90", 3, &cp), 3); /* full-width 0 */
    assert_int_equal(cp, 0xFF10);
    assert_int_equal(smsrep__utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
}

static void refuses_invalid_sequences(void **state)
{
    static const char *const bad[] = {
        "\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80" /* surrogate */,
        "\xF4\x90\x80\x80" /* > U+10FFFF */, "\xF8\x88\x80\x80\x80", "\xFF", "\xC3",
        "\xE3\x81", "\xC3\x28",
    };
    uint32_t cp;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(smsrep__utf8_decode(bad[i], strlen(bad[i]), &cp), 0);
        assert_false(smsrep__utf8_valid(bad[i], strlen(bad[i])));
    }
    assert_int_equal(smsrep__utf8_decode("", 0, &cp), 0);
    assert_true(smsrep__utf8_valid("", 0));
    assert_true(smsrep__utf8_valid("\xE3\x82\xA2\xE3\x83\x9E", 6));
}

static void copy_cuts_at_a_character_boundary(void **state)
{
    char dst[5];
    (void)state;
    /* "アマ" is 6 bytes; 4 fit, which would split the second character */
    assert_int_equal(smsrep__copy(dst, sizeof dst, "\xE3\x82\xA2\xE3\x83\x9E", 6), 3);
    assert_string_equal(dst, "\xE3\x82\xA2");
    assert_int_equal(smsrep__copy(dst, sizeof dst, "abcdef", 6), 4);
    assert_string_equal(dst, "abcd");
    assert_int_equal(smsrep__copyz(dst, sizeof dst, NULL), 0);
    assert_string_equal(dst, "");
    assert_int_equal(smsrep__copy(dst, 0, "abc", 3), 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(decodes_valid_sequences),
    cmocka_unit_test(refuses_invalid_sequences),
    cmocka_unit_test(copy_cuts_at_a_character_boundary),
};

SMSREP_TEST_MAIN(tests)
