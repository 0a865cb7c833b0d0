/* SPDX-License-Identifier: Apache-2.0
 * text.c: reads a message text for what it claims. A brand is claimed by its
 * name, an alias or one of its domains, in Latin or Japanese script; Latin
 * names match case-insensitively as whole words, names of three letters or
 * fewer ("UPS", "au") only in their own case. One-time codes and the
 * automatic notices of messaging services are recognised by phrase tables. */
#include "text.h"

#include "ascii.h"
#include "grow.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

static int alnum_ascii(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static char *dup_n(const char *s, size_t n, int fold)
{
    char *d = malloc(n + 1);
    size_t i;
    if (d == NULL)
        return NULL;
    for (i = 0; i < n; i++)
        d[i] = fold ? smsrep__ascii_lower(s[i]) : s[i];
    d[n] = '\0';
    return d;
}

/* Appends every '|'-separated part of list to *arr; -1 when out of memory. */
static int split_into(const char *list, char ***arr, size_t *n, int fold)
{
    const char *p = list, *bar;
    while (*p != '\0') {
        char **grown, *part;
        bar = strchr(p, '|');
        if (bar == NULL)
            bar = p + strlen(p);
        if (bar > p) {
            if ((part = dup_n(p, (size_t)(bar - p), fold)) == NULL)
                return -1;
            if ((grown = realloc(*arr, (*n + 1) * sizeof *grown)) == NULL) {
                free(part);
                return -1;
            }
            *arr = grown;
            (*arr)[(*n)++] = part;
        }
        p = *bar ? bar + 1 : bar;
    }
    return 0;
}

static void free_brand(text_brand *b)
{
    size_t i;
    for (i = 0; i < b->n_needles; i++)
        free(b->needles[i]);
    for (i = 0; i < b->n_domains; i++)
        free(b->domains[i]);
    free(b->needles);
    free(b->domains);
}

int smsrep__text_add_brand(text_book *book, const char *name, const char *aliases,
                           const char *domains, const char *source)
{
    text_brand *b;
    if ((b = smsrep__grow(book->b, &book->alloc, book->n, sizeof *b, 32)) == NULL)
        return SMSREP_E_NOMEM;
    book->b = b;
    b = &book->b[book->n];
    memset(b, 0, sizeof *b);
    smsrep__copyz(b->name, sizeof b->name, name);
    smsrep__copyz(b->source, sizeof b->source, source);
    if (split_into(name, &b->needles, &b->n_needles, 0) < 0 ||
        split_into(aliases, &b->needles, &b->n_needles, 0) < 0 ||
        split_into(domains, &b->domains, &b->n_domains, 1) < 0) {
        free_brand(b);
        return SMSREP_E_NOMEM;
    }
    book->n++;
    return SMSREP_OK;
}

void smsrep__text_free(text_book *book)
{
    size_t i;
    for (i = 0; i < book->n; i++)
        free_brand(&book->b[i]);
    free(book->b);
    memset(book, 0, sizeof *book);
}

/* The first place needle stands in text as a word (ASCII neighbours are not
 * letters or digits); case-insensitive unless short. -1 when nowhere. */
static long find_word_case(const char *text, const char *folded, size_t len, const char *needle,
                           int exact_case)
{
    size_t n = strlen(needle), i;
    char first;
    if (n == 0 || n > len)
        return -1;
    first = smsrep__ascii_lower(needle[0]);
    for (i = 0; i + n <= len; i++) {
        if (folded[i] != first)
            continue;
        if (exact_case ? memcmp(text + i, needle, n) != 0 : !smsrep__ascii_ieq(needle, folded + i, n))
            continue;
        if (i > 0 && alnum_ascii(text[i - 1]) && alnum_ascii(needle[0]))
            continue;
        if (i + n < len && alnum_ascii(text[i + n]) && alnum_ascii(needle[n - 1]))
            continue;
        return (long)i;
    }
    return -1;
}

static long find_word(const char *text, const char *folded, size_t len, const char *needle)
{
    return find_word_case(text, folded, len, needle, strlen(needle) <= 3);
}

/* Hosts that only forward elsewhere: the destination cannot be read. */
static int shortener(const char *host)
{
    static const char *const hosts[] = {
        "bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly",
        "cutt.ly", "t.ly", "rb.gy", "shorturl.at", "x.gd", "v.gd", "amzn.to", "amzn.asia",
    };
    size_t i;
    for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
        if (smsrep__url_host_under(host, hosts[i]))
            return 1;
    return 0;
}

static int contains_any(const char *folded, const char *const *phrases, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (strstr(folded, phrases[i]) != NULL)
            return 1;
    return 0;
}

/* Does any word stand in the text as a whole word ("pin", not "shopping")? */
static int has_word(const char *text, const char *folded, size_t len, const char *const *words,
                    size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (find_word_case(text, folded, len, words[i], 0) >= 0)
            return 1;
    return 0;
}

/* The automatic replies and notices of SMS aggregators and carriers, which
 * reach people as if from the last sender (lower case). */
static const char *const notices[] = {
    "to stop last sender", "you have been unsubscribed", "you have successfully been unsubscribed",
    "you will no longer receive", "you have opted out", "you have been opted out",
    "this number does not accept", "message could not be delivered", "配信停止を受け付け",
    "このsmsは送信専用", "このメッセージは送信専用",
};

/* Words that come with one-time codes (lower case). */
static const char *const code_words[] = {
    "code", "otp", "passcode", "verification", "verify", "pin", "one-time", "one time",
    "確認コード", "認証コード", "認証番号", "確認番号", "ワンタイム", "暗証番号", "パスコード",
};

/* A run of 4 to 8 ASCII digits standing alone. */
static int has_code_digits(const char *s, size_t len)
{
    size_t i = 0, run;
    while (i < len) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        for (run = 0; i + run < len && s[i + run] >= '0' && s[i + run] <= '9'; run++)
            ;
        if (run >= 4 && run <= 8 && (i == 0 || !alnum_ascii(s[i - 1])) &&
            (i + run == len || !alnum_ascii(s[i + run])))
            return 1;
        i += run;
    }
    return 0;
}

void smsrep__text_scan(const text_book *book, const char *text, size_t len, text_findings *out)
{
    char folded[SMSREP_TEXT_MAX + 1];
    size_t i, k, valid = 0, used;
    long best = -1;
    size_t best_len = 0;
    uint32_t cp;

    memset(out, 0, sizeof *out);
    out->foreign = -1;
    out->punycode = -1;
    if (text == NULL)
        return;
    out->read = 1;
    if (len > SMSREP_TEXT_MAX)
        len = SMSREP_TEXT_MAX;
    while (valid < len && (used = smsrep__utf8_decode(text + valid, len - valid, &cp)) > 0)
        valid += used;
    len = valid;
    for (i = 0; i < len; i++)
        folded[i] = smsrep__ascii_lower(text[i]);
    folded[len] = '\0';

    smsrep__url_hosts(text, len, &out->hosts);
    for (i = 0; i < book->n; i++) {
        const text_brand *b = &book->b[i];
        for (k = 0; k < b->n_needles + b->n_domains; k++) {
            const char *needle = k < b->n_needles ? b->needles[k] : b->domains[k - b->n_needles];
            long at = find_word(text, folded, len, needle);
            if (at >= 0 && (best < 0 || at < best || (at == best && strlen(needle) > best_len))) {
                best = at;
                best_len = strlen(needle);
                out->claimed = b;
            }
        }
    }
    for (i = 0; i < out->hosts.n; i++) {
        const char *h = out->hosts.host[i];
        int official = 0, puny = strncmp(h, "xn--", 4) == 0 || strstr(h, ".xn--") != NULL;
        if (puny && out->punycode < 0)
            out->punycode = (int)i;
        if (shortener(h)) {
            out->shortened = 1;
            continue;
        }
        for (k = 0; out->claimed != NULL && k < out->claimed->n_domains; k++)
            official |= smsrep__url_host_under(h, out->claimed->domains[k]);
        if (out->claimed != NULL && !official && out->foreign < 0) {
            out->foreign = (int)i;
            out->foreign_punycode = puny;
        }
    }
    out->notice = contains_any(folded, notices, sizeof notices / sizeof notices[0]);
    out->code = has_code_digits(text, len) &&
                has_word(text, folded, len, code_words, sizeof code_words / sizeof code_words[0]);
}
