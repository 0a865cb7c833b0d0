/* SPDX-License-Identifier: Apache-2.0
 * test_threads.c: one handle shared by many threads. Every thread's verdicts
 * must equal the single-threaded ones (computed with no cache), whether the
 * connections' verdict caches hit, evict or are off; built with SMSREP_TSAN,
 * ThreadSanitizer also proves the sharing free of data races. */
#include "testing.h"

#include <pthread.h>

#include "smsrep.h"
#include "handle.h"

#define THREADS 8
#define ROUNDS 60

static const char *const senders[] = {
    "+15622628360", "05053704545", "+12025550123", "AMAZON", "AMAZ0N", "22000",
    "0005123456",   "110",         "090-2730-3177", "+447700900123", "0120899543",
    "+999123456",   "06012345678", "０９０27303177",
    "Likely-SCAM",  "tel:+1-562-262-8360",
};
#define N (sizeof senders / sizeof senders[0])

typedef struct shared {
    smsrep_db *db;
    smsrep_verdict expected[N];
    int status[N];
    pthread_barrier_t start;
} shared;

static int run(smsrep_db *db, size_t i, smsrep_verdict *v)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict init = SMSREP_VERDICT_INIT;
    *v = init;
    q.sender = senders[i];
    q.sender_len = strlen(senders[i]);
    memcpy(q.region, "JP", 3);
    return smsrep_check(db, &q, v);
}

static void *checker(void *arg)
{
    shared *s = arg;
    size_t r, i;
    long mismatches = 0;
    pthread_barrier_wait(&s->start); /* all threads start checking together */
    for (r = 0; r < ROUNDS; r++) {
        for (i = 0; i < N; i++) {
            smsrep_verdict v;
            size_t k = (i + r) % N; /* threads walk the list at different offsets */
            int st = run(s->db, k, &v);
            if (st != s->status[k] || memcmp(&v, &s->expected[k], sizeof v) != 0)
                mismatches++;
        }
    }
    return (void *)mismatches;
}

/* Threads check on one handle whose connections keep `cache` verdicts
 * each (0: none); every answer must equal the single-threaded one. */
static void shared_handle(size_t cache)
{
    static shared s;
    pthread_t t[THREADS];
    size_t i;
    long total = 0;

    assert_int_equal(smsrep_open(&s.db, NULL, NULL, NULL, 0), SMSREP_OK);
    smsrep__handle_set_cache(s.db, 0);
    for (i = 0; i < N; i++)
        s.status[i] = run(s.db, i, &s.expected[i]);
    smsrep__handle_set_cache(s.db, cache);
    assert_int_equal(pthread_barrier_init(&s.start, NULL, THREADS), 0);
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, checker, &s), 0);
    for (i = 0; i < THREADS; i++) {
        void *mismatches;
        assert_int_equal(pthread_join(t[i], &mismatches), 0);
        total += (long)mismatches;
    }
    pthread_barrier_destroy(&s.start);
    smsrep_close(s.db);
    assert_int_equal(total, 0);
}

static void shared_handle_gives_the_same_verdicts(void **state)
{
    (void)state;
    shared_handle(1024);
}

/* A cache of 8 for 16 senders: every connection evicts as it goes. */
static void shared_handle_with_evicting_caches(void **state)
{
    (void)state;
    shared_handle(8);
}

static void shared_handle_without_a_cache(void **state)
{
    (void)state;
    shared_handle(0);
}

/* Handles opened and closed in parallel do not disturb one another. */
static void *open_check_close(void *arg)
{
    smsrep_db *db = NULL;
    smsrep_verdict v;
    long bad = 0;
    int i;
    (void)arg;
    for (i = 0; i < 5; i++) {
        if (smsrep_open(&db, NULL, NULL, NULL, 0) != SMSREP_OK)
            return (void *)1L;
        bad += run(db, (size_t)i % N, &v) != SMSREP_OK;
        smsrep_close(db);
    }
    return (void *)bad;
}

static void handles_open_and_close_in_parallel(void **state)
{
    pthread_t t[THREADS];
    size_t i;
    long total = 0;
    (void)state;
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, open_check_close, NULL), 0);
    for (i = 0; i < THREADS; i++) {
        void *bad;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        total += (long)bad;
    }
    assert_int_equal(total, 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(shared_handle_gives_the_same_verdicts),
    cmocka_unit_test(shared_handle_with_evicting_caches),
    cmocka_unit_test(shared_handle_without_a_cache),
    cmocka_unit_test(handles_open_and_close_in_parallel),
};

SMSREP_TEST_MAIN(tests)
