/* SPDX-License-Identifier: Apache-2.0
 * test_url.c: the links of a message text and their hosts in ASCII form. */
#include "testing.h"

#include "url.h"

static void hosts(void **state)
{
    static const struct { const char *text; const char *want; } rows[] = {
        { "Amazon: https://amazon.co.jp/a/c/r?k=1", "amazon.co.jp" },
        { "HTTPS://AMAZON.CO.JP/X", "amazon.co.jp" },
        { "see www.Example.com today", "www.example.com" },
        { "go to amazon.co.jp/gp/css.", "amazon.co.jp" },
        { "https://amazon.co.jp.xn--ecure-login.top/a", "amazon.co.jp.xn--ecure-login.top" },
        { "https://\xD0\xB0mazon.co.jp/login", "xn--mazon-3ve.co.jp" }, /* Cyrillic a */
        { "http://amazon.co.jp@evil.top/x", "evil.top" },                 /* user part */
        { "\xE3\x81\x93\xE3\x81\xA1\xE3\x82\x89 https://sagawa-exp.co.jp.xyz/d", "sagawa-exp.co.jp.xyz" },
        { "http://\xE4\xBE\x8B\xE3\x81\x88.jp/", "xn--r8jz45g.jp" },      /* 例え.jp */
        { "bit.ly/3abc", "bit.ly" },
        { "xn--80ak6aa92e.com", "xn--80ak6aa92e.com" },
        { "end of sentence example.com.", "example.com" },
        { "https://www.smbc-card.com/mem/index.jsp?x=a.b", "www.smbc-card.com" }, /* paths */
        { "amazon.co.jp/gp/file.html\xE3\x81\xA7\xE3\x81\x99", "amazon.co.jp" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        url_hosts h;
        smsrep__url_hosts(rows[i].text, strlen(rows[i].text), &h);
        if (h.n != 1 || strcmp(h.host[0], rows[i].want) != 0)
            fail_msg("\"%s\": %zu hosts, first \"%s\", expected \"%s\"", rows[i].text, h.n,
                     h.n ? h.host[0] : "", rows[i].want);
    }
}

static void not_hosts(void **state)
{
    static const char *const texts[] = {
        "Thanks for shopping at Amazon.Your code is 123456", /* a sentence */
        "version 1.5 is out", "e.g. this", "no links here", "3.14159", "",
        "Dr.Who", "price 9.99USD",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        url_hosts h;
        smsrep__url_hosts(texts[i], strlen(texts[i]), &h);
        if (h.n != 0)
            fail_msg("\"%s\" gave host \"%s\"", texts[i], h.host[0]);
    }
}

static void many_and_repeated(void **state)
{
    url_hosts h;
    char text[1024] = "";
    int i;
    (void)state;
    smsrep__url_hosts("a.com b.com a.com https://B.COM/x", 33, &h);
    assert_int_equal(h.n, 2); /* each host once */
    for (i = 0; i < 20; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "h%d.com ", i);
    smsrep__url_hosts(text, strlen(text), &h);
    assert_int_equal(h.n, URL_MAX); /* bounded */
}

static void under(void **state)
{
    (void)state;
    assert_true(smsrep__url_host_under("amazon.co.jp", "amazon.co.jp"));
    assert_true(smsrep__url_host_under("www.amazon.co.jp", "amazon.co.jp"));
    assert_false(smsrep__url_host_under("amazon.co.jp.evil.top", "amazon.co.jp"));
    assert_false(smsrep__url_host_under("fakeamazon.co.jp", "amazon.co.jp"));
    assert_false(smsrep__url_host_under("jp", "amazon.co.jp"));
    assert_false(smsrep__url_host_under("amazon.co.jp", ""));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(hosts),
    cmocka_unit_test(not_hosts),
    cmocka_unit_test(many_and_repeated),
    cmocka_unit_test(under),
};

SMSREP_TEST_MAIN(tests)
