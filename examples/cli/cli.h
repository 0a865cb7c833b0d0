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
/* Ends a JSON line: the "schema" key, which every JSON line carries last,
 * the closing brace and the line feed. CLI_JSON_SCHEMA is the version of
 * doc/smsrep-output.schema.json the lines follow. */
#define CLI_JSON_SCHEMA 1
void json_end(FILE *f);

/* Text for people, logs and shells (escape.c): printable ASCII and UTF-8
 * pass; a backslash, control bytes, invalid UTF-8, C1, bidi and zero-width
 * characters become \\, \n, \xNN or \u{XXXX}, so no output line can be
 * forged, hidden or reordered. cli_escaped() returns a new string for free()
 * or NULL when out of memory. UTF-8 is decoded by the library's own
 * utf8.c, compiled into the command. */
void cli_escape(FILE *f, const char *s, size_t len);
void cli_escape_c(FILE *f, const char *s);
char *cli_escaped(const char *s, size_t len);
/* The value of a hexadecimal digit (0-9, a-f, A-F), or -1: what a percent
 * escape is read with, by Kannel's adapter and smsrepd's requests alike. */
int cli_hex_digit(char c);
/* 1 when s[0..len) holds nothing cli_escape() would write as an escape,
 * backslashes apart: text already escaped passes, a raw control byte,
 * invalid UTF-8 or a bidi control does not. */
int cli_printable(const char *s, size_t len);

/* One result line for a sender: JSON Lines or text for people. */
void report_verdict(FILE *f, smsrep_db *db, const char *input, size_t len,
                    const smsrep_verdict *v, int json, int japanese);
void report_error(FILE *f, const char *input, size_t len, int status, int json, int japanese);
/* An error found by the command line, not the library: NAME is [a-z_]. */
void report_error_named(FILE *f, const char *input, size_t len, const char *name,
                        const char *message, int json, int japanese);

/* The burst state smsrepd adds to a verdict (burst_report.c), NULL for
 * none (no recipient, or checked in-process): the JSON member "burst"
 * (null or an object); burst_json_line() writes a check --json line with
 * that member put before its closing "schema" (-1 when line is not one);
 * the --env fields SMSREP_<n>_BURST ('started', 'on', 'off'; '' for none),
 * _BURST_SENDERS and _BURST_DEGRADED ('0', '1'); the text words
 * " burst=started senders=N", " burst=on senders=N", " store=degraded". */
void burst_json(FILE *f, const smsrep_burst_state *st);
int burst_json_line(FILE *f, const char *line, size_t len, const smsrep_burst_state *st);
void burst_env(FILE *f, unsigned n, const smsrep_burst_state *st);
void burst_text(FILE *f, const smsrep_burst_state *st);

/* Unix seconds, or YYYY-MM-DD[THH:MM[:SS][Z]] in UTC; 0 on success. */
int cli_parse_time(const char *s, int64_t *out);

/* The verdict as shell assignments SMSREP_<n>_FIELD='value' (env.c). */
void env_verdict(FILE *f, unsigned n, const char *input, size_t len, const smsrep_verdict *v);
void env_error(FILE *f, unsigned n, const char *input, size_t len, int status);
void env_error_named(FILE *f, unsigned n, const char *input, size_t len, const char *name,
                     const char *message);
void env_count(FILE *f, unsigned count);

/* Gateway adapters (adapters.c). adapter_smstools() reads From: and
 * From_TOA: (*toa = -1 when absent, -2 when a line of the header block is no
 * header, so a line feed cut it) from an smstools3 message file into a
 * new string for free(), and the body after the header block, decoded from
 * its Alphabet: into UTF-8, into *text (NULL: no text, as a binary body or
 * a header block cut short has none); returns 0, or -1 after saying why on
 * stderr. */
int adapter_smstools(const char *path, char **sender, int *toa, char **text, size_t *text_len);
/* gammu-smsd RunOnReceive: SMS_MESSAGES, or -1 after saying why. */
int adapter_gammu_count(void);
/* SMS_<i>_NUMBER, or NULL. */
const char *adapter_gammu_number(int i);
/* The one text of the n parts (DECODED_1_TEXT, or SMS_<i>_TEXT joined) as
 * a new string for free(), or NULL when none has a text. */
char *adapter_gammu_text(int n, size_t *len);
/* Decodes Kannel's URL encoding in place; returns the new length. */
size_t adapter_urldecode(char *s, size_t len);

/* smsrep check --server (server.c, reply.c): the formats an answer comes
 * in, as the request field format names them. */
enum { SERVER_JSON, SERVER_ENV, SERVER_TEXT };
/* The longest answer read from smsrepd, and how long one may take. */
#define SERVER_REPLY_MAX 65536
#define SERVER_TIMEOUT_MS 3000
/* A connected socket to smsrepd at path (send and connect time out), or -1. */
int server_connect(const char *path);
/* Appends key=value to a request line, the value percent-encoded (every
 * byte but ALNUM - _ .); *first: no '&' before it. */
void server_field(FILE *f, int *first, const char *key, const char *value, size_t len);
/* Sends line[0..len) (ending in a line feed) and reads its whole answer
 * into buf[cap] within SERVER_TIMEOUT_MS; its length, or 0 when the daemon
 * did not answer whole in time (closed, refused, cut, too long, late). */
size_t server_ask(int fd, int format, const char *line, size_t len, char *buf, size_t cap);
/* The length of the first whole answer in buf[0..len) (json: one line;
 * env: up to and with its SMSREP_COUNT= line; text: two lines), 0 when
 * it is not all there. */
size_t reply_length(int format, const char *buf, size_t len);
/* 0 when reply[0..len) is one well-formed answer (never trusted: each
 * line's shape, quoting, UTF-8 and escapes checked), with check's exit
 * status for it in *exit_status; -1 when it is not one. */
int reply_check(int format, const char *reply, size_t len, int *exit_status);
/* A checked answer as check prints it for its n-th input: json as it is,
 * env renumbered SMSREP_<n>_ and without its count, text without exit=N. */
void reply_print(FILE *f, int format, unsigned n, const char *reply, size_t len);

int cmd_check(int argc, char **argv);
int cmd_burst(int argc, char **argv);
int cmd_db(int argc, char **argv);
/* smsrep db build DIR OUT (db_build.c) */
int cli_db_build(const char *dir, const char *out);
int cmd_overlay(int argc, char **argv);

#endif
