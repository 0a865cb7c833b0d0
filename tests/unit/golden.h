/* SPDX-License-Identifier: Apache-2.0
 * golden.h: the golden tables' cell formats, for the tests that read them
 * (test_golden.c, test_cache.c): \xHH escapes and comma-separated reasons. */
#ifndef SMSREP_GOLDEN_H
#define SMSREP_GOLDEN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smsrep.h"

/* Decodes \xHH escapes in place; returns the decoded length. */
static inline size_t golden_unescape(char *s)
{
    char *in = s, *out = s;
    while (*in) {
        if (in[0] == '\\' && in[1] == 'x' && in[2] && in[3]) {
            char hex[3] = { in[2], in[3], 0 };
            *out++ = (char)strtol(hex, NULL, 16);
            in += 4;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

/* The names of the set bits, comma-separated, or "-". */
static inline void golden_reason_list(uint64_t reasons, char *out, size_t cap)
{
    uint32_t r;
    out[0] = '\0';
    for (r = 0; r < 64; r++) {
        if (reasons & SMSREP_REASON_BIT(r)) {
            if (out[0])
                strncat(out, ",", cap - strlen(out) - 1);
            strncat(out, smsrep_reason_name(r), cap - strlen(out) - 1);
        }
    }
    if (out[0] == '\0')
        snprintf(out, cap, "-");
}

/* Reasons are compared as sets: a table may list them in any order; a name
 * that is no reason never matches. */
static inline int golden_same_reasons(const char *want, uint64_t got)
{
    char buf[512], *tok, *save = NULL;
    uint64_t mask = 0;
    if (strcmp(want, "-") == 0)
        return got == 0;
    snprintf(buf, sizeof buf, "%s", want);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int r = smsrep_reason_from_name(tok, strlen(tok));
        if (r < 0)
            return 0;
        mask |= SMSREP_REASON_BIT(r);
    }
    return mask == got;
}

#endif
