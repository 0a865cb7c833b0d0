/* SPDX-License-Identifier: Apache-2.0
 * request.h (private to smsrepd): one check as a client asks for it, read
 * from a form-encoded line (the Unix socket) or HTTP query values. */
#ifndef SMSREPD_REQUEST_H
#define SMSREPD_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#include "smsrep.h"

#define REQUEST_RECIPIENT_MAX 64u
/* How the answer is written (the field format): smsrep check --json's
 * line, --env's assignments for one input, or the text line for people. */
enum request_format { REQUEST_JSON, REQUEST_ENV, REQUEST_TEXT };

/* The longest request line: every field percent-encoded. */
#define REQUEST_LINE_MAX (3u * (SMSREP_SENDER_MAX + REQUEST_RECIPIENT_MAX + SMSREP_TEXT_MAX) + 256u)

typedef struct request {
    char sender[SMSREP_SENDER_MAX + 1];
    size_t sender_len;
    char recipient[REQUEST_RECIPIENT_MAX + 1];
    size_t recipient_len;      /* 0: no burst state asked for */
    char region[3];
    uint32_t hint;
    char text[SMSREP_TEXT_MAX + 1];
    size_t text_len;
    int has_text;
    int64_t time;              /* 0: now */
    int format;                /* enum request_format; json unless asked */
    int japanese;              /* lang=ja: the text line in Japanese */
    unsigned seen;             /* fields given, one bit each */
} request;

void request_init(request *r);

/* One field, its value already decoded. 0, or -1 with *why set (a
 * constant: an unknown or repeated field, a value too long or malformed). */
int request_set(request *r, const char *key, size_t key_len, const char *value, size_t value_len,
                const char **why);

/* A whole line: key=value pairs joined by &, percent-encoded, + for a
 * space (application/x-www-form-urlencoded), without its line feed.
 * 0, or -1 with *why set; a sender is required. */
int request_parse(request *r, const char *line, size_t len, const char **why);

/* After HTTP's own parsing: -1 with *why when no sender was given. */
int request_complete(const request *r, const char **why);

/* Decodes one form-encoded key or value s[0..n) ('+' a space, %XX a byte)
 * into out, room for cap bytes; its length, or (size_t)-1 for a bad escape
 * or no room. */
size_t request_decode(const char *s, size_t n, char *out, size_t cap);

#endif
