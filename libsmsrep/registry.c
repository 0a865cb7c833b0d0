/* SPDX-License-Identifier: Apache-2.0
 * registry.c: reads India's DLT headers. TCCCPR 2018 gives the form XY-ABCDEF:
 * X the access provider, Y its licensed service area, ABCDEF the six-character
 * header of the sender (six digits for promotional senders); since 2025-05-06
 * operators append -P, -S, -T or -G for the message class. Letter tables as
 * TRAI published them (sources trai-dlt-headers and trai-dlt-suffix). */
#include "registry.h"

#include "smsrep.h"

#include <string.h>

static const char *const operators[26] = {
    ['A' - 'A'] = "Airtel",       ['B' - 'A'] = "BSNL",
    ['C' - 'A'] = "Datacom",      ['D' - 'A'] = "Aircel",
    ['E' - 'A'] = "Reliance Telecom", ['H' - 'A'] = "HFCL Infotel",
    ['I' - 'A'] = "Idea",         ['J' - 'A'] = "Jio",
    ['L' - 'A'] = "Loop Telecom", ['M' - 'A'] = "MTNL",
    ['P' - 'A'] = "Spice Telecom", ['Q' - 'A'] = "Quadrant Televentures",
    ['R' - 'A'] = "Reliance Communications", ['S' - 'A'] = "S Tel",
    ['T' - 'A'] = "Tata Teleservices", ['U' - 'A'] = "Unitech",
    ['V' - 'A'] = "Vodafone Idea", ['W' - 'A'] = "Swan Telecom",
    ['Y' - 'A'] = "Shyam Telecom",
};

static const char *const circles[26] = {
    ['A' - 'A'] = "Andhra Pradesh", ['B' - 'A'] = "Bihar",
    ['D' - 'A'] = "Delhi",          ['E' - 'A'] = "UP East",
    ['G' - 'A'] = "Gujarat",        ['H' - 'A'] = "Haryana",
    ['I' - 'A'] = "Himachal Pradesh", ['J' - 'A'] = "Jammu and Kashmir",
    ['K' - 'A'] = "Kolkata",        ['L' - 'A'] = "Kerala",
    ['M' - 'A'] = "Mumbai",         ['N' - 'A'] = "North East",
    ['O' - 'A'] = "Odisha",         ['P' - 'A'] = "Punjab",
    ['R' - 'A'] = "Rajasthan",      ['S' - 'A'] = "Assam",
    ['T' - 'A'] = "Tamil Nadu",     ['V' - 'A'] = "West Bengal",
    ['W' - 'A'] = "UP West",        ['X' - 'A'] = "Karnataka",
    ['Y' - 'A'] = "Madhya Pradesh", ['Z' - 'A'] = "Maharashtra",
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
    if (operators[s[0] - 'A'] != NULL)
        out->operator_name = operators[s[0] - 'A'];
    if (circles[s[1] - 'A'] != NULL)
        out->circle_name = circles[s[1] - 'A'];
}
