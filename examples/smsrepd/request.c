/* SPDX-License-Identifier: Apache-2.0
 * request.c: smsrepd's request parser: form-encoded fields into fixed
 * buffers, every length checked; the fuzz target fuzz_smsrepd drives it. */
#include "request.h"
#include "cli.h"

#include <string.h>

enum {
    F_SENDER = 1, F_RECIPIENT = 2, F_REGION = 4, F_HINT = 8, F_TEXT = 16, F_TIME = 32,
    F_FORMAT = 64, F_LANG = 128
};

void request_init(request *r)
{
    memset(r, 0, sizeof *r);
}

static int is(const char *key, size_t len, const char *name)
{
    return strlen(name) == len && memcmp(key, name, len) == 0;
}

static int copy(char *dst, size_t cap, size_t *len, const char *v, size_t n)
{
    if (n > cap)
        return -1;
    memcpy(dst, v, n);
    dst[n] = '\0';
    if (len != NULL)
        *len = n;
    return 0;
}

/* Unix seconds, decimal, 1 to 10^12 (the year 33658): nothing else. */
static int parse_time(const char *v, size_t n, int64_t *out)
{
    int64_t t = 0;
    size_t i;
    if (n == 0 || n > 12)
        return -1;
    for (i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return -1;
        t = t * 10 + (v[i] - '0');
    }
    if (t == 0)
        return -1;
    *out = t;
    return 0;
}

int request_set(request *r, const char *key, size_t key_len, const char *value, size_t value_len,
                const char **why)
{
    unsigned bit;
    int hint;
    if (is(key, key_len, "sender"))
        bit = F_SENDER;
    else if (is(key, key_len, "recipient"))
        bit = F_RECIPIENT;
    else if (is(key, key_len, "region"))
        bit = F_REGION;
    else if (is(key, key_len, "hint"))
        bit = F_HINT;
    else if (is(key, key_len, "text"))
        bit = F_TEXT;
    else if (is(key, key_len, "time"))
        bit = F_TIME;
    else if (is(key, key_len, "format"))
        bit = F_FORMAT;
    else if (is(key, key_len, "lang"))
        bit = F_LANG;
    else {
        *why = "unknown field (sender, recipient, region, hint, text, time, format, lang)";
        return -1;
    }
    if (r->seen & bit) {
        *why = "a field given twice";
        return -1;
    }
    r->seen |= bit;
    switch (bit) {
    case F_SENDER:
        if (copy(r->sender, SMSREP_SENDER_MAX, &r->sender_len, value, value_len) != 0) {
            *why = "sender longer than SMSREP_SENDER_MAX bytes";
            return -1;
        }
        return 0;
    case F_RECIPIENT:
        if (copy(r->recipient, REQUEST_RECIPIENT_MAX, &r->recipient_len, value, value_len) != 0) {
            *why = "recipient longer than 64 bytes";
            return -1;
        }
        return 0;
    case F_REGION:
        if (value_len != 2 || copy(r->region, 2, NULL, value, value_len) != 0) {
            *why = "region is not two letters";
            return -1;
        }
        return 0;
    case F_HINT:
        hint = smsrep_hint_from_name(value, value_len);
        if (hint < 0) {
            *why = "hint is not unknown, international, national, alphanumeric or short_code";
            return -1;
        }
        r->hint = (uint32_t)hint;
        return 0;
    case F_TEXT:
        /* The library reads no more than SMSREP_TEXT_MAX bytes of text. */
        if (value_len > SMSREP_TEXT_MAX)
            value_len = SMSREP_TEXT_MAX;
        copy(r->text, SMSREP_TEXT_MAX, &r->text_len, value, value_len);
        r->has_text = 1;
        return 0;
    case F_FORMAT:
        if (is(value, value_len, "json"))
            r->format = REQUEST_JSON;
        else if (is(value, value_len, "env"))
            r->format = REQUEST_ENV;
        else if (is(value, value_len, "text"))
            r->format = REQUEST_TEXT;
        else {
            *why = "format is not json, env or text";
            return -1;
        }
        return 0;
    case F_LANG:
        if (!is(value, value_len, "en") && !is(value, value_len, "ja")) {
            *why = "lang is not en or ja";
            return -1;
        }
        r->japanese = value[0] == 'j';
        return 0;
    default:
        if (parse_time(value, value_len, &r->time) != 0) {
            *why = "time is not Unix seconds";
            return -1;
        }
        return 0;
    }
}

/* Decodes s[0..n) into out (room for cap bytes); the decoded length, or
 * (size_t)-1 for a bad escape or no room. */
static size_t decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (o == cap)
            return (size_t)-1;
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            int hi, lo;
            if (i + 2 >= n)
                return (size_t)-1;
            hi = cli_hex_digit(s[i + 1]);
            lo = cli_hex_digit(s[i + 2]);
            if (hi < 0 || lo < 0)
                return (size_t)-1;
            c = (char)(hi * 16 + lo);
            i += 2;
        }
        out[o++] = c;
    }
    return o;
}

int request_parse(request *r, const char *line, size_t len, const char **why)
{
    char key[16], value[SMSREP_TEXT_MAX + 1];
    size_t i = 0;
    request_init(r);
    if (len > REQUEST_LINE_MAX) {
        *why = "request line too long";
        return -1;
    }
    while (i < len) {
        size_t end = i, eq, kl, vl;
        while (end < len && line[end] != '&')
            end++;
        eq = i;
        while (eq < end && line[eq] != '=')
            eq++;
        if (eq == end) {
            *why = "a field without =";
            return -1;
        }
        kl = decode(line + i, eq - i, key, sizeof key);
        vl = decode(line + eq + 1, end - eq - 1, value, sizeof value);
        if (kl == (size_t)-1 || vl == (size_t)-1) {
            *why = "bad percent-encoding or a value too long";
            return -1;
        }
        if (request_set(r, key, kl, value, vl, why) != 0)
            return -1;
        i = end + 1;
    }
    return request_complete(r, why);
}

int request_complete(const request *r, const char **why)
{
    if (!(r->seen & F_SENDER)) {
        *why = "no sender";
        return -1;
    }
    return 0;
}

size_t request_decode(const char *s, size_t n, char *out, size_t cap)
{
    return decode(s, n, out, cap);
}
