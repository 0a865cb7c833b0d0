/* SPDX-License-Identifier: Apache-2.0
 * judge.h: what a check learned about a sender, and the judgement that
 * turns it into a verdict. Private to libsmsrep. */
#ifndef SMSREP_JUDGE_H
#define SMSREP_JUDGE_H

#include "alnum.h"
#include "lookalike.h"
#include "phone.h"
#include "dlt.h"
#include "judgement.h"
#include "lookup.h"
#include "text.h"

/* Everything the earlier stages found; the judge reads nothing else. */
typedef struct evidence {
    uint32_t kind;                 /* enum smsrep_kind */
    char recipient[4];             /* the recipient's region, "" unknown */
    uint32_t recipient_cc;         /* its calling code, 0 unknown */
    int malformed;                 /* not a well-formed sender */
    size_t invisible;              /* invisible characters in the sender as it arrived */
    int64_t now;                   /* when the message arrived, Unix seconds */
    size_t bidi_override;          /* numbers: bidi controls that reorder what is shown
                                      (alphanumerics: alnum.bidi_override) */

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

    /* the operator's overlay, whichever kind */
    store_row overlay;             /* an allow or deny rule */
    report_row reports;            /* complaints about the number */
} evidence;

/* Judges the sender: fills sv->v's sender fields (kind, region, number type,
 * reply cost, DLT fields) and sv->j. Reads no message text. */
void smsrep__judge_sender(const evidence *e, sender_verdict *sv);
/* Judges a message text on top of the sender's judgement: adds to sv->j and
 * sets sv->v's text_brand, url_host and text_phrase. book holds the brands'
 * domains and declarations, recipient is the recipient's region. */
void smsrep__judge_text(const text_book *book, const char *recipient, const text_findings *t,
                        sender_verdict *sv);
/* Turns a judgement into the class, score, recommendation, reasons, brand
 * and source of *v. */
void smsrep__judge_finish(const judgement *j, smsrep_verdict *v);

#endif
