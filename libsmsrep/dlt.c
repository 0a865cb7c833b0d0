/* SPDX-License-Identifier: Apache-2.0
 * dlt.c: reads India's DLT headers. TCCCPR 2018 gives the form XY-ABCDEF:
 * X the access provider, Y its licensed service area, ABCDEF the six-character
 * header of the sender (six digits for promotional senders); since 2025-05-06
 * operators append -P, -S, -T or -G for the message class (sources
 * trai-dlt-headers and trai-dlt-suffix). What the letters name is data
 * (db/dlt_letters.csv). */
#include "dlt.h"

#include "smsrep.h"

#include <string.h>

static int upper(char c) { return c >= 'A' && c <= 'Z'; }
static int digit(char c) { return c >= '0' && c <= '9'; }

void smsrep__dlt_parse(const char *s, dlt_header *out)
{
    size_t len = strlen(s), i, digits = 0;

    memset(out, 0, sizeof *out);
    if ((len != 9 && len != 11) || !upper(s[0]) || !upper(s[1]) || s[2] != '-')
        return;
    for (i = 3; i < 9; i++) {
        if (!upper(s[i]) && !digit(s[i]))
            return;
        digits += digit(s[i]) ? 1u : 0u;
    }
    if (len == 11) {
        if (s[9] != '-')
            return;
        switch (s[10]) {
        case 'P': out->message_class = SMSREP_MESSAGE_PROMOTIONAL; break;
        case 'S': out->message_class = SMSREP_MESSAGE_SERVICE; break;
        case 'T': out->message_class = SMSREP_MESSAGE_TRANSACTIONAL; break;
        case 'G': out->message_class = SMSREP_MESSAGE_GOVERNMENT; break;
        default: return;
        }
    }
    out->shaped = 1;
    out->numeric = digits == 6;
    memcpy(out->header, s + 3, 6);
    out->header[6] = '\0';
    out->letters[0] = s[0];
    out->letters[1] = s[1];
    out->letters[2] = '\0';
}
