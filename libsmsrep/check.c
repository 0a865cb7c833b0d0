/* SPDX-License-Identifier: Apache-2.0
 * check.c: runs one check in a single direction: raw sender -> canonical form
 * and kind (sender.c, phone.cc, alnum.c) -> lookups (lookup.c, lookalike.c)
 * -> judgement (judge.c), with the worker's and the handle's verdict caches
 * before the sender is judged and the message text (text.c) after. Deciding
 * whether national digits are a number or a short code is part of the
 * canonical form; it consults the short-code table, never a verdict. */
#include "check.h"

#include "handle.h"
#include "judge.h"
#include "lookup.h"
#include "sender.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Longest digit string that can be a short code without a table row saying
 * so; longer national digits are a (possibly invalid) number. Shorter than
 * the minimum is no sender at all (emergency numbers have three digits). */
#define SHORT_CODE_MAX_DIGITS 8
#define SHORT_CODE_MIN_DIGITS 3

/* Length of an international call prefix the digits may start with: "00"
 * (most of the world), "010" (Japan), "011" (North America). Country codes
 * never start with 0, which keeps Japan's "0005" short codes out. */
static size_t idd_length(const char *d)
{
    if (d[0] != '0')
        return 0;
    if (d[1] == '0' && d[2] >= '1' && d[2] <= '9')
        return 2;
    if (d[1] == '1' && (d[2] == '0' || d[2] == '1') && d[3] >= '1' && d[3] <= '9')
        return 3;
    return 0;
}

/* The kind a reading of digits gives: a number when libphonenumber made
 * one, valid or not. */
static uint32_t number_kind(const phone_number *p)
{
    return p->parse_error == PHONE_PARSED && p->e164[0] != '\0' ? SMSREP_KIND_NUMBER
                                                                 : SMSREP_KIND_INVALID;
}

/* Reads the digits (after an international call prefix of idd digits, if
 * any) as a number in the recipient's plan, as an international number, or
 * as a short code, and says which through *kind. */
static int resolve_digits(store_conn *c, const sender *snd, size_t idd, uint32_t hint,
                          evidence *e, uint32_t *kind)
{
    const char *d = snd->digits;
    phone_number intl;
    int status;

    if (!snd->plus && snd->ndigits < SHORT_CODE_MIN_DIGITS) {
        *kind = SMSREP_KIND_INVALID;
        e->malformed = 1;
        return SMSREP_OK;
    }
    if (snd->plus || e->recipient[0] == '\0') {
        /* Without a region only an international form can be read. */
        if (!snd->plus && idd == 0)
            return SMSREP_E_NEED_REGION;
        status = smsrep__phone_parse(d + idd, 1, "ZZ", &e->phone);
        *kind = number_kind(&e->phone);
        return status;
    }

    status = smsrep__lookup_short_code(c, e->recipient, d, &e->short_code);
    if (status != SMSREP_OK)
        return status;
    if (e->short_code.found || hint == SMSREP_HINT_SHORT_CODE) {
        *kind = SMSREP_KIND_SHORT_CODE;
        return smsrep__phone_short(d, e->recipient, &e->short_info);
    }

    status = smsrep__phone_parse(d, 0, e->recipient, &e->phone);
    *kind = number_kind(&e->phone);
    if (status != SMSREP_OK || e->phone.valid)
        return status;
    if (idd > 0) {
        status = smsrep__phone_parse(d + idd, 1, "ZZ", &intl);
        if (status != SMSREP_OK)
            return status;
        if (intl.valid) {
            e->phone = intl;
            *kind = SMSREP_KIND_NUMBER;
            return SMSREP_OK;
        }
    }
    /* libphonenumber may render an invalid national reading with a trunk
     * prefix kept ("+49 0181..."), which read as the international number it
     * claims to be is another, valid one: then that is the reading, so that
     * checking the normalized form gives it back. The kept prefix is not
     * always 0 (8 in BY, 1 in MH; the golden table holds both), and only
     * libphonenumber's private metadata knows it, so every invalid reading,
     * plain short codes too, pays this second parse. */
    if (e->phone.parse_error == PHONE_PARSED && e->phone.e164[0] != '\0') {
        status = smsrep__phone_parse(e->phone.e164, 1, "ZZ", &intl);
        if (status != SMSREP_OK)
            return status;
        if (intl.valid) {
            e->phone = intl;
            *kind = SMSREP_KIND_NUMBER;
            return SMSREP_OK;
        }
    }
    if (snd->ndigits <= SHORT_CODE_MAX_DIGITS) {
        *kind = SMSREP_KIND_SHORT_CODE;
        /* e->phone is still the national reading of these very digits */
        return smsrep__phone_short_of(&e->phone, e->recipient, &e->short_info);
    }
    return SMSREP_OK;
}

/* Folding can leave nothing of a text sender (a lone variation selector),
 * or no letter ("①②③" folds to "123"). So the canonical form is read again
 * by the same rules, and what it reads as is what the sender is: checking a
 * normalized form always gives it back. Sets *again when *reread replaces
 * the sender. */
static int settle_text(const sender *snd, uint32_t hint, alnum_form *form, sender *reread,
                       int *again)
{
    int status = smsrep__alnum_forms(snd->text, snd->text_len, form);

    *again = 0;
    if (status != SMSREP_OK)
        return status;
    if (form->canonical[0] == '\0')
        return SMSREP_E_CHARACTER;
    status = smsrep__sender_read(form->canonical, strlen(form->canonical), hint, reread);
    if (status == SMSREP_OK && reread->form != SENDER_TEXT)
        *again = 1;
    return status;
}

/* What the database knows of a number read as such. */
static int lookup_number(store_conn *c, evidence *e)
{
    int status = smsrep__lookup_range(c, e->phone.e164, &e->range);
    if (status == SMSREP_OK)
        status = smsrep__lookup_known_number(c, e->phone.e164, e->recipient, &e->known);
    if (status == SMSREP_OK)
        status = smsrep__lookup_overlay_number(c, e->phone.e164, &e->overlay);
    if (status == SMSREP_OK)
        status = smsrep__lookup_reports(c, e->phone.e164, &e->reports);
    return status;
}

/* In India the ID is read as a DLT header and its six-character header is
 * what the registry knows ("VM-HDFCBK-S" is HDFC Bank's "HDFCBK"). */
static int lookup_alphanumeric(const smsrep_db *db, store_conn *c, evidence *e)
{
    int status = SMSREP_OK;

    e->key = e->alnum;
    if (e->recipient[0] != '\0')
        status = smsrep__lookup_alnum_rule(c, e->recipient, &e->alnum_rule);
    if (status == SMSREP_OK && e->alnum_rule.found && e->alnum_rule.signal == SIG_DLT) {
        smsrep__dlt_parse(e->alnum.canonical, &e->dlt);
        if (e->dlt.shaped)
            status = smsrep__lookup_dlt_letters(c, e->dlt.letters, e->dlt.operator_name,
                                                sizeof e->dlt.operator_name, e->dlt.circle_name,
                                                sizeof e->dlt.circle_name);
        if (status == SMSREP_OK && e->dlt.shaped)
            status = smsrep__alnum_forms(e->dlt.header, strlen(e->dlt.header), &e->key);
    }
    if (status == SMSREP_OK)
        status = smsrep__lookup_sender_id(c, e->recipient, e->key.canonical, &e->sender_id);
    if (status == SMSREP_OK) {
        smsrep__lookalike_brand(&db->names, &e->key, &e->brand);
        if (e->recipient[0] != '\0')
            smsrep__lookalike_generic(&db->names, e->recipient, &e->key, &e->generic);
        status = smsrep__lookup_overlay_sender(c, e->recipient, e->alnum.canonical, &e->overlay);
    }
    return status;
}

static void set_normalized(const evidence *e, smsrep_verdict *v)
{
    switch (e->kind) {
    case SMSREP_KIND_NUMBER:
        snprintf(v->normalized, sizeof v->normalized, "+%s", e->phone.e164);
        break;
    case SMSREP_KIND_SHORT_CODE:
        smsrep__copyz(v->normalized, sizeof v->normalized, e->short_digits);
        break;
    case SMSREP_KIND_ALPHANUMERIC:
        smsrep__copyz(v->normalized, sizeof v->normalized, e->alnum.canonical);
        break;
    default:
        v->normalized[0] = '\0';
        break;
    }
}

/* The sender verdict: everything a check finds from the sender, the hint and
 * the region. *timed says whether it also depends on the query's time. */
static int judge_sender(const smsrep_db *db, store_conn *c, const smsrep_query *q,
                        const char *region, uint32_t recipient_cc, sender_verdict *sv, int *timed)
{
    evidence e;
    sender snd;
    uint32_t kind = SMSREP_KIND_INVALID;
    size_t idd = 0;
    int status;

    memset(&e, 0, sizeof e);
    status = smsrep__sender_read(q->sender, q->sender_len, q->hint, &snd);
    if (status == SMSREP_OK && snd.form == SENDER_TEXT) {
        sender reread;
        int again = 0;
        status = settle_text(&snd, q->hint, &e.alnum, &reread, &again);
        if (again)
            snd = reread;
    }
    if (status != SMSREP_OK)
        return status;

    smsrep__copyz(e.recipient, sizeof e.recipient, region);
    e.recipient_cc = recipient_cc;
    e.invisible = snd.invisible;
    e.now = q->time != 0 ? q->time : (int64_t)time(NULL);
    e.bidi_override = snd.bidi_override;

    /* The canonical reading decides the kind, once; the lookups follow it. */
    switch (snd.form) {
    case SENDER_MALFORMED:
        e.malformed = 1;
        break;
    case SENDER_TEXT:
        /* GSM 03.40: an alphanumeric address holds at most 11 characters of
         * the GSM 7-bit alphabet; no network delivers anything else. */
        e.alnum_sender = 1;
        kind = e.alnum.gsm_encodable && e.alnum.chars <= ALNUM_GSM_MAX_CHARS
                   ? SMSREP_KIND_ALPHANUMERIC
                   : SMSREP_KIND_INVALID;
        break;
    default:
        idd = snd.plus ? 0 : idd_length(snd.digits);
        status = resolve_digits(c, &snd, idd, q->hint, &e, &kind);
        break;
    }
    if (status != SMSREP_OK)
        return status;
    e.kind = kind;

    if (e.alnum_sender)
        status = lookup_alphanumeric(db, c, &e);
    else if (kind == SMSREP_KIND_NUMBER)
        status = lookup_number(c, &e);
    else if (e.phone.parse_error == PHONE_BAD_CALLING_CODE)
        status = smsrep__lookup_calling_code(c, snd.digits + idd, &e.calling_code);
    if (status == SMSREP_OK && kind == SMSREP_KIND_SHORT_CODE) {
        smsrep__copyz(e.short_digits, sizeof e.short_digits, snd.digits);
        status = smsrep__lookup_overlay_short(c, region, snd.digits, &e.overlay);
    }
    if (status != SMSREP_OK)
        return status;

    /* Complaints weigh less as they age; nothing else depends on the time. */
    *timed = e.reports.found;
    memset(&sv->v, 0, sizeof sv->v);
    set_normalized(&e, &sv->v);
    smsrep__sender_display(q->sender, q->sender_len, sv->v.display, sizeof sv->v.display);
    smsrep__judge_sender(&e, sv);
    return SMSREP_OK;
}

/* The message text, read after the caches (which never hold it), is judged
 * on top of the sender's judgement; then the verdict is finished. */
static void finish(const smsrep_db *db, const smsrep_query *q, const char *region,
                   sender_verdict *sv, smsrep_verdict *v)
{
    if (q->text != NULL) {
        text_findings t;
        smsrep__text_scan(&db->book, q->text, q->text_len, &t);
        smsrep__judge_text(&db->book, region, &t, sv);
    }
    *v = sv->v;
    smsrep__judge_finish(&sv->j, v);
}

/* A handle is an immutable snapshot, so the sender verdict is a function of
 * (sender bytes, hint, region) and of the time only through complaints:
 * verdicts that do not depend on the time are kept in the borrowed
 * worker's cache and in the one its handle's workers share, and a sender
 * seen again costs a hash and a copy. The caches keep the sender's
 * judgement beside its verdict, so that a message text, which they never
 * hold, is judged after them as if the sender had just been judged. */
int smsrep__check_run(smsrep_db *db, const smsrep_query *q, const char *region,
                      uint32_t recipient_cc, smsrep_verdict *v)
{
    worker *w = NULL;
    sender_verdict sv;
    cache_key key;
    size_t entries = db->cache_entries;
    int status, cacheable, timed = 0;

    status = smsrep__pool_acquire(&db->pool, &w);
    if (status != SMSREP_OK)
        return status;
    cacheable = entries > 0 && smsrep__cache_key(&key, q->sender, q->sender_len, q->hint, region);
    if (cacheable && smsrep__cache_get(&w->cache, entries, &key, &sv)) {
        smsrep__pool_release(w);
        finish(db, q, region, &sv, v);
        return SMSREP_OK;
    }
    if (cacheable && smsrep__shared_get(&db->shared, entries, &key, &sv)) {
        smsrep__cache_put(&w->cache, entries, &key, &sv);
        smsrep__pool_release(w);
        finish(db, q, region, &sv, v);
        return SMSREP_OK;
    }
    status = judge_sender(db, w->conn, q, region, recipient_cc, &sv, &timed);
    if (status == SMSREP_OK && cacheable && !timed) {
        smsrep__cache_put(&w->cache, entries, &key, &sv);
        smsrep__shared_put(&db->shared, entries, &key, &sv);
    }
    smsrep__pool_release(w);
    if (status == SMSREP_OK)
        finish(db, q, region, &sv, v);
    return status;
}
