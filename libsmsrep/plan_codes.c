/* SPDX-License-Identifier: Apache-2.0
 * plan_codes.c: the world's country calling codes and the regions that use
 * them, for builds without libphonenumber. Taken from libphonenumber 8.12.57's
 * metadata (Apache-2.0); test_plan_codes compares it with the library. */
#include "plan_codes.h"

#include <string.h>

typedef struct region_code {
    char region[3];
    unsigned short code;
    unsigned char main;  /* the code's main region (libphonenumber's choice) */
} region_code;

/* Sorted by region. */
static const region_code regions[] = {
    { "AC", 247, 1 }, { "AD", 376, 1 }, { "AE", 971, 1 }, { "AF", 93, 1 }, { "AG", 1, 0 },
    { "AI", 1, 0 }, { "AL", 355, 1 }, { "AM", 374, 1 }, { "AO", 244, 1 }, { "AR", 54, 1 },
    { "AS", 1, 0 }, { "AT", 43, 1 }, { "AU", 61, 1 }, { "AW", 297, 1 }, { "AX", 358, 0 },
    { "AZ", 994, 1 }, { "BA", 387, 1 }, { "BB", 1, 0 }, { "BD", 880, 1 }, { "BE", 32, 1 },
    { "BF", 226, 1 }, { "BG", 359, 1 }, { "BH", 973, 1 }, { "BI", 257, 1 }, { "BJ", 229, 1 },
    { "BL", 590, 0 }, { "BM", 1, 0 }, { "BN", 673, 1 }, { "BO", 591, 1 }, { "BQ", 599, 0 },
    { "BR", 55, 1 }, { "BS", 1, 0 }, { "BT", 975, 1 }, { "BW", 267, 1 }, { "BY", 375, 1 },
    { "BZ", 501, 1 }, { "CA", 1, 0 }, { "CC", 61, 0 }, { "CD", 243, 1 }, { "CF", 236, 1 },
    { "CG", 242, 1 }, { "CH", 41, 1 }, { "CI", 225, 1 }, { "CK", 682, 1 }, { "CL", 56, 1 },
    { "CM", 237, 1 }, { "CN", 86, 1 }, { "CO", 57, 1 }, { "CR", 506, 1 }, { "CU", 53, 1 },
    { "CV", 238, 1 }, { "CW", 599, 1 }, { "CX", 61, 0 }, { "CY", 357, 1 }, { "CZ", 420, 1 },
    { "DE", 49, 1 }, { "DJ", 253, 1 }, { "DK", 45, 1 }, { "DM", 1, 0 }, { "DO", 1, 0 },
    { "DZ", 213, 1 }, { "EC", 593, 1 }, { "EE", 372, 1 }, { "EG", 20, 1 }, { "EH", 212, 0 },
    { "ER", 291, 1 }, { "ES", 34, 1 }, { "ET", 251, 1 }, { "FI", 358, 1 }, { "FJ", 679, 1 },
    { "FK", 500, 1 }, { "FM", 691, 1 }, { "FO", 298, 1 }, { "FR", 33, 1 }, { "GA", 241, 1 },
    { "GB", 44, 1 }, { "GD", 1, 0 }, { "GE", 995, 1 }, { "GF", 594, 1 }, { "GG", 44, 0 },
    { "GH", 233, 1 }, { "GI", 350, 1 }, { "GL", 299, 1 }, { "GM", 220, 1 }, { "GN", 224, 1 },
    { "GP", 590, 1 }, { "GQ", 240, 1 }, { "GR", 30, 1 }, { "GT", 502, 1 }, { "GU", 1, 0 },
    { "GW", 245, 1 }, { "GY", 592, 1 }, { "HK", 852, 1 }, { "HN", 504, 1 }, { "HR", 385, 1 },
    { "HT", 509, 1 }, { "HU", 36, 1 }, { "ID", 62, 1 }, { "IE", 353, 1 }, { "IL", 972, 1 },
    { "IM", 44, 0 }, { "IN", 91, 1 }, { "IO", 246, 1 }, { "IQ", 964, 1 }, { "IR", 98, 1 },
    { "IS", 354, 1 }, { "IT", 39, 1 }, { "JE", 44, 0 }, { "JM", 1, 0 }, { "JO", 962, 1 },
    { "JP", 81, 1 }, { "KE", 254, 1 }, { "KG", 996, 1 }, { "KH", 855, 1 }, { "KI", 686, 1 },
    { "KM", 269, 1 }, { "KN", 1, 0 }, { "KP", 850, 1 }, { "KR", 82, 1 }, { "KW", 965, 1 },
    { "KY", 1, 0 }, { "KZ", 7, 0 }, { "LA", 856, 1 }, { "LB", 961, 1 }, { "LC", 1, 0 },
    { "LI", 423, 1 }, { "LK", 94, 1 }, { "LR", 231, 1 }, { "LS", 266, 1 }, { "LT", 370, 1 },
    { "LU", 352, 1 }, { "LV", 371, 1 }, { "LY", 218, 1 }, { "MA", 212, 1 }, { "MC", 377, 1 },
    { "MD", 373, 1 }, { "ME", 382, 1 }, { "MF", 590, 0 }, { "MG", 261, 1 }, { "MH", 692, 1 },
    { "MK", 389, 1 }, { "ML", 223, 1 }, { "MM", 95, 1 }, { "MN", 976, 1 }, { "MO", 853, 1 },
    { "MP", 1, 0 }, { "MQ", 596, 1 }, { "MR", 222, 1 }, { "MS", 1, 0 }, { "MT", 356, 1 },
    { "MU", 230, 1 }, { "MV", 960, 1 }, { "MW", 265, 1 }, { "MX", 52, 1 }, { "MY", 60, 1 },
    { "MZ", 258, 1 }, { "NA", 264, 1 }, { "NC", 687, 1 }, { "NE", 227, 1 }, { "NF", 672, 1 },
    { "NG", 234, 1 }, { "NI", 505, 1 }, { "NL", 31, 1 }, { "NO", 47, 1 }, { "NP", 977, 1 },
    { "NR", 674, 1 }, { "NU", 683, 1 }, { "NZ", 64, 1 }, { "OM", 968, 1 }, { "PA", 507, 1 },
    { "PE", 51, 1 }, { "PF", 689, 1 }, { "PG", 675, 1 }, { "PH", 63, 1 }, { "PK", 92, 1 },
    { "PL", 48, 1 }, { "PM", 508, 1 }, { "PR", 1, 0 }, { "PS", 970, 1 }, { "PT", 351, 1 },
    { "PW", 680, 1 }, { "PY", 595, 1 }, { "QA", 974, 1 }, { "RE", 262, 1 }, { "RO", 40, 1 },
    { "RS", 381, 1 }, { "RU", 7, 1 }, { "RW", 250, 1 }, { "SA", 966, 1 }, { "SB", 677, 1 },
    { "SC", 248, 1 }, { "SD", 249, 1 }, { "SE", 46, 1 }, { "SG", 65, 1 }, { "SH", 290, 1 },
    { "SI", 386, 1 }, { "SJ", 47, 0 }, { "SK", 421, 1 }, { "SL", 232, 1 }, { "SM", 378, 1 },
    { "SN", 221, 1 }, { "SO", 252, 1 }, { "SR", 597, 1 }, { "SS", 211, 1 }, { "ST", 239, 1 },
    { "SV", 503, 1 }, { "SX", 1, 0 }, { "SY", 963, 1 }, { "SZ", 268, 1 }, { "TA", 290, 0 },
    { "TC", 1, 0 }, { "TD", 235, 1 }, { "TG", 228, 1 }, { "TH", 66, 1 }, { "TJ", 992, 1 },
    { "TK", 690, 1 }, { "TL", 670, 1 }, { "TM", 993, 1 }, { "TN", 216, 1 }, { "TO", 676, 1 },
    { "TR", 90, 1 }, { "TT", 1, 0 }, { "TV", 688, 1 }, { "TW", 886, 1 }, { "TZ", 255, 1 },
    { "UA", 380, 1 }, { "UG", 256, 1 }, { "US", 1, 1 }, { "UY", 598, 1 }, { "UZ", 998, 1 },
    { "VA", 39, 0 }, { "VC", 1, 0 }, { "VE", 58, 1 }, { "VG", 1, 0 }, { "VI", 1, 0 },
    { "VN", 84, 1 }, { "VU", 678, 1 }, { "WF", 681, 1 }, { "WS", 685, 1 }, { "XK", 383, 1 },
    { "YE", 967, 1 }, { "YT", 262, 0 }, { "ZA", 27, 1 }, { "ZM", 260, 1 }, { "ZW", 263, 1 }
};

/* Codes of no region: international networks and services, region "001". */
static const unsigned short non_geographic[] = { 800, 808, 870, 878, 881, 882, 883, 888, 979 };

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

uint32_t smsrep__plan_region_code(const char *region)
{
    size_t lo = 0, hi = COUNT(regions);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(regions[mid].region, region);
        if (c == 0)
            return regions[mid].code;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

const char *smsrep__plan_code_region(uint32_t code, int *shared)
{
    const char *main_region = NULL;
    size_t i;
    int users = 0;

    for (i = 0; i < COUNT(regions); i++) {
        if (regions[i].code == code) {
            users++;
            if (regions[i].main)
                main_region = regions[i].region;
        }
    }
    *shared = users > 1;
    if (main_region != NULL)
        return main_region;
    for (i = 0; i < COUNT(non_geographic); i++)
        if (non_geographic[i] == code)
            return "001";
    return NULL;
}

size_t smsrep__plan_regions(const char **region, uint32_t *code, int *main_region, size_t i)
{
    if (i >= COUNT(regions))
        return 0;
    *region = regions[i].region;
    *code = regions[i].code;
    *main_region = regions[i].main;
    return COUNT(regions);
}
