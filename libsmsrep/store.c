/* SPDX-License-Identifier: Apache-2.0
 * store.c: the reputation database behind a handle. It holds the handle's
 * images (image.c), learns at open what lookups need to know of them (the
 * prefix lengths that exist, a Bloom filter of the range prefixes, the
 * versions, that the sources the library cites exist), and opens SQLite
 * connections over them.
 *
 * Every connection attaches the same images read-only (the overlay as
 * schema "overlay"), so images are shared, never copied per connection,
 * and never written. A database from outside is untrusted: it is checked
 * at open, triggers and views are off, and only lookup.c's and
 * catalogue.c's fixed statements ever run. */
#include "store_int.h"

#include "image_check.h"

#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ connections */

void smsrep__conn_close(store_conn *c)
{
    int i;
    if (c == NULL)
        return;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(c->st[i]);
    sqlite3_close(c->db);
    free(c);
}

/* Opens a connection over the store's images; the first one also checks
 * them. */
static int conn_open(store *s, int first, store_conn **out, char *errbuf, size_t cap)
{
    store_conn *c = calloc(1, sizeof *c);
    int rc, status, i;

    *out = NULL;
    if (c == NULL)
        return SMSREP_E_NOMEM;
    c->owner = s;
    rc = sqlite3_open_v2(":memory:", &c->db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        smsrep__say(errbuf, cap, "cannot start SQLite: %s", sqlite3_errstr(rc));
        smsrep__conn_close(c);
        return smsrep__open_status(rc);
    }
    /* Untrusted images may carry triggers or views; nothing here needs them. */
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);

    smsrep__image_bound(c->db, first ? s->main.size + s->overlay.size : 0);
    status = smsrep__image_attach(c->db, &s->main, &smsrep__main_kind, errbuf, cap);
    if (status == SMSREP_OK && first)
        status = smsrep__image_check(c->db, &smsrep__main_kind, s->embedded, errbuf, cap);
    if (status == SMSREP_OK && s->overlay.size > 0)
        status = smsrep__image_attach(c->db, &s->overlay, &smsrep__overlay_kind, errbuf, cap);
    if (status == SMSREP_OK && s->overlay.size > 0 && first)
        status = smsrep__image_check(c->db, &smsrep__overlay_kind, 0, errbuf, cap);
    smsrep__image_unbound(c->db);
    for (i = 0; status == SMSREP_OK && i < ST_COUNT; i++) {
        if (i >= ST_FIRST_OVERLAY && s->overlay.size == 0)
            break;
        rc = sqlite3_prepare_v3(c->db, smsrep__stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                &c->st[i], NULL);
        if (rc != SQLITE_OK) {
            smsrep__say(errbuf, cap, "the %s's tables do not match its schema version: %s",
                        i >= ST_FIRST_OVERLAY ? "overlay" : "database", sqlite3_errmsg(c->db));
            status = (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
        }
    }
    /* One read transaction for the connection's life: the images never
     * change, and an autocommit statement would take SQLite's process-wide
     * mutex at its end (sqlite3ConnectionUnlocked), which threads contend. */
    if (status == SMSREP_OK && (rc = sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
        smsrep__say(errbuf, cap, "cannot begin reading: %s", sqlite3_errstr(rc));
        status = smsrep__open_status(rc);
    }
    if (status != SMSREP_OK) {
        smsrep__conn_close(c);
        return status;
    }
    *out = c;
    return SMSREP_OK;
}

int smsrep__conn_open(store *s, store_conn **out)
{
    return conn_open(s, 0, out, NULL, 0);
}

void smsrep__conn_reset(store_conn *c)
{
    int i;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_reset(c->st[i]);
}

/* ------------------------------------------------------------ what open learns */

/* Runs sql and hands each row to take(); what names the rows in errbuf. */
static int read_rows(store_conn *c, const char *sql, int (*take)(void *ctx, sqlite3_stmt *st),
                     void *ctx, const char *what, char *errbuf, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int rc, status = SMSREP_OK;

    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && status == SMSREP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        status = take(ctx, st);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (status != SMSREP_OK)
        return status;
    if (rc != SQLITE_DONE) {
        smsrep__say(errbuf, cap, "cannot read the %s: %s", what, sqlite3_errstr(rc));
        return smsrep__open_status(rc);
    }
    return SMSREP_OK;
}

/* Which prefix lengths exist, so that a longest-prefix search asks only
 * those, and the versions. */
static int take_fact(void *ctx, sqlite3_stmt *st)
{
    store *s = ctx;
    int which = sqlite3_column_int(st, 0);
    int len = sqlite3_column_int(st, 1);
    if (which == 2 || which == 4) {
        smsrep__column_text(st, 1, which == 2 ? s->data_version : s->overlay_version,
                            sizeof s->data_version);
    } else if (len >= 1 && len <= 31) {
        uint32_t *mask = which == 1 ? &s->short_lengths : &s->overlay_lengths;
        *mask |= UINT32_C(1) << len;
    }
    return SMSREP_OK;
}

static int read_facts(store *s, store_conn *c, char *errbuf, size_t cap)
{
    static const char main_sql[] =
        "SELECT 1, length(prefix) FROM short_code UNION"
        " SELECT 2, (SELECT value FROM meta WHERE key = 'data_version')";
    static const char overlay_sql[] =
        " UNION SELECT 3, length(prefix) FROM overlay.rule WHERE kind = 'number' UNION"
        " SELECT 4, (SELECT value FROM overlay.meta WHERE key = 'overlay_version')";
    char sql[sizeof main_sql + sizeof overlay_sql];

    snprintf(sql, sizeof sql, "%s%s", main_sql, s->overlay.size > 0 ? overlay_sql : "");
    return read_rows(c, sql, take_fact, s, "database", errbuf, cap);
}

/* Every number_range prefix goes into the filter and the length mask: a
 * number then costs SQLite lookups only for prefixes that may exist, however
 * many rows the database holds. The filter is sized by a count first. */
static int take_range(void *ctx, sqlite3_stmt *st)
{
    store *s = ctx;
    const char *p = (const char *)sqlite3_column_text(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    if (p != NULL) {
        smsrep__bloom_add(&s->ranges, p, len);
        if (len >= 1 && len <= 31)
            s->range_lengths |= UINT32_C(1) << len;
    }
    return SMSREP_OK;
}

static int read_ranges(store *s, store_conn *c, char *errbuf, size_t cap)
{
    int64_t n = 0;
    int rc = smsrep__sql_int(c->db, "SELECT count(*) FROM number_range", &n), status;

    if (rc != SQLITE_OK) {
        smsrep__say(errbuf, cap, "cannot read the database: %s", sqlite3_errstr(rc));
        return smsrep__open_status(rc);
    }
    status = smsrep__bloom_init(&s->ranges, (size_t)n);
    if (status != SMSREP_OK)
        return status;
    return read_rows(c, "SELECT prefix FROM number_range", take_range, s, "database", errbuf,
                     cap);
}

/* A verdict may cite these sources by id, so the database must have them. */
static int check_cited_sources(store *s, store_conn *c, char *errbuf, size_t cap)
{
    (void)s;
    static const char *const cited[] = { SOURCE_LIBPHONENUMBER };
    size_t i;
    for (i = 0; i < sizeof cited / sizeof cited[0]; i++) {
        sqlite3_stmt *st = c->st[ST_SOURCE];
        int rc;
        sqlite3_bind_text(st, 1, cited[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_ROW)
            continue;
        if (rc != SQLITE_DONE) {
            smsrep__say(errbuf, cap, "cannot read the database's sources: %s", sqlite3_errstr(rc));
            return smsrep__open_status(rc);
        }
        smsrep__say(errbuf, cap, "the database lacks the source \"%s\", which the library cites",
                    cited[i]);
        return SMSREP_E_DB_FORMAT;
    }
    return SMSREP_OK;
}

/* ------------------------------------------------------------ the rows for the matchers */

/* Longest text a matcher is given; names and domains are far shorter, so a
 * cut one is longer than any name a sender could imitate anyway. */
#define FIELD_CAP 512
#define MAX_FIELDS 5

typedef struct fields_ctx {
    fields_taker take;
    void *ctx;
    int kind_column;            /* the row starts with its kind */
    int n;                      /* text fields after it */
} fields_ctx;

static int take_fields(void *ctx, sqlite3_stmt *st)
{
    const fields_ctx *fc = ctx;
    char buf[MAX_FIELDS][FIELD_CAP];
    const char *fields[MAX_FIELDS];
    int i;
    for (i = 0; i < fc->n; i++) {
        smsrep__column_text(st, i + fc->kind_column, buf[i], sizeof buf[i]);
        fields[i] = buf[i];
    }
    return fc->take(fc->ctx, fc->kind_column ? sqlite3_column_int(st, 0) : 0, fields);
}

/* Each kind of row: its query (the kind first, when kind_column), what
 * it is called in an error, and its text fields. */
static const struct {
    const char *sql, *what;
    int kind_column, n;
} row_kinds[ROWS_KINDS] = {
    [ROWS_NAMES] = {
        "SELECT 0, '*', n.canonical, n.skeleton, b.name, b.source FROM brand_name n"
        " JOIN brand b ON b.id = n.brand"
        " UNION ALL"
        " SELECT 1, s.region, s.canonical, s.skeleton, b.name, s.source FROM sender_id s"
        " JOIN brand b ON b.id = s.brand WHERE s.signal = 'registered'"
        " UNION ALL"
        " SELECT 2, s.region, s.canonical, s.skeleton, '', s.source FROM sender_id s"
        " WHERE s.signal = 'generic'"
        " UNION ALL"
        " SELECT CASE w.role WHEN 'ordinary' THEN 4 ELSE 3 END, '*', w.canonical, w.skeleton, '',"
        " w.source FROM lookalike_word w",
        "brand names", 1, NAME_FIELDS },
    [ROWS_BRANDS] = { "SELECT name, aliases, domains, source FROM brand", "brands", 0,
                      BRAND_FIELDS },
    [ROWS_DECLARATIONS] = { "SELECT b.name, d.region, d.scope, d.source FROM declaration d"
                            " JOIN brand b ON b.id = d.brand",
                            "declarations", 0, DECL_FIELDS },
    /* the kinds in the order of enum phrase_kind (text.h); another kind
     * (a database from outside) is skipped */
    [ROWS_PHRASES] = {
        "SELECT CASE kind WHEN 'lure' THEN 0 WHEN 'code_word' THEN 1"
        " WHEN 'service_notice' THEN 2 WHEN 'shortener' THEN 3 ELSE 4 END, category, lang,"
        " phrase, source FROM phrase"
        " WHERE kind IN ('lure', 'code_word', 'service_notice', 'shortener', 'messaging_app')",
        "phrases", 1, PHRASE_FIELDS },
};

int smsrep__store_each(store_conn *c, int rows, fields_taker take, void *ctx, char *errbuf,
                       size_t cap)
{
    fields_ctx fc = { take, ctx, row_kinds[rows].kind_column, row_kinds[rows].n };
    return read_rows(c, row_kinds[rows].sql, take_fields, &fc, row_kinds[rows].what, errbuf, cap);
}

/* ------------------------------------------------------------ open, close */

int smsrep__store_open(store **out, store_conn **first, const char *path, const void *data,
                       size_t size, const char *overlay_path, char *errbuf, size_t errbuf_size)
{
    /* What open learns of the images, in order, on the first connection. */
    static int (*const learn[])(store *, store_conn *, char *, size_t) = {
        check_cited_sources, read_facts, read_ranges,
    };
    store *s;
    store_conn *c = NULL;
    size_t i;
    int status = SMSREP_OK;

    *out = NULL;
    *first = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return SMSREP_E_NOMEM;
    if (path != NULL) {
        status = smsrep__image_read(path, &s->main, errbuf, errbuf_size);
    } else if (data != NULL) {
        status = smsrep__image_copy(data, size, &s->main, errbuf, errbuf_size);
    } else {
        s->main.data = smsrep__embedded_db;
        s->main.size = smsrep__embedded_db_size;
        s->embedded = 1;
    }
    if (status == SMSREP_OK && overlay_path != NULL)
        status = smsrep__image_read(overlay_path, &s->overlay, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = conn_open(s, 1, &c, errbuf, errbuf_size);
    for (i = 0; status == SMSREP_OK && i < sizeof learn / sizeof learn[0]; i++)
        status = learn[i](s, c, errbuf, errbuf_size);
    if (status != SMSREP_OK) {
        smsrep__conn_close(c);
        smsrep__store_close(s);
        return status;
    }
    *out = s;
    *first = c;
    return SMSREP_OK;
}

void smsrep__store_close(store *s)
{
    if (s == NULL)
        return;
    smsrep__bloom_free(&s->ranges);
    smsrep__image_free(&s->main);
    smsrep__image_free(&s->overlay);
    free(s);
}

int smsrep__store_embedded(const store *s) { return s->embedded; }
int smsrep__store_has_overlay(const store *s) { return s->overlay.size > 0; }
const char *smsrep__store_data_version(const store *s) { return s->data_version; }
const char *smsrep__store_overlay_version(const store *s) { return s->overlay_version; }
