/* SPDX-License-Identifier: Apache-2.0
 * store.c: the reputation database. It holds one read-only image in memory
 * (embedded, copied from the caller, or read once from a file) and lends each
 * check its own SQLite connection over that image from a pool.
 *
 * Design: SQLite connections are not to be used by two threads at once, and
 * a shared connection behind a mutex would make every check queue behind
 * every other. So each check borrows a connection of its own; the pool's
 * mutex is held only to pop or push one pointer. Every connection
 * deserializes the same image with SQLITE_DESERIALIZE_READONLY, so the
 * image is shared, never copied per connection, and never written. Reading
 * the file once also makes a handle a consistent snapshot: replacing the
 * file later cannot mix two versions inside one handle. A database from
 * outside is untrusted: quick_check runs at open, triggers and views are
 * off, and only this file's fixed statements ever run. */
#include "store.h"

#include "utf8.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#define APPLICATION_ID SMSREP__APPLICATION_ID
#define SCHEMA_VERSION SMSREP__SCHEMA_VERSION
#define MAX_IMAGE ((size_t)1 << 30)

enum stmt {
    ST_RANGE, ST_KNOWN, ST_SHORT, ST_SENDER, ST_SKEL_SENDER, ST_SKEL_BRAND, ST_SOURCE,
    ST_CALLING, ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    /* ST_RANGE and ST_SHORT share their parameters (?1 region, ?2 prefix,
     * ?3 length of the whole string) and columns, for longest_prefix(). */
    [ST_RANGE] =
        "SELECT signal, NULL, reply_cost, source, '', number_type, region FROM number_range"
        " WHERE prefix = ?2 AND min_len <= ?3 AND max_len >= ?3",
    [ST_KNOWN] =
        "SELECT b.name, k.confidence, k.source FROM known_number k"
        " JOIN brand b ON b.id = k.brand"
        " WHERE k.number = ?1 AND k.dest_region IN (?2, '*')"
        " ORDER BY k.dest_region = '*' LIMIT 1",
    [ST_SHORT] =
        "SELECT s.signal, s.confidence, s.reply_cost, s.source, coalesce(b.name, ''), '', ''"
        " FROM short_code s LEFT JOIN brand b ON b.id = s.brand"
        " WHERE s.region = ?1 AND s.prefix = ?2 AND s.min_len <= ?3 AND s.max_len >= ?3",
    [ST_SENDER] =
        "SELECT s.signal, s.confidence, s.source, coalesce(b.name, '')"
        " FROM sender_id s LEFT JOIN brand b ON b.id = s.brand"
        " WHERE s.canonical = ?2 AND s.region IN (?1, '*')"
        " ORDER BY s.region = '*' LIMIT 1",
    [ST_SKEL_SENDER] =
        "SELECT b.name, s.canonical = ?2, s.source FROM sender_id s"
        " JOIN brand b ON b.id = s.brand"
        " WHERE s.skeleton = ?1 AND s.signal = 'registered'"
        " ORDER BY s.canonical = ?2 DESC LIMIT 1",
    [ST_SKEL_BRAND] =
        "SELECT b.name, n.canonical = ?2, b.source FROM brand_name n"
        " JOIN brand b ON b.id = n.brand"
        " WHERE n.skeleton = ?1 ORDER BY n.canonical = ?2 DESC LIMIT 1",
    [ST_SOURCE] =
        "SELECT id, name, url, licence, retrieved, credit FROM source WHERE id = ?1",
    [ST_CALLING] =
        "SELECT source FROM calling_code WHERE status = 'unassigned' AND prefix IN"
        " (substr(?1, 1, 1), substr(?1, 1, 2), substr(?1, 1, 3)) LIMIT 1",
};

struct store_conn {
    const struct smsrep_db *owner;
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    struct store_conn *next;
};

struct smsrep_db {
    const unsigned char *image; /* the database image every connection reads */
    size_t image_size;
    unsigned char *owned;       /* image when this handle allocated it */
    int embedded;
    uint32_t range_lengths;     /* bit n: some number_range prefix has n digits */
    uint32_t short_lengths;     /* the same for short_code */
    char data_version[32];
    pthread_mutex_t lock;       /* guards idle only */
    store_conn *idle;
};

/* ------------------------------------------------------------ names */

static const char *const signal_names[] = {
    [SIG_NONE] = "none", [SIG_PLAN] = "plan", [SIG_IP_PHONE] = "ip_phone", [SIG_M2M] = "m2m",
    [SIG_PREMIUM] = "premium", [SIG_INTERNATIONAL_NETWORK] = "international_network",
    [SIG_FICTIONAL] = "fictional", [SIG_CANNOT_ORIGINATE] = "cannot_originate_sms",
    [SIG_UNALLOCATED] = "unallocated", [SIG_REGISTERED] = "registered",
    [SIG_BRAND_SENDER] = "brand_sender", [SIG_EMERGENCY] = "emergency",
    [SIG_GENERIC] = "generic", [SIG_SCAM_MARKER] = "scam_marker",
};

const char *smsrep__signal_name(int signal)
{
    if (signal < 0 || (size_t)signal >= sizeof signal_names / sizeof signal_names[0])
        return "none";
    return signal_names[signal];
}

int smsrep__signal_from_name(const char *name)
{
    size_t i;
    for (i = 0; name != NULL && i < sizeof signal_names / sizeof signal_names[0]; i++)
        if (strcmp(name, signal_names[i]) == 0)
            return (int)i;
    return -1;
}

int smsrep__confidence_from_name(const char *name)
{
    if (name == NULL)
        return -1;
    if (strcmp(name, "low") == 0)
        return CONF_LOW;
    if (strcmp(name, "medium") == 0)
        return CONF_MEDIUM;
    if (strcmp(name, "high") == 0)
        return CONF_HIGH;
    return -1;
}

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

/* The status for an SQLite result code met during a lookup. */
static int query_status(int rc)
{
    return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_QUERY;
}

/* ------------------------------------------------------------ connections */

static int check_header(const store *s, sqlite3 *db, char *errbuf, size_t cap);

static void conn_close(store_conn *c)
{
    int i;
    if (c == NULL)
        return;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(c->st[i]);
    sqlite3_close(c->db);
    free(c);
}

static int conn_open(store *s, int first, store_conn **out, char *errbuf, size_t cap)
{
    store_conn *c = calloc(1, sizeof *c);
    int rc, i;

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
    /* The image is never written: READONLY, and without FREEONCLOSE SQLite
     * leaves its memory to this handle. */
    rc = sqlite3_deserialize(c->db, "main", (unsigned char *)(uintptr_t)s->image,
                             (sqlite3_int64)s->image_size, (sqlite3_int64)s->image_size,
                             SQLITE_DESERIALIZE_READONLY);
    /* sqlite3_deserialize() says SQLITE_ERROR when its own statement runs
     * out of memory; the connection keeps the real cause. */
    if (rc != SQLITE_OK && sqlite3_errcode(c->db) == SQLITE_NOMEM)
        rc = SQLITE_NOMEM;
    if (rc != SQLITE_OK) {
        say(errbuf, cap, "cannot load the database image: %s", sqlite3_errstr(rc));
        conn_close(c);
        return open_status(rc);
    }
    if (first && (rc = check_header(s, c->db, errbuf, cap)) != SMSREP_OK) {
        conn_close(c);
        return rc;
    }
    for (i = 0; i < ST_COUNT; i++) {
        rc = sqlite3_prepare_v3(c->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &c->st[i], NULL);
        if (rc != SQLITE_OK) {
            say(errbuf, cap, "the database's tables do not match schema version %u: %s",
                SCHEMA_VERSION, sqlite3_errmsg(c->db));
            conn_close(c);
            return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
        }
    }
    *out = c;
    return SMSREP_OK;
}

int smsrep__store_acquire(store *s, store_conn **out)
{
    store_conn *c;
    pthread_mutex_lock(&s->lock);
    c = s->idle;
    if (c != NULL)
        s->idle = c->next;
    pthread_mutex_unlock(&s->lock);
    if (c != NULL) {
        c->next = NULL;
        *out = c;
        return SMSREP_OK;
    }
    /* None idle: every other connection is inside a check. Open one more
     * rather than wait; the pool grows to the peak number of threads. */
    return conn_open(s, 0, out, NULL, 0);
}

void smsrep__store_release(store *s, store_conn *c)
{
    int i;
    if (c == NULL)
        return;
    for (i = 0; i < ST_COUNT; i++)
        sqlite3_reset(c->st[i]);
    pthread_mutex_lock(&s->lock);
    c->next = s->idle;
    s->idle = c;
    pthread_mutex_unlock(&s->lock);
}

/* ------------------------------------------------------------ open, close */

/* Runs a one-value statement on a connection and returns its integer, or a
 * negative SQLite code. */
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
 * that the image is a libsmsrep database of this schema version and, when
 * it came from outside, that it is intact. */
static int check_header(const store *s, sqlite3 *db, char *errbuf, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int64_t v = 0;
    int rc;

    rc = pragma_int(db, "PRAGMA application_id", &v);
    if (rc != SQLITE_OK) {
        say(errbuf, cap, "not a database: %s", sqlite3_errstr(rc));
        return open_status(rc) == SMSREP_E_DB_OPEN ? SMSREP_E_DB_FORMAT : open_status(rc);
    }
    if (v != APPLICATION_ID) {
        say(errbuf, cap, "an SQLite database, but not a libsmsrep one (application_id %lld)",
            (long long)v);
        return SMSREP_E_DB_FORMAT;
    }
    rc = pragma_int(db, "PRAGMA user_version", &v);
    if (rc != SQLITE_OK || v != (int64_t)SCHEMA_VERSION) {
        say(errbuf, cap, "schema version %lld; this library reads version %u",
            (long long)v, SCHEMA_VERSION);
        return rc != SQLITE_OK ? open_status(rc) : SMSREP_E_DB_VERSION;
    }
    if (s->embedded)
        return SMSREP_OK;
    rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL);
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
        say(errbuf, cap, "the database is corrupt: %.*s", n > 160 ? 160 : n, why);
        sqlite3_finalize(st);
        return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
    }
    sqlite3_finalize(st);
    return SMSREP_OK;
}

/* Caches what lookups need to know: which prefix lengths exist, so that a
 * longest-prefix search asks only those, and the data version. */
static int read_facts(store *s, store_conn *c, char *errbuf, size_t cap)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c->db,
                                "SELECT 0, length(prefix) FROM number_range UNION"
                                " SELECT 1, length(prefix) FROM short_code UNION"
                                " SELECT 2, (SELECT value FROM meta WHERE key = 'data_version')",
                                -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int which = sqlite3_column_int(st, 0);
        int len = sqlite3_column_int(st, 1);
        if (which == 2) {
            const unsigned char *t = sqlite3_column_text(st, 1);
            smsrep__copy_repair(s->data_version, sizeof s->data_version,
                                t ? (const char *)t : "", t ? strlen((const char *)t) : 0);
        } else if (len >= 1 && len <= 31) {
            *(which == 0 ? &s->range_lengths : &s->short_lengths) |= UINT32_C(1) << len;
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

static int read_file(const char *path, unsigned char **data, size_t *size, char *errbuf,
                     size_t cap)
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
    *data = buf;
    *size = n;
    return SMSREP_OK;
}

int smsrep__store_open(store **out, const char *path, const void *data, size_t size,
                       char *errbuf, size_t errbuf_size)
{
    store *s;
    store_conn *c = NULL;
    int status;

    *out = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return SMSREP_E_NOMEM;
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        free(s);
        return SMSREP_E_NOMEM;
    }
    if (path != NULL) {
        status = read_file(path, &s->owned, &s->image_size, errbuf, errbuf_size);
        if (status != SMSREP_OK)
            goto fail;
        s->image = s->owned;
    } else if (data != NULL) {
        if (size > MAX_IMAGE) {
            say(errbuf, errbuf_size, "the image is larger than %zu bytes", MAX_IMAGE);
            status = SMSREP_E_DB_OPEN;
            goto fail;
        }
        s->owned = malloc(size ? size : 1);
        if (s->owned == NULL) {
            status = SMSREP_E_NOMEM;
            goto fail;
        }
        memcpy(s->owned, data, size);
        s->image = s->owned;
        s->image_size = size;
    } else {
        s->image = smsrep__embedded_db;
        s->image_size = smsrep__embedded_db_size;
        s->embedded = 1;
    }
    if (s->image_size == 0) {
        say(errbuf, errbuf_size, "the database is empty");
        status = SMSREP_E_DB_FORMAT;
        goto fail;
    }
    status = conn_open(s, 1, &c, errbuf, errbuf_size);
    if (status == SMSREP_OK)
        status = read_facts(s, c, errbuf, errbuf_size);
    if (status != SMSREP_OK) {
        conn_close(c);
        goto fail;
    }
    smsrep__store_release(s, c);
    *out = s;
    return SMSREP_OK;

fail:
    smsrep__store_close(s);
    return status;
}

void smsrep__store_close(store *s)
{
    store_conn *c, *next;
    if (s == NULL)
        return;
    for (c = s->idle; c != NULL; c = next) {
        next = c->next;
        conn_close(c);
    }
    pthread_mutex_destroy(&s->lock);
    free(s->owned);
    free(s);
}

/* ------------------------------------------------------------ lookups */

/* Text from the database, which may come from outside: repaired to UTF-8. */
static void text(sqlite3_stmt *st, int col, char *dst, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    smsrep__copy_repair(dst, cap, t ? (const char *)t : "", t ? (size_t)sqlite3_column_bytes(st, col) : 0);
}

/* A region from the database: "", "001" or two upper-case letters, else "". */
static void region_text(sqlite3_stmt *st, int col, char *dst, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    int ok = t != NULL && (strcmp((const char *)t, "001") == 0 ||
                           (t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z' && t[2] == 0));
    smsrep__copyz(dst, cap, ok ? (const char *)t : "");
}

static int column_enum(sqlite3_stmt *st, int col, int (*from_name)(const char *, size_t))
{
    const unsigned char *t = sqlite3_column_text(st, col);
    int v = t ? from_name((const char *)t, (size_t)sqlite3_column_bytes(st, col)) : -1;
    return v < 0 ? 0 : v;
}

static int column_signal(sqlite3_stmt *st, int col)
{
    int v = smsrep__signal_from_name((const char *)sqlite3_column_text(st, col));
    return v < 0 ? SIG_NONE : v;
}

static int column_confidence(sqlite3_stmt *st, int col)
{
    int v = smsrep__confidence_from_name((const char *)sqlite3_column_text(st, col));
    return v < 0 ? CONF_LOW : v;
}

/* Steps a bound statement once; returns SQLITE_ROW, SQLITE_DONE or a status
 * through *status. The statement stays un-reset until the caller reads it. */
static int step(sqlite3_stmt *st, int *status)
{
    int rc = sqlite3_step(st);
    *status = SMSREP_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        *status = query_status(rc);
    return rc;
}

/* Finds the row with the longest prefix of digits whose length window holds
 * the whole string, asking only the prefix lengths that exist. */
static int longest_prefix(sqlite3_stmt *st, uint32_t lengths, const char *region,
                          const char *digits, store_row *row)
{
    size_t n = strlen(digits), len;
    int status = SMSREP_OK;

    memset(row, 0, sizeof *row);
    for (len = n; len >= 1; len--) {
        if (len > 31 || !(lengths & (UINT32_C(1) << len)))
            continue;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, region, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, digits, (int)len, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, (int)n);
        if (step(st, &status) == SQLITE_ROW) {
            row->found = 1;
            row->signal = column_signal(st, 0);
            row->confidence = column_confidence(st, 1);
            row->reply_cost = (uint32_t)column_enum(st, 2, smsrep_reply_cost_from_name);
            text(st, 3, row->source, sizeof row->source);
            text(st, 4, row->brand, sizeof row->brand);
            row->number_type = (uint32_t)column_enum(st, 5, smsrep_number_type_from_name);
            region_text(st, 6, row->region, sizeof row->region);
            break;
        }
        if (status != SMSREP_OK)
            break;
    }
    sqlite3_reset(st);
    return status;
}

int smsrep__store_range(store_conn *c, const char *e164, store_row *row)
{
    return longest_prefix(c->st[ST_RANGE], c->owner->range_lengths, "", e164, row);
}

int smsrep__store_known_number(store_conn *c, const char *e164, const char *region,
                               store_row *row)
{
    sqlite3_stmt *st = c->st[ST_KNOWN];
    int status;

    memset(row, 0, sizeof *row);
    sqlite3_bind_text(st, 1, e164, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
    if (step(st, &status) == SQLITE_ROW) {
        row->found = 1;
        row->signal = SIG_BRAND_SENDER;
        text(st, 0, row->brand, sizeof row->brand);
        row->confidence = column_confidence(st, 1);
        text(st, 2, row->source, sizeof row->source);
    }
    sqlite3_reset(st);
    return status;
}

int smsrep__store_short_code(store_conn *c, const char *region, const char *digits,
                             store_row *row)
{
    return longest_prefix(c->st[ST_SHORT], c->owner->short_lengths, region, digits, row);
}

int smsrep__store_sender_id(store_conn *c, const char *region, const char *canonical,
                            store_row *row)
{
    sqlite3_stmt *st = c->st[ST_SENDER];
    int status;

    memset(row, 0, sizeof *row);
    sqlite3_bind_text(st, 1, region, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, canonical, -1, SQLITE_STATIC);
    if (step(st, &status) == SQLITE_ROW) {
        row->found = 1;
        row->signal = column_signal(st, 0);
        row->confidence = column_confidence(st, 1);
        text(st, 2, row->source, sizeof row->source);
        text(st, 3, row->brand, sizeof row->brand);
    }
    sqlite3_reset(st);
    return status;
}

/* Registered sender IDs first, then every name of every brand; an equal
 * canonical form is preferred over a mere look-alike. */
int smsrep__store_brand_skeleton(store_conn *c, const char *canonical, const char *skeleton,
                                 brand_match *match)
{
    static const enum stmt order[] = { ST_SKEL_SENDER, ST_SKEL_BRAND };
    size_t i;
    int status = SMSREP_OK;

    memset(match, 0, sizeof *match);
    for (i = 0; i < sizeof order / sizeof order[0] && !match->exact; i++) {
        sqlite3_stmt *st = c->st[order[i]];
        sqlite3_bind_text(st, 1, skeleton, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, canonical, -1, SQLITE_STATIC);
        if (step(st, &status) == SQLITE_ROW && (!match->found || sqlite3_column_int(st, 1))) {
            match->found = 1;
            match->exact = sqlite3_column_int(st, 1);
            text(st, 0, match->brand, sizeof match->brand);
            text(st, 2, match->source, sizeof match->source);
        }
        sqlite3_reset(st);
        if (status != SMSREP_OK)
            break;
    }
    return status;
}

int smsrep__store_calling_code(store_conn *c, const char *digits, store_row *row)
{
    sqlite3_stmt *st = c->st[ST_CALLING];
    int status;

    memset(row, 0, sizeof *row);
    sqlite3_bind_text(st, 1, digits, -1, SQLITE_STATIC);
    if (step(st, &status) == SQLITE_ROW) {
        row->found = 1;
        row->signal = SIG_UNALLOCATED;
        text(st, 0, row->source, sizeof row->source);
    }
    sqlite3_reset(st);
    return status;
}

int smsrep__store_source(store *s, const char *id, smsrep_source_info *out)
{
    store_conn *c;
    sqlite3_stmt *st;
    smsrep_source_info info;
    int status = smsrep__store_acquire(s, &c);

    if (status != SMSREP_OK)
        return status;
    st = c->st[ST_SOURCE];
    memset(&info, 0, sizeof info);
    info.struct_size = out->struct_size;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (step(st, &status) == SQLITE_ROW) {
        text(st, 0, info.id, sizeof info.id);
        text(st, 1, info.name, sizeof info.name);
        text(st, 2, info.url, sizeof info.url);
        text(st, 3, info.licence, sizeof info.licence);
        text(st, 4, info.retrieved, sizeof info.retrieved);
        text(st, 5, info.credit, sizeof info.credit);
    } else if (status == SMSREP_OK) {
        status = SMSREP_E_NOT_FOUND;
    }
    sqlite3_reset(st);
    smsrep__store_release(s, c);
    if (status == SMSREP_OK)
        memcpy(out, &info, out->struct_size < sizeof info ? out->struct_size : sizeof info);
    return status;
}

int smsrep__store_info(store *s, smsrep_db_info *out)
{
    smsrep_db_info info;
    memset(&info, 0, sizeof info);
    info.struct_size = out->struct_size;
    info.schema_version = SCHEMA_VERSION;
    info.embedded = (uint32_t)s->embedded;
    smsrep__copyz(info.data_version, sizeof info.data_version, s->data_version);
    memcpy(out, &info, out->struct_size < sizeof info ? out->struct_size : sizeof info);
    return SMSREP_OK;
}

/* Every data table and the column each grouping reads. */
static const struct { const char *table, *region; } count_tables[] = {
    { "source", "''" },           { "brand", "''" },
    { "number_range", "region" }, { "known_number", "dest_region" },
    { "short_code", "region" },   { "sender_id", "region" },
    { "calling_code", "''" },
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
                          : group == SMSREP_COUNT_BY_SOURCE ? "source"
                                                            : count_tables[i].region;
        if ((group == SMSREP_COUNT_BY_REGION && strcmp(key, "''") == 0) ||
            (group == SMSREP_COUNT_BY_SOURCE && i == 0))
            continue;
        len += (size_t)snprintf(sql + len, sizeof sql - len,
                                "%sSELECT '%s', %s, count(*) FROM %s GROUP BY 2",
                                len ? " UNION ALL " : "", count_tables[i].table, key,
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
            text(st, 0, row.table, sizeof row.table);
            text(st, 1, row.key, sizeof row.key);
            row.rows = (uint64_t)sqlite3_column_int64(st, 2);
            memcpy(&out[n], &row, size < sizeof row ? size : sizeof row);
        }
        n++;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    smsrep__store_release(s, c);
    *total = n;
    return rc == SQLITE_DONE ? SMSREP_OK : query_status(rc);
}
