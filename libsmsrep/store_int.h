/* SPDX-License-Identifier: Apache-2.0
 * store_int.h: what store.c (images, connections, the pool) and lookup.c
 * (the queries) share: the insides of the handle and of a connection.
 * Private to those two files. */
#ifndef SMSREP_STORE_INT_H
#define SMSREP_STORE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <sqlite3.h>

#include "cache.h"
#include "filter.h"
#include "lookalike.h"
#include "store.h"
#include "text.h"

/* The statements every connection prepares; those on the overlay only when
 * one is attached. lookup.c owns their text. */
enum stmt {
    ST_RANGE, ST_KNOWN, ST_SHORT, ST_SENDER, ST_ALNUM_RULE, ST_SOURCE, ST_CALLING,
    ST_OV_NUMBER, ST_OV_SHORT, ST_OV_SENDER, ST_OV_REPORT, ST_OV_SOURCE,
    ST_COUNT,
    ST_FIRST_OVERLAY = ST_OV_NUMBER
};
extern const char *const smsrep__stmt_sql[ST_COUNT];

/* Sources remembered per connection: a report names the source of every
 * verdict, and a stream of verdicts names few sources. */
#define SOURCE_MEMO 4

struct store_conn {
    const struct smsrep_db *owner;
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    sender_cache cache;         /* verdicts this connection has given */
    struct {                    /* the sources it looked up last, by the id asked */
        char id[SMSREP_SOURCE_ID_SIZE];
        smsrep_source_info info;
    } sources[SOURCE_MEMO];
    unsigned next_source;       /* the slot the next new source takes */
    atomic_int busy;            /* 1 while a check holds the connection */
    struct store_conn *next;    /* the pool, in the order of opening */
};

/* A database image in memory, shared read-only by every connection. */
typedef struct image {
    const unsigned char *data;
    size_t size;                /* 0: no image */
    unsigned char *owned;       /* data, when this handle allocated it */
} image;

struct smsrep_db {
    image main;                 /* the bundled database */
    image overlay;              /* the operator's overlay, if any */
    int embedded;               /* main is the copy compiled into the library */
    uint32_t range_lengths;     /* bit n: some number_range prefix has n digits */
    prefix_filter ranges;       /* the number_range prefixes */
    uint32_t short_lengths;     /* the same for short_code */
    uint32_t overlay_lengths;   /* the same for the overlay's number rules */
    char data_version[32];
    char overlay_version[32];
    lookalike_set names;        /* every name an alphanumeric ID may imitate */
    text_book book;             /* every brand's names and domains, for message texts */
    size_t cache_entries;       /* verdicts each connection keeps; 0: none */
    shared_cache shared;        /* verdicts the connections share */
    uint64_t id;                /* unique in the process, never reused */
    pthread_mutex_t lock;       /* guards the list `all` only */
    store_conn *all;            /* every connection, free or busy */
};

/* Text from a database, which may come from outside: repaired to UTF-8. */
void smsrep__column_text(sqlite3_stmt *st, int col, char *dst, size_t cap);

/* The status for an SQLite result code met during a lookup. */
int smsrep__query_status(int rc);

#endif
