/* SPDX-License-Identifier: Apache-2.0
 * image_check.c: refuses a database or overlay from outside whose schema is
 * not the library's own (a generated column or a CHECK of its own could make
 * SQLite compute anything while the file is checked or read), and bounds
 * the work and memory SQLite spends on such a file. */
#include "image_check.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
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

/* sqlite_schema as one string: per object its type, name, table and SQL
 * (\x01 for none), each ended by \x1f, each object by \x1e. */
typedef struct listing {
    char *text;
    size_t len, cap;
} listing;

static int append(listing *l, const char *s)
{
    size_t n = strlen(s) + 1;
    if (l->len + n + 1 > l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1024;
        char *t;
        while (cap < l->len + n + 1)
            cap *= 2;
        if ((t = realloc(l->text, cap)) == NULL)
            return SQLITE_NOMEM;
        l->text = t;
        l->cap = cap;
    }
    memcpy(l->text + l->len, s, n - 1);
    l->text[l->len + n - 1] = '\x1f';
    l->len += n;
    l->text[l->len] = '\0';
    return SQLITE_OK;
}

static int list_schema(sqlite3 *db, const char *schema, listing *out)
{
    char sql[128];
    sqlite3_stmt *st = NULL;
    int rc, c;
    snprintf(sql, sizeof sql,
             "SELECT type, name, tbl_name, sql FROM \"%s\".sqlite_schema ORDER BY type, name",
             schema);
    memset(out, 0, sizeof *out);
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *col[4];
        for (c = 0; c < 4; c++)
            col[c] = (const char *)sqlite3_column_text(st, c);
        rc = SQLITE_OK;
        if (col[0] != NULL && col[1] != NULL && is_statistics(col[0], col[1], col[3]))
            continue;
        for (c = 0; c < 4 && rc == SQLITE_OK; c++)
            rc = append(out, col[c] != NULL ? col[c] : "\x01");
        if (rc == SQLITE_OK)
            rc = append(out, "\x1e");
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE && out->text == NULL)
        rc = append(out, "");
    if (rc != SQLITE_DONE && rc != SQLITE_OK) {
        free(out->text);
        memset(out, 0, sizeof *out);
        return rc;
    }
    return SQLITE_OK;
}

/* What each reference schema creates, listed once per process: building
 * it took most of an open of a small file. */
static pthread_mutex_t references_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    const char *sql;
    listing rows;
} references[2];

static int reference_of(const char *reference_sql, const listing **out)
{
    sqlite3 *ref = NULL;
    int rc = SQLITE_OK;
    size_t i;

    pthread_mutex_lock(&references_lock);
    for (i = 0; i < 2 && references[i].sql != NULL && references[i].sql != reference_sql; i++)
        ;
    if (i == 2) {
        rc = SQLITE_INTERNAL; /* only the two schemas of image_check.h */
    } else if (references[i].sql == NULL) {
        rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(ref, reference_sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = list_schema(ref, "main", &references[i].rows);
        if (rc == SQLITE_OK)
            references[i].sql = reference_sql;
        sqlite3_close(ref);
    }
    *out = rc == SQLITE_OK ? &references[i].rows : NULL;
    pthread_mutex_unlock(&references_lock);
    return rc;
}

int smsrep__image_schema_check(sqlite3 *db, const char *schema, const char *reference_sql,
                               char *errbuf, size_t cap)
{
    const listing *want;
    listing got;
    int rc = reference_of(reference_sql, &want);

    if (rc != SQLITE_OK) {
        snprintf(errbuf, cap, "cannot build the reference schema: %s", sqlite3_errstr(rc));
        return rc;
    }
    rc = list_schema(db, schema, &got);
    if (rc != SQLITE_OK) {
        snprintf(errbuf, cap, "cannot read its schema: %s", sqlite3_errstr(rc));
        return rc;
    }
    /* Names from the file are not quoted: they may be any bytes. */
    if (got.len != want->len || memcmp(got.text, want->text, got.len) != 0) {
        snprintf(errbuf, cap, "its schema is not the library's (tables, indexes or their SQL)");
        rc = SQLITE_CORRUPT;
    }
    free(got.text);
    return rc;
}
