/* SPDX-License-Identifier: Apache-2.0
 * store.c: the reputation database behind a handle. It holds read-only
 * images in memory (the bundled database: embedded, copied from the caller
 * or read once from a file; and an operator's overlay, read once from its
 * file) and lends each check its own SQLite connection over them.
 *
 * Design: SQLite connections are not to be used by two threads at once, and
 * a shared connection behind a mutex would make every check queue behind
 * every other. So each check borrows a connection of its own: the one its
 * thread used last when that is free (an atomic flag, no lock, no shared
 * cache line), otherwise any free one under the pool's mutex, otherwise a
 * new one. Every connection
 * deserializes the same images with SQLITE_DESERIALIZE_READONLY (the overlay
 * attached as schema "overlay"), so images are shared, never copied per
 * connection, and never written. Reading files once also makes a handle a
 * consistent snapshot: replacing a file later cannot mix two versions inside
 * one handle. A database from outside is untrusted: quick_check runs at
 * open, triggers and views are off, and only lookup.c's fixed statements
 * ever run. */
#include "image_check.h"
#include "store_int.h"

#include "utf8.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OVERLAY_APPLICATION_ID 0x534D534F /* "SMSO", set by db/overlay.sql */
#define OVERLAY_SCHEMA_VERSION 1u
#define MAX_IMAGE ((size_t)1 << 30)

/* What each kind of image must be. */
typedef struct kind_of_image {
    const char *schema;       /* "main" or "overlay" */
    const char *what;         /* for messages */
    int64_t application_id;
    uint32_t version;
    const char *reference_sql; /* the schema it must have exactly */
} kind_of_image;

static const kind_of_image main_kind = { "main", "database", SMSREP__APPLICATION_ID,
                                         SMSREP__SCHEMA_VERSION,
                                         (const char *)smsrep__schema_sql };
static const kind_of_image overlay_kind = { "overlay", "overlay", OVERLAY_APPLICATION_ID,
                                            OVERLAY_SCHEMA_VERSION,
                                            (const char *)smsrep__overlay_sql };

/* ------------------------------------------------------------ errors */

/* Writes an open error sentence; text quoted from an untrusted database may
 * not be UTF-8, so the sentence is repaired on the way out. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void say(char *errbuf, size_t cap, const char *fmt, ...)
{
    char text[SMSREP_ERRBUF_SIZE];
    va_list ap;
    if (errbuf == NULL || cap == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    smsrep__copy_repair(errbuf, cap, text, strlen(text));
}

/* The status for an SQLite result code met while opening. */
static int open_status(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_NOMEM: return SMSREP_E_NOMEM;
    case SQLITE_NOTADB: return SMSREP_E_DB_FORMAT;
    case SQLITE_CORRUPT: return SMSREP_E_DB_CORRUPT;
    default: return SMSREP_E_DB_OPEN;
    }
}

/* ------------------------------------------------------------ images */

/* Runs a one-value statement and returns its integer, or an SQLite code. */
static int pragma_int(sqlite3 *db, const char *sql, int64_t *value)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *value = sqlite3_column_int64(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* Checks, on the first connection and before any statement is prepared,
 * that an image is of the right kind and schema version and, unless it is
 * the embedded copy, that it is intact. */
static int check_image(sqlite3 *db, const kind_of_image *k, int trusted, char *errbuf,
                       size_t cap)
{
    char sql[64], refused[200];
    sqlite3_stmt *st = NULL;
    int64_t v = 0;
    int rc;

    snprintf(sql, sizeof sql, "PRAGMA %s.application_id", k->schema);
    rc = pragma_int(db, sql, &v);
    if (rc != SQLITE_OK) {
        say(errbuf, cap, "the %s is not a database: %s", k->what, sqlite3_errstr(rc));
        return open_status(rc) == SMSREP_E_DB_OPEN ? SMSREP_E_DB_FORMAT : open_status(rc);
    }
    if (v != k->application_id) {
        say(errbuf, cap, "the %s is an SQLite database, but not a libsmsrep %s (application_id %lld)",
            k->what, k->what, (long long)v);
        return SMSREP_E_DB_FORMAT;
    }
    snprintf(sql, sizeof sql, "PRAGMA %s.user_version", k->schema);
    rc = pragma_int(db, sql, &v);
    if (rc != SQLITE_OK || v != (int64_t)k->version) {
        say(errbuf, cap, "the %s has schema version %lld; this library reads version %u", k->what,
            (long long)v, k->version);
        return rc != SQLITE_OK ? open_status(rc) : SMSREP_E_DB_VERSION;
    }
    if (trusted)
        return SMSREP_OK;
    /* lookup.c reads text in place as UTF-8 */
    snprintf(sql, sizeof sql, "PRAGMA %s.encoding", k->schema);
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW &&
        strcmp((const char *)sqlite3_column_text(st, 0), "UTF-8") != 0) {
        say(errbuf, cap, "the %s holds %s text; libsmsrep databases are UTF-8", k->what,
            (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return SMSREP_E_DB_FORMAT;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_ROW) {
        say(errbuf, cap, "cannot read the %s: %s", k->what, sqlite3_errstr(rc));
        return open_status(rc);
    }
    /* Before anything reads a row: a schema of its own could make SQLite
     * compute anything (a generated column) while the file is checked. */
    rc = smsrep__image_schema_check(db, k->schema, k->reference_sql, refused, sizeof refused);
    if (rc != SQLITE_OK) {
        say(errbuf, cap, "the %s is refused: %s", k->what, refused);
        /* as when its tables do not match its schema version (below) */
        return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
    }
    snprintf(sql, sizeof sql, "PRAGMA %s.quick_check", k->schema);
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
        /* quick_check may report many lines; the first one says enough */
        const char *why = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0)
                                           : sqlite3_errstr(rc);
        int n;
        if (why == NULL)
            why = "";
        n = (int)strcspn(why, "\n");
        say(errbuf, cap, "the %s is corrupt: %.*s", k->what, n > 160 ? 160 : n, why);
        sqlite3_finalize(st);
        return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
    }
    sqlite3_finalize(st);
    return SMSREP_OK;
}

/* Gives a connection an image as the given schema, read-only and shared:
 * without FREEONCLOSE SQLite leaves the memory to the handle. */
static int load_image(sqlite3 *db, const image *im, const kind_of_image *k, char *errbuf,
                      size_t cap)
{
    int rc = SQLITE_OK;
    if (strcmp(k->schema, "main") != 0)
        rc = sqlite3_exec(db, "ATTACH ':memory:' AS overlay", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_deserialize(db, k->schema, (unsigned char *)(uintptr_t)im->data,
                                 (sqlite3_int64)im->size, (sqlite3_int64)im->size,
                                 SQLITE_DESERIALIZE_READONLY);
    /* sqlite3_deserialize() says SQLITE_ERROR when its own statement runs
     * out of memory; the connection keeps the real cause. */
    if (rc != SQLITE_OK && sqlite3_errcode(db) == SQLITE_NOMEM)
        rc = SQLITE_NOMEM;
    if (rc != SQLITE_OK)
        say(errbuf, cap, "cannot load the %s image: %s", k->what, sqlite3_errstr(rc));
    return rc == SQLITE_OK ? SMSREP_OK : open_status(rc);
}

static int read_file(const char *path, image *im, char *errbuf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, room = 0, got;

    if (f == NULL) {
        say(errbuf, cap, "cannot open %s: %s", path, strerror(errno));
        return errno == ENOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_OPEN;
    }
    for (;;) {
        if (n == room) {
            unsigned char *bigger;
            room = room ? room * 2 : (size_t)1 << 20;
            if (room > MAX_IMAGE) {
                say(errbuf, cap, "%s is larger than %zu bytes", path, MAX_IMAGE);
                free(buf);
                fclose(f);
                return SMSREP_E_DB_OPEN;
            }
            bigger = realloc(buf, room);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return SMSREP_E_NOMEM;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, room - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        say(errbuf, cap, "cannot read %s: %s", path, strerror(errno));
        free(buf);
        fclose(f);
        return SMSREP_E_DB_OPEN;
    }
    fclose(f);
    if (n > 0 && n < room) { /* give back the unused part of the last doubling */
        unsigned char *fitted = realloc(buf, n);
        if (fitted != NULL)
            buf = fitted;
    }
    if (n == 0) {
        say(errbuf, cap, "%s is empty", path);
        free(buf);
        return SMSREP_E_DB_FORMAT;
    }
    im->owned = buf;
    im->data = buf;
    im->size = n;
    return SMSREP_OK;
}

static int copy_image(const void *data, size_t size, image *im, char *errbuf, size_t cap)
{
    if (size == 0) {
        say(errbuf, cap, "the database is empty");
        return SMSREP_E_DB_FORMAT;
    }
    if (size > MAX_IMAGE) {
        say(errbuf, cap, "the image is larger than %zu bytes", MAX_IMAGE);
        return SMSREP_E_DB_OPEN;
    }
    im->owned = malloc(size);
    if (im->owned == NULL)
        return SMSREP_E_NOMEM;
    memcpy(im->owned, data, size);
    im->data = im->owned;
    im->size = size;
    return SMSREP_OK;
}

/* ------------------------------------------------------------ connections */

static void conn_close(store_conn *c)
{
    int i;
    if (c == NULL)
        return;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(c->st[i]);
    sqlite3_close(c->db);
    smsrep__cache_free(&c->cache);
    free(c);
}

/* Opens a connection over the handle's images; the first one also checks
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
        say(errbuf, cap, "cannot start SQLite: %s", sqlite3_errstr(rc));
        conn_close(c);
        return open_status(rc);
    }
    /* Untrusted images may carry triggers or views; nothing here needs them. */
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);

    smsrep__image_bound(c->db, first ? s->main.size + s->overlay.size : 0);
    status = load_image(c->db, &s->main, &main_kind, errbuf, cap);
    if (status == SMSREP_OK && first)
        status = check_image(c->db, &main_kind, s->embedded, errbuf, cap);
    if (status == SMSREP_OK && s->overlay.size > 0)
        status = load_image(c->db, &s->overlay, &overlay_kind, errbuf, cap);
    if (status == SMSREP_OK && s->overlay.size > 0 && first)
        status = check_image(c->db, &overlay_kind, 0, errbuf, cap);
    smsrep__image_unbound(c->db);
    for (i = 0; status == SMSREP_OK && i < ST_COUNT; i++) {
        if (i >= ST_FIRST_OVERLAY && s->overlay.size == 0)
            break;
        rc = sqlite3_prepare_v3(c->db, smsrep__stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                &c->st[i], NULL);
        if (rc != SQLITE_OK) {
            say(errbuf, cap, "the %s's tables do not match its schema version: %s",
                i >= ST_FIRST_OVERLAY ? "overlay" : "database", sqlite3_errmsg(c->db));
            status = (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
        }
    }
    /* One read transaction for the connection's life: the images never
     * change, and an autocommit statement would take SQLite's process-wide
     * mutex at its end (sqlite3ConnectionUnlocked), which threads contend. */
    if (status == SMSREP_OK && (rc = sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
        say(errbuf, cap, "cannot begin reading: %s", sqlite3_errstr(rc));
        status = open_status(rc);
    }
    if (status != SMSREP_OK) {
        conn_close(c);
        return status;
    }
    *out = c;
    return SMSREP_OK;
}

/* The connection this thread used last, and the handle it belongs to. A
 * handle's id is never reused, so a connection remembered from a closed
 * handle is never touched again. */
static _Thread_local struct {
    uint64_t handle;
    store_conn *conn;
} mine;

static atomic_uint_fast64_t next_handle_id = 1;

/* Takes a connection no other thread holds. */
static int claim(store_conn *c)
{
    int idle = 0;
    return atomic_compare_exchange_strong_explicit(&c->busy, &idle, 1, memory_order_acquire,
                                                   memory_order_relaxed);
}

/* Adds a connection to the pool, idle or held by the caller. */
static void pool_add(store *s, store_conn *c)
{
    pthread_mutex_lock(&s->lock);
    c->next = s->all;
    s->all = c;
    pthread_mutex_unlock(&s->lock);
}

int smsrep__store_acquire(store *s, store_conn **out)
{
    store_conn *c;
    int status;

    /* The fast path touches nothing another thread writes: each thread
     * finds its own connection again (and the verdicts in its cache). */
    if (mine.handle == s->id && claim(mine.conn)) {
        *out = mine.conn;
        return SMSREP_OK;
    }
    pthread_mutex_lock(&s->lock);
    for (c = s->all; c != NULL && !claim(c); c = c->next)
        ;
    pthread_mutex_unlock(&s->lock);
    if (c == NULL) {
        /* Every connection is inside a check. Open one more rather than
         * wait; the pool grows to the peak number of threads. */
        status = conn_open(s, 0, &c, NULL, 0);
        if (status != SMSREP_OK)
            return status;
        atomic_store_explicit(&c->busy, 1, memory_order_relaxed);
        pool_add(s, c);
    }
    mine.handle = s->id;
    mine.conn = c;
    *out = c;
    return SMSREP_OK;
}

sender_cache *smsrep__store_cache(store_conn *c, size_t *entries)
{
    *entries = c->owner->cache_entries;
    return &c->cache;
}

shared_cache *smsrep__store_shared(store *s)
{
    return &s->shared;
}

void smsrep__store_set_cache(store *s, size_t entries)
{
    s->cache_entries = entries;
}

void smsrep__store_release(store *s, store_conn *c)
{
    int i;
    (void)s;
    if (c == NULL)
        return;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_reset(c->st[i]);
    atomic_store_explicit(&c->busy, 0, memory_order_release);
}

/* ------------------------------------------------------------ open, close */

/* Caches what lookups need to know: which prefix lengths exist, so that a
 * longest-prefix search asks only those, and the versions. */
static int read_facts(store *s, store_conn *c, char *errbuf, size_t cap)
{
    static const char main_sql[] =
        "SELECT 1, length(prefix) FROM short_code UNION"
        " SELECT 2, (SELECT value FROM meta WHERE key = 'data_version')";
    static const char overlay_sql[] =
        " UNION SELECT 3, length(prefix) FROM overlay.rule WHERE kind = 'number' UNION"
        " SELECT 4, (SELECT value FROM overlay.meta WHERE key = 'overlay_version')";
    char sql[sizeof main_sql + sizeof overlay_sql];
    sqlite3_stmt *st = NULL;
    int rc;

    snprintf(sql, sizeof sql, "%s%s", main_sql, s->overlay.size > 0 ? overlay_sql : "");
    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int which = sqlite3_column_int(st, 0);
        int len = sqlite3_column_int(st, 1);
        if (which == 2 || which == 4) {
            smsrep__column_text(st, 1, which == 2 ? s->data_version : s->overlay_version,
                                sizeof s->data_version);
        } else if (len >= 1 && len <= 31) {
            uint32_t *mask = which == 1 ? &s->short_lengths : &s->overlay_lengths;
            *mask |= UINT32_C(1) << len;
        }
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        say(errbuf, cap, "cannot read the database: %s", sqlite3_errstr(rc));
        return open_status(rc);
    }
    return SMSREP_OK;
}

/* Runs sql and hands each row to take(); what names the rows in errbuf. */
static int read_rows(store *s, store_conn *c, const char *sql,
                     int (*take)(store *s, sqlite3_stmt *st), const char *what, char *errbuf,
                     size_t cap)
{
    sqlite3_stmt *st = NULL;
    int rc, status = SMSREP_OK;

    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && status == SMSREP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        status = take(s, st);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (status != SMSREP_OK)
        return status;
    if (rc != SQLITE_DONE) {
        say(errbuf, cap, "cannot read the %s: %s", what, sqlite3_errstr(rc));
        return open_status(rc);
    }
    return SMSREP_OK;
}

/* Every number_range prefix goes into the filter and the length mask: a
 * number then costs SQLite lookups only for prefixes that may exist, however
 * many rows the database holds. The filter is sized by a count first. */
static int take_range(store *s, sqlite3_stmt *st)
{
    const char *p = (const char *)sqlite3_column_text(st, 0);
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    if (p != NULL) {
        smsrep__filter_add(&s->ranges, p, len);
        if (len >= 1 && len <= 31)
            s->range_lengths |= UINT32_C(1) << len;
    }
    return SMSREP_OK;
}

static int read_ranges(store *s, store_conn *c, char *errbuf, size_t cap)
{
    int64_t n = 0;
    int rc = pragma_int(c->db, "SELECT count(*) FROM number_range", &n), status;

    if (rc != SQLITE_OK) {
        say(errbuf, cap, "cannot read the database: %s", sqlite3_errstr(rc));
        return open_status(rc);
    }
    status = smsrep__filter_init(&s->ranges, (size_t)n);
    if (status != SMSREP_OK)
        return status;
    return read_rows(s, c, "SELECT prefix FROM number_range", take_range, "database",
                     errbuf, cap);
}

/* Every name an alphanumeric ID may imitate, with the library's own loose
 * keys, so that a check compares in memory without a query. */
static const char names_sql[] =
    "SELECT 0, '*', n.canonical, n.skeleton, b.name, b.source FROM brand_name n"
    " JOIN brand b ON b.id = n.brand"
    " UNION ALL"
    " SELECT 1, s.region, s.canonical, s.skeleton, b.name, s.source FROM sender_id s"
    " JOIN brand b ON b.id = s.brand WHERE s.signal = 'registered'"
    " UNION ALL"
    " SELECT 2, s.region, s.canonical, s.skeleton, '', s.source FROM sender_id s"
    " WHERE s.signal = 'generic'";

static int take_name(store *s, sqlite3_stmt *st)
{
    char f[5][LOOKALIKE_KEY_SIZE * 2];
    int i;
    for (i = 0; i < 5; i++)
        smsrep__column_text(st, i + 1, f[i], sizeof f[i]);
    return smsrep__lookalike_add(&s->names, sqlite3_column_int(st, 0), f[0], f[1], f[2], f[3],
                                 f[4]);
}

/* Every brand's names, aliases and domains, for message texts. */
static int take_brand(store *s, sqlite3_stmt *st)
{
    char f[4][512];
    int i;
    for (i = 0; i < 4; i++)
        smsrep__column_text(st, i, f[i], sizeof f[i]);
    return smsrep__text_add_brand(&s->book, f[0], f[1], f[2], f[3]);
}

const lookalike_set *smsrep__store_names(const store *s)
{
    return &s->names;
}

const text_book *smsrep__store_book(const store *s)
{
    return &s->book;
}

int smsrep__store_open(store **out, const char *path, const void *data, size_t size,
                       const char *overlay_path, char *errbuf, size_t errbuf_size)
{
    store *s;
    store_conn *c = NULL;
    int status = SMSREP_OK;

    *out = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return SMSREP_E_NOMEM;
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        free(s);
        return SMSREP_E_NOMEM;
    }
    s->cache_entries = CACHE_DEFAULT_ENTRIES;
    if (smsrep__shared_init(&s->shared) != SMSREP_OK) {
        smsrep__shared_free(&s->shared);
        pthread_mutex_destroy(&s->lock);
        free(s);
        return SMSREP_E_NOMEM;
    }
    s->id = atomic_fetch_add(&next_handle_id, 1);
    if (path != NULL) {
        status = read_file(path, &s->main, errbuf, errbuf_size);
    } else if (data != NULL) {
        status = copy_image(data, size, &s->main, errbuf, errbuf_size);
    } else {
        s->main.data = smsrep__embedded_db;
        s->main.size = smsrep__embedded_db_size;
        s->embedded = 1;
    }
    if (status == SMSREP_OK && overlay_path != NULL)
        status = read_file(overlay_path, &s->overlay, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = conn_open(s, 1, &c, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = read_facts(s, c, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = read_ranges(s, c, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = read_rows(s, c, names_sql, take_name, "brand names", errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = read_rows(s, c, "SELECT name, aliases, domains, source FROM brand", take_brand,
                           "brands", errbuf, errbuf_size);
    if (status != SMSREP_OK) {
        conn_close(c);
        smsrep__store_close(s);
        return status;
    }
    pool_add(s, c);
    *out = s;
    return SMSREP_OK;
}

void smsrep__store_close(store *s)
{
    store_conn *c, *next;
    if (s == NULL)
        return;
    for (c = s->all; c != NULL; c = next) {
        next = c->next;
        conn_close(c);
    }
    pthread_mutex_destroy(&s->lock);
    smsrep__lookalike_free(&s->names);
    smsrep__text_free(&s->book);
    smsrep__shared_free(&s->shared);
    smsrep__filter_free(&s->ranges);
    free(s->main.owned);
    free(s->overlay.owned);
    free(s);
}

/* ------------------------------------------------------------ provenance */

int smsrep__store_source(store *s, const char *id, smsrep_source_info *out)
{
    static const enum stmt where[] = { ST_SOURCE, ST_OV_SOURCE };
    store_conn *c;
    smsrep_source_info info;
    size_t i;
    int found = 0, status = smsrep__store_acquire(s, &c), rc;

    if (status != SMSREP_OK)
        return status;
    for (i = 0; i < SOURCE_MEMO; i++) {
        if (c->sources[i].id[0] != '\0' && strcmp(c->sources[i].id, id) == 0) {
            info = c->sources[i].info;
            smsrep__store_release(s, c);
            info.struct_size = out->struct_size;
            memcpy(out, &info, out->struct_size < sizeof info ? out->struct_size : sizeof info);
            return SMSREP_OK;
        }
    }
    memset(&info, 0, sizeof info);
    for (i = 0; i < sizeof where / sizeof where[0] && !found && status == SMSREP_OK; i++) {
        sqlite3_stmt *st = c->st[where[i]];
        if (st == NULL)
            continue; /* no overlay */
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            found = 1;
            smsrep__column_text(st, 0, info.id, sizeof info.id);
            smsrep__column_text(st, 1, info.name, sizeof info.name);
            smsrep__column_text(st, 2, info.url, sizeof info.url);
            smsrep__column_text(st, 3, info.licence, sizeof info.licence);
            smsrep__column_text(st, 4, info.retrieved, sizeof info.retrieved);
            smsrep__column_text(st, 5, info.credit, sizeof info.credit);
        } else if (rc != SQLITE_DONE) {
            status = smsrep__query_status(rc);
        }
        sqlite3_reset(st);
    }
    if (found && id[0] != '\0' && strlen(id) < sizeof c->sources[0].id) {
        unsigned slot = c->next_source++ % SOURCE_MEMO;
        strcpy(c->sources[slot].id, id);
        c->sources[slot].info = info;
    }
    smsrep__store_release(s, c);
    if (status == SMSREP_OK && !found)
        status = SMSREP_E_NOT_FOUND;
    info.struct_size = out->struct_size;
    if (status == SMSREP_OK)
        memcpy(out, &info, out->struct_size < sizeof info ? out->struct_size : sizeof info);
    return status;
}

int smsrep__store_info(store *s, smsrep_db_info *out)
{
    smsrep_db_info info;
    memset(&info, 0, sizeof info);
    info.struct_size = out->struct_size;
    info.schema_version = SMSREP__SCHEMA_VERSION;
    info.embedded = (uint32_t)s->embedded;
    info.has_overlay = s->overlay.size > 0;
    smsrep__copyz(info.data_version, sizeof info.data_version, s->data_version);
    smsrep__copyz(info.overlay_version, sizeof info.overlay_version, s->overlay_version);
    memcpy(out, &info, out->struct_size < sizeof info ? out->struct_size : sizeof info);
    return SMSREP_OK;
}

/* Every data table, the name counts give it, and the column each grouping
 * reads ("''" when it has none). */
static const struct {
    const char *table, *name, *region, *source;
    int overlay;
} count_tables[] = {
    { "alnum_rule", "alnum_rule", "region", "source", 0 },
    { "brand", "brand", "''", "source", 0 },
    { "calling_code", "calling_code", "''", "source", 0 },
    { "known_number", "known_number", "dest_region", "source", 0 },
    { "number_range", "number_range", "region", "source", 0 },
    { "sender_id", "sender_id", "region", "source", 0 },
    { "short_code", "short_code", "region", "source", 0 },
    { "source", "source", "''", "''", 0 },
    { "overlay.rule", "overlay_rule", "region", "source", 1 },
    { "overlay.report", "overlay_report", "''", "source", 1 },
    { "overlay.source", "overlay_source", "''", "''", 1 },
};

int smsrep__store_counts(store *s, uint32_t group, smsrep_count *out, size_t cap,
                         size_t *total)
{
    store_conn *c;
    char sql[4096];
    size_t i, len = 0, n = 0;
    sqlite3_stmt *st = NULL;
    int rc, status;

    if (group > SMSREP_COUNT_BY_REGION)
        return SMSREP_E_ARGUMENT;
    for (i = 0; i < sizeof count_tables / sizeof count_tables[0]; i++) {
        const char *key = group == SMSREP_COUNT_BY_TABLE    ? "''"
                          : group == SMSREP_COUNT_BY_SOURCE ? count_tables[i].source
                                                            : count_tables[i].region;
        if ((count_tables[i].overlay && s->overlay.size == 0) ||
            (group != SMSREP_COUNT_BY_TABLE && strcmp(key, "''") == 0))
            continue;
        len += (size_t)snprintf(sql + len, sizeof sql - len,
                                "%sSELECT '%s', %s, count(*) FROM %s GROUP BY 2",
                                len ? " UNION ALL " : "", count_tables[i].name, key,
                                count_tables[i].table);
    }
    snprintf(sql + len, sizeof sql - len, " ORDER BY 1, 2");

    status = smsrep__store_acquire(s, &c);
    if (status != SMSREP_OK)
        return status;
    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < cap) {
            smsrep_count row;
            uint32_t size = out[n].struct_size;
            memset(&row, 0, sizeof row);
            row.struct_size = size;
            smsrep__column_text(st, 0, row.table, sizeof row.table);
            smsrep__column_text(st, 1, row.key, sizeof row.key);
            row.rows = (uint64_t)sqlite3_column_int64(st, 2);
            memcpy(&out[n], &row, size < sizeof row ? size : sizeof row);
        }
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    smsrep__store_release(s, c);
    *total = n;
    return rc == SQLITE_DONE ? SMSREP_OK : smsrep__query_status(rc);
}
