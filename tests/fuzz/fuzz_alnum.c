/* SPDX-License-Identifier: Apache-2.0
 * fuzz_alnum.c: fuzz target over the alphanumeric path: the canonical form
 * and confusable skeleton (alnum.c, ICU) of any bytes, and smsrep_check()
 * of them with the hint "alphanumeric", which makes any spelling text.
 *
 * Input layout: byte 0 chooses the region (bits 0-2: JP US GB SG DE IN ""
 * jp); the rest is the sender, in a heap block of exactly its length. */
#include "fuzz_common.h"

#include "alnum.h"

static smsrep_db *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[SMSREP_ERRBUF_SIZE];
    (void)argc;
    (void)argv;
    if (smsrep_open(&db, NULL, NULL, err, sizeof err) != SMSREP_OK) {
        fprintf(stderr, "fuzz_alnum: cannot open the embedded database: %s\n", err);
        abort();
    }
    return 0;
}

static void check_forms(const char *text, size_t len)
{
    alnum_form a, b, again;
    int status = smsrep__alnum_forms(text, len, &a);

    FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_TOO_LONG || status == SMSREP_E_NOMEM,
                "alnum_forms status");
    if (status != SMSREP_OK)
        return;
    fuzz_check_string(a.canonical, sizeof a.canonical, 1, "canonical form");
    fuzz_check_string(a.skeleton, sizeof a.skeleton, 1, "skeleton");
    FUZZ_ASSERT(a.chars <= len, "more characters than bytes");
    FUZZ_ASSERT(smsrep__alnum_forms(text, len, &b) == SMSREP_OK &&
                    memcmp(&a, &b, sizeof a) == 0,
                "the same text gave other forms");
    /* The canonical form is a fixed point: a sender checked by its
     * normalized form is the same sender. */
    if (a.canonical[0] != '\0' &&
        smsrep__alnum_forms(a.canonical, strlen(a.canonical), &again) == SMSREP_OK)
        fuzz_soft(strcmp(again.canonical, a.canonical) == 0, SOFT_NOT_IDEMPOTENT,
                  "the canonical form of a canonical form differs");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const regions[] = { "JP", "US", "GB", "SG", "DE", "IN", "", "jp" };
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
        check_forms(sender, len);

    q.sender = sender;
    q.sender_len = len;
    q.hint = SMSREP_HINT_ALPHANUMERIC;
    memcpy(q.region, regions[data[0] & 7u], strlen(regions[data[0] & 7u]) + 1);
    status = smsrep_check(db, &q, &v);
    FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_EMPTY || status == SMSREP_E_TOO_LONG ||
                    status == SMSREP_E_ENCODING || status == SMSREP_E_CHARACTER,
                "alphanumeric check status");
    if (status == SMSREP_OK) {
        FUZZ_ASSERT(v.kind == SMSREP_KIND_ALPHANUMERIC || v.kind == SMSREP_KIND_INVALID,
                    "the alphanumeric hint gave a number or short code");
        fuzz_check_verdict(&v, 0);
    } else {
        FUZZ_ASSERT(fuzz_all_zero(&v, sizeof v.struct_size, sizeof v), "error verdict not zeroed");
    }
    free(sender);
    return 0;
}
