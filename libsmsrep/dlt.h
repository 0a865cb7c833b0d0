/* SPDX-License-Identifier: Apache-2.0
 * dlt.h: the shape of India's DLT sender-ID headers (XY-HEADER-S). Private to libsmsrep. */
#ifndef SMSREP_DLT_H
#define SMSREP_DLT_H

#include <stdint.h>

typedef struct dlt_header {
    int shaped;                /* XY-ABCDEF with an optional -P/-S/-T/-G */
    int numeric;               /* the header is six digits: a promotional header */
    uint32_t message_class;    /* enum smsrep_message_class from the suffix */
    char header[8];            /* "HDFCBK" */
    char letters[3];           /* "VM": the access provider's and service area's letters */
    char operator_name[32];    /* "Vodafone Idea", "" for a letter the database names not;
                                  filled by smsrep__lookup_dlt_letters() */
    char circle_name[32];      /* "Mumbai", "" likewise */
} dlt_header;

/* Reads a canonical sender ID (upper case, as alnum.c makes it) as an
 * Indian DLT header (TCCCPR 2018; suffixes from 2025-05-06); the letters'
 * names are facts of the database (dlt_letter), looked up apart. */
void smsrep__dlt_parse(const char *canonical, dlt_header *out);

#endif
