/* SPDX-License-Identifier: Apache-2.0
 * cli.h: declarations shared by the files of the smsrep command line. */
#ifndef SMSREP_CLI_H
#define SMSREP_CLI_H

#include <stdio.h>

#include "smsrep.h"

/* Exit statuses: every sender allowed; some flagged or blocked; an error. */
enum { EXIT_ALLOW = 0, EXIT_FLAGGED = 1, EXIT_ERROR = 2 };

/* Options common to the commands that open a database. */
typedef struct cli_db_options {
    const char *db;        /* --db FILE, NULL for the embedded copy */
    const char *overlay;   /* --overlay FILE */
} cli_db_options;

/* 1 when LC_ALL, LC_MESSAGES or LANG (the first one set) selects Japanese. */
int cli_japanese(void);

/* Opens the database named by the options; prints why on failure. */
int cli_open(const cli_db_options *o, smsrep_db **db);

/* Writes s[0..len) as a JSON string, quotes included; invalid UTF-8 bytes
 * become U+FFFD. */
void json_string(FILE *f, const char *s, size_t len);
void json_cstring(FILE *f, const char *s);

/* One result line for a sender: JSON Lines or text for people. */
void report_verdict(FILE *f, smsrep_db *db, const char *input, size_t len,
                    const smsrep_verdict *v, int json, int japanese);
void report_error(FILE *f, const char *input, size_t len, int status, int json, int japanese);

/* Unix seconds, or YYYY-MM-DD[THH:MM[:SS][Z]] in UTC; 0 on success. */
int cli_parse_time(const char *s, int64_t *out);

int cmd_check(int argc, char **argv);
int cmd_burst(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_overlay(int argc, char **argv);

#endif
