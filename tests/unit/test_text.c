/* SPDX-License-Identifier: Apache-2.0
 * test_text.c: what a message text claims (brand, links, codes, notices),
 * and that a text never changes the verdict of a sender it says nothing
 * about. */
#include "testing.h"

#include "store.h"
#include "text.h"

#include "../../db/csv.h"

#include <ctype.h>

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
    {
        /* the phrase table's kinds, as the handle loads them */
        static const struct { int kind; const char *category, *phrase; } phrases[] = {
            { PHRASE_CODE_WORD, "", "code" }, { PHRASE_CODE_WORD, "", "verification" },
            { PHRASE_CODE_WORD, "", "pin" }, { PHRASE_CODE_WORD, "", "認証コード" },
            { PHRASE_NOTICE, "", "to stop last sender" },
            { PHRASE_NOTICE, "", "you have been unsubscribed" },
            { PHRASE_SHORTENER, "", "bit.ly" },
            { PHRASE_LURE, "parcel_held", "parcel is being held" },
            { PHRASE_LURE, "unpaid_fee", "unpaid" }, { PHRASE_LURE, "payment", "お支払い" },
            { PHRASE_LURE, "account_locked", "Suspicious Activity" },
            { PHRASE_LURE, "credentials", "verify your account" },
            { PHRASE_LURE, "new_number", "my new number" },
            { PHRASE_APP, "", "whatsapp" }, { PHRASE_APP, "", "line id" },
            { PHRASE_APP, "", "t.me" }, { PHRASE_APP, "", "lineで" },
        };
        size_t i;
        for (i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
            assert_int_equal(smsrep__text_add_phrase(&book, phrases[i].kind, phrases[i].category,
                                                     phrases[i].phrase, "s4"),
                             SMSREP_OK);
        assert_int_equal(smsrep__text_add_declaration(&book, "UPS", "US", "short_code", "s5"),
                         SMSREP_OK);
        assert_int_equal(smsrep__text_add_declaration(&book, "Nobody", "US", "all", "s5"),
                         SMSREP_OK); /* a brand the book lacks: left out */
    }
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

/* Lures are substrings, ASCII case folded, Japanese as bytes; the first
 * in the text is named, and the first that asks to pay or for credentials
 * is the demand. */
static void lures(void **state)
{
    text_findings t;
    (void)state;
    t = scan("Your parcel is being held. Pay the unpaid fee at https://x.top");
    assert_non_null(t.lure);
    assert_string_equal(t.lure->text, "parcel is being held");
    assert_string_equal(t.lure->category, "parcel_held");
    assert_non_null(t.demand);
    assert_string_equal(t.demand->text, "unpaid");
    t = scan("We saw SUSPICIOUS ACTIVITY on your account");
    assert_non_null(t.lure);
    assert_null(t.demand);                              /* it asks nothing yet */
    t = scan("【楽天】お支払い方法に問題があります");
    assert_non_null(t.demand);
    assert_string_equal(t.demand->category, "payment");
    assert_null(scan("Your order has shipped").lure);
}

/* A one-time code states its purpose in a lure's words ("verify your
 * account"): in a code, credential lures are the code's own; other lures
 * stay, and the same words without a code are a lure. */
static void a_code_keeps_its_purpose(void **state)
{
    text_findings t;
    (void)state;
    t = scan("Your verification code is 482913. Use it to verify your account.");
    assert_true(t.code);
    assert_null(t.lure);
    assert_null(t.demand);
    t = scan("Code 482913. Suspicious activity: verify your account");
    assert_non_null(t.lure);
    assert_string_equal(t.lure->text, "suspicious activity"); /* not a credential lure */
    assert_null(t.demand);
    t = scan("Please verify your account today");
    assert_false(t.code);
    assert_non_null(t.demand);
    assert_true(t.demand->credentials);
    assert_true(scan("This is my new number").lure->own_number);
}

/* A messaging app is named as a word, case folded, Japanese beside it as
 * it comes; the first in the text is kept. It is found with or without a
 * lure: the judgement decides what it weighs. */
static void messaging_apps(void **state)
{
    static const struct { const char *text, *app; } rows[] = {
        { "Message me on WhatsApp please", "whatsapp" },
        { "WHATSAPP +44 7700 900123", "whatsapp" },
        { "Join https://t.me/jobs_team", "t.me" },
        { "詳しくはLINE IDまで", "line id" },
        { "LINEで連絡して", "lineで" },
        { "Telegram then WhatsApp", "whatsapp" },
        { "verify your online identity", NULL },        /* "line id" inside words */
        { "onlineで購入", NULL },
        { "see https://at.me/x", NULL },
        { "whatsapps", NULL },
        { "no app here", NULL },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const text_phrase *app = scan(rows[i].text).app;
        if ((app == NULL) != (rows[i].app == NULL) ||
            (app != NULL && strcmp(app->text, rows[i].app) != 0))
            fail_msg("\"%s\": app %s, expected %s", rows[i].text, app ? app->text : "none",
                     rows[i].app ? rows[i].app : "none");
    }
}

/* A number to call: 8 to 15 digits with '+', spaces, hyphens or
 * parentheses, ASCII or full-width; not a code, not a date, not in a link. */
static void callback_numbers(void **state)
{
    static const struct { const char *text, *number; } rows[] = {
        { "If this was not you, call 1-888-210-7741 now", "1-888-210-7741" },
        { "お問い合わせは0120-123-456まで", "0120-123-456" },
        { "お電話ください ０３－１２３４－５６７８", "０３－１２３４－５６７８" },
        { "Call +44 20 7946 0000 today", "+44 20 7946 0000" },
        { "Ring (555) 123-4567", "(555) 123-4567" },
        { "Call 09012345678", "09012345678" },
        { "Your code is 48291736", NULL },               /* 8 bare digits: a code */
        { "Due 2025-01-31 12:00", NULL },               /* a date */
        { "https://a.example/track/12345678901", NULL }, /* inside a link */
        { "order A1234567890", NULL },                  /* glued to a word */
        { "Call 13 22 21", NULL },                      /* too short */
        /* 15 full-width digits, each gap two full-width separators: 129 bytes */
        { "１－－２－－３－－４－－５－－６－－７－－８－－９－－０－－１－－２－－３－－４－－５",
          NULL },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        text_findings t = scan(rows[i].text);
        if (rows[i].number == NULL ? t.callback : !t.callback ||
                                                      strcmp(t.callback_text, rows[i].number) != 0)
            fail_msg("\"%s\": callback %d \"%s\", expected %s", rows[i].text, t.callback,
                     t.callback_text, rows[i].number ? rows[i].number : "none");
    }
}

static void masked_links(void **state)
{
    (void)state;
    assert_true(scan("ご確認ください https://~").masked);
    assert_true(scan("visit hxxps://evil.top").masked);
    assert_true(scan("visit evil[.]top").masked);
    assert_true(scan("visit https://…").masked);
    assert_false(scan("visit https://amazon.co.jp/x").masked);
    assert_false(scan("no link here").masked);
}

/* Declarations are found by brand, recipient country and sender kind. */
static void declarations(void **state)
{
    const text_brand *ups = smsrep__text_brand_named(&book, "UPS");
    (void)state;
    assert_non_null(ups);
    assert_string_equal(smsrep__text_declared(ups, "US", SMSREP_KIND_SHORT_CODE), "s5");
    assert_null(smsrep__text_declared(ups, "US", SMSREP_KIND_NUMBER));
    assert_null(smsrep__text_declared(ups, "GB", SMSREP_KIND_SHORT_CODE));
    assert_null(smsrep__text_declared(smsrep__text_brand_named(&book, "Amazon"), "US",
                                      SMSREP_KIND_NUMBER));
    assert_null(smsrep__text_brand_named(&book, "Nobody"));
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

/* The phrase data itself: no lure or messaging app of db/phrases.csv
 * stands inside a word of tests/data/ordinary_words.txt (lures match as
 * substrings, so a short or generic stem would flag ordinary words), and
 * no lure is shorter than 5 bytes. */
static void phrases_stand_apart_from_ordinary_words(void **state)
{
    static char words[2048][32];
    char line[512];
    size_t n_words = 0, i, checked = 0;
    csv_reader r;
    csv_record rec;
    FILE *f = fopen(SMSREP_SOURCE_DIR "/tests/data/ordinary_words.txt", "r");
    (void)state;
    assert_non_null(f);
    while (fgets(line, sizeof line, f) != NULL && n_words < sizeof words / sizeof words[0]) {
        size_t len = strcspn(line, "\r\n");
        if (line[0] == '#' || len == 0 || len >= sizeof words[0])
            continue;
        for (i = 0; i < len; i++)
            words[n_words][i] = (char)tolower((unsigned char)line[i]);
        words[n_words++][len] = '\0';
    }
    fclose(f);
    assert_true(n_words > 500 && n_words < sizeof words / sizeof words[0]); /* all were read */
    assert_int_equal(csv_open(&r, SMSREP_SOURCE_DIR "/db/phrases.csv"), 0);
    while (csv_next(&r, &rec) == 1) {
        char phrase[SMSREP_PHRASE_SIZE];
        if (rec.count < 4 || (strcmp(rec.field[0], "lure") != 0 &&
                              strcmp(rec.field[0], "messaging_app") != 0))
            continue;
        snprintf(phrase, sizeof phrase, "%s", rec.field[3]);
        for (i = 0; phrase[i]; i++)
            phrase[i] = (char)tolower((unsigned char)phrase[i]);
        if (strlen(phrase) < 5 && strcmp(rec.field[0], "lure") == 0) /* apps match as words */
            fail_msg("db/phrases.csv line %u: \"%s\" is too short to read safely", rec.line,
                     phrase);
        for (i = 0; i < n_words; i++)
            if (strstr(words[i], phrase) != NULL)
                fail_msg("db/phrases.csv line %u: \"%s\" stands inside the ordinary word %s",
                         rec.line, phrase, words[i]);
        checked++;
    }
    csv_close(&r);
    assert_true(checked > 250);
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
    cmocka_unit_test_setup_teardown(lures, setup, teardown),
    cmocka_unit_test_setup_teardown(a_code_keeps_its_purpose, setup, teardown),
    cmocka_unit_test_setup_teardown(messaging_apps, setup, teardown),
    cmocka_unit_test_setup_teardown(callback_numbers, setup, teardown),
    cmocka_unit_test_setup_teardown(masked_links, setup, teardown),
    cmocka_unit_test_setup_teardown(declarations, setup, teardown),
    cmocka_unit_test_setup_teardown(reads_only_utf8_and_only_so_much, setup, teardown),
    cmocka_unit_test(phrases_stand_apart_from_ordinary_words),
    cmocka_unit_test(text_leaves_the_sender_alone),
};

SMSREP_TEST_MAIN(tests)
