/* SPDX-License-Identifier: Apache-2.0
 * image.h: database images in memory (the bundled database and an
 * operator's overlay): reading them once, checking what they are, and
 * lending them read-only to SQLite connections. Private to libsmsrep. */
#ifndef SMSREP_IMAGE_H
#define SMSREP_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

/* The bytes of one database, shared read-only by every connection. */
typedef struct image {
    const unsigned char *data;
    size_t size;                /* 0: no image */
    unsigned char *owned;       /* data, when the handle allocated it */
} image;

/* What each kind of image must be. */
typedef struct image_kind {
    const char *schema;         /* "main" or "overlay" */
    const char *what;           /* for messages */
    int64_t application_id;
    uint32_t version;
    const char *reference_sql;  /* the schema it must have exactly (image_check.c) */
} image_kind;

extern const image_kind smsrep__main_kind, smsrep__overlay_kind;

/* Each returns SMSREP_OK or a status, with a sentence in errbuf[cap]. */
int smsrep__image_read(const char *path, image *im, char *errbuf, size_t cap);
int smsrep__image_copy(const void *data, size_t size, image *im, char *errbuf, size_t cap);
void smsrep__image_free(image *im);

/* Gives a connection the image as kind's schema, read-only and shared. */
int smsrep__image_attach(sqlite3 *db, const image *im, const image_kind *k, char *errbuf,
                         size_t cap);
/* Checks, before any statement is prepared, that an attached image is of
 * the right kind and schema version and, unless it is trusted (the embedded
 * copy), that it is UTF-8 and intact. */
int smsrep__image_check(sqlite3 *db, const image_kind *k, int trusted, char *errbuf, size_t cap);

/* Runs a one-value statement; returns SQLITE_OK and its integer, or an
 * SQLite code. */
int smsrep__sql_int(sqlite3 *db, const char *sql, int64_t *value);
/* The status for an SQLite result code met while opening. */
int smsrep__open_status(int rc);
/* Writes an open error sentence, repaired to UTF-8 (it may quote an
 * untrusted database). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void smsrep__say(char *errbuf, size_t cap, const char *fmt, ...);

#endif
