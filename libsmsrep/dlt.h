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
    const char *operator_name; /* "Vodafone Idea"; "" for a letter not in TRAI's table */
    const char *circle_name;   /* "Mumbai"; "" likewise */
} dlt_header;

/* Reads a canonical sender ID (upper case, as alnum.c makes it) as an
 * Indian DLT header (TCCCPR 2018; suffixes from 2025-05-06). */
void smsrep__dlt_parse(const char *canonical, dlt_header *out);

#endif
