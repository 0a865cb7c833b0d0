/* SPDX-License-Identifier: Apache-2.0
 * bench.c: smsrep-bench prints what a check costs against its floor (bare
 * libphonenumber), against python3-phonenumbers, on one and two threads,
 * and on databases of a thousand and a million rows, over two streams of
 * senders (streams.c); and, through binding.py, the Python binding against
 * python3-phonenumbers in one process. Figures only, never pass/fail: the
 * machine is shared and noisy, so each figure is the best of several passes
 * taken in turn with the others, and only ratios from one run mean anything.
 * Usage: smsrep-bench [--quick] [--passes N] [--no-peers] [--no-scale] */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "floor.h"
#include "phone.h"
#include "smsrep.h"
#include "handle.h"
#include "streams.h"

static int passes = 5;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
            break;
    if (f != NULL)
        fclose(f);
    return kib;
}

/* ------------------------------------------------------------ one pass */

typedef struct job {
    const stream *s;
    smsrep_db *db;         /* NULL: the floor */
    size_t first, step;    /* the messages first, first + step, ... */
    pthread_barrier_t *start;
    double seconds;
} job;

static void *pass(void *arg)
{
    job *j = arg;
    size_t i;
    double t0;
    volatile int sink = 0;
    if (j->start != NULL)
        pthread_barrier_wait(j->start);
    t0 = now();
    for (i = j->first; i < j->s->n; i += j->step) {
        const message *m = &j->s->m[i];
        if (j->db == NULL) {
            sink += floor_check(m->sender, m->len, m->region);
        } else {
            smsrep_query q = SMSREP_QUERY_INIT;
            smsrep_verdict v = SMSREP_VERDICT_INIT;
            q.sender = m->sender;
            q.sender_len = m->len;
            memcpy(q.region, m->region, sizeof q.region);
            sink += smsrep_check(j->db, &q, &v);
        }
    }
    j->seconds = now() - t0;
    (void)sink;
    return NULL;
}

/* Opens a fresh handle (an empty cache: a pass never profits from the one
 * before), or none for the floor (path "floor"). */
static smsrep_db *fresh(const char *path, size_t cache)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    if (path != NULL && strcmp(path, "floor") == 0)
        return NULL;
    if (smsrep_open(&db, path, NULL, err, sizeof err) != SMSREP_OK) {
        fprintf(stderr, "smsrep-bench: cannot open %s: %s\n", path ? path : "(embedded)", err);
        exit(1);
    }
    smsrep__handle_set_cache(db, cache);
    return db;
}

/* ns per message over the whole stream, one pass on a fresh handle, with
 * 1 or 2 threads sharing it. */
static double measure(const stream *s, const char *path, size_t cache, int threads)
{
    pthread_t t[2];
    job jobs[2];
    pthread_barrier_t start;
    smsrep_db *db = fresh(path, cache);
    double t0, wall;
    int i;
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    for (i = 0; i < threads; i++) {
        jobs[i] = (job){ s, db, (size_t)i, (size_t)threads, &start, 0.0 };
        pthread_create(&t[i], NULL, pass, &jobs[i]);
    }
    pthread_barrier_wait(&start);
    t0 = now();
    for (i = 0; i < threads; i++)
        pthread_join(t[i], NULL);
    wall = now() - t0;
    pthread_barrier_destroy(&start);
    smsrep_close(db);
    return wall * 1e9 / (double)s->n;
}

/* ------------------------------------------------------------ peers */

typedef struct paths {
    const char *cli, *python, *peer, *sqlite3, *base_db, *dir;
} paths;

/* Writes the stream as "REGION<TAB>SENDER" lines, and one file of senders
 * per recipient country for the CLI. */
static void write_files(const stream *s, const char *dir)
{
    char path[512];
    FILE *all, *per[STREAM_REGIONS];
    size_t i;
    unsigned r;
    snprintf(path, sizeof path, "%s/%s.tsv", dir, s->name);
    all = fopen(path, "w");
    for (r = 0; r < STREAM_REGIONS; r++) {
        snprintf(path, sizeof path, "%s/%s.%s.txt", dir, s->name, stream_regions[r]);
        per[r] = fopen(path, "w");
        if (per[r] == NULL)
            exit(1);
    }
    if (all == NULL)
        exit(1);
    for (i = 0; i < s->n; i++) {
        const message *m = &s->m[i];
        fprintf(all, "%s\t%.*s\n", m->region, (int)m->len, m->sender);
        for (r = 0; r < STREAM_REGIONS; r++)
            if (strcmp(m->region, stream_regions[r]) == 0)
                fprintf(per[r], "%.*s\n", (int)m->len, m->sender);
    }
    fclose(all);
    for (r = 0; r < STREAM_REGIONS; r++)
        fclose(per[r]);
}

/* python3-phonenumbers over the stream, once: wall ns per message (process
 * start and import included) and, through *loop, its own loop's; -1 when
 * it cannot run. */
static double python_peer(const stream *s, const paths *p, double *loop)
{
    char cmd[1024];
    FILE *f;
    long n = 0, valid = 0, ns = 0;
    double t0 = now();
    snprintf(cmd, sizeof cmd, "%s %s %s/%s.tsv", p->python, p->peer, p->dir, s->name);
    f = popen(cmd, "r");
    if (f == NULL || fscanf(f, "%ld %ld %ld", &n, &valid, &ns) != 3 || (size_t)n != s->n) {
        if (f != NULL)
            pclose(f);
        return -1.0;
    }
    pclose(f);
    *loop = (double)ns;
    return (now() - t0) * 1e9 / (double)s->n;
}

/* smsrep check --batch over the stream, once, one process per recipient
 * country: wall ns per message, process starts included. */
static double cli_batch(const stream *s, const paths *p, const char *format)
{
    char cmd[1024];
    double t0 = now();
    unsigned r;
    for (r = 0; r < STREAM_REGIONS; r++) {
        snprintf(cmd, sizeof cmd, "%s check --batch %s --region %s <%s/%s.%s.txt >/dev/null",
                 p->cli, format, stream_regions[r], p->dir, s->name, stream_regions[r]);
        if (system(cmd) == -1)
            return -1.0;
    }
    return (now() - t0) * 1e9 / (double)s->n;
}

/* A generated database of `rows` rows, built once and kept in dir. */
static const char *scale_db(const paths *p, long rows, double *build_s)
{
    static char path[2][512];
    static int which;
    char cmd[2048];
    struct stat st;
    char *out = path[which++ % 2];
    snprintf(out, sizeof path[0], "%s/bench-%ld-rows.sqlite", p->dir, rows);
    *build_s = 0.0;
    if (stat(out, &st) == 0)
        return out;
    snprintf(cmd, sizeof cmd, "sh %s/gen_db.sh %s %s %ld %s", SMSREP_BENCH_DIR, p->sqlite3,
             p->base_db, rows, out);
    *build_s = now();
    if (system(cmd) != 0)
        return NULL;
    *build_s = now() - *build_s;
    return out;
}

/* ------------------------------------------------------------ report */

static void row(const char *what, double ns, double floor_ns)
{
    printf("  %-46s %9.0f ns %11.0f /s", what, ns, 1e9 / ns);
    if (floor_ns > 0)
        printf("  %6.3fx floor", ns / floor_ns);
    printf("\n");
}

static void target(const char *what, double got, const char *cmp, double want)
{
    int met = strcmp(cmp, "<=") == 0 ? got <= want : got >= want;
    printf("  %-58s %7.3f (target %s %.1f: %s)\n", what, got, cmp, want, met ? "met" : "MISSED");
}

typedef struct figures {
    double floor1, floor2, check1, check2, uncached, thousand, million, py, py_loop, cli_json,
        cli_text;
} figures;

static void best(double *keep, double got)
{
    if (got > 0 && got < *keep)
        *keep = got;
}

static void run_stream(const stream *s, const paths *p, const char *thousand, const char *million,
                       int peers, figures *f)
{
    int k;
    printf("\n%s stream: %zu messages, %zu different senders", s->name, s->n, s->distinct);
    if (s->top_share > 0)
        printf(", %.0f%% from the 24 busiest", 100.0 * (double)s->top_share / (double)s->n);
    printf("\n");
    f->floor1 = f->floor2 = f->check1 = f->check2 = f->uncached = f->thousand = f->million =
        f->py = f->py_loop = f->cli_json = f->cli_text = 1e30;
    if (peers)
        write_files(s, p->dir);
    /* Passes go round every measurement in turn, so that a burst of load
     * from elsewhere falls on one pass of each rather than on all passes
     * of one; each figure is the best of its passes. */
    for (k = 0; k < passes; k++) {
        best(&f->floor1, measure(s, "floor", 0, 1));
        best(&f->floor2, measure(s, "floor", 0, 2));
        best(&f->check1, measure(s, NULL, CACHE_DEFAULT_ENTRIES, 1));
        best(&f->check2, measure(s, NULL, CACHE_DEFAULT_ENTRIES, 2));
        best(&f->uncached, measure(s, NULL, 0, 1));
        if (thousand != NULL)
            best(&f->thousand, measure(s, thousand, CACHE_DEFAULT_ENTRIES, 1));
        if (million != NULL)
            best(&f->million, measure(s, million, CACHE_DEFAULT_ENTRIES, 1));
        if (peers) {
            double loop = 0.0, wall = python_peer(s, p, &loop);
            if (wall > 0 && wall < f->py) {
                f->py = wall;
                f->py_loop = loop;
            }
            best(&f->cli_json, cli_batch(s, p, "--json"));
            best(&f->cli_text, cli_batch(s, p, ""));
        }
    }
    row("floor: libphonenumber Parse+Format+GetNumberType", f->floor1, 0);
    row("floor, 2 threads", f->floor2, f->floor1);
    row("smsrep_check, embedded DB, 1 thread", f->check1, f->floor1);
    row("smsrep_check, embedded DB, 2 threads, 1 handle", f->check2, f->floor1);
    row("smsrep_check, embedded DB, cache off", f->uncached, f->floor1);
    if (thousand != NULL)
        row("smsrep_check, DB + 1,000 generated rows", f->thousand, f->floor1);
    if (million != NULL)
        row("smsrep_check, DB + 1,000,000 generated rows", f->million, f->floor1);
    if (peers && f->py < 1e30) {
        row("python3-phonenumbers (process, wall)", f->py, f->floor1);
        row("python3-phonenumbers (its own loop)", f->py_loop, f->floor1);
    } else if (peers) {
        printf("  python3-phonenumbers: not available (%s)\n", p->python);
        f->py = 0;
    }
    if (peers) {
        row("smsrep check --batch --json (processes, wall)", f->cli_json, f->floor1);
        row("smsrep check --batch, text (processes, wall)", f->cli_text, f->floor1);
    }
}

int main(int argc, char **argv)
{
    paths p = { SMSREP_BENCH_CLI, "/usr/bin/python3", SMSREP_BENCH_DIR "/peer.py",
                "sqlite3", SMSREP_BENCH_BASE_DB, "." };
    size_t unique_n = 40000, gateway_n = 100000, tail_n = 20000;
    int peers = 1, scale = 1, i;
    double t0, first_open, later_open, build1 = 0, build2 = 0, open_million = 0;
    double first_check, first_one = 0.0;
    uint64_t decided0, asked0, decided1, asked1;
    long rss0, rss1;
    smsrep_db *db;
    stream u, g;
    figures fu, fg;
    const char *thousand = NULL, *million = NULL;
    char host[256] = "";

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            unique_n = 4000, gateway_n = 10000, tail_n = 2000, passes = 1;
        } else if (strcmp(argv[i], "--passes") == 0 && i + 1 < argc) {
            passes = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--no-peers") == 0) {
            peers = 0;
        } else if (strcmp(argv[i], "--no-scale") == 0) {
            scale = 0;
        } else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            p.dir = argv[++i];
        } else {
            fprintf(stderr, "usage: smsrep-bench [--quick] [--passes N] [--no-peers] "
                            "[--no-scale] [--dir DIR]\n");
            return 2;
        }
    }
    if (passes < 1)
        passes = 1;
    gethostname(host, sizeof host - 1);

    stream_unique(&u, unique_n, 20261122);
    stream_gateway(&g, gateway_n, tail_n, 20261123);

    rss0 = rss_kib();
    t0 = now();
    if (smsrep_open(&db, NULL, NULL, NULL, 0) != SMSREP_OK)
        return 1;
    first_open = now() - t0;
    rss1 = rss_kib();
    /* The first check after the first open, one of each kind of the unique
     * stream's first senders (a number, a national number, a short code...) */
    first_check = 0.0;
    for (i = 0; i < 8 && (size_t)i < u.n; i++) {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict v = SMSREP_VERDICT_INIT;
        double c0;
        q.sender = u.m[i].sender;
        q.sender_len = u.m[i].len;
        memcpy(q.region, u.m[i].region, sizeof q.region);
        c0 = now();
        smsrep_check(db, &q, &v);
        c0 = now() - c0;
        if (c0 > first_check)
            first_check = c0;
        if (i == 0)
            first_one = c0;
    }
    t0 = now();
    for (i = 0; i < 20; i++) {
        smsrep_db *other;
        smsrep_open(&other, NULL, NULL, NULL, 0);
        smsrep_close(other);
    }
    later_open = (now() - t0) / 20;
    smsrep_close(db);
    floor_init();

    printf("smsrep-bench on %s, %ld cores online; best of %d passes, fresh handle each\n", host,
           sysconf(_SC_NPROCESSORS_ONLN), passes);
    printf("open, embedded DB: first %.2f ms (libphonenumber and ICU set-up included), "
           "later %.3f ms\n", first_open * 1e3, later_open * 1e3);
    printf("first check after the first open: %.3f ms; slowest of the first 8: %.3f ms\n",
           first_one * 1e3, first_check * 1e3);
    printf("resident memory: %ld KiB before the first open, %ld KiB after (+%ld KiB)\n", rss0,
           rss1, rss1 - rss0);
    printf("compiled numbering plan: %s\n", smsrep__phone_plan_active()
               ? "active (its metadata is the linked libphonenumber's)"
               : "NOT active: every number goes to libphonenumber");

    if (scale) {
        thousand = scale_db(&p, 1000, &build1);
        million = scale_db(&p, 1000000, &build2);
        if (thousand == NULL || million == NULL) {
            fprintf(stderr, "smsrep-bench: cannot generate the scale databases\n");
            return 1;
        }
        t0 = now();
        db = fresh(million, CACHE_DEFAULT_ENTRIES);
        open_million = now() - t0;
        smsrep_close(db);
        printf("generated DBs: %s%s, %s%s; opening the million-row file takes %.0f ms\n",
               thousand, build1 > 0 ? " (built now)" : "", million,
               build2 > 0 ? " (built now)" : "", open_million * 1e3);
    }

    /* The share of parses the plan leaves to libphonenumber, over one
     * uncached pass of the unique stream (one thread, so nothing lags). */
    smsrep__phone_plan_tally(&decided0, &asked0);
    measure(&u, NULL, 0, 1);
    smsrep__phone_plan_tally(&decided1, &asked1);
    printf("unique stream, one uncached pass: %llu parses by the plan, %llu by libphonenumber "
           "(%.1f%% fall back)\n", (unsigned long long)(decided1 - decided0),
           (unsigned long long)(asked1 - asked0),
           100.0 * (double)(asked1 - asked0) /
               (double)(decided1 - decided0 + asked1 - asked0 + (decided1 == decided0 && asked1 == asked0)));
    run_stream(&u, &p, thousand, million, peers, &fu);
    run_stream(&g, &p, thousand, million, peers, &fg);

    printf("\nratios (this run), against issue 14's targets\n");
    target("unique: check / floor, embedded DB", fu.check1 / fu.floor1, "<=", 0.2);
    if (scale) {
        target("unique: check / floor, million-row DB", fu.million / fu.floor1, "<=", 0.2);
        printf("  %-58s %7.3f\n", "unique: million-row / thousand-row check cost",
               fu.million / fu.thousand);
        printf("  %-58s %7.3f\n", "gateway: million-row / thousand-row check cost",
               fg.million / fg.thousand);
    }
    target("gateway: check / floor, embedded DB", fg.check1 / fg.floor1, "<=", 0.2);
    target("unique: 2 threads / 1 thread, one handle", fu.check1 / fu.check2, ">=", 1.8);
    target("gateway: 2 threads / 1 thread, one handle", fg.check1 / fg.check2, ">=", 1.8);
    target("first check after the first open, ms", first_one * 1e3, "<=", 1.0);
    printf("  %-58s %7.3f\n", "unique: floor 2 threads / 1 thread (libphonenumber alone)",
           fu.floor1 / fu.floor2);
    printf("  %-58s %7.3f\n", "gateway: floor 2 threads / 1 thread (libphonenumber alone)",
           fg.floor1 / fg.floor2);
    if (peers && fu.py > 0 && fg.py > 0) {
        target("gateway: python3-phonenumbers / CLI batch --json", fg.py / fg.cli_json, ">=", 10);
        target("unique: python3-phonenumbers / CLI batch --json", fu.py / fu.cli_json, ">=", 10);
        target("gateway: python3-phonenumbers / CLI batch, text", fg.py / fg.cli_text, ">=", 10);
        target("unique: python3-phonenumbers / CLI batch, text", fu.py / fu.cli_text, ">=", 10);
    }
#ifdef SMSREP_BENCH_PYTHONPATH
    /* The Python binding against python3-phonenumbers, in one process, on
     * the stream files written above (the directory goes to the shell
     * in single quotes, so one holding a quote is left out). */
    if (peers && strchr(p.dir, '\'') == NULL) {
        char cmd[2048];
        fflush(stdout);
        snprintf(cmd, sizeof cmd, "PYTHONPATH='%s' %s %s/binding.py '%s' %d",
                 SMSREP_BENCH_PYTHONPATH, p.python, SMSREP_BENCH_DIR, p.dir, passes);
        if (system(cmd) != 0)
            printf("  Python binding: %s failed\n", cmd);
    }
#endif
    stream_free(&u);
    stream_free(&g);
    return 0;
}
