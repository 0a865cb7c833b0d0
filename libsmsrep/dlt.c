/* SPDX-License-Identifier: Apache-2.0
 * dlt.c: reads India's DLT headers. TCCCPR 2018 gives the form XY-ABCDEF:
 * X the access provider, Y its licensed service area, ABCDEF the six-character
 * header of the sender (six digits for promotional senders); since 2025-05-06
 * operators append -P, -S, -T or -G for the message class. Letter tables as
 * TRAI published them (sources trai-dlt-headers and trai-dlt-suffix). */
#include "dlt.h"

#include "smsrep.h"

#include <string.h>

/* Each letter's access provider (the header's first letter) and licensed
 * service area (its second). */
static const struct {
    const char *operator_name, *circle;
} letters[26] = {
    ['A' - 'A'] = { "Airtel", "Andhra Pradesh" },
    ['B' - 'A'] = { "BSNL", "Bihar" },
    ['C' - 'A'] = { "Datacom", NULL },
    ['D' - 'A'] = { "Aircel", "Delhi" },
    ['E' - 'A'] = { "Reliance Telecom", "UP East" },
    ['G' - 'A'] = { NULL, "Gujarat" },
    ['H' - 'A'] = { "HFCL Infotel", "Haryana" },
    ['I' - 'A'] = { "Idea", "Himachal Pradesh" },
    ['J' - 'A'] = { "Jio", "Jammu and Kashmir" },
    ['K' - 'A'] = { NULL, "Kolkata" },
    ['L' - 'A'] = { "Loop Telecom", "Kerala" },
    ['M' - 'A'] = { "MTNL", "Mumbai" },
    ['N' - 'A'] = { NULL, "North East" },
    ['O' - 'A'] = { NULL, "Odisha" },
    ['P' - 'A'] = { "Spice Telecom", "Punjab" },
    ['Q' - 'A'] = { "Quadrant Televentures", NULL },
    ['R' - 'A'] = { "Reliance Communications", "Rajasthan" },
    ['S' - 'A'] = { "S Tel", "Assam" },
    ['T' - 'A'] = { "Tata Teleservices", "Tamil Nadu" },
    ['U' - 'A'] = { "Unitech", NULL },
    ['V' - 'A'] = { "Vodafone Idea", "West Bengal" },
    ['W' - 'A'] = { "Swan Telecom", "UP West" },
    ['X' - 'A'] = { NULL, "Karnataka" },
    ['Y' - 'A'] = { "Shyam Telecom", "Madhya Pradesh" },
    ['Z' - 'A'] = { NULL, "Maharashtra" },
};

static int upper(char c) { return c >= 'A' && c <= 'Z'; }
static int digit(char c) { return c >= '0' && c <= '9'; }

void smsrep__dlt_parse(const char *s, dlt_header *out)
{
    size_t len = strlen(s), i, digits = 0;

    memset(out, 0, sizeof *out);
    out->operator_name = "";
    out->circle_name = "";
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
    if (letters[s[0] - 'A'].operator_name != NULL)
        out->operator_name = letters[s[0] - 'A'].operator_name;
    if (letters[s[1] - 'A'].circle != NULL)
        out->circle_name = letters[s[1] - 'A'].circle;
}
