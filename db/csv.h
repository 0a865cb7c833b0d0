/* SPDX-License-Identifier: Apache-2.0
 * csv.h: a small RFC 4180 reader for the data files, with line numbers for
 * error messages. Used by the database builder and by the smsrep command's
 * importers, not by the library. */
#ifndef SMSREP_CSV_H
#define SMSREP_CSV_H

#include <stddef.h>

#define CSV_MAX_FIELDS 16

typedef struct csv_reader {
    const char *path;
    char *data;          /* the whole file, unquoted in place */
    size_t size, pos;
    unsigned line;       /* line of the next record */
    char error[160];
} csv_reader;

typedef struct csv_record {
    unsigned line;       /* where the record starts */
    int count;
    char *field[CSV_MAX_FIELDS];
} csv_record;

/* Reads a file; returns 0, or -1 with r->error set. */
int csv_open(csv_reader *r, const char *path);
/* Reads from a copy of data[0..size); name stands in for the path. */
int csv_open_buffer(csv_reader *r, const char *name, const void *data, size_t size);
void csv_close(csv_reader *r);

/* The next record, skipping blank lines and lines starting with '#'.
 * Returns 1 with *rec filled, 0 at the end, -1 with r->error set. */
int csv_next(csv_reader *r, csv_record *rec);

#endif
