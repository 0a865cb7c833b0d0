/* SPDX-License-Identifier: Apache-2.0
 * plan_dfa.c: reads international numbers with the automata that
 * smsrep-planbuild compiled from libphonenumber's metadata: one walk over
 * the digits gives region, type and validity; what the tables cannot be
 * sure of (a national prefix libphonenumber would try to strip, odd
 * lengths, patterns the compiler did not take) is left to the caller. */
#include "plan_dfa.h"

#include "plan_tables.h"
#include "smsrep.h"

#include <string.h>

/* The shortest input libphonenumber reads as "+" and digits without a
 * special case (IsViablePhoneNumber wants three; two after the code), and
 * the longest E.164 number. */
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

/* Would MaybeStripNationalPrefixAndCarrierCode find a non-empty prefix? */
static int may_strip(const plan_code *c, const char *nsn, size_t len)
{
    unsigned s = c->np_start;
    size_t i;

    if (s == 0)
        return 0;
    for (i = 0; i < len; i++) {
        s = smsrep__plan_np_next[s][nsn[i] - '0'];
        if (s == 0)
            return 0;
        if (smsrep__plan_np_accept[s])
            return 1;
    }
    return 0;
}

int smsrep__plan_international(const char *digits, phone_number *out)
{
    const plan_code *c = NULL;
    const char *nsn;
    uint32_t cc = 0;
    size_t len, cc_len, nsn_len, i;
    unsigned s, v;

    for (len = 0; digits[len] != '\0'; len++)
        if (digits[len] < '0' || digits[len] > '9' || len >= PLAN_DIGITS_MAX)
            return 0;
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
    if (c->fallback || nsn_len < PLAN_NSN_MIN || may_strip(c, nsn, nsn_len))
        return 0;
    for (s = c->start, i = 0; i < nsn_len; i++)
        s = smsrep__plan_next[s][nsn[i] - '0'];
    v = smsrep__plan_rows[smsrep__plan_state_row[s]][nsn_len];

    out->parse_error = PHONE_PARSED;
    set_reading(out, cc, nsn, nsn_len);
    memcpy(out->e164, digits, len + 1);
    out->calling_code = cc;
    if (v != 0) {
        out->valid = 1;
        out->type = v & 15u;
        memcpy(out->region, smsrep__plan_region_names[c->region + (v >> 4) - 1], 4);
    } else {
        out->type = SMSREP_TYPE_UNKNOWN;
        memcpy(out->region, smsrep__plan_region_names[c->region], 4);
    }
    return 1;
}

uint32_t smsrep__plan_table_region_code(const char *region)
{
    size_t i, r;

    for (i = 0; i < smsrep__plan_code_count; i++)
        for (r = 0; r < smsrep__plan_codes[i].regions; r++)
            if (strcmp(smsrep__plan_region_names[smsrep__plan_codes[i].region + r], region) == 0)
                return strcmp(region, "001") == 0 ? 0 : smsrep__plan_codes[i].cc;
    return 0;
}
