/* SPDX-License-Identifier: Apache-2.0
 * test_oom.c: walks an allocation failure through open, check and close.
 * malloc is interposed for the whole process, so the failure reaches SQLite,
 * ICU and libphonenumber's operator new as well as libsmsrep. At every
 * failure point each call must return its normal status or out_of_memory,
 * any verdict it returns must equal the normal verdict (a failed allocation
 * must never quietly change a judgement, nor may a verdict kept in or
 * missing from the cache), and every block allocated inside
 * the window must be freed by smsrep_close(). glibc only; not built with
 * sanitizers, which bring their own malloc.
 *
 * One exception: allocations made by ICU itself are never failed. When ICU
 * cannot allocate a RegexMatcher, libphonenumber (Debian 8.12.57, built with
 * assertions) asserts in scoped_ptr and aborts the process, which no caller
 * can catch; the README states this limit. libphonenumber's own operator new
 * does fail here, and must come back as out_of_memory. */
#define _GNU_SOURCE /* dladdr */
#include "testing.h"

#include <dlfcn.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "smsrep.h"

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);

/* ------------------------------------------------------------ the interposer */

#define SLOTS (1u << 20)
static void *live[SLOTS];      /* blocks allocated while armed (open addressing) */
static void *const GONE = (void *)1;
static int armed;
static long allocations;       /* counted while armed */
static long fail_at;           /* the allocation that fails, 0 for none */
static int failed;             /* the failure point was reached */

static size_t slot_of(const void *p)
{
    return (size_t)(((uintptr_t)p >> 4) * 2654435761u) & (SLOTS - 1);
}

static void remember(void *p)
{
    size_t i = slot_of(p);
    while (live[i] != NULL && live[i] != GONE)
        i = (i + 1) & (SLOTS - 1);
    live[i] = p;
}

static void forget(void *p)
{
    size_t i = slot_of(p);
    while (live[i] != NULL) {
        if (live[i] == p) {
            live[i] = GONE;
            return;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

/* Is the code at this address inside ICU? */
static int in_icu(const void *caller)
{
    static int busy;
    Dl_info info;
    int icu = 0;
    if (busy)
        return 1; /* dladdr is being asked already: do not fail under it */
    busy = 1;
    if (dladdr(caller, &info) != 0 && info.dli_fname != NULL)
        icu = strstr(info.dli_fname, "libicu") != NULL;
    busy = 0;
    return icu;
}

static int refuse_for(const void *caller)
{
    if (!armed || in_icu(caller))
        return 0;
    if (++allocations == fail_at) {
        failed = 1;
        errno = ENOMEM; /* as glibc's malloc does */
        return 1;
    }
    return 0;
}

void *malloc(size_t size)
{
    void *p = refuse_for(__builtin_return_address(0)) ? NULL : __libc_malloc(size);
    if (p != NULL && armed)
        remember(p);
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = refuse_for(__builtin_return_address(0)) ? NULL : __libc_calloc(n, size);
    if (p != NULL && armed)
        remember(p);
    return p;
}

void *realloc(void *old, size_t size)
{
    void *p;
    if (refuse_for(__builtin_return_address(0)))
        return NULL;
    p = __libc_realloc(old, size);
    if (p != NULL && old != NULL)
        forget(old);
    if (p != NULL && armed)
        remember(p);
    return p;
}

void free(void *p)
{
    if (p != NULL)
        forget(p);
    __libc_free(p);
}

static long still_live(void)
{
    long n = 0;
    size_t i;
    for (i = 0; i < SLOTS; i++)
        n += live[i] != NULL && live[i] != GONE;
    return n;
}

static void reset_live(void)
{
    memset(live, 0, sizeof live);
}

/* ------------------------------------------------------------ the walk */

static const struct { const char *sender, *region; } checks[] = {
    { "05053704545", "JP" }, { "+15622628360", "JP" }, { "+12025550123", "US" },
    { "AMAZ0N", "JP" },      { "0005123456", "JP" },   { "０９０27303177", "JP" },
    { "+999123456", "JP" },  { "Likely-SCAM", "SG" },
};
#define NCHECKS (sizeof checks / sizeof checks[0])

/* Each sender is checked twice, so that the second check comes from the
 * verdict cache (or, if keeping it failed, is judged again). */
#define PASSES 2

typedef struct outcome {
    int open_status;
    char open_error[SMSREP_ERRBUF_SIZE];
    int status[PASSES * NCHECKS];
    smsrep_verdict verdict[PASSES * NCHECKS];
} outcome;

static void run(const char *path, const char *overlay, outcome *o)
{
    smsrep_db *db = NULL;
    size_t i;
    memset(o, 0, sizeof *o);
    o->open_status = smsrep_open(&db, path, overlay, o->open_error, sizeof o->open_error);
    if (o->open_status != SMSREP_OK)
        return;
    for (i = 0; i < PASSES * NCHECKS; i++) {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict init = SMSREP_VERDICT_INIT;
        o->verdict[i] = init;
        q.sender = checks[i % NCHECKS].sender;
        q.sender_len = strlen(checks[i % NCHECKS].sender);
        memcpy(q.region, checks[i % NCHECKS].region, 3);
        q.time = INT64_C(1795305600); /* 2026-11-22: report weights do not move */
        o->status[i] = smsrep_check(db, &q, &o->verdict[i]);
    }
    smsrep_close(db);
}

static void walk(const char *path, const char *overlay)
{
    outcome normal, got;
    long n, points = 0, leaks = 0, nomem = 0;
    size_t i;

    run(path, overlay, &normal); /* warms every lazy cache of the libraries below */
    run(path, overlay, &normal);
    assert_int_equal(normal.open_status, SMSREP_OK);
    for (n = 1;; n++) {
        reset_live();
        allocations = 0;
        fail_at = n;
        failed = 0;
        armed = 1;
        run(path, overlay, &got);
        armed = 0;
        if (!failed)
            break; /* the walk passed the last allocation */
        points++;
        if (got.open_status != SMSREP_OK) {
            if (got.open_status != SMSREP_E_NOMEM)
                fail_msg("allocation %ld: open gave %s: %s", n, smsrep_status_name(got.open_status),
                         got.open_error);
            nomem++;
        }
        for (i = 0; got.open_status == SMSREP_OK && i < PASSES * NCHECKS; i++) {
            if (got.status[i] == SMSREP_E_NOMEM) {
                nomem++;
                continue;
            }
            if (got.status[i] != normal.status[i] ||
                memcmp(&got.verdict[i], &normal.verdict[i], sizeof got.verdict[i]) != 0)
                fail_msg("allocation %ld: check of %s changed (status %s)", n,
                         checks[i % NCHECKS].sender,
                         smsrep_status_name(got.status[i]));
        }
        leaks += still_live() > 0;
    }
    printf("%ld failure points walked, %ld calls reported out_of_memory, %ld points leaked\n",
           points, nomem, leaks);
    assert_true(points > 100);
    assert_true(nomem > 0);
    assert_int_equal(leaks, 0);
}

static void embedded_database(void **state)
{
    (void)state;
    walk(NULL, NULL);
}

static void database_file(void **state)
{
    (void)state;
    walk(SMSREP_FIXTURE_DB, NULL);
}

/* An overlay from db/overlay.sql with a rule and reports the checks meet. */
static void with_an_overlay(void **state)
{
    char path[] = "/tmp/smsrep-oom-overlay-XXXXXX";
    char sql[8192];
    FILE *f = fopen(SMSREP_SOURCE_DIR "/db/overlay.sql", "rb");
    size_t n;
    sqlite3 *db = NULL;
    int fd = mkstemp(path);
    (void)state;

    assert_non_null(f);
    n = fread(sql, 1, sizeof sql - 1, f);
    sql[n] = '\0';
    fclose(f);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO source VALUES ('operator', 'own list', '', '', "
                                  "'2026-11-22', '');"
                                  "INSERT INTO rule VALUES ('sender_id', 'JP', 'AMAZ0N', 0, 0, "
                                  "'deny', '', '2026-11-22', 'operator');"
                                  "INSERT INTO report VALUES ('15622628360', 'operator', 4, 0, "
                                  "'2026-11-01', '2026-11-20');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    walk(NULL, path);
    unlink(path);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(embedded_database),
    cmocka_unit_test(database_file),
    cmocka_unit_test(with_an_overlay),
};

SMSREP_TEST_MAIN(tests)
