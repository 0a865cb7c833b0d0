/* SPDX-License-Identifier: Apache-2.0
 * fuzz_alnum.c: the alphanumeric path alone: canonical forms, skeletons and
 * loose keys (alnum.c), DLT header parsing (registry.c) and look-alike
 * matching against the embedded database's names, then smsrep_check with the
 * alphanumeric hint in the countries whose rules differ. Input: byte 0 picks
 * the recipient; the rest is the sender ID.
 *   Invariants: every form is UTF-8 and NUL-terminated within its array; the
 *   canonical form is a fixed point (its forms are the same forms); a parsed
 *   DLT header is six upper-case letters or digits; a match names a brand; the
 *   verdict of the check passes fuzz_check_verdict, and an alphanumeric
 *   verdict's normalized form checks as the same ID. */
#include "fuzz_common.h"

#include "alnum.h"
#include "lookalike.h"
#include "registry.h"
#include "store.h"


static void check_forms(const alnum_form *f)
{
    fuzz_check_string(f->canonical, sizeof f->canonical, 1, "canonical");
    fuzz_check_string(f->skeleton, sizeof f->skeleton, 1, "skeleton");
    fuzz_check_string(f->loose, sizeof f->loose, 1, "loose");
    FUZZ_ASSERT(f->invisible_inside <= f->invisible, "more invisible inside than in all");
    FUZZ_ASSERT(f->loose[0] != ' ', "a loose key starts with a space");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smsrep_db *db = fuzz_embedded_db();
    static const char *const regions[] = { "JP", "SG", "IN", "GB", "US", "" };
    const char *text = (const char *)data + 1;
    size_t len = size > 0 ? size - 1 : 0;
    alnum_form f, again;
    lookalike_match m;
    dlt_header d;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    int status;

    if (size == 0)
        return 0;
    if (len <= SMSREP_SENDER_MAX && fuzz_utf8_valid((const unsigned char *)text, len)) {
        status = smsrep__alnum_forms(text, len, &f);
        FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_TOO_LONG ||
                        status == SMSREP_E_NOMEM,
                    "alnum forms failed");
        if (status == SMSREP_OK) {
            check_forms(&f);
            /* the canonical form holds nothing invisible and is its own form */
            status = smsrep__alnum_forms(f.canonical, strlen(f.canonical), &again);
            if (status == SMSREP_OK) {
                check_forms(&again);
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
            smsrep__lookalike_brand(smsrep__store_names(db), &f, &m);
            FUZZ_ASSERT((m.how == LOOK_NONE) == (m.target == NULL), "a match without a name");
            if (m.target != NULL)
                FUZZ_ASSERT(m.target->brand[0] != '\0', "a brand match without a brand");
        }
    }

    q.sender = text;
    q.sender_len = len;
    q.hint = SMSREP_HINT_ALPHANUMERIC;
    snprintf(q.region, sizeof q.region, "%s", regions[data[0] % (sizeof regions / sizeof regions[0])]);
    status = smsrep_check(db, &q, &v);
    FUZZ_ASSERT(status >= 0 && status < SMSREP_STATUS_LAST_, "status outside the map");
    if (status == SMSREP_OK) {
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
    }
    return 0;
}
