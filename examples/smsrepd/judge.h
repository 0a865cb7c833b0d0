/* SPDX-License-Identifier: Apache-2.0
 * judge.h (private to smsrepd): the daemon's state (one database handle,
 * swapped whole on reload, and one burst tracker) and a check as JSON. */
#ifndef SMSREPD_JUDGE_H
#define SMSREPD_JUDGE_H

#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>

#include "request.h"
#include "smsrep.h"

typedef struct file_id {
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    int exists;
} file_id;

typedef struct judge {
    pthread_rwlock_t lock;     /* checks read db; a reload swaps it */
    smsrep_db *db;
    const char *db_path;       /* NULL: the embedded database */
    const char *overlay_path;  /* NULL: none */
    file_id db_id, overlay_id;
    smsrep_burst *burst;
} judge;

/* Opens the database and overlay; 0, or -1 after logging why. */
int judge_open(judge *j, const char *db_path, const char *overlay_path, smsrep_burst *burst);
void judge_close(judge *j);

/* Opens the files again when force or when either changed on disk (a new
 * inode, size or time), and swaps the new handle in; a file that fails to
 * open leaves the old handle answering. 1 reloaded, 0 unchanged, -1 failed. */
int judge_reload(judge *j, int force);

/* Judges one request and writes its answer to f in the format it asked
 * for: json, one line, smsrep check --json's object with "burst" (null
 * without a recipient) before "schema"; env, smsrep check --env's
 * assignments numbered 1 with SMSREP_1_BURST, _BURST_SENDERS and
 * _BURST_DEGRADED, ended by SMSREP_COUNT=1; text, smsrep check's line with
 * the burst words, then exit=N (check's exit status for it alone). */
void judge_check(judge *j, const request *r, FILE *f);

/* The query a request asks: sender, hint, time, region and text. */
void judge_query(const request *r, smsrep_query *q);

/* Counts the check (status, v) towards the request's recipient (none: 0)
 * with the flags smsrep burst uses (a one-time code; anything not
 * allowed); 1 with *st the recipient's state, 0 without a recipient or
 * when the tracker failed. */
int judge_burst(judge *j, const request *r, int status, const smsrep_verdict *v,
                smsrep_burst_state *st);

/* An error line for a request that could not be read. */
void judge_error(FILE *f, const char *why);

/* Says one line on stderr the way a daemon under systemd does: "<N>" for
 * the journal's priority (3 error, 4 warning, 6 info), no timestamp. */
void say(int priority, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
