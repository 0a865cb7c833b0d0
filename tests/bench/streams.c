/* SPDX-License-Identifier: Apache-2.0
 * streams.c: generates the benchmark's streams from a seed. Numbers are
 * kept only when libphonenumber calls them valid (floor.cc), so that "valid
 * numbers of many countries" holds whatever the metadata says. */
#include "streams.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floor.h"

const char *const stream_regions[STREAM_REGIONS] = { "JP", "US", "GB", "DE" };

/* A country's mobile numbers: calling code, region, trunk prefix, the
 * first national significant digits and how many follow. */
static const struct country {
    const char *cc, *region, *trunk, *lead;
    int rest;
} countries[] = {
    { "81", "JP", "0", "90", 8 },   { "1", "US", "", "2025", 6 },  { "44", "GB", "0", "7911", 6 },
    { "49", "DE", "0", "151", 8 },  { "33", "FR", "0", "6", 8 },   { "39", "IT", "", "3", 9 },
    { "34", "ES", "", "6", 8 },     { "86", "CN", "0", "138", 8 }, { "91", "IN", "0", "98", 8 },
    { "55", "BR", "0", "119", 8 },  { "61", "AU", "0", "4", 8 },   { "82", "KR", "0", "10", 8 },
    { "7", "RU", "8", "9", 9 },     { "234", "NG", "0", "803", 7 }, { "27", "ZA", "0", "82", 7 },
    { "65", "SG", "", "9", 7 },     { "63", "PH", "0", "917", 7 }, { "62", "ID", "0", "812", 8 },
    { "90", "TR", "0", "53", 8 },   { "31", "NL", "0", "6", 8 },   { "46", "SE", "0", "70", 7 },
    { "48", "PL", "", "5", 8 },     { "1", "CA", "", "416", 7 },   { "20", "EG", "0", "10", 8 },
    { "66", "TH", "0", "8", 8 },    { "84", "VN", "0", "9", 8 },   { "92", "PK", "0", "3", 9 },
    { "1", "JM", "", "876", 7 },
};
#define COUNTRIES (sizeof countries / sizeof countries[0])

static uint64_t next(uint64_t *x)
{
    *x ^= *x >> 12;
    *x ^= *x << 25;
    *x ^= *x >> 27;
    return *x * UINT64_C(2685821657736338717);
}

static unsigned below(uint64_t *x, unsigned n)
{
    return (unsigned)(next(x) % n);
}

/* Appends s, with ASCII digits and '+' made full-width when wide. */
static void put(char *out, size_t *len, const char *s, int wide)
{
    for (; *s; s++) {
        if (wide && (*s == '+' || (*s >= '0' && *s <= '9'))) {
            unsigned cp = *s == '+' ? 0xFF0Bu : 0xFF10u + (unsigned)(*s - '0');
            out[(*len)++] = (char)(0xE0 | (cp >> 12));
            out[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[(*len)++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[(*len)++] = *s;
        }
    }
    out[*len] = '\0';
}

static int is_recipient(const char *region)
{
    unsigned i;
    for (i = 0; i < STREAM_REGIONS; i++)
        if (strcmp(region, stream_regions[i]) == 0)
            return 1;
    return 0;
}

/* A valid number in one of its forms; "" when none was found. */
static void number(uint64_t *x, char *out, size_t *len, char region[4])
{
    const struct country *c = &countries[below(x, COUNTRIES)];
    char nsn[24];
    int tries, i;
    for (tries = 0; tries < 20; tries++) {
        size_t k = (size_t)snprintf(nsn, sizeof nsn, "%s", c->lead);
        for (i = 0; i < c->rest; i++)
            nsn[k++] = (char)('0' + below(x, 10));
        nsn[k] = '\0';
        *len = 0;
        out[0] = '\0';
        /* a number of a recipient country is sent there half the time */
        if (below(x, 2) == 0 && is_recipient(c->region))
            snprintf(region, 4, "%s", c->region);
        else
            snprintf(region, 4, "%s", stream_regions[below(x, STREAM_REGIONS)]);
        if (strcmp(region, c->region) == 0 && below(x, 2) == 0) {
            put(out, len, c->trunk, 0);
            put(out, len, nsn, below(x, 4) == 0);
        } else {
            int wide = below(x, 4) == 0;
            put(out, len, "+", wide);
            put(out, len, c->cc, wide);
            if (below(x, 2))
                put(out, len, " ", 0);
            put(out, len, nsn, wide);
        }
        if (floor_check(out, *len, region))
            return;
    }
    *len = 0;
}

static void short_code(uint64_t *x, char *out, size_t *len, char region[4])
{
    unsigned r = below(x, STREAM_REGIONS);
    snprintf(region, 4, "%s", stream_regions[r]);
    switch (r) {
    case 0: *len = (size_t)snprintf(out, 32, "0005%06u", below(x, 1000000)); break;
    case 1: *len = (size_t)snprintf(out, 32, "%u", 20000 + below(x, 980000)); break;
    case 2: *len = (size_t)snprintf(out, 32, "%u", 60000 + below(x, 30000)); break;
    default: *len = (size_t)snprintf(out, 32, "%u", 80000 + below(x, 10000)); break;
    }
}

static void alphanumeric(uint64_t *x, char *out, size_t *len, char region[4])
{
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned n = 3 + below(x, 9), i;
    snprintf(region, 4, "%s", stream_regions[below(x, STREAM_REGIONS)]);
    *len = 0;
    out[(*len)++] = letters[below(x, 26)];
    for (i = 1; i < n; i++)
        out[(*len)++] = below(x, 12) == 0 ? '-' : letters[below(x, sizeof letters - 1)];
    out[*len] = '\0';
    if (below(x, 8) == 0) { /* full-width letters, as some senders arrive */
        char wide[64];
        size_t w = 0;
        for (i = 0; i < *len && w + 3 < sizeof wide; i++) {
            unsigned cp = (unsigned char)out[i] - 0x21u + 0xFF01u;
            wide[w++] = (char)(0xE0 | (cp >> 12));
            wide[w++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            wide[w++] = (char)(0x80 | (cp & 0x3F));
        }
        memcpy(out, wide, w);
        *len = w;
    }
}

static void garbage(uint64_t *x, char *out, size_t *len, char region[4])
{
    static const char symbols[] = "!#$%&*=?@^_~|<>[]{}";
    unsigned n, i;
    snprintf(region, 4, "%s", stream_regions[below(x, STREAM_REGIONS)]);
    *len = 0;
    switch (below(x, 16)) {
    case 0: /* not UTF-8 */
        out[(*len)++] = (char)(0x80 + below(x, 0x7F));
        out[(*len)++] = (char)(0xC0 + below(x, 0x3F));
        break;
    case 1: /* too long: libphonenumber's Parse costs milliseconds */
        for (n = 129 + below(x, 32), i = 0; i < n; i++)
            out[(*len)++] = (char)('0' + below(x, 10));
        break;
    case 2: case 3: /* a control character */
        out[(*len)++] = (char)('0' + below(x, 10));
        out[(*len)++] = (char)(1 + below(x, 8));
        break;
    default: /* symbols, perhaps among digits */
        for (n = 1 + below(x, 10), i = 0; i < n; i++)
            out[(*len)++] = below(x, 2) ? symbols[below(x, sizeof symbols - 1)]
                                        : (char)('0' + below(x, 10));
        break;
    }
    out[*len] = '\0';
}

/* A set of 64-bit hashes, to keep senders different. */
typedef struct seen {
    uint64_t *slot;
    size_t cap;
} seen;

static int first_time(seen *s, const char *p, size_t len, const char *region)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    size_t i;
    for (i = 0; i < len; i++)
        h = (h ^ (unsigned char)p[i]) * UINT64_C(0x100000001b3);
    for (i = 0; region[i]; i++)
        h = (h ^ (unsigned char)region[i]) * UINT64_C(0x100000001b3);
    h |= 1;
    for (i = h % s->cap; s->slot[i] != 0; i = (i + 1) % s->cap)
        if (s->slot[i] == h)
            return 0;
    s->slot[i] = h;
    return 1;
}

static void keep(message *m, const char *p, size_t len, const char *region)
{
    char *copy = malloc(len + 1);
    if (copy == NULL)
        abort();
    memcpy(copy, p, len);
    copy[len] = '\0';
    m->sender = copy;
    m->len = len;
    snprintf(m->region, sizeof m->region, "%s", region);
}

void stream_unique(stream *s, size_t n, unsigned long long seed)
{
    uint64_t x = seed | 1;
    seen set = { calloc(n * 4, sizeof(uint64_t)), n * 4 };
    char buf[512], region[4];
    memset(s, 0, sizeof *s);
    s->name = "unique";
    s->m = calloc(n, sizeof *s->m);
    if (s->m == NULL || set.slot == NULL)
        abort();
    while (s->n < n) {
        size_t len = 0;
        unsigned kind = below(&x, 100);
        if (kind < 60)
            number(&x, buf, &len, region);
        else if (kind < 75)
            short_code(&x, buf, &len, region);
        else if (kind < 95)
            alphanumeric(&x, buf, &len, region);
        else
            garbage(&x, buf, &len, region);
        if (len > 0 && first_time(&set, buf, len, region))
            keep(&s->m[s->n++], buf, len, region);
    }
    s->distinct = n;
    free(set.slot);
}

/* The busy senders of a gateway, busiest first. */
static const struct { const char *sender, *region; } busy[] = {
    { "22000", "US" },         { "05053704545", "JP" },  { "262966", "US" },
    { "+15622628360", "JP" },  { "AMAZON", "JP" },       { "0120936795", "JP" },
    { "157", "JP" },           { "28777", "US" },        { "Amazon", "GB" },
    { "+15868002153", "JP" },  { "0005123456", "JP" },   { "94601", "US" },
    { "HSBC", "GB" },          { "0664453474", "JP" },   { "DHL", "DE" },
    { "+15622653410", "JP" },  { "Verify", "GB" },       { "05031991197", "JP" },
    { "Sparkasse", "DE" },     { "0120050929", "JP" },   { "69877", "US" },
    { "+15623736352", "JP" },  { "05054344653", "JP" },  { "+4915112345678", "DE" },
};
#define BUSY (sizeof busy / sizeof busy[0])

/* Cumulative Zipf weights (exponent 1) of n ranks. */
static double *zipf(size_t n)
{
    double *cdf = malloc(n * sizeof *cdf), sum = 0.0;
    size_t i;
    if (cdf == NULL)
        abort();
    for (i = 0; i < n; i++)
        cdf[i] = (sum += 1.0 / (double)(i + 1));
    for (i = 0; i < n; i++)
        cdf[i] /= sum;
    return cdf;
}

static size_t draw(const double *cdf, size_t n, uint64_t *x)
{
    double u = (double)(next(x) >> 11) / 9007199254740992.0;
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void stream_gateway(stream *s, size_t n, size_t tail, unsigned long long seed)
{
    stream pool;
    uint64_t x = seed | 1;
    double *busy_cdf = zipf(BUSY), *tail_cdf = zipf(tail);
    char *used = calloc(tail + BUSY, 1);
    size_t i;

    stream_unique(&pool, tail, seed * 7 + 3);
    memset(s, 0, sizeof *s);
    s->name = "gateway";
    s->m = calloc(n, sizeof *s->m);
    if (s->m == NULL || used == NULL)
        abort();
    for (i = 0; i < n; i++) {
        size_t k;
        if (below(&x, 4) != 0) {
            k = draw(busy_cdf, BUSY, &x);
            keep(&s->m[i], busy[k].sender, strlen(busy[k].sender), busy[k].region);
            s->top_share++;
        } else {
            k = BUSY + draw(tail_cdf, tail, &x);
            keep(&s->m[i], pool.m[k - BUSY].sender, pool.m[k - BUSY].len, pool.m[k - BUSY].region);
        }
        s->distinct += !used[k];
        used[k] = 1;
    }
    s->n = n;
    stream_free(&pool);
    free(used);
    free(busy_cdf);
    free(tail_cdf);
}

void stream_free(stream *s)
{
    size_t i;
    for (i = 0; i < s->n; i++)
        free((void *)(uintptr_t)s->m[i].sender);
    free(s->m);
    memset(s, 0, sizeof *s);
}
