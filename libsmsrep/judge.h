/* SPDX-License-Identifier: Apache-2.0
 * judge.h: what a check learned about a sender, and the judgement that
 * turns it into a verdict. Private to libsmsrep. */
#ifndef SMSREP_JUDGE_H
#define SMSREP_JUDGE_H

#include "alnum.h"
#include "phone.h"
#include "store.h"

/* Everything the earlier stages found; the judge reads nothing else. */
typedef struct evidence {
    uint32_t kind;                 /* enum smsrep_kind */
    char recipient[4];             /* the recipient's region, "" unknown */
    uint32_t recipient_cc;         /* its calling code, 0 unknown */
    int malformed;                 /* not a well-formed sender */

    /* numbers */
    phone_number phone;
    store_row calling_code;        /* the calling code is known to be unassigned */
    store_row range;               /* longest matching number_range row */
    store_row known;               /* exact known_number row */

    /* short codes */
    char short_digits[24];
    phone_short short_info;
    store_row short_code;

    /* alphanumerics */
    alnum_form alnum;
    store_row sender_id;
    brand_match brand;

    /* the operator's overlay, whichever kind */
    store_row overlay;             /* an allow or deny rule */
    report_row reports;            /* complaints about the number */
} evidence;

/* Fills every field of *v past struct_size from the evidence. */
void smsrep__judge(const evidence *e, smsrep_verdict *v);

#endif
