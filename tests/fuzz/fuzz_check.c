/* SPDX-License-Identifier: Apache-2.0
 * fuzz_check.c: fuzz target over smsrep_check() with the embedded database.
 * Every input is a query; every answer must keep the header's promises.
 *
 * Input layout (chosen so that seed files can be typed: "00+15622628360" is
 * hint unknown, region JP, sender "+15622628360"):
 *   byte 0  bits 0-2  hint: 0-4 the hint of that value, 5 SMSREP_HINT_LAST_
 *                     (invalid), 6 0xFFFFFFFF (invalid), 7 unknown (0)
 *           bit 3     verdict struct_size one byte below the 0.1 layout
 *           bit 6     verdict allocated as exactly the 0.1 layout's bytes
 *           bit 7     verdict struct_size larger than the library knows, with
 *                     a tail the library must leave alone
 *           bits 4-5  query struct_size: 3 or 0 exact, 2 larger, 1 too small
 *   byte 1  bits 0-3  region: JP US GB SG "" jp us gb sg Jp, "001", "ZZ",
 *                     DE, IN, then 2 raw bytes, then 4 raw bytes (no NUL)
 *                     taken from the input after byte 1
 *           bit 6     also pass the sender as the message text
 *           bit 7     NULL sender
 *   rest    the sender, in a heap buffer of exactly its length, so that
 *           AddressSanitizer catches a read past the end (it is not
 *           NUL-terminated). */
#include "fuzz_common.h"

#define TAIL 64 /* bytes past the verdict a larger struct_size claims */
#define QUERY_TAIL 32

static smsrep_db *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[SMSREP_ERRBUF_SIZE];
    int status;
    (void)argc;
    (void)argv;
    status = smsrep_open(&db, NULL, NULL, err, sizeof err);
    if (status != SMSREP_OK) {
        fprintf(stderr, "fuzz_check: cannot open the embedded database: %s\n", err);
        abort();
    }
    return 0;
}

static const char *const regions[] = {
    "JP", "US", "GB", "SG", "", "jp", "us", "gb", "sg", "Jp", "001", "ZZ", "DE", "IN",
};

static uint32_t pick_hint(unsigned sel)
{
    switch (sel & 7u) {
    case 5: return SMSREP_HINT_LAST_;
    case 6: return UINT32_C(0xFFFFFFFF);
    case 7: return SMSREP_HINT_UNKNOWN;
    default: return sel & 7u;
    }
}

/* What smsrep_check must answer before it looks at the sender at all. */
static int argument_status(const smsrep_query *q, uint32_t query_size, uint32_t verdict_size)
{
    if (verdict_size < SMSREP_VERDICT_SIZE_0_1)
        return SMSREP_E_STRUCT_SIZE;
    if (query_size < sizeof *q)
        return SMSREP_E_STRUCT_SIZE;
    if (q->sender == NULL || q->hint >= SMSREP_HINT_LAST_)
        return SMSREP_E_ARGUMENT;
    return -1;
}

/* Whether the library must accept this region: "" or a known alpha-2 code
 * in any case. Only the listed ones are known to be known. */
static int region_known_good(unsigned sel)
{
    return sel <= 9 || sel == 12 || sel == 13;
}

/* One call with the query at qp (which may be a block of just its
 * struct_size bytes; q is the whole query it was made from), checked;
 * returns the status and leaves the verdict in *out. */
static int run(const smsrep_query *qp, const smsrep_query *q, unsigned opts,
               smsrep_verdict *out)
{
    unsigned char *buf;
    size_t alloc;
    uint32_t size;
    int status, expect;

    if (opts & 0x08u) {
        size = SMSREP_VERDICT_SIZE_0_1 - 1u;
        alloc = size;
    } else if (opts & 0x40u) {
        size = SMSREP_VERDICT_SIZE_0_1;
        alloc = size;
    } else if (opts & 0x80u) {
        size = (uint32_t)(sizeof(smsrep_verdict) + TAIL);
        alloc = size;
    } else {
        size = (uint32_t)sizeof(smsrep_verdict);
        alloc = size;
    }
    buf = malloc(alloc);
    FUZZ_ASSERT(buf != NULL, "out of memory in the harness");
    memset(buf, 0xA5, alloc);
    memcpy(buf, &size, sizeof size);

    status = smsrep_check(db, qp, (smsrep_verdict *)(void *)buf);

    FUZZ_ASSERT(status >= 0 && status < SMSREP_STATUS_LAST_, "status outside the map");
    FUZZ_ASSERT(memcmp(buf, &size, sizeof size) == 0, "struct_size was changed");
    if (alloc > sizeof(smsrep_verdict)) {
        size_t i;
        for (i = sizeof(smsrep_verdict); i < alloc; i++)
            FUZZ_ASSERT(buf[i] == 0xA5, "wrote past the verdict layout it knows");
    }
    expect = argument_status(q, q->struct_size, size);
    if (expect >= 0)
        FUZZ_ASSERT(status == expect, "wrong status for a bad argument");
    if (status == SMSREP_E_STRUCT_SIZE && size < SMSREP_VERDICT_SIZE_0_1) {
        size_t i;
        for (i = sizeof size; i < alloc; i++)
            FUZZ_ASSERT(buf[i] == 0xA5, "touched a verdict whose struct_size it refused");
    } else if (status != SMSREP_OK) {
        size_t end = alloc < sizeof(smsrep_verdict) ? alloc : sizeof(smsrep_verdict);
        FUZZ_ASSERT(fuzz_all_zero(buf, sizeof size, end), "error verdict not zeroed");
    }

    memset(out, 0, sizeof *out);
    memcpy(out, buf, alloc < sizeof *out ? alloc : sizeof *out);
    free(buf);
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_query *qp = &q;
    unsigned char *qbuf = NULL;
    smsrep_verdict v, again;
    char *sender;
    size_t len;
    unsigned opts, rbyte, rsel;
    int status, status2, valid_utf8;

    if (db == NULL)
        LLVMFuzzerInitialize(NULL, NULL);
    if (size < 2)
        return 0;
    opts = data[0];
    rbyte = data[1];
    rsel = rbyte & 0x0Fu;
    q.hint = pick_hint(opts);
    data += 2;
    size -= 2;
    if (rsel < sizeof regions / sizeof regions[0]) {
        memcpy(q.region, regions[rsel], strlen(regions[rsel]) + 1);
    } else if (rsel == 14) {
        if (size < 2)
            return 0;
        memcpy(q.region, data, 2);
        data += 2;
        size -= 2;
    } else {
        if (size < 4)
            return 0;
        memcpy(q.region, data, 4);
        data += 4;
        size -= 4;
    }
    len = size;
    sender = malloc(len ? len : 1);
    FUZZ_ASSERT(sender != NULL, "out of memory in the harness");
    if (len)
        memcpy(sender, data, len);
    q.sender = (rbyte & 0x80u) ? NULL : sender;
    q.sender_len = len;
    if (rbyte & 0x40u) {
        q.text = sender;
        q.text_len = len;
    }

    /* The query's struct_size, in a heap block of exactly that size. */
    switch ((opts >> 4) & 3u) {
    case 1:
        qbuf = malloc(8);
        FUZZ_ASSERT(qbuf != NULL, "out of memory in the harness");
        q.struct_size = 8;
        memcpy(qbuf, &q, 8);
        qp = (smsrep_query *)(void *)qbuf;
        break;
    case 2:
        qbuf = malloc(sizeof q + QUERY_TAIL);
        FUZZ_ASSERT(qbuf != NULL, "out of memory in the harness");
        memset(qbuf, 0x5A, sizeof q + QUERY_TAIL);
        q.struct_size = (uint32_t)(sizeof q + QUERY_TAIL);
        memcpy(qbuf, &q, sizeof q);
        qp = (smsrep_query *)(void *)qbuf;
        break;
    default:
        break;
    }

    status = run(qp, &q, opts, &v);
    valid_utf8 = fuzz_utf8_valid((const unsigned char *)sender, len);

    /* Statuses that name an input fault must match the input. */
    if (q.struct_size >= sizeof q && q.sender != NULL && q.hint < SMSREP_HINT_LAST_ &&
        !(opts & 0x08u)) {
        FUZZ_ASSERT(status != SMSREP_E_ARGUMENT && status != SMSREP_E_STRUCT_SIZE,
                    "a good query refused as a bad argument");
        FUZZ_ASSERT(status != SMSREP_E_INTERNAL && status != SMSREP_E_DB_QUERY &&
                        status != SMSREP_E_NOMEM && status != SMSREP_E_NOT_FOUND,
                    "an internal failure on the embedded database");
        if (status == SMSREP_E_REGION)
            FUZZ_ASSERT(!region_known_good(rsel), "a good region refused");
        if (region_known_good(rsel)) {
            if (len > SMSREP_SENDER_MAX)
                FUZZ_ASSERT(status == SMSREP_E_TOO_LONG, "a long sender accepted");
            else
                fuzz_soft(status != SMSREP_E_TOO_LONG, SOFT_TOO_LONG_WITHIN_MAX,
                          "E_TOO_LONG for a sender of at most SMSREP_SENDER_MAX bytes");
            if (len > 0 && len <= SMSREP_SENDER_MAX)
                FUZZ_ASSERT(valid_utf8 == (status != SMSREP_E_ENCODING),
                            "E_ENCODING disagrees with UTF-8 validity");
            if (status == SMSREP_E_NEED_REGION)
                FUZZ_ASSERT(q.region[0] == '\0', "region required although one was given");
        }
    }

    if (status == SMSREP_OK) {
        smsrep_source_info info = SMSREP_SOURCE_INFO_INIT;
        int s;

        fuzz_check_verdict(&v, 0);
        /* The same query again must give the same verdict: a check holds no
         * state but what its connection caches. */
        status2 = run(qp, &q, opts, &again);
        FUZZ_ASSERT(status2 == status && memcmp(&v, &again, sizeof v) == 0,
                    "the same query gave another verdict");
        if (v.source[0] != '\0') {
            s = smsrep_source(db, v.source, &info);
            FUZZ_ASSERT(s == SMSREP_OK || s == SMSREP_E_NOT_FOUND, "smsrep_source failed");
            fuzz_soft(s == SMSREP_OK || strcmp(v.source, "libphonenumber") == 0,
                      SOFT_SOURCE_MISSING, "a verdict names a source the database lacks");
            if (s == SMSREP_OK) {
                FUZZ_ASSERT(strcmp(info.id, v.source) == 0, "smsrep_source gave another id");
                fuzz_check_string(info.name, sizeof info.name, 1, "source name");
                fuzz_check_string(info.url, sizeof info.url, 1, "source url");
                fuzz_check_string(info.licence, sizeof info.licence, 1, "source licence");
                fuzz_check_string(info.retrieved, sizeof info.retrieved, 1, "source date");
                fuzz_check_string(info.credit, sizeof info.credit, 1, "source credit");
            }
        }
        FUZZ_ASSERT(strcmp(smsrep_kind_name(v.kind), "unknown") != 0, "kind has no name");
        /* The normalized form is a fixed point: checked again with the same
         * hint and region it is the same kind with the same form. */
        if (v.normalized[0] != '\0') {
            smsrep_query q2 = SMSREP_QUERY_INIT;
            smsrep_verdict v2 = SMSREP_VERDICT_INIT;
            q2.hint = q.hint;
            memcpy(q2.region, q.region, sizeof q2.region);
            q2.sender = v.normalized;
            q2.sender_len = strlen(v.normalized);
            s = smsrep_check(db, &q2, &v2);
            fuzz_soft(s == SMSREP_OK && v2.kind == v.kind &&
                          strcmp(v2.normalized, v.normalized) == 0,
                      SOFT_NOT_IDEMPOTENT, "checking the normalized form gives another form");
        }
    }

    free(qbuf);
    free(sender);
    return 0;
}
