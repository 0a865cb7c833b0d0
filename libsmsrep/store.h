/* SPDX-License-Identifier: Apache-2.0
 * store.h: the reputation database at the bottom of the library: the
 * images of a handle's bundled database and overlay, what is known of them
 * at open, and SQLite connections over them. It knows nothing of verdicts,
 * caches or matchers. Private to libsmsrep. */
#ifndef SMSREP_STORE_H
#define SMSREP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "smsrep.h"

typedef struct store store;
typedef struct store_conn store_conn;

/* The image embedded in the library (generated at build time). */
extern const unsigned char smsrep__embedded_db[];
extern const size_t smsrep__embedded_db_size;

/* The source ids the library itself cites, named here once; every bundled
 * database must define them (checked at open). */
#define SOURCE_LIBPHONENUMBER "libphonenumber"

/* Opens from a file (read into memory once), from a copy of a memory image,
 * or from the embedded image (path and data both NULL); with an overlay when
 * overlay_path is not NULL. Also opens the first connection, which checks
 * the images, and hands it over in *first. */
int smsrep__store_open(store **out, store_conn **first, const char *path, const void *data,
                       size_t size, const char *overlay_path, char *errbuf, size_t errbuf_size);
/* NULL is a no-op; every connection must be closed first. */
void smsrep__store_close(store *s);

/* Another connection over the same images. */
int smsrep__conn_open(store *s, store_conn **out);
/* Resets the connection's statements after a check. */
void smsrep__conn_reset(store_conn *c);
void smsrep__conn_close(store_conn *c);

/* What a handle's description reports. */
int smsrep__store_embedded(const store *s);
int smsrep__store_has_overlay(const store *s);
const char *smsrep__store_data_version(const store *s);
const char *smsrep__store_overlay_version(const store *s);

/* Every name an alphanumeric ID may imitate and every brand's names and
 * domains, read row by row at open for the matchers above the store. Each
 * row comes as text fields (repaired to UTF-8) in the order of its enum;
 * a name row also has a kind (0 a brand's name or alias, 1 a registered
 * sender ID, 2 a generic one, 3 a country or purpose word, 4 an ordinary
 * word; lookalike.h's enum target_kind). The callback returns SMSREP_OK to go on, or
 * a status to stop with. */
enum name_field { NAME_REGION, NAME_CANONICAL, NAME_SKELETON, NAME_BRAND, NAME_SOURCE, NAME_FIELDS };
enum brand_field { BRAND_NAME_FIELD, BRAND_ALIASES_FIELD, BRAND_DOMAINS_FIELD, BRAND_SOURCE_FIELD,
                   BRAND_FIELDS };
/* A phrase row's kind is enum phrase_kind (text.h); a declaration row's is 0. */
enum phrase_field { PHRASE_CATEGORY_FIELD, PHRASE_LANG_FIELD, PHRASE_TEXT_FIELD,
                    PHRASE_SOURCE_FIELD, PHRASE_FIELDS };
enum declaration_field { DECL_BRAND_NAME_FIELD, DECL_REGION_FIELD, DECL_SCOPE_FIELD,
                         DECL_SOURCE_FIELD, DECL_FIELDS };
typedef int (*fields_taker)(void *ctx, int kind, const char *const *fields);
/* The rows a handle reads for its matchers: the names an ID may imitate,
 * the brands, the brands' declarations that their senders are complete (by
 * the brand's display name), and the phrases message texts are read for. */
enum store_rows { ROWS_NAMES, ROWS_BRANDS, ROWS_DECLARATIONS, ROWS_PHRASES, ROWS_KINDS };
int smsrep__store_each(store_conn *c, int rows, fields_taker take, void *ctx, char *errbuf,
                       size_t cap);

#endif
