/* SPDX-License-Identifier: Apache-2.0
 * fuzz_common.h: what the fuzz targets share: the libFuzzer entry point's
 * prototype, hard and soft assertions, and the checks every verdict must
 * pass whatever the input. Private to tests/fuzz.
 *
 * A hard assertion aborts, which libFuzzer and the replay driver report as a
 * crash. A soft one is a promise of the header that the target cannot hold
 * the library to on every input without stopping the fuzzer at the first
 * known case (a database from outside with bytes that are not UTF-8, say):
 * it prints once per kind and goes on, and aborts like a hard one when the
 * environment sets SMSREP_FUZZ_STRICT=1 (or to a word of its message). */
#ifndef SMSREP_FUZZ_COMMON_H
#define SMSREP_FUZZ_COMMON_H

#include "smsrep.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_ASSERT(cond, what)                                                          \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "fuzz invariant violated at %s:%d: %s (%s)\n", __FILE__,    \
                    __LINE__, what, #cond);                                              \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* The embedded database, opened once for the whole run and never closed
 * (the targets that fuzz input against it share this). */
static inline smsrep_db *fuzz_embedded_db(void)
{
    static smsrep_db *db;
    if (db == NULL)
        FUZZ_ASSERT(smsrep_open(&db, NULL, NULL, NULL, 0) == SMSREP_OK,
                    "cannot open the embedded database");
    return db;
}

/* Soft assertions, numbered so that each kind is reported once. */
enum {
    SOFT_TOO_LONG_WITHIN_MAX, /* E_TOO_LONG for a sender of at most SMSREP_SENDER_MAX bytes */
    SOFT_OUTPUT_UTF8,         /* a verdict string that is not UTF-8 */
    SOFT_OUTPUT_REGION,       /* a verdict region that is not "", "001" or upper-case alpha-2 */
    SOFT_ERRBUF_FULL,         /* an open error sentence that filled SMSREP_ERRBUF_SIZE */
    SOFT_ERRBUF_UTF8,         /* an open error sentence that is not UTF-8 */
    SOFT_SOURCE_MISSING,      /* a verdict names a source the database lacks */
    SOFT_NUMBER_LENGTH,       /* a number's normalized form has more than 15 digits */
    SOFT_EMPTY_CANONICAL,     /* an alphanumeric verdict whose normalized form is "" */
    SOFT_NOT_IDEMPOTENT,      /* checking the normalized form gives another one */
    SOFT_COUNT_
};

/* SMSREP_FUZZ_STRICT=1 makes every soft assertion hard; any other
 * non-empty value only those whose text contains it (for triage). */
static inline int fuzz_strict(const char *what)
{
    const char *e = getenv("SMSREP_FUZZ_STRICT");
    if (e == NULL || e[0] == '\0' || strcmp(e, "0") == 0)
        return 0;
    return strcmp(e, "1") == 0 || strstr(what, e) != NULL;
}

static inline void fuzz_soft(int ok, int kind, const char *what)
{
    static unsigned char seen[SOFT_COUNT_];
    if (ok)
        return;
    if (fuzz_strict(what)) {
        fprintf(stderr, "fuzz soft invariant violated (strict): %s\n", what);
        abort();
    }
    if (!seen[kind]) {
        seen[kind] = 1;
        fprintf(stderr, "fuzz soft invariant violated (reported once; SMSREP_FUZZ_STRICT=1 "
                        "aborts): %s\n", what);
    }
}

/* Strict UTF-8 (RFC 3629), written apart from the library's decoder so that
 * the two check each other. */
static inline int fuzz_utf8_valid(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1Fu, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0Fu, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07u, min = 0x10000;
        } else {
            return 0;
        }
        if (len - i < n)
            return 0;
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

/* Length of the NUL-terminated string in a fixed array; cap when there is
 * no NUL. */
static inline size_t fuzz_strnlen(const char *s, size_t cap)
{
    const char *nul = memchr(s, '\0', cap);
    return nul ? (size_t)(nul - s) : cap;
}

/* A fixed array holds a NUL-terminated string (hard) of UTF-8 (hard when the
 * text is the library's own, soft when it may come from the database). */
static inline size_t fuzz_check_string(const char *s, size_t cap, int utf8_hard,
                                       const char *what)
{
    size_t n = fuzz_strnlen(s, cap);
    FUZZ_ASSERT(n < cap, what);
    if (utf8_hard)
        FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)s, n), what);
    else
        fuzz_soft(fuzz_utf8_valid((const unsigned char *)s, n), SOFT_OUTPUT_UTF8, what);
    return n;
}

static inline int fuzz_is_region(const char *r)
{
    return r[0] == '\0' || strcmp(r, "001") == 0 ||
           (r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'A' && r[1] <= 'Z' && r[2] == '\0');
}

static inline int fuzz_all_digits(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Every promise smsrep.h makes about a verdict returned with SMSREP_OK.
 * from_db_file: the database came from outside (fuzz_open), so the text it
 * supplies (brand, source, the region of a range) is only softly checked. */
static inline void fuzz_check_verdict(const smsrep_verdict *v, int from_db_file)
{
    static const struct { uint32_t lo, hi; } band[SMSREP_CLASS_LAST_] = {
        [SMSREP_CLASS_UNKNOWN] = { 20, 39 },    [SMSREP_CLASS_TRUSTED] = { 0, 19 },
        [SMSREP_CLASS_CAUTION] = { 40, 59 },    [SMSREP_CLASS_SUSPICIOUS] = { 60, 79 },
        [SMSREP_CLASS_SPOOFED] = { 80, 99 },    [SMSREP_CLASS_BLOCKED] = { 100, 100 },
    };
    size_t nlen;

    FUZZ_ASSERT(v->kind < SMSREP_KIND_LAST_, "kind outside enum smsrep_kind");
    FUZZ_ASSERT(v->class_ < SMSREP_CLASS_LAST_, "class outside enum smsrep_class");
    FUZZ_ASSERT(v->recommendation < SMSREP_RECOMMEND_LAST_, "recommendation outside its enum");
    FUZZ_ASSERT(v->number_type < SMSREP_TYPE_LAST_, "number_type outside its enum");
    FUZZ_ASSERT(v->brand_relation < SMSREP_RELATION_LAST_, "brand_relation outside its enum");
    FUZZ_ASSERT(v->reply_cost < SMSREP_COST_LAST_, "reply_cost outside its enum");
    FUZZ_ASSERT(v->reserved0 == 0, "reserved0 is not zero");
    FUZZ_ASSERT((v->reasons >> SMSREP_REASON_LAST_) == 0, "a reason bit outside the enum");
    FUZZ_ASSERT(v->score <= 100, "score above 100");
    FUZZ_ASSERT(v->score >= band[v->class_].lo && v->score <= band[v->class_].hi,
                "score outside its class's band");
    switch (v->class_) {
    case SMSREP_CLASS_TRUSTED:
    case SMSREP_CLASS_UNKNOWN:
        FUZZ_ASSERT(v->recommendation == SMSREP_RECOMMEND_ALLOW, "class wants allow");
        break;
    case SMSREP_CLASS_CAUTION:
    case SMSREP_CLASS_SUSPICIOUS:
        FUZZ_ASSERT(v->recommendation == SMSREP_RECOMMEND_FLAG, "class wants flag");
        break;
    default:
        FUZZ_ASSERT(v->recommendation == SMSREP_RECOMMEND_BLOCK, "class wants block");
        break;
    }
    FUZZ_ASSERT(v->calling_code < 1000, "calling code longer than three digits");

    nlen = fuzz_check_string(v->normalized, sizeof v->normalized, 1, "normalized");
    fuzz_check_string(v->region, sizeof v->region, !from_db_file, "region");
    fuzz_check_string(v->brand, sizeof v->brand, !from_db_file, "brand");
    fuzz_check_string(v->source, sizeof v->source, !from_db_file, "source");
    if (from_db_file)
        fuzz_soft(fuzz_is_region(v->region), SOFT_OUTPUT_REGION, "verdict region is malformed");
    else
        FUZZ_ASSERT(fuzz_is_region(v->region), "verdict region is malformed");

    FUZZ_ASSERT((v->brand[0] == '\0') == (v->brand_relation == SMSREP_RELATION_NONE),
                "brand and brand_relation disagree");

    /* fields added in 0.2 (zero when the caller's struct_size stops before) */
    fuzz_check_string(v->display, sizeof v->display, 1, "display");
    fuzz_check_string(v->dlt_header, sizeof v->dlt_header, 1, "dlt_header");
    fuzz_check_string(v->dlt_operator, sizeof v->dlt_operator, 1, "dlt_operator");
    fuzz_check_string(v->dlt_circle, sizeof v->dlt_circle, 1, "dlt_circle");
    FUZZ_ASSERT(v->message_class < SMSREP_MESSAGE_LAST_, "message_class outside its enum");
    FUZZ_ASSERT(v->reserved1 == 0, "reserved1 is not zero");
    FUZZ_ASSERT(v->dlt_header[0] != '\0' ||
                    (v->dlt_operator[0] == '\0' && v->dlt_circle[0] == '\0' &&
                     v->message_class == SMSREP_MESSAGE_NONE),
                "DLT fields without a DLT header");
    FUZZ_ASSERT(v->dlt_header[0] == '\0' || strlen(v->dlt_header) == 6,
                "a DLT header is six characters");
    switch (v->kind) {
    case SMSREP_KIND_INVALID:
        FUZZ_ASSERT(nlen == 0, "an invalid sender has a normalized form");
        break;
    case SMSREP_KIND_NUMBER:
        FUZZ_ASSERT(v->normalized[0] == '+' && fuzz_all_digits(v->normalized + 1),
                    "a number's normalized form is not + and digits");
        fuzz_soft(nlen <= 16, SOFT_NUMBER_LENGTH,
                  "a number's normalized form has more digits than E.164 allows");
        FUZZ_ASSERT(v->calling_code != 0, "a number without a calling code");
        break;
    case SMSREP_KIND_SHORT_CODE:
        FUZZ_ASSERT(fuzz_all_digits(v->normalized), "a short code's normalized form is not digits");
        FUZZ_ASSERT(v->number_type == SMSREP_TYPE_SHORT_CODE, "a short code's number_type");
        break;
    case SMSREP_KIND_ALPHANUMERIC:
        fuzz_soft(nlen > 0, SOFT_EMPTY_CANONICAL,
                  "an alphanumeric sender without a canonical form");
        FUZZ_ASSERT(v->region[0] == '\0' && v->calling_code == 0,
                    "an alphanumeric sender with a country");
        break;
    default:
        break;
    }
}

/* Every byte from `from` to `to` (exclusive) is zero. */
static inline int fuzz_all_zero(const void *p, size_t from, size_t to)
{
    const unsigned char *b = p;
    size_t i;
    for (i = from; i < to; i++)
        if (b[i] != 0)
            return 0;
    return 1;
}

#endif
