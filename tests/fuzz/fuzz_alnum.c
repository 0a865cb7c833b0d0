/* SPDX-License-Identifier: Apache-2.0
 * fuzz_alnum.c: the alphanumeric path alone: canonical forms, skeletons and
 * loose keys (alnum.c), DLT header parsing (dlt.c) and look-alike
 * matching against the embedded database's names, then smsrep_check with the
 * alphanumeric hint, which makes any spelling an ID.
 *
 * Input layout: byte 0 chooses the recipient (bits 0-2: JP US GB SG DE IN ""
 * jp); the rest is the sender, in a heap block of exactly its length.
 *   Invariants: every form is UTF-8 and NUL-terminated within its array, and
 *   the same text gives the same forms; the canonical form is a fixed point
 *   and keeps deliverability; a parsed DLT header is six upper-case letters
 *   or digits; a match names a brand; the check gives only input statuses,
 *   an ID or invalid kind, a verdict that passes fuzz_check_verdict, and an
 *   alphanumeric verdict whose normalized form checks as the same ID. */
#include "fuzz_common.h"

#include "alnum.h"
#include "lookalike.h"
#include "dlt.h"
#include "handle.h"

static void check_form(const alnum_form *f)
{
    fuzz_check_string(f->canonical, sizeof f->canonical, 1, "canonical");
    fuzz_check_string(f->skeleton, sizeof f->skeleton, 1, "skeleton");
    fuzz_check_string(f->loose, sizeof f->loose, 1, "loose");
    FUZZ_ASSERT(f->invisible_inside <= f->invisible, "more invisible inside than in all");
    FUZZ_ASSERT(f->loose[0] != ' ', "a loose key starts with a space");
}

static void check_forms(smsrep_db *db, const char *text, size_t len)
{
    alnum_form f, same, again;
    lookalike_match m;
    dlt_header d;
    int status = smsrep__alnum_forms(text, len, &f);

    FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_TOO_LONG || status == SMSREP_E_NOMEM,
                "alnum forms failed");
    if (status != SMSREP_OK)
        return;
    check_form(&f);
    FUZZ_ASSERT(smsrep__alnum_forms(text, len, &same) == SMSREP_OK &&
                    memcmp(&f, &same, sizeof f) == 0,
                "the same text gave other forms");
    /* the canonical form holds nothing invisible and is its own form */
    if (smsrep__alnum_forms(f.canonical, strlen(f.canonical), &again) == SMSREP_OK) {
        check_form(&again);
        FUZZ_ASSERT(strcmp(again.canonical, f.canonical) == 0,
                    "the canonical form is not a fixed point");
        FUZZ_ASSERT(again.invisible == 0, "invisible characters kept");
        FUZZ_ASSERT(again.gsm_encodable == f.gsm_encodable || f.chars != again.chars ||
                        strlen(f.canonical) + 1 >= sizeof f.canonical,
                    "deliverability changed with the canonical form");
    }
    smsrep__dlt_parse(f.canonical, &d);
    if (d.shaped) {
        size_t i;
        FUZZ_ASSERT(strlen(d.header) == 6, "a DLT header is six characters");
        for (i = 0; i < 6; i++)
            FUZZ_ASSERT((d.header[i] >= 'A' && d.header[i] <= 'Z') ||
                            (d.header[i] >= '0' && d.header[i] <= '9'),
                        "a DLT header of other characters");
        FUZZ_ASSERT(d.message_class < SMSREP_MESSAGE_LAST_, "message class");
    }
    smsrep__lookalike_brand(&db->names, &f, &m);
    FUZZ_ASSERT((m.how == LOOK_NONE) == (m.target == NULL), "a match without a name");
    if (m.target != NULL)
        FUZZ_ASSERT(m.target->brand[0] != '\0', "a brand match without a brand");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const regions[] = { "JP", "US", "GB", "SG", "DE", "IN", "", "jp" };
    smsrep_db *db = fuzz_embedded_db();
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char *sender;
    size_t len;
    int status;

    if (size == 0)
        return 0;
    len = size - 1;
    sender = malloc(len ? len : 1);
    FUZZ_ASSERT(sender != NULL, "out of memory in the harness");
    memcpy(sender, data + 1, len);
    if (len <= SMSREP_SENDER_MAX && fuzz_utf8_valid((const unsigned char *)sender, len))
        check_forms(db, sender, len);

    q.sender = sender;
    q.sender_len = len;
    q.hint = SMSREP_HINT_ALPHANUMERIC;
    snprintf(q.region, sizeof q.region, "%s", regions[data[0] & 7u]);
    status = smsrep_check(db, &q, &v);
    FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_EMPTY || status == SMSREP_E_TOO_LONG ||
                    status == SMSREP_E_ENCODING || status == SMSREP_E_CHARACTER,
                "alphanumeric check status");
    if (status == SMSREP_OK) {
        FUZZ_ASSERT(v.kind == SMSREP_KIND_ALPHANUMERIC || v.kind == SMSREP_KIND_INVALID,
                    "the alphanumeric hint gave a number or short code");
        fuzz_check_verdict(&v, 0);
        if (v.kind == SMSREP_KIND_ALPHANUMERIC) {
            smsrep_verdict v2 = SMSREP_VERDICT_INIT;
            q.sender = v.normalized;
            q.sender_len = strlen(v.normalized);
            status = smsrep_check(db, &q, &v2);
            fuzz_soft(status == SMSREP_OK && v2.kind == v.kind &&
                          strcmp(v2.normalized, v.normalized) == 0,
                      SOFT_NOT_IDEMPOTENT, "checking the normalized form gives another form");
        }
    } else {
        FUZZ_ASSERT(fuzz_all_zero(&v, sizeof v.struct_size, sizeof v), "error verdict not zeroed");
    }
    free(sender);
    return 0;
}
