/* SPDX-License-Identifier: Apache-2.0
 * image_check.h (private): what a database or overlay from outside may cost
 * and hold: its schema must be exactly the library's, and SQLite's work and
 * memory on it are bounded. */
#ifndef SMSREP_IMAGE_CHECK_H
#define SMSREP_IMAGE_CHECK_H

#include <stddef.h>
#include <sqlite3.h>

/* The schemas the library reads, embedded from db/schema.sql and
 * db/overlay.sql (NUL-terminated). */
extern const unsigned char smsrep__schema_sql[];
extern const unsigned char smsrep__overlay_sql[];

/* The longest string or blob SQLite may make on a connection over images
 * from outside; the library's values are a few hundred bytes at most. */
#define SMSREP__VALUE_MAX (64 * 1024)

/* Bounds a connection: values to SMSREP__VALUE_MAX, and (until
 * smsrep__image_unbound) its statements to a budget of virtual machine
 * steps that grows with the bytes of the images it reads. */
void smsrep__image_bound(sqlite3 *db, size_t image_bytes);
void smsrep__image_unbound(sqlite3 *db);

/* SQLITE_OK when SCHEMA's sqlite_schema (tables, indexes, their SQL text)
 * is exactly what running REFERENCE_SQL creates, bar the statistics table
 * ANALYZE adds; otherwise an SQLite error code, with why in errbuf. Reads
 * no row of the image's own tables, so nothing it declares is evaluated. */
int smsrep__image_schema_check(sqlite3 *db, const char *schema, const char *reference_sql,
                               char *errbuf, size_t cap);

#endif
