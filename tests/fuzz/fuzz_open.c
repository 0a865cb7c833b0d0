/* SPDX-License-Identifier: Apache-2.0
 * fuzz_open.c: fuzz target over smsrep_open_memory() and smsrep_open() of a
 * file. The input is a whole database image from outside, which the
 * library must check and never trust: opening it must fail cleanly or give
 * a handle on which checks,
 * smsrep_source(), smsrep_db_info_get() and smsrep_db_counts() all behave.
 *
 * The error buffer is a heap block of 1 + size % 300 bytes, so that short
 * buffers are tried too and a write past one is caught. */
#include "fuzz_common.h"

#include <unistd.h>

/* Senders that reach every table of the fixture and the real database. */
static const struct { const char *sender, *region; uint32_t hint; } probes[] = {
    { "+15622628360", "JP", SMSREP_HINT_UNKNOWN },   /* known_number, low confidence */
    { "+815012345678", "JP", SMSREP_HINT_UNKNOWN },  /* known_number, 050 range */
    { "09012345678", "JP", SMSREP_HINT_NATIONAL },   /* a nested fictional range */
    { "+447911123456", "GB", SMSREP_HINT_UNKNOWN },  /* known_number for any region */
    { "+881812345678", "", SMSREP_HINT_UNKNOWN },    /* region 001 range */
    { "0005123456", "JP", SMSREP_HINT_UNKNOWN },     /* short_code by shape */
    { "22000", "US", SMSREP_HINT_SHORT_CODE },       /* short_code with a brand */
    { "AMAZON", "JP", SMSREP_HINT_UNKNOWN },         /* brand_name */
    { "AMAZ0N", "JP", SMSREP_HINT_ALPHANUMERIC },    /* skeleton */
    { "ACME", "US", SMSREP_HINT_UNKNOWN },           /* sender_id for '*' */
    { "Likely-SCAM", "SG", SMSREP_HINT_UNKNOWN },    /* scam_marker */
};

static void check_counts(smsrep_db *db, uint32_t group)
{
    smsrep_count rows[8];
    size_t total = 0, i, n;
    int status;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        memset(&rows[i], 0xA5, sizeof rows[i]);
        rows[i].struct_size = (uint32_t)sizeof rows[i];
    }
    status = smsrep_db_counts(db, group, rows, sizeof rows / sizeof rows[0], &total);
    FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_DB_QUERY || status == SMSREP_E_NOMEM,
                "smsrep_db_counts status");
    if (status != SMSREP_OK)
        return;
    n = total < sizeof rows / sizeof rows[0] ? total : sizeof rows / sizeof rows[0];
    for (i = 0; i < n; i++) {
        FUZZ_ASSERT(rows[i].struct_size == sizeof rows[i], "count struct_size changed");
        fuzz_check_string(rows[i].table, sizeof rows[i].table, 1, "count table");
        fuzz_check_string(rows[i].key, sizeof rows[i].key, 0, "count key");
    }
    for (; i < sizeof rows / sizeof rows[0]; i++)
        FUZZ_ASSERT(rows[i].reserved0 == 0xA5A5A5A5u, "count row past total written");
}

/* What an open must answer: the handle, or NULL with a listed status and a
 * sentence in the caller's buffer. Returns 1 when there is a handle. */
static int check_open(int status, smsrep_db *db, const char *err, size_t errcap)
{
    size_t errlen = fuzz_strnlen(err, errcap);
    FUZZ_ASSERT(errlen < errcap, "errbuf not NUL-terminated");
    if (status == SMSREP_OK) {
        FUZZ_ASSERT(db != NULL, "open succeeded without a handle");
        return 1;
    }
    FUZZ_ASSERT(db == NULL, "a failed open left a handle");
    FUZZ_ASSERT(status == SMSREP_E_DB_OPEN || status == SMSREP_E_DB_FORMAT ||
                    status == SMSREP_E_DB_VERSION || status == SMSREP_E_DB_CORRUPT ||
                    status == SMSREP_E_NOMEM,
                "open failed with a status the header does not list");
    FUZZ_ASSERT(errlen > 0 || errcap == 1, "a failed open said nothing");
    if (errcap > SMSREP_ERRBUF_SIZE)
        fuzz_soft(errlen < SMSREP_ERRBUF_SIZE - 1, SOFT_ERRBUF_FULL,
                  "an open error sentence does not fit SMSREP_ERRBUF_SIZE");
    fuzz_soft(fuzz_utf8_valid((const unsigned char *)err, errlen), SOFT_ERRBUF_UTF8,
              "an open error sentence is not UTF-8");
    return 0;
}

/* Everything a handle offers, on an opened database (and overlay). */
static void exercise(smsrep_db *db, int with_overlay)
{
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    size_t i;
    int status;

    FUZZ_ASSERT(smsrep_db_info_get(db, &info) == SMSREP_OK, "smsrep_db_info_get");
    FUZZ_ASSERT(info.embedded == (uint32_t)with_overlay && info.has_overlay == (uint32_t)with_overlay,
                "db info flags");
    fuzz_check_string(info.data_version, sizeof info.data_version, 0, "data_version");
    fuzz_check_string(info.overlay_version, sizeof info.overlay_version, 0, "overlay_version");

    for (i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict v = SMSREP_VERDICT_INIT;
        smsrep_source_info src = SMSREP_SOURCE_INFO_INIT;

        q.hint = probes[i].hint;
        q.sender = probes[i].sender;
        q.sender_len = strlen(probes[i].sender);
        memcpy(q.region, probes[i].region, strlen(probes[i].region) + 1);
        status = smsrep_check(db, &q, &v);
        FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_DB_QUERY ||
                        status == SMSREP_E_NOMEM,
                    "check on an opened database failed oddly");
        FUZZ_ASSERT(v.struct_size == sizeof v, "struct_size changed");
        if (status != SMSREP_OK) {
            FUZZ_ASSERT(fuzz_all_zero(&v, sizeof v.struct_size, sizeof v),
                        "error verdict not zeroed");
            continue;
        }
        fuzz_check_verdict(&v, 1);
        status = smsrep_source(db, v.source, &src);
        FUZZ_ASSERT(status == SMSREP_OK || status == SMSREP_E_NOT_FOUND ||
                        status == SMSREP_E_DB_QUERY || status == SMSREP_E_NOMEM,
                    "smsrep_source status");
        if (status == SMSREP_OK) {
            fuzz_check_string(src.id, sizeof src.id, 0, "source id");
            fuzz_check_string(src.name, sizeof src.name, 0, "source name");
            fuzz_check_string(src.url, sizeof src.url, 0, "source url");
            fuzz_check_string(src.licence, sizeof src.licence, 0, "source licence");
            fuzz_check_string(src.retrieved, sizeof src.retrieved, 0, "source date");
            fuzz_check_string(src.credit, sizeof src.credit, 0, "source credit");
        }
    }
    check_counts(db, SMSREP_COUNT_BY_TABLE);
    check_counts(db, SMSREP_COUNT_BY_SOURCE);
    check_counts(db, SMSREP_COUNT_BY_REGION);
}

/* The image as the bundled database, from memory and from a file, and as
 * an overlay over the embedded database (overlays are files). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char overlay[64];
    smsrep_db *db = (smsrep_db *)(uintptr_t)1;
    size_t errcap = 1 + size % 300;
    char *err = malloc(errcap);
    FILE *f;

    FUZZ_ASSERT(err != NULL, "out of memory in the harness");
    int status;

    memset(err, 'x', errcap);
    status = smsrep_open_memory(&db, data, size, NULL, err, errcap);
    if (check_open(status, db, err, errcap)) {
        exercise(db, 0);
        smsrep_close(db);
    }

    if (overlay[0] == '\0')
        snprintf(overlay, sizeof overlay, "/tmp/smsrep-fuzz-overlay-%ld", (long)getpid());
    f = fopen(overlay, "wb");
    FUZZ_ASSERT(f != NULL && fwrite(data, 1, size, f) == size && fclose(f) == 0,
                "cannot write the overlay file");
    /* the same file as the bundled database, read from its path */
    db = (smsrep_db *)(uintptr_t)1;
    memset(err, 'x', errcap);
    status = smsrep_open(&db, overlay, NULL, err, errcap);
    if (check_open(status, db, err, errcap)) {
        exercise(db, 0);
        smsrep_close(db);
    }
    db = (smsrep_db *)(uintptr_t)1;
    memset(err, 'x', errcap);
    status = smsrep_open(&db, NULL, overlay, err, errcap);
    if (check_open(status, db, err, errcap)) {
        exercise(db, 1);
        smsrep_close(db);
    }
    remove(overlay);
    free(err);
    return 0;
}
