/* SPDX-License-Identifier: Apache-2.0
 * test_abi.c: the first published layout of every caller-owned struct is
 * pinned, and the library never writes past the struct_size a caller sets
 * (SQLite's sqlite3_vfs shows what a version field without a test costs). */
#include "testing.h"

#include <stdlib.h>

#include "abi_layout.h"
#include "smsrep.h"

static void verdict_layout_is_pinned(void **state)
{
    (void)state;
    /* Fixed-width members only, so these hold on every platform. */
    assert_int_equal(offsetof(smsrep_verdict, struct_size), 0);
    assert_int_equal(offsetof(smsrep_verdict, kind), 4);
    assert_int_equal(offsetof(smsrep_verdict, number_type), 8);
    assert_int_equal(offsetof(smsrep_verdict, class_), 12);
    assert_int_equal(offsetof(smsrep_verdict, score), 16);
    assert_int_equal(offsetof(smsrep_verdict, recommendation), 20);
    assert_int_equal(offsetof(smsrep_verdict, brand_relation), 24);
    assert_int_equal(offsetof(smsrep_verdict, reply_cost), 28);
    assert_int_equal(offsetof(smsrep_verdict, calling_code), 32);
    assert_int_equal(offsetof(smsrep_verdict, reasons), 40);
    assert_int_equal(offsetof(smsrep_verdict, normalized), 48);
    assert_int_equal(offsetof(smsrep_verdict, region), 176);
    assert_int_equal(offsetof(smsrep_verdict, brand), 180);
    assert_int_equal(offsetof(smsrep_verdict, source), 244);
    assert_int_equal(SMSREP_VERDICT_SIZE_0_1, 292);
    assert_true(sizeof(smsrep_verdict) >= SMSREP_VERDICT_SIZE_0_1);
    /* appended in 0.2 */
    assert_int_equal(offsetof(smsrep_verdict, display), 292);
    assert_int_equal(offsetof(smsrep_verdict, message_class), 484);
    assert_int_equal(offsetof(smsrep_verdict, dlt_header), 492);
    assert_int_equal(offsetof(smsrep_verdict, dlt_operator), 500);
    assert_int_equal(offsetof(smsrep_verdict, dlt_circle), 532);
    assert_int_equal(offsetof(smsrep_verdict, text_brand), 564);
    assert_int_equal(offsetof(smsrep_verdict, url_host), 628);
    assert_int_equal(SMSREP_VERDICT_SIZE_0_2, 756);
    assert_int_equal(sizeof(smsrep_burst_config), 20);
    assert_int_equal(sizeof(smsrep_burst_state), 40);
    assert_int_equal(offsetof(smsrep_burst_state, since), 24);
    assert_true(sizeof(smsrep_verdict) >= SMSREP_VERDICT_SIZE_0_2);
    /* appended in 0.3 */
    assert_int_equal(offsetof(smsrep_verdict, text_phrase), 756);
    assert_int_equal(SMSREP_VERDICT_SIZE_0_3, 820);
    assert_true(sizeof(smsrep_verdict) >= SMSREP_VERDICT_SIZE_0_3);
}

static void other_layouts_are_pinned(void **state)
{
    (void)state;
    assert_int_equal(sizeof(smsrep_source_info), 804);
    assert_int_equal(offsetof(smsrep_source_info, url), 212);
    assert_int_equal(offsetof(smsrep_source_info, credit), 548);
    assert_int_equal(sizeof(smsrep_db_info), 80);
    assert_int_equal(sizeof(smsrep_count), 96);
    assert_int_equal(offsetof(smsrep_count, key), 48);
    assert_int_equal(offsetof(smsrep_query, sender), 8);
#if UINTPTR_MAX == UINT64_MAX
    assert_int_equal(offsetof(smsrep_query, region), 24);
    assert_int_equal(offsetof(smsrep_query, time), 48);
    assert_int_equal(sizeof(smsrep_query), 56);
#endif
}

/* A caller that knows only the 0.1 layout sets struct_size to it; the bytes
 * after it belong to the caller and must survive a check. The buffer is as
 * large as today's struct so that the compiler sees every access in bounds. */
#define ABI_BUF (sizeof(smsrep_verdict) + 64)
static void check_writes_only_struct_size(void **state)
{
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    unsigned char *buf = malloc(ABI_BUF);
    smsrep_verdict *v = (smsrep_verdict *)(void *)buf;
    size_t i;
    (void)state;

    assert_non_null(buf);
    memset(buf, 0xA5, ABI_BUF);
    v->struct_size = SMSREP_VERDICT_SIZE_0_1;
    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    q.sender = "+15622628360";
    q.sender_len = strlen(q.sender);
    memcpy(q.region, "JP", 3);
    assert_int_equal(smsrep_check(db, &q, v), SMSREP_OK);
    assert_int_equal(v->struct_size, SMSREP_VERDICT_SIZE_0_1);
    assert_string_equal(v->normalized, "+15622628360");
    for (i = SMSREP_VERDICT_SIZE_0_1; i < ABI_BUF; i++)
        assert_int_equal(buf[i], 0xA5);

    /* An error zeroes the verdict, still within struct_size. */
    memset(buf, 0xA5, ABI_BUF);
    v->struct_size = SMSREP_VERDICT_SIZE_0_1;
    q.sender_len = 0;
    assert_int_equal(smsrep_check(db, &q, v), SMSREP_E_EMPTY);
    assert_int_equal(v->kind, 0);
    assert_int_equal(v->normalized[0], 0);
    for (i = SMSREP_VERDICT_SIZE_0_1; i < ABI_BUF; i++)
        assert_int_equal(buf[i], 0xA5);
    smsrep_close(db);
    free(buf);
}

static void too_small_struct_size_is_refused(void **state)
{
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_source_info s = SMSREP_SOURCE_INFO_INIT;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    (void)state;
    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    q.sender = "22000";
    q.sender_len = 5;
    memcpy(q.region, "US", 3);
    v.struct_size = SMSREP_VERDICT_SIZE_0_1 - 1;
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_E_STRUCT_SIZE);
    v.struct_size = sizeof v;
    q.struct_size = 8;
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_E_STRUCT_SIZE);
    s.struct_size = 4;
    assert_int_equal(smsrep_source(db, "libphonenumber", &s), SMSREP_E_STRUCT_SIZE);
    info.struct_size = 0;
    assert_int_equal(smsrep_db_info_get(db, &info), SMSREP_E_STRUCT_SIZE);
    {
        smsrep_count c;
        size_t total;
        c.struct_size = SMSREP_COUNT_SIZE_0_1 - 1;
        assert_int_equal(smsrep_db_counts(db, 0, &c, 1, &total), SMSREP_E_STRUCT_SIZE);
    }
    smsrep_close(db);
}

/* A caller built against a newer header passes larger structs: the library
 * fills what it knows and leaves the rest of each struct alone, and steps
 * through an array of counts by the caller's element size. */
#define NEWER 24
static void larger_structs_from_newer_callers(void **state)
{
    smsrep_db *db = NULL;
    size_t stride = sizeof(smsrep_count) + NEWER, total = 0, i, j;
    unsigned char *counts = malloc(4 * stride);
    unsigned char source[sizeof(smsrep_source_info) + NEWER];
    smsrep_source_info *s = (smsrep_source_info *)(void *)source;
    (void)state;

    assert_non_null(counts);
    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    memset(counts, 0xA5, 4 * stride);
    for (i = 0; i < 4; i++)
        ((smsrep_count *)(void *)(counts + i * stride))->struct_size = (uint32_t)stride;
    assert_int_equal(smsrep_db_counts(db, SMSREP_COUNT_BY_TABLE, (smsrep_count *)(void *)counts,
                                      4, &total), SMSREP_OK);
    assert_true(total >= 4);
    for (i = 0; i < 4; i++) {
        const smsrep_count *c = (const smsrep_count *)(const void *)(counts + i * stride);
        assert_int_equal(c->struct_size, stride);
        assert_true(c->rows > 0);
        assert_true(c->table[0] != '\0');
        for (j = sizeof(smsrep_count); j < stride; j++)
            assert_int_equal(counts[i * stride + j], 0xA5);
    }
    /* the elements must agree on their size */
    ((smsrep_count *)(void *)(counts + 2 * stride))->struct_size = sizeof(smsrep_count);
    assert_int_equal(smsrep_db_counts(db, SMSREP_COUNT_BY_TABLE, (smsrep_count *)(void *)counts,
                                      4, &total), SMSREP_E_STRUCT_SIZE);

    memset(source, 0xA5, sizeof source);
    s->struct_size = sizeof source;
    assert_int_equal(smsrep_source(db, "libphonenumber", s), SMSREP_OK);
    assert_string_equal(s->id, "libphonenumber");
    for (j = sizeof(smsrep_source_info); j < sizeof source; j++)
        assert_int_equal(source[j], 0xA5);
    smsrep_close(db);
    free(counts);
}

/* The burst tracker's structs keep the same promise both ways. */
static void burst_structs_by_struct_size(void **state)
{
    smsrep_burst *b = NULL;
    unsigned char config[sizeof(smsrep_burst_config) + NEWER];
    unsigned char out[sizeof(smsrep_burst_state) + NEWER];
    smsrep_burst_config *c = (smsrep_burst_config *)(void *)config;
    smsrep_burst_state *st = (smsrep_burst_state *)(void *)out;
    size_t j;
    (void)state;

    memset(config, 0, sizeof config);
    memset(config + sizeof(smsrep_burst_config), 0x5A, NEWER); /* fields we do not know */
    c->struct_size = sizeof config;
    c->min_senders = 2;
    assert_int_equal(smsrep_burst_new(&b, c), SMSREP_OK);
    memset(out, 0xA5, sizeof out);
    st->struct_size = SMSREP_BURST_STATE_SIZE_0_2;
    assert_int_equal(smsrep_burst_observe(b, "r", 1, "a", 1, 100, SMSREP_BURST_CODE, st), SMSREP_OK);
    assert_int_equal(smsrep_burst_observe(b, "r", 1, "b", 1, 101, SMSREP_BURST_CODE, st), SMSREP_OK);
    assert_int_equal(st->in_burst, 1); /* min_senders 2 was read from the larger struct */
    assert_int_equal(st->struct_size, SMSREP_BURST_STATE_SIZE_0_2);
    for (j = SMSREP_BURST_STATE_SIZE_0_2; j < sizeof out; j++)
        assert_int_equal(out[j], 0xA5);
    st->struct_size = SMSREP_BURST_STATE_SIZE_0_2 - 1;
    assert_int_equal(smsrep_burst_observe(b, "r", 1, "c", 1, 102, 0, st), SMSREP_E_STRUCT_SIZE);
    smsrep_burst_free(b);
    c->struct_size = SMSREP_BURST_CONFIG_SIZE_0_2 - 1;
    assert_int_equal(smsrep_burst_new(&b, c), SMSREP_E_STRUCT_SIZE);
    assert_null(b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(verdict_layout_is_pinned),
    cmocka_unit_test(other_layouts_are_pinned),
    cmocka_unit_test(check_writes_only_struct_size),
    cmocka_unit_test(too_small_struct_size_is_refused),
    cmocka_unit_test(larger_structs_from_newer_callers),
    cmocka_unit_test(burst_structs_by_struct_size),
};

SMSREP_TEST_MAIN(tests)
