/* SPDX-License-Identifier: Apache-2.0
 * kannel.h (private to smsrepd): GET /kannel, Kannel's get-url: judges the
 * sender, logs one verdict line, and redirects to the operator's
 * application (--next) or holds the message in the quarantine. */
#ifndef SMSREPD_KANNEL_H
#define SMSREPD_KANNEL_H

#include <stdio.h>
#include <time.h>

#include "judge.h"
#include "request.h"
#include "smsrep.h"

typedef struct kannel_config {
    const char *next;       /* --next URL; NULL: 200 with an empty body */
    const char *quarantine; /* --quarantine DIR; NULL: a held message is only logged */
    const char *log;        /* --log FILE; NULL: verdict lines go nowhere */
} kannel_config;

/* What became of one message. */
typedef struct kannel_outcome {
    const char *error;        /* NULL judged; else the error NAME (no_sender,
                                 bad_request, or the check's status name) */
    smsrep_verdict v;
    int has_burst;            /* 0: no recipient, or the tracker failed */
    smsrep_burst_state burst;
} kannel_outcome;

/* Reads the fields smsrepd knows (sender, recipient, region, hint, text,
 * time) from a raw query (without '?'), percent-decoding them; any other
 * field is skipped, not refused. 0, or -1 with *why set. */
int kannel_fields(request *r, const char *query, size_t len, const char **why);

/* Judges r (unless why says it could not be read) into o, with the
 * recipient's burst state. */
void kannel_judge(judge *j, const request *r, const char *why, kannel_outcome *o);

/* 1 when the message goes on to the application; 0 when it is held
 * (blocked, or not judged). */
int kannel_passes(const kannel_outcome *o);

/* The query as passed on: every byte that is not printable ASCII (or is
 * '#') percent-encoded, and fields named smsrep_* left out (only smsrepd
 * sets those). sep is put between fields ("&" for a URL, "\n" for the
 * quarantine); the number of fields written. */
size_t kannel_query_out(FILE *f, const char *query, size_t len, const char *sep);

/* The verdict as fields: smsrep_class, smsrep_recommendation,
 * smsrep_reasons (space-joined, form-encoded: '+'), smsrep_burst
 * (started|on|off), or smsrep_error for a message not judged; lead before
 * the first, sep between them. */
void kannel_verdict_fields(FILE *f, const kannel_outcome *o, const char *lead, const char *sep);

/* The redirect's Location: next, then '?' or '&', the query passed on and
 * the verdict fields. A new string for free(), or NULL. */
char *kannel_location(const char *next, const char *query, size_t len, const kannel_outcome *o);

/* One verdict line, as the gateway handlers write them:
 * "2026-11-26T14:47:22Z smsrep SENDER CLASS REC NORMALIZED [reasons]" and
 * " burst=started senders=N" or " burst=on senders=N", " store=degraded";
 * or "... smsrep SENDER error NAME". Every value escaped (cli_escape). */
void kannel_log_line(FILE *f, time_t now, const request *r, const kannel_outcome *o);

/* Holds a message: its query passed on and the verdict, one field per line,
 * in dir/<date>_<time>_<counter>.blocked (or .error), written to a hidden
 * temporary name, fsync'd, then linked to a name no other file has (never
 * over one) with mode 0600. 0, or -1 with errno set. name (room for 64
 * bytes) receives the file's name. */
int kannel_hold(const char *dir, time_t now, const char *query, size_t len,
                const kannel_outcome *o, char *name);

/* The whole request: the HTTP status to answer (200, 302 with *location
 * set for free(), or 500 when a held message could not be written). */
unsigned kannel_answer(const kannel_config *k, judge *j, const char *query, size_t len,
                       char **location);

#endif
