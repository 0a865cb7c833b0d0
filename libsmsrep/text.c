/* SPDX-License-Identifier: Apache-2.0
 * text.c: reads a message text for what it claims. A brand is claimed by its
 * name, an alias or one of its domains, in Latin or Japanese script; Latin
 * names match case-insensitively as whole words, names of three letters or
 * fewer ("UPS", "au") only in their own case. One-time codes, the
 * automatic notices of messaging services, link shorteners, smishing
 * lures and messaging apps to reply on are phrases from the database (the
 * phrase table); callback numbers and masked links are read by their shape. */
#include "text.h"

#include "ascii.h"
#include "grow.h"
#include "sender.h"
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
    free(b->declared);
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

/* Lure categories that ask the reader to pay or to give credentials: a
 * call to action on their own. */
static int demanding(const char *category)
{
    static const char *const demands[] = { "payment", "credentials", "unpaid_fee",
                                           "toll_unpaid" };
    size_t i;
    for (i = 0; i < sizeof demands / sizeof demands[0]; i++)
        if (strcmp(category, demands[i]) == 0)
            return 1;
    return 0;
}

/* The lure category of credentials ("verify your account", "sign in to"),
 * and the one of a sender giving its own new number ("Hi Mum, this is my
 * new number"). */
#define CATEGORY_CREDENTIALS "credentials"
#define CATEGORY_NEW_NUMBER "new_number"

int smsrep__text_add_phrase(text_book *book, int kind, const char *category,
                            const char *phrase, const char *source)
{
    text_phrase *p;
    char shown[SMSREP_PHRASE_SIZE * 2];
    const char *c;
    if (kind < 0 || kind >= PHRASE_KINDS || phrase[0] == '\0' ||
        strlen(phrase) >= SMSREP_PHRASE_SIZE)
        return SMSREP_OK; /* nothing a text could be read for, or too long to name */
    /* A verdict shows the phrase that argued: one with control or invisible
     * characters (a database from outside) is left out. */
    for (c = phrase; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F)
            return SMSREP_OK;
    smsrep__sender_display(phrase, strlen(phrase), shown, sizeof shown);
    if (strcmp(shown, phrase) != 0)
        return SMSREP_OK;
    p = smsrep__grow(book->phrases[kind], &book->alloc_phrases[kind], book->n_phrases[kind],
                     sizeof *p, 32);
    if (p == NULL)
        return SMSREP_E_NOMEM;
    book->phrases[kind] = p;
    p = &p[book->n_phrases[kind]];
    memset(p, 0, sizeof *p);
    if ((p->text = dup_n(phrase, strlen(phrase), 1)) == NULL)
        return SMSREP_E_NOMEM;
    smsrep__copyz(p->category, sizeof p->category, category);
    smsrep__copyz(p->source, sizeof p->source, source);
    p->demands = kind == PHRASE_LURE && demanding(category);
    p->credentials = kind == PHRASE_LURE && strcmp(category, CATEGORY_CREDENTIALS) == 0;
    p->own_number = kind == PHRASE_LURE && strcmp(category, CATEGORY_NEW_NUMBER) == 0;
    book->n_phrases[kind]++;
    return SMSREP_OK;
}

const text_brand *smsrep__text_brand_named(const text_book *book, const char *name)
{
    size_t i;
    for (i = 0; name != NULL && name[0] != '\0' && i < book->n; i++)
        if (strcmp(book->b[i].name, name) == 0)
            return &book->b[i];
    return NULL;
}

int smsrep__text_add_declaration(text_book *book, const char *brand_name, const char *region,
                                 const char *scope, const char *source)
{
    text_brand *b = (text_brand *)smsrep__text_brand_named(book, brand_name);
    text_declaration *d;
    unsigned bits = strcmp(scope, "all") == 0          ? DECLARED_NUMBER | DECLARED_SHORT_CODE |
                                                             DECLARED_SENDER_ID
                    : strcmp(scope, "number") == 0     ? DECLARED_NUMBER
                    : strcmp(scope, "short_code") == 0 ? DECLARED_SHORT_CODE
                    : strcmp(scope, "sender_id") == 0  ? DECLARED_SENDER_ID
                    : strcmp(scope, "carrier_relay") == 0 ? DECLARED_CARRIER_RELAY
                                                       : 0;
    if (b == NULL || bits == 0)
        return SMSREP_OK;
    d = realloc(b->declared, (b->n_declared + 1) * sizeof *d);
    if (d == NULL)
        return SMSREP_E_NOMEM;
    b->declared = d;
    d = &d[b->n_declared++];
    smsrep__copyz(d->region, sizeof d->region, region);
    d->scope = bits;
    smsrep__copyz(d->source, sizeof d->source, source);
    return SMSREP_OK;
}

/* The source of b's statement of kind bit (DECLARED_*) for recipients in
 * region, or NULL. */
static const char *declared_bit(const text_brand *b, const char *region, unsigned bit)
{
    size_t i;
    for (i = 0; b != NULL && bit != 0 && i < b->n_declared; i++)
        if ((b->declared[i].scope & bit) && strcmp(b->declared[i].region, region) == 0)
            return b->declared[i].source;
    return NULL;
}

const char *smsrep__text_declared(const text_brand *b, const char *region, uint32_t kind)
{
    return declared_bit(b, region,
                        kind == SMSREP_KIND_NUMBER         ? DECLARED_NUMBER
                        : kind == SMSREP_KIND_SHORT_CODE   ? DECLARED_SHORT_CODE
                        : kind == SMSREP_KIND_ALPHANUMERIC ? DECLARED_SENDER_ID
                                                           : 0);
}

const char *smsrep__text_relay(const text_brand *b, const char *region)
{
    return declared_bit(b, region, DECLARED_CARRIER_RELAY);
}

void smsrep__text_free(text_book *book)
{
    size_t i, k;
    for (i = 0; i < book->n; i++)
        free_brand(&book->b[i]);
    free(book->b);
    for (k = 0; k < PHRASE_KINDS; k++) {
        for (i = 0; i < book->n_phrases[k]; i++)
            free(book->phrases[k][i].text);
        free(book->phrases[k]);
    }
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
        /* memchr finds the next candidate many bytes at a time: every brand
         * name, alias and domain is looked for in every text */
        const char *at = memchr(folded + i, first, len - n + 1 - i);
        if (at == NULL)
            break;
        i = (size_t)(at - folded);
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

int smsrep__text_shortener(const text_book *book, const char *host)
{
    size_t i;
    for (i = 0; i < book->n_phrases[PHRASE_SHORTENER]; i++)
        if (smsrep__url_host_under(host, book->phrases[PHRASE_SHORTENER][i].text))
            return 1;
    return 0;
}

/* The first phrase of a kind that stands in the folded text, NULL none.
 * Phrases match as substrings: Japanese has no word breaks. */
static const text_phrase *first_phrase(const text_book *book, int kind, const char *folded)
{
    const text_phrase *best = NULL;
    size_t i, at = 0;
    for (i = 0; i < book->n_phrases[kind]; i++) {
        const char *hit = strstr(folded, book->phrases[kind][i].text);
        if (hit != NULL && (best == NULL || (size_t)(hit - folded) < at)) {
            best = &book->phrases[kind][i];
            at = (size_t)(hit - folded);
        }
    }
    return best;
}

/* The first lure in the folded text and the first that demands, in one
 * pass over the lures. A one-time code states its purpose ("use it to
 * verify your account"): then credential lures are the code's, not a lure. */
static void first_lures(const text_book *book, const char *folded, int code,
                        const text_phrase **lure, const text_phrase **demand)
{
    size_t i, lure_at = 0, demand_at = 0;
    *lure = *demand = NULL;
    for (i = 0; i < book->n_phrases[PHRASE_LURE]; i++) {
        const text_phrase *p = &book->phrases[PHRASE_LURE][i];
        const char *hit;
        size_t at;
        if (code && p->credentials)
            continue;
        if ((hit = strstr(folded, p->text)) == NULL)
            continue;
        at = (size_t)(hit - folded);
        if (*lure == NULL || at < lure_at) {
            *lure = p;
            lure_at = at;
        }
        if (p->demands && (*demand == NULL || at < demand_at)) {
            *demand = p;
            demand_at = at;
        }
    }
}

/* The first messaging app the text names as a word ("WhatsApp", "t.me",
 * "LINE ID", not "online identity"), NULL none. */
static const text_phrase *first_app(const text_book *book, const char *text, const char *folded,
                                    size_t len)
{
    const text_phrase *best = NULL;
    long best_at = -1;
    size_t i;
    for (i = 0; i < book->n_phrases[PHRASE_APP]; i++) {
        long at = find_word_case(text, folded, len, book->phrases[PHRASE_APP][i].text, 0);
        if (at >= 0 && (best == NULL || at < best_at)) {
            best = &book->phrases[PHRASE_APP][i];
            best_at = at;
        }
    }
    return best;
}

/* Does a code word stand in the text as a whole word ("pin", not
 * "shopping")? Japanese words have no word breaks to stand between. */
static int has_code_word(const text_book *book, const char *text, const char *folded, size_t len)
{
    size_t i;
    for (i = 0; i < book->n_phrases[PHRASE_CODE_WORD]; i++)
        if (find_word_case(text, folded, len, book->phrases[PHRASE_CODE_WORD][i].text, 0) >= 0)
            return 1;
    return 0;
}

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

/* A digit of a phone number as people write one, ASCII or full-width: its
 * byte length at s, 0 none. */
static size_t phone_digit(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 1 && u[0] >= '0' && u[0] <= '9')
        return 1;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
        return 3; /* U+FF10..FF19 */
    return 0;
}

/* A character that may stand between the digits of a phone number: a
 * space, a hyphen or a parenthesis, ASCII or full-width; its length, 0 none. */
static size_t phone_separator(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 1 && (u[0] == ' ' || u[0] == '-' || u[0] == '(' || u[0] == ')'))
        return 1;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8D || u[2] == 0x88 || u[2] == 0x89))
        return 3; /* full-width hyphen-minus and parentheses */
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91 || u[2] == 0x93))
        return 3; /* hyphen, non-breaking hyphen, en dash */
    return 0;
}

static size_t phone_plus(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 1 && u[0] == '+')
        return 1;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8B)
        return 3; /* U+FF0B */
    return 0;
}

/* ASCII that a phone number does not follow: a word, or the inside of a
 * link's path or query ("/", "=", "?"...). */
static int glued_before(char c)
{
    return alnum_ascii(c) || (c != '\0' && strchr("/=?&_%#.@", c) != NULL);
}

/* The first phone number the reader could call or reply to: 8 to 15 digits
 * with an optional '+' and spaces, hyphens or parentheses between them
 * (ASCII or full-width), standing alone, not in a link. A bare run of 8
 * digits is a one-time code's length, and "2025-01-31" is a date: neither
 * is a number to call. One too long to name whole in out is none either. */
static int find_callback(const char *text, size_t len, char *out, size_t cap)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i, j = i, n, digits = 0, groups = 0, first_group = 0, group = 0, end = i;
        int plus = 0, separated = 0, later_short = 1;
        if ((n = phone_plus(text + j, len - j)) > 0) {
            plus = 1;
            j += n;
        } else if (text[j] == '(' || ((unsigned char)text[j] == 0xEF && j + 2 < len &&
                                      (unsigned char)text[j + 1] == 0xBC &&
                                      (unsigned char)text[j + 2] == 0x88)) {
            j += phone_separator(text + j, len - j);
        }
        if (phone_digit(text + j, len - j) == 0 || (start > 0 && glued_before(text[start - 1]))) {
            size_t step = smsrep__utf8_decode(text + i, len - i, &(uint32_t){ 0 });
            i += step > 0 ? step : 1;
            continue;
        }
        while (j < len) {
            if ((n = phone_digit(text + j, len - j)) > 0) {
                digits++;
                group++;
                j += n;
                end = j;
                continue;
            }
            if ((n = phone_separator(text + j, len - j)) > 0 && digits > 0) {
                size_t k = j + n, m;
                if ((m = phone_separator(text + k, len - k)) > 0)
                    k += m; /* ") " */
                if (phone_digit(text + k, len - k) == 0)
                    break;
                if (groups == 0)
                    first_group = group;
                else if (group > 2)
                    later_short = 0;
                groups++;
                group = 0;
                separated = 1;
                j = k;
                continue;
            }
            break;
        }
        if (groups > 0 && group > 2)
            later_short = 0;
        if (digits >= 8 && digits <= 15 && end - start < cap &&
            (end >= len || !alnum_ascii(text[end])) &&
            (plus || separated || digits > 8) &&
            !(!plus && groups >= 1 && first_group == 4 && later_short)) {
            smsrep__copy(out, cap, text + start, end - start);
            return 1;
        }
        i = end > i ? end : i + 1;
    }
    return 0;
}

/* A link whose host is hidden: "hxxp://", "example[.]com", or a scheme
 * followed by no host ("https://~", "https://…"). */
static int masked_link(const char *folded)
{
    const char *p;
    if (strstr(folded, "hxxp") != NULL || strstr(folded, "[.]") != NULL ||
        strstr(folded, "(.)") != NULL || strstr(folded, "[dot]") != NULL)
        return 1;
    for (p = strstr(folded, "://"); p != NULL; p = strstr(p + 3, "://")) {
        const unsigned char *h = (const unsigned char *)p + 3;
        if (!(p - folded >= 4 && memcmp(p - 4, "http", 4) == 0) &&
            !(p - folded >= 5 && memcmp(p - 5, "https", 5) == 0))
            continue;
        if (*h >= 0x80 ? memcmp(h, "\xE2\x80\xA6", 3) == 0 || memcmp(h, "\xEF\xBD\x9E", 3) == 0 ||
                             memcmp(h, "\xE3\x80\x9C", 3) == 0
                       : !alnum_ascii((char)*h))
            return 1; /* an ellipsis or a wave dash, or no host at all */
    }
    return 0;
}

int smsrep__text_shortened(const text_book *book, const text_findings *t, const text_brand *b)
{
    size_t i, k;
    for (i = 0; i < t->hosts.n; i++) {
        const char *h = t->hosts.host[i];
        int official = 0;
        /* a brand's own shortener (amzn.to for Amazon) is its domain */
        for (k = 0; b != NULL && k < b->n_domains; k++)
            official |= smsrep__url_host_under(h, b->domains[k]);
        if (!official && smsrep__text_shortener(book, h))
            return 1;
    }
    return 0;
}

int smsrep__text_off_brand(const text_book *book, const text_findings *t, const text_brand *b,
                           int *puny)
{
    size_t i, k;
    *puny = 0;
    for (i = 0; b != NULL && i < t->hosts.n; i++) {
        const char *h = t->hosts.host[i];
        int official = 0;
        for (k = 0; k < b->n_domains; k++)
            official |= smsrep__url_host_under(h, b->domains[k]);
        if (official || smsrep__text_shortener(book, h))
            continue;
        *puny = strncmp(h, "xn--", 4) == 0 || strstr(h, ".xn--") != NULL;
        return (int)i;
    }
    return -1;
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
        int named = 0;
        for (k = 0; k < b->n_needles + b->n_domains; k++) {
            const char *needle = k < b->n_needles ? b->needles[k] : b->domains[k - b->n_needles];
            long at = find_word(text, folded, len, needle);
            named |= at >= 0;
            if (at >= 0 && (best < 0 || at < best || (at == best && strlen(needle) > best_len))) {
                best = at;
                best_len = strlen(needle);
                out->claimed = b;
            }
        }
        if (named && out->n_named < TEXT_NAMED_MAX)
            out->named[out->n_named++] = b;
    }
    for (i = 0; i < out->hosts.n; i++) {
        const char *h = out->hosts.host[i];
        if ((strncmp(h, "xn--", 4) == 0 || strstr(h, ".xn--") != NULL) && out->punycode < 0)
            out->punycode = (int)i;
    }
    out->shortened = smsrep__text_shortened(book, out, out->claimed);
    out->foreign = smsrep__text_off_brand(book, out, out->claimed, &out->foreign_punycode);
    out->masked = masked_link(folded);
    out->notice = first_phrase(book, PHRASE_NOTICE, folded) != NULL;
    out->code = has_code_digits(text, len) && has_code_word(book, text, folded, len);
    first_lures(book, folded, out->code, &out->lure, &out->demand);
    out->app = first_app(book, text, folded, len);
    out->callback = find_callback(text, len, out->callback_text, sizeof out->callback_text);
}
