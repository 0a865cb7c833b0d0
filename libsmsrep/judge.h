/* SPDX-License-Identifier: Apache-2.0
 * judge.h: what a check learned about a sender, and the judgement that
 * turns it into a verdict. Private to libsmsrep. */
#ifndef SMSREP_JUDGE_H
#define SMSREP_JUDGE_H

#include "alnum.h"
#include "lookalike.h"
#include "phone.h"
#include "registry.h"
#include "store.h"
#include "text.h"

/* Everything the earlier stages found; the judge reads nothing else. */
typedef struct evidence {
    uint32_t kind;                 /* enum smsrep_kind */
    char recipient[4];             /* the recipient's region, "" unknown */
    uint32_t recipient_cc;         /* its calling code, 0 unknown */
    int malformed;                 /* not a well-formed sender */
    size_t invisible;              /* invisible characters in the sender as it arrived */

    /* numbers */
    phone_number phone;
    store_row calling_code;        /* the calling code is known to be unassigned */
    store_row range;               /* longest matching number_range row */
    store_row known;               /* exact known_number row */

    /* short codes */
    char short_digits[24];
    phone_short short_info;
    store_row short_code;

    /* alphanumerics (kind alphanumeric, or invalid when no network could
     * have delivered the ID) */
    int alnum_sender;              /* the sender was read as text (an ID) */
    alnum_form alnum;
    store_row alnum_rule;          /* what the recipient's networks do with such IDs */
    dlt_header dlt;                /* India: the ID read as a DLT header */
    alnum_form key;                /* the form looked up: the DLT header alone, or alnum */
    store_row sender_id;
    lookalike_match brand;         /* the brand name or registered ID it comes closest to */
    lookalike_match generic;       /* a generic ID of the recipient's country it spells */

    /* the message text, when one was given */
    text_findings text_f;

    /* the operator's overlay, whichever kind */
    store_row overlay;             /* an allow or deny rule */
    report_row reports;            /* complaints about the number */
} evidence;

/* Fills every field of *v past struct_size from the evidence. */
void smsrep__judge(const evidence *e, smsrep_verdict *v);

#endif
