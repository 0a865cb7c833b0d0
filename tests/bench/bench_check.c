/* SPDX-License-Identifier: Apache-2.0
 * bench_check.c: prints what a check costs, and how checks scale when two
 * threads share one handle versus each having its own. Figures only, never
 * pass/fail: these machines are shared and noisy, so compare the ratios
 * printed by one run. Usage: bench_check [seconds per measurement] */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "phone.h"
#include "smsrep.h"

static const struct { const char *sender, *region; } mix[] = {
    { "+15622628360", "JP" }, { "05053704545", "JP" },   { "090-2730-3177", "JP" },
    { "+12025550123", "US" }, { "22000", "US" },         { "0005123456", "JP" },
    { "AMAZON", "JP" },       { "AMAZ0N", "JP" },        { "+447911123456", "GB" },
    { "０９０27303177", "JP" },
    { "Likely-SCAM", "SG" },  { "+8613800138000", "JP" },
};
#define MIX (sizeof mix / sizeof mix[0])

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static smsrep_query query(size_t i)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    q.sender = mix[i].sender;
    q.sender_len = strlen(mix[i].sender);
    memcpy(q.region, mix[i].region, 3);
    return q;
}

typedef struct job {
    smsrep_db *db;
    double seconds;
    long done;
    pthread_barrier_t *start;
} job;

static void *checks(void *arg)
{
    job *j = arg;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    double end;
    long n = 0;
    if (j->start)
        pthread_barrier_wait(j->start);
    end = now() + j->seconds;
    while (now() < end) {
        size_t i;
        for (i = 0; i < MIX; i++) {
            smsrep_query q = query(i);
            smsrep_check(j->db, &q, &v);
        }
        n += (long)MIX;
    }
    j->done = n;
    return NULL;
}

/* Runs `threads` threads for `seconds`; returns checks per second. */
static double run(smsrep_db **dbs, int threads, double seconds)
{
    pthread_t t[2];
    job jobs[2];
    pthread_barrier_t start;
    int i;
    long total = 0;
    pthread_barrier_init(&start, NULL, (unsigned)threads);
    for (i = 0; i < threads; i++) {
        jobs[i].db = dbs[i];
        jobs[i].seconds = seconds;
        jobs[i].start = &start;
        pthread_create(&t[i], NULL, checks, &jobs[i]);
    }
    for (i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        total += jobs[i].done;
    }
    pthread_barrier_destroy(&start);
    return (double)total / seconds;
}

/* The libphonenumber part alone: what the shim costs per number in the mix. */
static double phone_only(double seconds)
{
    static const char *const digits[] = { "15622628360", "05053704545", "09027303177", "12025550123" };
    static const int intl[] = { 1, 0, 0, 1 };
    phone_number p;
    double end = now() + seconds, start = now();
    long n = 0;
    while (now() < end) {
        size_t i;
        for (i = 0; i < 4; i++)
            smsrep__phone_parse(digits[i], intl[i], "JP", &p);
        n += 4;
    }
    return (double)n / (now() - start);
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 2.0;
    smsrep_db *shared[2], *own[2];
    double t0, one, two_shared, two_own, per_phone;
    int i;

    t0 = now();
    if (smsrep_open(&shared[0], NULL, NULL, NULL, 0) != SMSREP_OK)
        return 1;
    printf("first open (libphonenumber and ICU set-up included): %.2f ms\n", (now() - t0) * 1e3);
    t0 = now();
    for (i = 0; i < 20; i++) {
        smsrep_db *db;
        smsrep_open(&db, NULL, NULL, NULL, 0);
        smsrep_close(db);
    }
    printf("later opens of the embedded database: %.3f ms each\n", (now() - t0) * 1e3 / 20);
    shared[1] = shared[0];
    smsrep_open(&own[0], NULL, NULL, NULL, 0);
    smsrep_open(&own[1], NULL, NULL, NULL, 0);
    run(shared, 1, 0.2); /* warm caches */

    one = run(shared, 1, seconds);
    two_shared = run(shared, 2, seconds);
    two_own = run(own, 2, seconds);
    per_phone = phone_only(seconds);
    printf("mix of %zu senders, %.1f s per measurement\n", (size_t)MIX, seconds);
    printf("1 thread:                        %8.0f checks/s  (%.2f us per check)\n", one, 1e6 / one);
    printf("2 threads sharing one handle:    %8.0f checks/s  (%.2fx one thread)\n", two_shared,
           two_shared / one);
    printf("2 threads with a handle each:    %8.0f checks/s  (%.2fx one thread)\n", two_own,
           two_own / one);
    printf("shared / separate handles:       %.2f\n", two_shared / two_own);
    printf("libphonenumber parse alone:      %8.0f numbers/s (%.2f us each)\n", per_phone,
           1e6 / per_phone);
    smsrep_close(shared[0]);
    smsrep_close(own[0]);
    smsrep_close(own[1]);
    return 0;
}
