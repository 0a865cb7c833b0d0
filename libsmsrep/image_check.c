/* SPDX-License-Identifier: Apache-2.0
 * image_check.c: refuses a database or overlay from outside whose schema is
 * not the library's own (a generated column or a CHECK of its own could make
 * SQLite compute anything while the file is checked or read), and bounds
 * the work and memory SQLite spends on such a file. */
#include "image_check.h"

#include <stdio.h>
#include <string.h>

/* Virtual machine steps between progress calls, and the budget: a fixed
 * part for the checks plus a part per byte of image (quick_check reads each
 * page once). The real database checks in well under a tenth of it. */
enum { STEPS_PER_CALL = 1000 };
#define STEP_BUDGET_FIXED 50000000ull
#define STEP_BUDGET_PER_BYTE 64ull

typedef struct budget {
    unsigned long long calls_left;
} budget;

/* One budget per thread: a connection is bounded only while the thread
 * that opens it checks it. */
static _Thread_local budget the_budget;

static int progress(void *arg)
{
    budget *b = arg;
    if (b->calls_left == 0)
        return 1; /* interrupts the statement: SQLITE_INTERRUPT */
    b->calls_left--;
    return 0;
}

void smsrep__image_bound(sqlite3 *db, size_t image_bytes)
{
    unsigned long long steps = STEP_BUDGET_FIXED + STEP_BUDGET_PER_BYTE * image_bytes;
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, SMSREP__VALUE_MAX);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 1000000);
    the_budget.calls_left = steps / STEPS_PER_CALL;
    sqlite3_progress_handler(db, STEPS_PER_CALL, progress, &the_budget);
}

void smsrep__image_unbound(sqlite3 *db)
{
    sqlite3_progress_handler(db, 0, NULL, NULL);
}

/* The one table the builder's ANALYZE adds, exactly as SQLite writes it. */
static int is_statistics(const char *type, const char *name, const char *sql)
{
    return strcmp(type, "table") == 0 && strcmp(name, "sqlite_stat1") == 0 && sql != NULL &&
           strcmp(sql, "CREATE TABLE sqlite_stat1(tbl,idx,stat)") == 0;
}

static const char *text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static int same(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int smsrep__image_schema_check(sqlite3 *db, const char *schema, const char *reference_sql,
                               char *errbuf, size_t cap)
{
    static const char list[] = "SELECT type, name, tbl_name, sql FROM %s.sqlite_schema "
                               "ORDER BY type, name";
    sqlite3 *ref = NULL;
    sqlite3_stmt *want = NULL, *got = NULL;
    char sql[128];
    int rc, rw, rg;

    rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(ref, reference_sql, NULL, NULL, NULL);
    snprintf(sql, sizeof sql, list, "main");
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(ref, sql, -1, &want, NULL);
    snprintf(sql, sizeof sql, list, schema);
    if (rc == SQLITE_OK && (rc = sqlite3_prepare_v2(db, sql, -1, &got, NULL)) != SQLITE_OK)
        snprintf(errbuf, cap, "cannot read its schema: %s", sqlite3_errmsg(db));
    else if (rc != SQLITE_OK)
        snprintf(errbuf, cap, "cannot build the reference schema: %s", sqlite3_errstr(rc));
    while (rc == SQLITE_OK) {
        rg = sqlite3_step(got);
        while (rg == SQLITE_ROW && is_statistics(text(got, 0), text(got, 1), text(got, 3)))
            rg = sqlite3_step(got);
        rw = sqlite3_step(want);
        if (rg == SQLITE_DONE && rw == SQLITE_DONE)
            break;
        if (rg != SQLITE_ROW && rg != SQLITE_DONE) {
            rc = rg;
            snprintf(errbuf, cap, "cannot read its schema: %s", sqlite3_errstr(rg));
        } else if (rw != SQLITE_ROW && rw != SQLITE_DONE) {
            rc = rw;
            snprintf(errbuf, cap, "cannot build the reference schema: %s", sqlite3_errstr(rw));
        } else if (rg != rw || !same(text(got, 0), text(want, 0)) ||
                   !same(text(got, 1), text(want, 1)) || !same(text(got, 2), text(want, 2)) ||
                   !same(text(got, 3), text(want, 3))) {
            /* Names from the file are not quoted here: they may be any bytes. */
            rc = SQLITE_CORRUPT;
            snprintf(errbuf, cap, "its schema is not the library's (%s %s differs)",
                     rw == SQLITE_ROW ? text(want, 0) : "an extra",
                     rw == SQLITE_ROW ? text(want, 1) : "object");
        }
    }
    sqlite3_finalize(got);
    sqlite3_finalize(want);
    sqlite3_close(ref);
    return rc;
}
