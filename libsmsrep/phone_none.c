/* SPDX-License-Identifier: Apache-2.0
 * phone_none.c: phone.h without libphonenumber (SMSREP_WITH_PHONENUMBER=OFF),
 * for Android. With the numbering plan compiled on the build host
 * (SMSREP_HAVE_PLAN, plan_dfa.c) it reads numbers as libphonenumber would,
 * national ones included; what the plan leaves open is read as E.164 only
 * (the calling code from plan_codes.c, the rest as given), and national
 * digits it leaves open give SMSREP_E_NEED_E164, except a few that can only
 * be a short code. Short-number facts come from the plan too, or are
 * unknown. */
#include "phone.h"

#include "plan_codes.h"
#ifdef SMSREP_HAVE_PLAN
#include "plan_dfa.h"
#endif
#include "smsrep.h"
#include "utf8.h"

#include <string.h>

/* Without a numbering plan, national digits this short are read as a short
 * code (check.c does so when the parse says "not a number"); longer ones
 * may be a number, which only its E.164 form can tell. */
#define SHORT_CODE_MAX_WITHOUT_PLAN 6
#define E164_MAX_DIGITS 15
#define NSN_MIN_DIGITS 2  /* libphonenumber's shortest national number */

int smsrep__phone_init(void)
{
    return SMSREP_OK;
}

int smsrep__phone_parse(const char *digits, int international, const char *region,
                        phone_number *out)
{
    size_t len = strlen(digits), cc_len;
    const char *main_region = NULL;
    uint32_t cc = 0;
    int shared = 0;

#ifdef SMSREP_HAVE_PLAN
    if (international ? smsrep__plan_international(digits, out)
                      : smsrep__plan_national(digits, region, out))
        return SMSREP_OK;
#endif
    (void)region;
    memset(out, 0, sizeof *out);
    if (!international) {
        if (len > SHORT_CODE_MAX_WITHOUT_PLAN)
            return SMSREP_E_NEED_E164;
        out->parse_error = PHONE_NOT_A_NUMBER;
        return SMSREP_OK;
    }
    /* Calling codes are prefix-free: at most one of 1, 2 or 3 digits fits. */
    for (cc_len = 1; cc_len <= 3 && cc_len < len && main_region == NULL; cc_len++) {
        cc = cc * 10u + (uint32_t)(digits[cc_len - 1] - '0');
        main_region = smsrep__plan_code_region(cc, &shared);
    }
    if (main_region == NULL) {
        out->parse_error = PHONE_BAD_CALLING_CODE;
        return SMSREP_OK;
    }
    cc_len--;
    if (len - cc_len < NSN_MIN_DIGITS) {
        out->parse_error = PHONE_TOO_SHORT;
        return SMSREP_OK;
    }
    if (len > E164_MAX_DIGITS) {
        out->parse_error = PHONE_TOO_LONG;
        return SMSREP_OK;
    }
    out->parse_error = PHONE_PARSED;
    out->calling_code = cc;
    /* Without metadata a number cannot be shown invalid, and calling a real
     * number invalid would make it spoofed, the worst mistake: so every
     * number of a known code and E.164 length counts as valid, type unknown.
     * Ranges in the database still say what they know (fictional, IP phone). */
    out->valid = 1;
    out->type = SMSREP_TYPE_UNKNOWN;
    smsrep__copyz(out->e164, sizeof out->e164, digits);
    /* Which of the regions sharing a code a number belongs to (+1 416 is
     * Canada) is metadata this build lacks: the region stays unknown, and a
     * +1 number is then never "foreign" to a +1 recipient on that ground. */
    if (!shared)
        smsrep__copyz(out->region, sizeof out->region, main_region);
    return SMSREP_OK;
}

/* What is said of a short number nothing here can read: nothing. */
static int no_short_facts(phone_short *out)
{
    memset(out, 0, sizeof *out);
    out->cost = SMSREP_COST_UNKNOWN;
    return SMSREP_OK;
}

int smsrep__phone_short(const char *digits, const char *region, phone_short *out)
{
#ifdef SMSREP_HAVE_PLAN
    phone_number reading;
    if (smsrep__plan_national(digits, region, &reading))
        return smsrep__phone_short_of(&reading, region, out);
#else
    (void)digits;
    (void)region;
#endif
    return no_short_facts(out);
}

int smsrep__phone_short_of(const phone_number *reading, const char *region, phone_short *out)
{
#ifdef SMSREP_HAVE_PLAN
    if (smsrep__plan_short_of(reading, region, out))
        return SMSREP_OK;
#else
    (void)reading;
    (void)region;
#endif
    return no_short_facts(out);
}

uint32_t smsrep__phone_region_calling_code(const char *region)
{
    return smsrep__plan_region_code(region);
}

int smsrep__phone_plan_active(void)
{
#ifdef SMSREP_HAVE_PLAN
    return 1;
#else
    return 0;
#endif
}

/* This build does not count (the bench needs libphonenumber anyway). */
void smsrep__phone_plan_tally(uint64_t *decided, uint64_t *asked)
{
    *decided = 0;
    *asked = 0;
}
