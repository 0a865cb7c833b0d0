/* SPDX-License-Identifier: Apache-2.0
 * test_text.c: what a message text claims (brand, links, codes, notices),
 * and that a text never changes the verdict of a sender it says nothing
 * about. */
#include "testing.h"

#include "store.h"
#include "text.h"

static text_book book;

static int setup(void **state)
{
    (void)state;
    memset(&book, 0, sizeof book);
    assert_int_equal(smsrep__text_add_brand(&book, "Amazon", "Amazon.co.jp|アマゾン",
                                            "amazon.com|amazon.co.jp", "s1"),
                     SMSREP_OK);
    assert_int_equal(smsrep__text_add_brand(&book, "UPS", "United Parcel Service", "ups.com", "s2"),
                     SMSREP_OK);
    assert_int_equal(smsrep__text_add_brand(&book, "Rakuten", "楽天", "rakuten.co.jp", "s3"),
                     SMSREP_OK);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    smsrep__text_free(&book);
    return 0;
}

static text_findings scan(const char *text)
{
    text_findings t;
    smsrep__text_scan(&book, text, strlen(text), &t);
    return t;
}

static void claims(void **state)
{
    static const struct { const char *text; const char *brand; } rows[] = {
        { "Amazon: your code", "Amazon" },
        { "AMAZON.CO.JP: ご注文", "Amazon" },
        { "【アマゾン】お支払い", "Amazon" },
        { "see https://www.amazon.co.jp/x", "Amazon" },    /* a domain names its brand */
        { "UPS: parcel", "UPS" },
        { "ups and downs", NULL },                         /* short names keep their case */
        { "Amazonas river trip", NULL },                   /* whole words only */
        { "楽天カードのお知らせ", "Rakuten" },
        { "UPS then Amazon", "UPS" },                      /* the first named */
        { "nothing to see", NULL },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        text_findings t = scan(rows[i].text);
        const char *got = t.claimed ? t.claimed->name : NULL;
        if ((got == NULL) != (rows[i].brand == NULL) ||
            (got != NULL && strcmp(got, rows[i].brand) != 0))
            fail_msg("\"%s\": claims %s, expected %s", rows[i].text, got ? got : "none",
                     rows[i].brand ? rows[i].brand : "none");
    }
}

static void links_against_the_claim(void **state)
{
    text_findings t;
    (void)state;
    t = scan("Amazon: https://amazon.co.jp/a/c/r?k=1");
    assert_int_equal(t.foreign, -1);
    t = scan("Amazon: https://amazon.co.jp.xn--ecure-login.top/a");
    assert_int_equal(t.foreign, 0);
    assert_true(t.foreign_punycode);
    t = scan("Amazon: https://amazon.co.jp/x and https://evil.top/y");
    assert_int_equal(t.foreign, 1);
    assert_string_equal(t.hosts.host[t.foreign], "evil.top");
    t = scan("Amazon: bit.ly/3abc");
    assert_int_equal(t.foreign, -1);                   /* a shortener hides, it does not claim */
    assert_true(t.shortened);
    t = scan("https://evil.top/y");                    /* no brand named: nothing to contradict */
    assert_int_equal(t.foreign, -1);
    assert_null(t.claimed);
}

static void codes_and_notices(void **state)
{
    (void)state;
    assert_true(scan("Your verification code is 482913").code);
    assert_true(scan("認証コード：123456").code);
    assert_true(scan("G-123456 is your Google verification code").code);
    assert_false(scan("Your code is on its way").code);     /* no digits */
    assert_false(scan("Call 0120123456 today").code);       /* digits, no code word */
    assert_false(scan("order 12345678901 code").code);      /* too many digits */
    assert_false(scan("Thanks for shopping, order 12345").code); /* "pin" inside a word */
    assert_true(scan("Your PIN: 4821").code);
    assert_true(scan("To stop last sender from sending you messages please reply STOP").notice);
    assert_true(scan("You have been unsubscribed.").notice);
    assert_false(scan("Reply with your name").notice);
}

static void reads_only_utf8_and_only_so_much(void **state)
{
    char big[SMSREP_TEXT_MAX + 64];
    text_findings t;
    (void)state;
    t = scan("Amazon \xFF https://evil.top");   /* stops at the bad byte */
    assert_string_equal(t.claimed->name, "Amazon");
    assert_int_equal(t.hosts.n, 0);
    memset(big, 'x', sizeof big);
    memcpy(big + SMSREP_TEXT_MAX + 2, "UPS", 3);
    smsrep__text_scan(&book, big, sizeof big, &t);
    assert_null(t.claimed);                        /* past SMSREP_TEXT_MAX */
}

/* The library's own promise: without text, or with a text that names no
 * brand, link, code or notice, a verdict is the sender's alone. */
static void text_leaves_the_sender_alone(void **state)
{
    static const char *const senders[] = { "05053704545", "+15622628360", "AMAZ0N", "22000",
                                           "+12025550123", "Likely-SCAM" };
    smsrep_db *db = NULL;
    size_t i;
    (void)state;
    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    for (i = 0; i < sizeof senders / sizeof senders[0]; i++) {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict a = SMSREP_VERDICT_INIT, b = SMSREP_VERDICT_INIT;
        q.sender = senders[i];
        q.sender_len = strlen(senders[i]);
        memcpy(q.region, "JP", 3);
        assert_int_equal(smsrep_check(db, &q, &a), SMSREP_OK);
        q.text = "see you at seven";
        q.text_len = strlen(q.text);
        assert_int_equal(smsrep_check(db, &q, &b), SMSREP_OK);
        assert_memory_equal(&a, &b, sizeof a);
    }
    smsrep_close(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(claims, setup, teardown),
    cmocka_unit_test_setup_teardown(links_against_the_claim, setup, teardown),
    cmocka_unit_test_setup_teardown(codes_and_notices, setup, teardown),
    cmocka_unit_test_setup_teardown(reads_only_utf8_and_only_so_much, setup, teardown),
    cmocka_unit_test(text_leaves_the_sender_alone),
};

SMSREP_TEST_MAIN(tests)
