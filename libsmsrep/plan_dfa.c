/* SPDX-License-Identifier: Apache-2.0
 * plan_dfa.c: reads numbers with the automata that smsrep-planbuild
 * compiled from libphonenumber's metadata: Parse()'s steps (international
 * prefix, calling code, national prefix) by prefix automata, then one walk
 * over the national number gives region, type and validity. What the tables
 * cannot be sure of (a prefix that may match at two lengths, a transform
 * rule, odd lengths, patterns the compiler did not take) is left to the
 * caller, which asks libphonenumber. */
#include "plan_dfa.h"

#include "plan_tables.h"
#include "smsrep.h"

#include <string.h>

/* The shortest input libphonenumber reads as "+" and digits without a
 * special case (IsViablePhoneNumber wants three; two after the code), the
 * longest E.164 number, and the shortest NSN (kMinLengthForNsn). */
#define PLAN_DIGITS_MIN 4
#define PLAN_DIGITS_MAX 15
#define PLAN_NSN_MIN 2

/* libphonenumber's SetItalianLeadingZerosForPhoneNumber and the number it
 * keeps of an NSN. */
static void set_reading(phone_number *out, uint32_t cc, const char *nsn, size_t len)
{
    uint64_t v = 0;
    size_t i;

    out->read = 1;
    out->read_cc = cc;
    for (i = 0; i < len; i++)
        v = v * 10u + (uint64_t)(nsn[i] - '0');
    out->read_national = v;
    if (len > 1 && nsn[0] == '0') {
        int zeros = 0;
        out->read_italian_zero = 1;
        while ((size_t)zeros < len - 1 && nsn[zeros] == '0')
            zeros++;
        out->read_zeros = zeros != 1 ? zeros : 0;
    }
}

/* The lengths (bit n: the first n digits) at which a prefix automaton
 * matches, the empty prefix included; after all the digits, "$" may match
 * too. */
static uint32_t prefix_lengths(unsigned s, const char *d, size_t len)
{
    uint32_t m = smsrep__plan_prefix_accept[s] ? 1u : 0u;
    unsigned end;
    size_t i;

    for (i = 0; i < len; i++) {
        s = smsrep__plan_prefix_next[s][d[i] - '0'];
        if (s == 0)
            return m;
        if (smsrep__plan_prefix_accept[s])
            m |= 1u << (i + 1);
    }
    end = smsrep__plan_prefix_next[s][PLAN_END];
    if (end != 0 && smsrep__plan_prefix_accept[end])
        m |= 1u << len;
    return m;
}

static unsigned walk(unsigned s, const char *d, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        s = smsrep__plan_next[s][d[i] - '0'];
    return s;
}

/* The reading of a number of code c whose NSN is nsn, as Parse() leaves it
 * and GetRegionCodeForNumber + GetNumberType judge it; the caller made sure
 * cc + NSN fit in 15 digits. s is the state after nsn. */
static void judge(const plan_code *c, const char *nsn, size_t nsn_len, unsigned s,
                  phone_number *out)
{
    unsigned v = smsrep__plan_rows[smsrep__plan_state_row[s]].verdict[nsn_len];
    size_t cc_len = strlen(c->digits);

    out->parse_error = PHONE_PARSED;
    set_reading(out, c->cc, nsn, nsn_len);
    memcpy(out->e164, c->digits, cc_len);
    memcpy(out->e164 + cc_len, nsn, nsn_len);
    out->e164[cc_len + nsn_len] = '\0';
    out->calling_code = c->cc;
    if (v != 0) {
        out->valid = 1;
        out->type = v & 15u;
        memcpy(out->region, smsrep__plan_region_table[c->region + (v >> 4) - 1].id, 4);
    } else {
        out->type = SMSREP_TYPE_UNKNOWN;
        memcpy(out->region, smsrep__plan_region_table[c->region].id, 4);
    }
}

static size_t digits_length(const char *d, size_t max)
{
    size_t len;
    for (len = 0; d[len] != '\0'; len++)
        if (d[len] < '0' || d[len] > '9' || len >= max)
            return 0;
    return len;
}

/* Whether general_desc's pattern of region r matches the digits that led
 * to state s (whatever their length). */
static int general(unsigned s, const plan_region *r)
{
    return (int)(smsrep__plan_rows[smsrep__plan_state_row[s]].general >> r->index & 1u);
}

/* MaybeStripNationalPrefixAndCarrierCode with region r's metadata on the
 * digits d that led to state s: how many leading digits it strips (0 when
 * none), with *rest the state after the others; -1 when the tables cannot
 * tell (the prefix may match at two lengths, or a transform rule applies). */
static int np_strip(const plan_region *r, const plan_code *c, const char *d, size_t len,
                    unsigned s, unsigned *rest)
{
    uint32_t m;
    size_t k;
    unsigned t;

    *rest = s;
    if (r->np_start == 0 || len == 0)
        return 0;
    m = prefix_lengths(r->np_start, d, len);
    if ((m & ~1u) == 0)
        return 0;
    if ((r->flags & PLAN_NP_TRANSFORM) || (m & (m - 1)) != 0)
        return -1;
    for (k = 0; !(m >> k & 1u); k++)
        ;
    t = walk(c->start, d + k, len - k);
    /* A number that matched general_desc stays whole when the rest would not. */
    if (general(s, r) && !general(t, r))
        return 0;
    *rest = t;
    return (int)k;
}

/* Strips region r's national prefix off the national number *nsn (that led
 * to state *s) when what is left has a length possible for r
 * (TestNumberLength), moving *s along; 0, or -1 when the tables cannot tell. */
static int strip_national_prefix(const plan_region *r, const plan_code *c, const char **nsn,
                                 size_t *nsn_len, unsigned *s)
{
    unsigned t;
    int k = np_strip(r, c, *nsn, *nsn_len, *s, &t);
    if (k < 0)
        return -1;
    if (k > 0 && (r->strip_lengths >> (*nsn_len - (size_t)k) & 1u)) {
        *nsn += k;
        *nsn_len -= (size_t)k;
        *s = t;
    }
    return 0;
}

/* "+" and digits, as Parse() reads them after the "+" or an international
 * prefix. as_given: phone.cc keeps an invalid number's digits as they came
 * when they came with "+" (smsrep__phone_parse(..., 1, ...)). */
static int read_international(const char *digits, int as_given, phone_number *out)
{
    const plan_code *c = NULL;
    const plan_region *main_region;
    const char *nsn;
    uint32_t cc = 0;
    size_t len = digits_length(digits, PLAN_DIGITS_MAX), cc_len, nsn_len;
    unsigned s;

    if (len < PLAN_DIGITS_MIN || digits[0] == '0')
        return 0;
    memset(out, 0, sizeof *out);
    /* ExtractCountryCode: the first of 1, 2 or 3 digits that is a code. */
    for (cc_len = 1; cc_len <= 3 && c == NULL; cc_len++) {
        cc = cc * 10u + (uint32_t)(digits[cc_len - 1] - '0');
        if (smsrep__plan_code_at[cc] != 0)
            c = &smsrep__plan_codes[smsrep__plan_code_at[cc] - 1];
    }
    if (c == NULL) {
        out->parse_error = PHONE_BAD_CALLING_CODE;
        return 1;
    }
    cc_len--;
    nsn = digits + cc_len;
    nsn_len = len - cc_len;
    main_region = &smsrep__plan_region_table[c->region];
    if (c->fallback || nsn_len < PLAN_NSN_MIN || (main_region->flags & PLAN_NP_UNKNOWN))
        return 0;
    /* The national prefix of the code's main region ("+44 (0)20..."),
     * kept off only at a length possible for the region. */
    s = walk(c->start, nsn, nsn_len);
    if (strip_national_prefix(main_region, c, &nsn, &nsn_len, &s) < 0)
        return 0;
    if (nsn_len < PLAN_NSN_MIN)
        return 0;
    judge(c, nsn, nsn_len, s, out);
    if (as_given && !out->valid)
        memcpy(out->e164, digits, len + 1);
    return 1;
}

int smsrep__plan_international(const char *digits, phone_number *out)
{
    return read_international(digits, 1, out);
}

int smsrep__plan_national(const char *digits, const char *region, phone_number *out)
{
    const plan_region *r, *main_region;
    const plan_code *c;
    const char *nsn = digits;
    size_t len = digits_length(digits, PLAN_NSN_MAX), nsn_len, cc_len;
    unsigned at, s, t;
    uint32_t m;
    int k;

    if (len < PLAN_NSN_MIN || region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' ||
        region[1] > 'Z' || region[2] != '\0')
        return 0;
    at = smsrep__plan_region_at[(region[0] - 'A') * 26 + (region[1] - 'A')];
    if (at == 0)
        return 0;
    r = &smsrep__plan_region_table[at - 1];
    c = &smsrep__plan_codes[r->code];
    main_region = &smsrep__plan_region_table[c->region];
    if (c->fallback || (r->flags & (PLAN_IDD_UNKNOWN | PLAN_NP_UNKNOWN)) ||
        (main_region->flags & PLAN_NP_UNKNOWN))
        return 0;

    /* MaybeStripInternationalPrefixAndNormalize: an international prefix
     * not followed by 0 makes it an international number. */
    if (r->idd_start != 0) {
        m = prefix_lengths(r->idd_start, digits, len);
        if (m != 0) {
            size_t i;
            if ((m & (m - 1)) != 0 || (m & 1u))
                return 0; /* two lengths may match, or the empty prefix */
            for (i = 0; !(m >> i & 1u); i++)
                ;
            if (i == len)
                return 0;
            if (digits[i] != '0')
                return read_international(digits + i, 0, out);
        }
    }

    nsn_len = len;
    s = walk(c->start, digits, len);
    cc_len = strlen(c->digits);
    if (strncmp(digits, c->digits, cc_len) == 0) {
        /* MaybeExtractCountryCode: the region's own code without "+" is
         * taken off when the rest (national prefix stripped) matches
         * general_desc and the whole does not, or the whole is too long. */
        const char *rest = digits + cc_len;
        size_t rest_len = len - cc_len;
        t = walk(c->start, rest, rest_len);
        k = np_strip(r, c, rest, rest_len, t, &t);
        if (k < 0)
            return 0;
        rest += k;
        rest_len -= (size_t)k;
        if ((!general(s, r) && general(t, r)) || (r->too_long_lengths >> len & 1u)) {
            /* The number is then read with the code's main region. */
            nsn = rest;
            nsn_len = rest_len;
            s = t;
            r = main_region;
            if (nsn_len < PLAN_NSN_MIN)
                return 0;
        }
    }
    /* The national prefix, kept off only at a length possible for the
     * region (TestNumberLength). */
    if (strip_national_prefix(r, c, &nsn, &nsn_len, &s) < 0)
        return 0;
    if (nsn_len < PLAN_NSN_MIN || cc_len + nsn_len > PLAN_DIGITS_MAX)
        return 0;
    memset(out, 0, sizeof *out);
    judge(c, nsn, nsn_len, s, out);
    return 1;
}

int smsrep__plan_short_of(const phone_number *reading, const char *region, phone_short *out)
{
    const plan_region *r;
    char nsn[PLAN_NSN_MAX + 1];
    size_t len = 0, i;
    unsigned s = 0, v;
    int zeros;
    uint64_t n;

    memset(out, 0, sizeof *out);
    out->cost = SMSREP_COST_UNKNOWN;
    if (!reading->read)
        return 1; /* Parse() refused the digits: nothing to say */
    /* RegionDialingFromMatchesNumber: the region must use the number's
     * code; a region libphonenumber does not know uses none. */
    if (region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' || region[1] > 'Z' ||
        region[2] != '\0')
        return strcmp(region, "001") == 0 ? 0 : 1;
    i = smsrep__plan_region_at[(region[0] - 'A') * 26 + (region[1] - 'A')];
    if (i == 0)
        return 1;
    r = &smsrep__plan_region_table[i - 1];
    if (smsrep__plan_codes[r->code].cc != reading->read_cc)
        return 1;
    if (r->flags & PLAN_SHORT_UNKNOWN)
        return 0;
    if (r->short_start == 0)
        return 1; /* no short-number metadata for the region */
    /* GetNationalSignificantNumber: the leading zeros, then the number. */
    zeros = reading->read_italian_zero ? (reading->read_zeros != 0 ? reading->read_zeros : 1) : 0;
    if (zeros < 0 || zeros > PLAN_NSN_MAX)
        return 0;
    for (; len < (size_t)zeros; len++)
        nsn[len] = '0';
    {
        char rev[24];
        size_t k = 0;
        n = reading->read_national;
        do {
            rev[k++] = (char)('0' + n % 10u);
            n /= 10u;
        } while (n != 0);
        if (len + k > PLAN_NSN_MAX)
            return 0;
        while (k > 0)
            nsn[len++] = rev[--k];
    }
    for (s = r->short_start, i = 0; i < len; i++)
        s = smsrep__plan_short_next[s][nsn[i] - '0'];
    v = smsrep__plan_short_rows[smsrep__plan_short_state_row[s]][len];
    out->valid = (int)(v & 1u);
    out->sms_service = (int)(v >> 1 & 1u);
    out->cost = v >> 2;
    return 1;
}

uint32_t smsrep__plan_table_region_code(const char *region)
{
    unsigned at;
    if (region[0] < 'A' || region[0] > 'Z' || region[1] < 'A' || region[1] > 'Z' ||
        region[2] != '\0')
        return 0;
    at = smsrep__plan_region_at[(region[0] - 'A') * 26 + (region[1] - 'A')];
    return at == 0 ? 0 : smsrep__plan_codes[smsrep__plan_region_table[at - 1].code].cc;
}
