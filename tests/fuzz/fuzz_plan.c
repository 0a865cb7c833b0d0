/* SPDX-License-Identifier: Apache-2.0
 * fuzz_plan.c: fuzz target holding the compiled numbering plan (plan_dfa.c)
 * to libphonenumber on any digits: wherever the plan decides a reading,
 * every field must be libphonenumber's own (phone.h's oracle), and so must
 * its short-number facts in the region it is dialled in.
 *
 * Input layout (seed files can be typed: "+4930123456" is international,
 * "DE030123456" is national in DE):
 *   byte 0 '+'        the rest is international
 *   bytes 0-1 A-Z     a region; the rest is national there
 *   otherwise         byte 0 picks a region from a list, the rest is national
 *   rest              bytes; each ASCII digit is kept and any other byte
 *                     becomes the digit of its value mod 10 (the seam only
 *                     takes ASCII digits), at most 20 (SENDER_DIGITS_MAX) */
#include "fuzz_common.h"

#include "phone.h"
#include "plan_dfa.h"

#define DIGITS_MAX 20

static const char *const regions[] = {"US", "GB", "DE", "JP", "IN", "BR", "AR", "MX", "IT",
                                      "FR", "CA", "AU", "RU", "CN", "KR", "SG", "NZ", "ZA",
                                      "AG", "MG", "SM", "NF", "ZZ", "001", ""};

static int same(const phone_number *a, const phone_number *b)
{
    return a->parse_error == b->parse_error && a->valid == b->valid &&
           a->calling_code == b->calling_code && a->type == b->type &&
           strcmp(a->e164, b->e164) == 0 && strcmp(a->region, b->region) == 0 &&
           a->read == b->read && a->read_cc == b->read_cc &&
           a->read_national == b->read_national &&
           a->read_italian_zero == b->read_italian_zero && a->read_zeros == b->read_zeros;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char digits[DIGITS_MAX + 1], region[4] = "";
    phone_number plan, lpn;
    size_t i, n = 0, skip = 1;
    int intl = 0, decided;

    if (size == 0)
        return 0;
    FUZZ_ASSERT(smsrep__phone_init() == SMSREP_OK, "libphonenumber set-up");
    FUZZ_ASSERT(smsrep__phone_plan_active(), "the plan's metadata is libphonenumber's");
    if (data[0] == '+') {
        intl = 1;
        memcpy(region, "ZZ", 3);
    } else if (size >= 2 && data[0] >= 'A' && data[0] <= 'Z' && data[1] >= 'A' && data[1] <= 'Z') {
        region[0] = (char)data[0];
        region[1] = (char)data[1];
        skip = 2;
    } else {
        snprintf(region, sizeof region, "%s", regions[data[0] % (sizeof regions / sizeof *regions)]);
    }
    for (i = skip; i < size && n < DIGITS_MAX; i++)
        digits[n++] = (char)(data[i] >= '0' && data[i] <= '9' ? data[i] : '0' + data[i] % 10);
    digits[n] = '\0';

    decided = intl ? smsrep__plan_international(digits, &plan)
                   : smsrep__plan_national(digits, region, &plan);
    if (!decided)
        return 0;
    FUZZ_ASSERT(smsrep__phone_parse_lpn(digits, intl, region, &lpn) == SMSREP_OK,
                "libphonenumber reads the digits");
    if (!same(&plan, &lpn)) {
        fprintf(stderr, "plan and libphonenumber differ on %s%s in %s: valid %d/%d type %u/%u "
                        "e164 %s/%s region %s/%s error %d/%d\n",
                intl ? "+" : "", digits, region, plan.valid, lpn.valid, plan.type, lpn.type,
                plan.e164, lpn.e164, plan.region, lpn.region, plan.parse_error, lpn.parse_error);
        FUZZ_ASSERT(0, "the plan reads a number as libphonenumber does");
    }
    /* The short-number facts of the reading, dialled in the region. */
    {
        phone_short ps, ls;
        const char *dial = intl ? (plan.region[0] != '\0' ? plan.region : "US") : region;
        if (smsrep__plan_short_of(&plan, dial, &ps)) {
            FUZZ_ASSERT(smsrep__phone_short_of_lpn(&lpn, dial, &ls) == SMSREP_OK,
                        "libphonenumber judges the short number");
            FUZZ_ASSERT(memcmp(&ps, &ls, sizeof ps) == 0,
                        "the plan's short-number facts are libphonenumber's");
        }
    }
    return 0;
}
