/* SPDX-License-Identifier: Apache-2.0
 * store_int.h: the insides of a store and of a connection, which store.c
 * (opening), lookup.c (the queries) and catalogue.c (provenance, counts)
 * share. Private to those three files. */
#ifndef SMSREP_STORE_INT_H
#define SMSREP_STORE_INT_H

#include <sqlite3.h>

#include "image.h"
#include "prefix_bloom.h"
#include "store.h"

/* The statements every connection prepares; those on the overlay only when
 * one is attached. lookup.c owns their text. */
enum stmt {
    ST_RANGE, ST_KNOWN, ST_SHORT, ST_SENDER, ST_ALNUM_RULE, ST_SOURCE, ST_CALLING, ST_DLT,
    ST_OV_NUMBER, ST_OV_SHORT, ST_OV_SENDER, ST_OV_REPORT, ST_OV_SOURCE,
    ST_COUNT,
    ST_FIRST_OVERLAY = ST_OV_NUMBER
};
extern const char *const smsrep__stmt_sql[ST_COUNT];

/* Sources remembered per connection: a report names the source of every
 * verdict, and a stream of verdicts names few sources. */
#define SOURCE_MEMO 4

struct store_conn {
    const struct store *owner;
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    struct {                    /* the sources it looked up last, by the id asked */
        char id[SMSREP_SOURCE_ID_SIZE];
        smsrep_source_info info;
    } sources[SOURCE_MEMO];
    unsigned next_source;       /* the slot the next new source takes */
};

struct store {
    image main;                 /* the bundled database */
    image overlay;              /* the operator's overlay, if any */
    int embedded;               /* main is the copy compiled into the library */
    uint32_t range_lengths;     /* bit n: some number_range prefix has n digits */
    prefix_bloom ranges;        /* the number_range prefixes */
    uint32_t short_lengths;     /* the same for short_code */
    uint32_t overlay_lengths;   /* the same for the overlay's number rules */
    char data_version[32];
    char overlay_version[32];
};

/* Text from a database, which may come from outside: repaired to UTF-8. */
void smsrep__column_text(sqlite3_stmt *st, int col, char *dst, size_t cap);

/* The status for an SQLite result code met during a lookup. */
int smsrep__query_status(int rc);

#endif
