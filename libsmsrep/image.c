/* SPDX-License-Identifier: Apache-2.0
 * image.c: database images in memory: read once from a file or copied from
 * the caller, checked for their kind, version and integrity, and attached to
 * connections read-only with sqlite3_deserialize(), so that every connection
 * shares the same bytes and none ever writes them. */
#include "image.h"

#include "image_check.h"

#include "overlay_format.h"
#include "tables.h"
#include "smsrep.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IMAGE ((size_t)1 << 30)

const image_kind smsrep__main_kind = { "main", "database", SMSREP__APPLICATION_ID,
                                       SMSREP__SCHEMA_VERSION,
                                       (const char *)smsrep__schema_sql };
const image_kind smsrep__overlay_kind = { "overlay", "overlay", SMSREP__OVERLAY_APPLICATION_ID,
                                          SMSREP__OVERLAY_SCHEMA_VERSION,
                                          (const char *)smsrep__overlay_sql };

/* Writes an open error sentence; text quoted from an untrusted database may
 * not be UTF-8, so the sentence is repaired on the way out. */
void smsrep__say(char *errbuf, size_t cap, const char *fmt, ...)
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
int smsrep__open_status(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_NOMEM: return SMSREP_E_NOMEM;
    case SQLITE_NOTADB: return SMSREP_E_DB_FORMAT;
    case SQLITE_CORRUPT: return SMSREP_E_DB_CORRUPT;
    default: return SMSREP_E_DB_OPEN;
    }
}

/* Runs a one-value statement and returns its integer, or an SQLite code. */
int smsrep__sql_int(sqlite3 *db, const char *sql, int64_t *value)
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

int smsrep__image_check(sqlite3 *db, const image_kind *k, int trusted, char *errbuf, size_t cap)
{
    char sql[64], refused[200];
    sqlite3_stmt *st = NULL;
    int64_t v = 0;
    int rc;

    snprintf(sql, sizeof sql, "PRAGMA %s.application_id", k->schema);
    rc = smsrep__sql_int(db, sql, &v);
    if (rc != SQLITE_OK) {
        smsrep__say(errbuf, cap, "the %s is not a database: %s", k->what, sqlite3_errstr(rc));
        return smsrep__open_status(rc) == SMSREP_E_DB_OPEN ? SMSREP_E_DB_FORMAT : smsrep__open_status(rc);
    }
    if (v != k->application_id) {
        smsrep__say(errbuf, cap, "the %s is an SQLite database, but not a libsmsrep %s (application_id %lld)",
            k->what, k->what, (long long)v);
        return SMSREP_E_DB_FORMAT;
    }
    snprintf(sql, sizeof sql, "PRAGMA %s.user_version", k->schema);
    rc = smsrep__sql_int(db, sql, &v);
    if (rc != SQLITE_OK || v != (int64_t)k->version) {
        smsrep__say(errbuf, cap, "the %s has schema version %lld; this library reads version %u", k->what,
            (long long)v, k->version);
        return rc != SQLITE_OK ? smsrep__open_status(rc) : SMSREP_E_DB_VERSION;
    }
    if (trusted)
        return SMSREP_OK;
    /* lookup.c reads text in place as UTF-8 */
    snprintf(sql, sizeof sql, "PRAGMA %s.encoding", k->schema);
    rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW &&
        strcmp((const char *)sqlite3_column_text(st, 0), "UTF-8") != 0) {
        smsrep__say(errbuf, cap, "the %s holds %s text; libsmsrep databases are UTF-8", k->what,
            (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return SMSREP_E_DB_FORMAT;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (rc != SQLITE_ROW) {
        smsrep__say(errbuf, cap, "cannot read the %s: %s", k->what, sqlite3_errstr(rc));
        return smsrep__open_status(rc);
    }
    /* Before anything reads a row: a schema of its own could make SQLite
     * compute anything (a generated column) while the file is checked. */
    rc = smsrep__image_schema_check(db, k->schema, k->reference_sql, refused, sizeof refused);
    if (rc != SQLITE_OK) {
        smsrep__say(errbuf, cap, "the %s is refused: %s", k->what, refused);
        /* as when its tables do not match its schema version */
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
        smsrep__say(errbuf, cap, "the %s is corrupt: %.*s", k->what, n > 160 ? 160 : n, why);
        sqlite3_finalize(st);
        return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_CORRUPT;
    }
    sqlite3_finalize(st);
    return SMSREP_OK;
}

/* Without FREEONCLOSE SQLite leaves the memory to the handle. */
int smsrep__image_attach(sqlite3 *db, const image *im, const image_kind *k, char *errbuf,
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
        smsrep__say(errbuf, cap, "cannot load the %s image: %s", k->what, sqlite3_errstr(rc));
    return rc == SQLITE_OK ? SMSREP_OK : smsrep__open_status(rc);
}

int smsrep__image_read(const char *path, image *im, char *errbuf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, room = 0, got;

    if (f == NULL) {
        smsrep__say(errbuf, cap, "cannot open %s: %s", path, strerror(errno));
        return errno == ENOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_OPEN;
    }
    for (;;) {
        if (n == room) {
            unsigned char *bigger;
            room = room ? room * 2 : (size_t)1 << 20;
            if (room > MAX_IMAGE) {
                smsrep__say(errbuf, cap, "%s is larger than %zu bytes", path, MAX_IMAGE);
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
        smsrep__say(errbuf, cap, "cannot read %s: %s", path, strerror(errno));
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
        smsrep__say(errbuf, cap, "%s is empty", path);
        free(buf);
        return SMSREP_E_DB_FORMAT;
    }
    im->owned = buf;
    im->data = buf;
    im->size = n;
    return SMSREP_OK;
}

int smsrep__image_copy(const void *data, size_t size, image *im, char *errbuf, size_t cap)
{
    if (size == 0) {
        smsrep__say(errbuf, cap, "the database is empty");
        return SMSREP_E_DB_FORMAT;
    }
    if (size > MAX_IMAGE) {
        smsrep__say(errbuf, cap, "the image is larger than %zu bytes", MAX_IMAGE);
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

void smsrep__image_free(image *im)
{
    free(im->owned);
    im->owned = NULL;
    im->data = NULL;
    im->size = 0;
}
