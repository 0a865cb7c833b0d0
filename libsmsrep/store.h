/* SPDX-License-Identifier: Apache-2.0
 * store.h: the reputation database behind a handle: opening, the connection
 * pool and the lookups. Private to libsmsrep. */
#ifndef SMSREP_STORE_H
#define SMSREP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "smsrep.h"

/* The database schema this library reads: PRAGMA user_version, which
 * db/schema.sql sets and the builder checks against this value. */
#define SMSREP__SCHEMA_VERSION 4u
#define SMSREP__APPLICATION_ID 0x534D5352 /* "SMSR" */

/* The smsrep_db handle is the store. */
typedef struct smsrep_db store;
typedef struct store_conn store_conn;

/* The image embedded in the library (generated at build time). */
extern const unsigned char smsrep__embedded_db[];
extern const size_t smsrep__embedded_db_size;

enum confidence { CONF_LOW = 0, CONF_MEDIUM = 1, CONF_HIGH = 2 };

/* Signals a row can carry (the signal column of each table). */
enum signal {
    SIG_NONE = 0,
    SIG_PLAN, SIG_IP_PHONE, SIG_M2M, SIG_PREMIUM, SIG_INTERNATIONAL_NETWORK,
    SIG_FICTIONAL, SIG_CANNOT_ORIGINATE, SIG_UNALLOCATED,             /* number_range */
    SIG_REGISTERED, SIG_BRAND_SENDER, SIG_EMERGENCY,                  /* short_code */
    SIG_GENERIC, SIG_SCAM_MARKER,                                     /* sender_id */
    SIG_ALLOW, SIG_DENY,                                              /* overlay rules */
    SIG_REGISTRY_RELABELS, SIG_DLT, SIG_OPERATOR_CHARSET, SIG_NOT_DELIVERED /* alnum_rule */
};

/* Reports (complaints) count for less as they age: a report's weight halves
 * every REPORT_HALF_LIFE_DAYS after the day it was last seen. */
#define REPORT_HALF_LIFE_DAYS 90.0

/* The name of a signal as the CSV files and the database spell it, and back
 * (-1 for an unknown name). */
const char *smsrep__signal_name(int signal);
int smsrep__signal_from_name(const char *name);
/* Confidence names "low", "medium", "high"; -1 for others. */
int smsrep__confidence_from_name(const char *name);

/* One matching row, whichever table it came from. */
typedef struct store_row {
    int found;
    int signal;                       /* enum signal */
    int confidence;                   /* enum confidence */
    uint32_t number_type;             /* 0 = none given */
    uint32_t reply_cost;
    char region[4];                   /* number_range: the range's country */
    int bank;                         /* sender_id: the brand is a bank */
    char brand[SMSREP_BRAND_SIZE];    /* display name, "" none */
    char source[SMSREP_SOURCE_ID_SIZE];
} store_row;

/* Complaints about a number in the overlay, across its data sets. */
typedef struct report_row {
    int found;
    uint32_t reports;                 /* all reports */
    double weight;                    /* reports, each halved per half-life of age */
    char source[SMSREP_SOURCE_ID_SIZE]; /* the data set that weighs most */
} report_row;

/* Opens from a file (read into memory once), from a copy of a memory image,
 * or from the embedded image (path and data both NULL); with an overlay when
 * overlay_path is not NULL. */
int smsrep__store_open(store **out, const char *path, const void *data, size_t size,
                       const char *overlay_path, char *errbuf, size_t errbuf_size);
void smsrep__store_close(store *s);

/* Borrow a connection for one check and give it back; never blocks on
 * another check. */
int smsrep__store_acquire(store *s, store_conn **out);
void smsrep__store_release(store *s, store_conn *c);

/* The borrowed connection's verdict cache, and in *entries the capacity in
 * force (0: off). */
sender_cache *smsrep__store_cache(store_conn *c, size_t *entries);
/* The cache the handle's connections share. */
shared_cache *smsrep__store_shared(store *s);
/* Sets the capacity of every connection's cache, and so of the shared one
 * (0 turns caching off). For
 * tests and the benchmark; call it before the handle is shared. */
void smsrep__store_set_cache(store *s, size_t entries);

/* Lookups; each returns SMSREP_OK (row->found tells) or E_DB_QUERY/E_NOMEM. */
int smsrep__store_range(store_conn *c, const char *e164, store_row *row);
int smsrep__store_known_number(store_conn *c, const char *e164, const char *region,
                               store_row *row);
int smsrep__store_short_code(store_conn *c, const char *region, const char *digits,
                             store_row *row);
int smsrep__store_sender_id(store_conn *c, const char *region, const char *canonical,
                            store_row *row);
/* What the recipient's networks do with alphanumeric IDs (row->signal
 * SIG_REGISTRY_RELABELS, SIG_DLT, SIG_OPERATOR_CHARSET or SIG_NOT_DELIVERED). */
int smsrep__store_alnum_rule(store_conn *c, const char *region, store_row *row);
/* Is the calling code at the start of these E.164 digits known to be
 * unassigned? (row->signal SIG_UNALLOCATED) */
int smsrep__store_calling_code(store_conn *c, const char *digits, store_row *row);

/* The overlay's rules (row->signal SIG_ALLOW or SIG_DENY) and reports; all
 * report nothing found when no overlay is attached. now: Unix seconds. */
int smsrep__store_overlay_number(store_conn *c, const char *e164, store_row *row);
int smsrep__store_overlay_short(store_conn *c, const char *region, const char *digits,
                                store_row *row);
int smsrep__store_overlay_sender(store_conn *c, const char *region, const char *canonical,
                                 store_row *row);
int smsrep__store_reports(store_conn *c, const char *e164, int64_t now, report_row *out);

/* Every name an alphanumeric ID may imitate, and every brand's names and
 * domains for reading message texts; both read once at open. */
const struct lookalike_set *smsrep__store_names(const store *s);
const struct text_book *smsrep__store_book(const store *s);

int smsrep__store_source(store *s, const char *id, smsrep_source_info *out);
int smsrep__store_info(store *s, smsrep_db_info *out);
int smsrep__store_counts(store *s, uint32_t group, smsrep_count *out, size_t cap,
                         size_t *total);

#endif
