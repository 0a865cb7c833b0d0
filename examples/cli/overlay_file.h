/* SPDX-License-Identifier: Apache-2.0
 * overlay_file.h: changing an operator's overlay file safely, and the keys
 * of its rules. Shared by "smsrep overlay", "smsrep db import" and the
 * importers' fuzz target. */
#ifndef SMSREP_OVERLAY_FILE_H
#define SMSREP_OVERLAY_FILE_H

#include <sqlite3.h>
#include <stdint.h>

#include "smsrep.h"

/* An overlay being changed: FILE.lock is held and FILE is copied (or a new
 * overlay made) into a temporary file beside it, inside a transaction.
 * path NULL: an overlay in memory that is never saved (the fuzz target). */
typedef struct overlay_file {
    const char *path;
    char tmp[4200];
    char lock[4200];
    int lock_fd;
    sqlite3 *db;
} overlay_file;

/* Each returns 0, or -1 after writing why into why[cap]. */
int overlay_begin(overlay_file *o, const char *path, char *why, size_t cap);
/* Stamps overlay_version, commits, syncs and renames the copy over FILE. */
int overlay_commit(overlay_file *o, char *why, size_t cap);
/* Throws the change away; FILE is as it was. Safe after a failed begin. */
void overlay_abort(overlay_file *o);

/* A rule's key in the forms the library looks up. */
typedef struct rule_key {
    char kind[16];                        /* number | short_code | sender_id */
    char region[4];                       /* '' numbers; region; region or '*' */
    char prefix[SMSREP_NORMALIZED_SIZE];
    int min_len, max_len;                 /* numbers only, else 0 */
    char shown[SMSREP_NORMALIZED_SIZE + 32]; /* for people: "+819012345678", "US 22000" */
} rule_key;

/* The key of a sender as it would arrive, computed by checking it against
 * the reference database db (so the key is what lookups compute). */
int rule_key_of_sender(smsrep_db *db, const char *sender, size_t len, const char *region,
                       uint32_t hint, rule_key *k, char *why, size_t cap);
/* The key of a range: E.164 digits ('+' allowed) and "N" or "N-M" digits in
 * all, country code included. */
int rule_key_of_range(const char *prefix, const char *lengths, rule_key *k, char *why, size_t cap);

int overlay_put_rule(overlay_file *o, const rule_key *k, const char *action, const char *note,
                     const char *source, char *why, size_t cap);
/* Sets *removed to the number of rules removed (0 or 1). */
int overlay_remove_rule(overlay_file *o, const rule_key *k, int *removed, char *why, size_t cap);
int overlay_put_source(overlay_file *o, const char *id, const char *name, const char *url,
                       const char *licence, const char *credit, char *why, size_t cap);
/* Adds one complaint about number (E.164 digits) seen on date (YYYY-MM-DD). */
int overlay_add_report(overlay_file *o, const char *number, const char *source, const char *date,
                       int robocall, char *why, size_t cap);
/* Whether a file with this digest was imported for source before, and
 * remembering that it now is. */
int overlay_imported_before(overlay_file *o, const char *source, const char *digest, int *seen,
                            char *why, size_t cap);
int overlay_note_import(overlay_file *o, const char *source, const char *digest, const char *file,
                        long rows, char *why, size_t cap);

/* Today's date (UTC) as YYYY-MM-DD. */
void overlay_today(char out[11]);

#endif
