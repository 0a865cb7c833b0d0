/* SPDX-License-Identifier: Apache-2.0
 * judgement.h: what the sender alone decides: its verdict fields and the
 * judgement behind them. judge.c makes it, the caches keep it, and a message
 * text is judged on top of it. Private to libsmsrep. */
#ifndef SMSREP_JUDGEMENT_H
#define SMSREP_JUDGEMENT_H

#include <stdint.h>

#include "smsrep.h"

/* The ranks a finding argues for, weakest first (judge.c gives each its
 * class, score band and recommendation). */
enum { RANK_UNKNOWN, RANK_CAUTION, RANK_TRUSTED, RANK_SUSPICIOUS, RANK_SPOOFED, RANK_ALLOWED,
       RANK_BLOCKED, RANK_COUNT };

/* The judgement so far. It holds copies, no pointers into the evidence, so
 * that it outlives the check that made it. */
typedef struct judgement {
    uint64_t reasons;
    int rank;                             /* the strongest finding's rank */
    unsigned findings[RANK_COUNT];
    char source[SMSREP_SOURCE_ID_SIZE];   /* the source of the strongest finding */
    char brand[SMSREP_BRAND_SIZE];        /* "" none */
    uint32_t relation;
} judgement;

typedef struct sender_verdict {
    smsrep_verdict v;   /* kind, normalized, region, number fields, display, DLT fields */
    judgement j;        /* class, score, recommendation, reasons, brand and source to come */
} sender_verdict;

#endif
