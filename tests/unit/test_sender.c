/* SPDX-License-Identifier: Apache-2.0
 * test_sender.c: sender.c: raw input becomes digits, text or malformed
 * before libphonenumber sees it; letters make text (so "365SCORES" never
 * becomes a Japanese number); non-senders are refused with their status. */
#include "testing.h"

#include "sender.h"
#include "smsrep.h"

typedef struct row {
    const char *input;
    uint32_t hint;
    int status;
    int form;
    int plus;
    const char *digits; /* SENDER_NUMERIC: the digits; SENDER_TEXT: the trimmed text */
} row;

static const row rows[] = {
    { "+15622628360", 0, SMSREP_OK, SENDER_NUMERIC, 1, "15622628360" },
    { "05053704545", 0, SMSREP_OK, SENDER_NUMERIC, 0, "05053704545" },
    { "090-2730-3177", 0, SMSREP_OK, SENDER_NUMERIC, 0, "09027303177" },
    { "(090) 2730.3177", 0, SMSREP_OK, SENDER_NUMERIC, 0, "09027303177" },
    { "\xEF\xBC\x90\xEF\xBC\x99\xEF\xBC\x90-\xEF\xBC\x92\xEF\xBC\x97\xEF\xBC\x93\xEF\xBC\x90"
      "-\xEF\xBC\x93\xEF\xBC\x91\xEF\xBC\x97\xEF\xBC\x97", /* ０９０-２７３０-３１７７ */
      0, SMSREP_OK, SENDER_NUMERIC, 0, "09027303177" },
    { "\xEF\xBC\x8B\xEF\xBC\x98\xEF\xBC\x91 90 2730 3177", 0, SMSREP_OK, SENDER_NUMERIC, 1,
      "819027303177" }, /* ＋８１ */
    { "090\xE3\x83\xBC" "2730\xE3\x83\xBC" "3177", 0, SMSREP_OK, SENDER_NUMERIC, 0,
      "09027303177" }, /* ー typed as a hyphen */
    { "\xD9\xA0\xD9\xA9\xD9\xA0\xD9\xA2\xD9\xA7\xD9\xA3\xD9\xA0\xD9\xA3\xD9\xA1\xD9\xA7\xD9\xA7",
      0, SMSREP_OK, SENDER_NUMERIC, 0, "09027303177" }, /* Arabic-Indic digits */
    { "  \t+44 7700 900123\r\n", 0, SMSREP_OK, SENDER_NUMERIC, 1, "447700900123" },
    { "\xE3\x80\x80" "22000" "\xE3\x80\x80", 0, SMSREP_OK, SENDER_NUMERIC, 0, "22000" },
    { "447700900123", SMSREP_HINT_INTERNATIONAL, SMSREP_OK, SENDER_NUMERIC, 1, "447700900123" },
    { "tel:+1-562-262-8360", 0, SMSREP_OK, SENDER_NUMERIC, 1, "15622628360" },
    { "TEL:09027303177;phone-context=+81", 0, SMSREP_OK, SENDER_NUMERIC, 1, "8109027303177" },
    { "tel:09027303177;phone-context=example.com", 0, SMSREP_OK, SENDER_NUMERIC, 0,
      "09027303177" },
    { "tel:041", SMSREP_HINT_INTERNATIONAL, SMSREP_OK, SENDER_NUMERIC, 1, "041" }, /* the hint holds */
    { "tel:6075958142", SMSREP_HINT_ALPHANUMERIC, SMSREP_OK, SENDER_TEXT, 0, "tel:6075958142" },
    /* letters make text, whatever digits come with them */
    { "AMAZON", 0, SMSREP_OK, SENDER_TEXT, 0, "AMAZON" },
    { "365SCORES", 0, SMSREP_OK, SENDER_TEXT, 0, "365SCORES" },
    { "BANK24", 0, SMSREP_OK, SENDER_TEXT, 0, "BANK24" },
    { "Info123", 0, SMSREP_OK, SENDER_TEXT, 0, "Info123" },
    { "1-800-FLOWERS", 0, SMSREP_OK, SENDER_TEXT, 0, "1-800-FLOWERS" },
    { " V-AMAZON ", 0, SMSREP_OK, SENDER_TEXT, 0, "V-AMAZON" },
    { "\xE6\xA5\xBD\xE5\xA4\xA9", 0, SMSREP_OK, SENDER_TEXT, 0, "\xE6\xA5\xBD\xE5\xA4\xA9" },
    { "\xE3\x83\xBC\xE3\x83\xBC", 0, SMSREP_OK, SENDER_TEXT, 0, "\xE3\x83\xBC\xE3\x83\xBC" },
    { "12345", SMSREP_HINT_ALPHANUMERIC, SMSREP_OK, SENDER_TEXT, 0, "12345" },
    /* digits mixed with what no number holds */
    { "+81+90", 0, SMSREP_OK, SENDER_MALFORMED, 1, NULL },
    { "090#1234", 0, SMSREP_OK, SENDER_MALFORMED, 0, NULL },
    { "*111#", 0, SMSREP_OK, SENDER_MALFORMED, 0, NULL },
    { "12+34", 0, SMSREP_OK, SENDER_MALFORMED, 0, NULL },
    { "123456789012345678901", 0, SMSREP_OK, SENDER_MALFORMED, 0, NULL },
    /* invisible characters are read past (and counted: see invisible_are_counted) */
    { "+1 562\xE2\x80\xAE" "0638", 0, SMSREP_OK, SENDER_NUMERIC, 1, "15620638" }, /* RLO */
    { "\xE2\x81\xA6+15622628360\xE2\x81\xA9", 0, SMSREP_OK, SENDER_NUMERIC, 1,
      "15622628360" }, /* LRI ... PDI, as a screen wraps a number it shows */
    { "\xE2\x80\x8B\xE2\x80\x8E", 0, SMSREP_E_CHARACTER, 0, 0, NULL }, /* nothing visible */
    { "tel:", 0, SMSREP_OK, SENDER_MALFORMED, 0, NULL },
    /* not a sender at all */
    { "", 0, SMSREP_E_EMPTY, 0, 0, NULL },
    { " \t\r\n", 0, SMSREP_E_EMPTY, 0, 0, NULL },
    { "++--", 0, SMSREP_E_CHARACTER, 0, 0, NULL },
    { "!!!", 0, SMSREP_E_CHARACTER, 0, 0, NULL },
    { "0901\x01" "234", 0, SMSREP_E_CHARACTER, 0, 0, NULL },
    { "AMA\x7FZON", 0, SMSREP_E_CHARACTER, 0, 0, NULL },
    /* bidirectional controls are read past and counted (issue 4): a verdict
     * names them (invisible_characters), rather than refusing the sender */
    { "\xE2\x80\xAE" "05053704545", 0, SMSREP_OK, SENDER_NUMERIC, 0, "05053704545" },
    { "AMA\xE2\x80\x8FZON", 0, SMSREP_OK, SENDER_TEXT, 0, "AMA\xE2\x80\x8FZON" },
    { "PAY\xD8\x9CPAY", 0, SMSREP_OK, SENDER_TEXT, 0, "PAY\xD8\x9CPAY" },
    { "\xFF\xFE" "09027303177", 0, SMSREP_E_ENCODING, 0, 0, NULL },
    { "\xC0\x80", 0, SMSREP_E_ENCODING, 0, 0, NULL },
};

static void table(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const row *r = &rows[i];
        sender s;
        int status = smsrep__sender_read(r->input, strlen(r->input), r->hint, &s);
        if (status != r->status || (status == SMSREP_OK && s.form != r->form))
            fail_msg("row %zu \"%s\": status %d form %d, expected %d %d", i, r->input, status,
                     s.form, r->status, r->form);
        if (status != SMSREP_OK)
            continue;
        if (r->form == SENDER_NUMERIC) {
            assert_string_equal(s.digits, r->digits);
            assert_int_equal(s.ndigits, strlen(r->digits));
            assert_int_equal(s.plus, r->plus);
        } else if (r->form == SENDER_TEXT) {
            assert_int_equal(s.text_len, strlen(r->digits));
            assert_memory_equal(s.text, r->digits, s.text_len);
        }
    }
}

static void invisible_are_counted(void **state)
{
    sender s;
    char out[64];
    (void)state;
    static const char lrm_shy[] = "\xE2\x80\x8E+8190\xC2\xAD" "27303177";
    assert_int_equal(smsrep__sender_read(lrm_shy, strlen(lrm_shy), 0, &s), SMSREP_OK);
    assert_int_equal(s.invisible, 2);
    assert_string_equal(s.digits, "819027303177");
    assert_int_equal(smsrep__sender_read("AMA\xE2\x80\x8BZON", 9, 0, &s), SMSREP_OK);
    assert_int_equal(s.form, SENDER_TEXT);
    assert_int_equal(s.invisible, 1);
    assert_int_equal(smsrep__sender_read("AMAZON", 6, 0, &s), SMSREP_OK);
    assert_int_equal(s.invisible, 0);

    static const char spaced[] = " AMA\xE2\x80\x8BZON\xE2\x80\xAE ";
    smsrep__sender_display(spaced, strlen(spaced), out, sizeof out);
    assert_string_equal(out, "AMA<U+200B>ZON<U+202E>");
    smsrep__sender_display("AMA\xE2\x80\x8BZON", 9, out, 8); /* never half an escape */
    assert_string_equal(out, "AMA");
    smsrep__sender_display("\xE3\x82\xA2\xE3\x82\xA2", 6, out, 5); /* never half a character */
    assert_string_equal(out, "\xE3\x82\xA2");
}

/* Input past the cap is refused before any decoding (libphonenumber's parse
 * time grows superlinearly with length). */
static void input_is_capped(void **state)
{
    char big[SMSREP_SENDER_MAX + 2];
    sender s;
    (void)state;
    memset(big, '1', sizeof big);
    assert_int_equal(smsrep__sender_read(big, SMSREP_SENDER_MAX + 1, 0, &s), SMSREP_E_TOO_LONG);
    /* exactly at the cap it is read, and 128 digits are malformed */
    assert_int_equal(smsrep__sender_read(big, SMSREP_SENDER_MAX, 0, &s), SMSREP_OK);
    assert_int_equal(s.form, SENDER_MALFORMED);
}

/* Overrides anywhere, embeddings and PDF between visible characters reorder
 * what is shown; LRE..PDF and isolates around a number (Android's
 * BidiFormatter, screens) do not. */
static void bidi_overrides_are_counted(void **state)
{
    static const struct { const char *in; size_t want; } bidi[] = {
        { "\xE2\x80\xAE" "05053704545", 1 },                  /* RLO first */
        { "090\xE2\x80\xAE" "1234\xE2\x80\xAC" "5678", 2 },  /* RLO..PDF inside */
        { "\xE2\x80\xAA+15622628360\xE2\x80\xAC", 0 },        /* LRE..PDF around */
        { "\xE2\x81\xA6+15622628360\xE2\x81\xA9", 0 },        /* LRI..PDI around */
        { "+1562\xE2\x80\xAB" "2628360", 1 },                 /* RLE inside */
        { "AMA\xE2\x80\xAEZON", 1 },
        { "AMA\xE2\x80\x8BZON", 0 },                          /* a zero width: no reordering */
    };
    size_t i;
    sender s;
    (void)state;
    for (i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
        assert_int_equal(smsrep__sender_read(bidi[i].in, strlen(bidi[i].in), 0, &s), SMSREP_OK);
        if (s.bidi_override != bidi[i].want)
            fail_msg("row %zu: %zu bidi overrides, expected %zu", i, s.bidi_override,
                     bidi[i].want);
    }
}

/* A NUL inside the given length is a control character, not an end. */
static void embedded_nul_is_refused(void **state)
{
    sender s;
    (void)state;
    assert_int_equal(smsrep__sender_read("090\0" "1234", 8, 0, &s), SMSREP_E_CHARACTER);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(table),
    cmocka_unit_test(invisible_are_counted),
    cmocka_unit_test(bidi_overrides_are_counted),
    cmocka_unit_test(input_is_capped),
    cmocka_unit_test(embedded_nul_is_refused),
};

SMSREP_TEST_MAIN(tests)
