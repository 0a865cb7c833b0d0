/* SPDX-License-Identifier: Apache-2.0
 * redis_feed.c: one gateway process's burst tracker for the redis tests:
 * reads "recipient sender time flags" lines and prints, for each, the
 * state "in_burst started senders degraded", through the in-process store
 * ("local") or the Redis store on a Unix socket; the store's log lines go
 * to stderr. With --bench it times N events instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "smsrep.h"
#include "smsrep_redis.h"

static void log_line(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "smsrep-redis: %s\n", message);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Events to `recipients` recipients from 8 senders each, a second apart. */
static int bench(smsrep_burst *b, long n, long recipients)
{
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    char r[32], s[32];
    long i, degraded = 0;
    double t0 = seconds(), dt;
    for (i = 0; i < n; i++) {
        int rl = snprintf(r, sizeof r, "+8190%08ld", i % recipients);
        int sl = snprintf(s, sizeof s, "+1202555%04ld", (i / recipients) % 8);
        if (smsrep_burst_observe(b, r, (size_t)rl, s, (size_t)sl, 1000000 + i / recipients,
                                 SMSREP_BURST_CODE, &st) != SMSREP_OK)
            return 1;
        degraded += st.degraded;
    }
    dt = seconds() - t0;
    printf("%ld events in %.3f s: %.0f events/s (%ld degraded)\n", n, dt, (double)n / dt, degraded);
    return degraded != 0;
}

int main(int argc, char **argv)
{
    smsrep_burst *b = NULL;
    smsrep_redis *redis = NULL;
    smsrep_redis_config rc = SMSREP_REDIS_CONFIG_INIT;
    smsrep_burst_store store = SMSREP_BURST_STORE_INIT;
    smsrep_burst_state st;
    char line[512], recipient[128], sender[128];
    long long t;
    unsigned flags;
    int is_bench = argc > 1 && strcmp(argv[1], "--bench") == 0, status = 0;
    const char *where;

    if (argc < 2 + is_bench) {
        fprintf(stderr, "usage: redis_feed [--bench] local|SOCKET [retry_ms] [N recipients]\n");
        return 2;
    }
    where = argv[1 + is_bench];
    if (smsrep_burst_new(&b, NULL) != SMSREP_OK)
        return 1;
    if (strcmp(where, "local") != 0) {
        rc.unix_path = where;
        rc.secret = "a fleet secret of thirty-two b..";
        rc.secret_len = 32;
        rc.prefix = getenv("SMSREP_TEST_PREFIX");
        rc.retry_ms = argc > 2 + is_bench ? (uint32_t)atoi(argv[2 + is_bench]) : 0;
        rc.timeout_ms = 1000; /* loose: a loaded CI machine must not look like an outage */
        rc.log = log_line;
        if (smsrep_redis_new(&redis, &rc) != SMSREP_OK || smsrep_redis_store(redis, &store) != 0 ||
            smsrep_burst_set_store(b, &store) != SMSREP_OK)
            return 1;
    }
    if (is_bench) {
        long n = argc > 4 ? atol(argv[4]) : 100000, recipients = argc > 5 ? atol(argv[5]) : 1000;
        status = bench(b, n, recipients > 0 ? recipients : 1);
    } else {
        while (fgets(line, sizeof line, stdin) != NULL) {
            if (sscanf(line, "%127s %127s %lld %u", recipient, sender, &t, &flags) != 4)
                continue;
            st = (smsrep_burst_state)SMSREP_BURST_STATE_INIT;
            if (smsrep_burst_observe(b, recipient, strlen(recipient), sender, strlen(sender),
                                     (int64_t)t, flags, &st) != SMSREP_OK) {
                status = 1;
                break;
            }
            printf("%u %u %u %u\n", st.in_burst, st.started, st.senders, st.degraded);
            fflush(stdout);
        }
    }
    smsrep_burst_free(b);
    smsrep_redis_free(redis);
    return status;
}
