/* SPDX-License-Identifier: Apache-2.0
 * reply.c: smsrepd's answers as smsrep check --server reads them: framed,
 * checked byte by byte against the exact shape the daemon writes (a cut,
 * garbled or forged answer is no answer), and printed as check prints. */
#include "cli.h"

#include "utf8.h"

#include <string.h>

#define JSON_DEPTH 8

/* The end of the JSON string at p (p at its quote), or NULL. Escapes are
 * JSON's; raw bytes are printable ASCII or valid UTF-8. */
static const char *json_skip_string(const char *p, const char *end)
{
    size_t n;
    uint32_t cp;
    if (p >= end || *p != '"')
        return NULL;
    p++;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            return p + 1;
        if (c == '\\') {
            if (p + 1 >= end)
                return NULL;
            if (p[1] == 'u') {
                int i;
                if (end - p < 6)
                    return NULL;
                for (i = 2; i < 6; i++)
                    if (!strchr("0123456789abcdefABCDEF", p[i]) || p[i] == '\0')
                        return NULL;
                p += 6;
            } else if (p[1] != '\0' && strchr("\"\\/bfnrt", p[1])) {
                p += 2;
            } else {
                return NULL;
            }
        } else if (c >= 0x20 && c < 0x7F) {
            p++;
        } else if (c >= 0x80 && (n = smsrep__utf8_decode(p, (size_t)(end - p), &cp)) > 0) {
            p += n;
        } else {
            return NULL;
        }
    }
    return NULL;
}

static const char *json_skip_number(const char *p, const char *end)
{
    const char *start;
    if (p < end && *p == '-')
        p++;
    start = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    if (p == start || (*start == '0' && p - start > 1))
        return NULL;
    if (p < end && *p == '.') {
        start = ++p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        if (p == start)
            return NULL;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        start = p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        if (p == start)
            return NULL;
    }
    return p;
}

static int literal(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/* The end of the JSON value at p, or NULL. No blanks: the daemon writes
 * none, so one is a sign of something else talking. */
static const char *json_skip_value(const char *p, const char *end, int depth)
{
    char close;
    if (p >= end || depth > JSON_DEPTH)
        return NULL;
    switch (*p) {
    case '"':
        return json_skip_string(p, end);
    case 't':
        return literal(p, end, "true") ? p + 4 : NULL;
    case 'f':
        return literal(p, end, "false") ? p + 5 : NULL;
    case 'n':
        return literal(p, end, "null") ? p + 4 : NULL;
    case '{':
    case '[':
        close = *p == '{' ? '}' : ']';
        p++;
        if (p < end && *p == close)
            return p + 1;
        for (;;) {
            if (close == '}') {
                if ((p = json_skip_string(p, end)) == NULL || p >= end || *p != ':')
                    return NULL;
                p++;
            }
            if ((p = json_skip_value(p, end, depth + 1)) == NULL || p >= end)
                return NULL;
            if (*p == close)
                return p + 1;
            if (*p != ',')
                return NULL;
            p++;
        }
    default:
        return json_skip_number(p, end);
    }
}

/* In the object at p (already checked), the value of member name and its
 * end in *vend, or NULL when it has none. */
static const char *json_member(const char *p, const char *end, const char *name,
                               const char **vend)
{
    size_t n = strlen(name);
    if (p >= end || *p != '{')
        return NULL;
    p++;
    while (p < end && *p == '"') {
        const char *key = p, *kend = json_skip_string(p, end), *v;
        if (kend == NULL || kend >= end)
            return NULL;
        v = kend + 1;
        *vend = json_skip_value(v, end, 1);
        if (*vend == NULL)
            return NULL;
        if ((size_t)(kend - key) == n + 2 && memcmp(key + 1, name, n) == 0)
            return v;
        p = *vend;
        if (p >= end || *p != ',')
            return NULL;
        p++;
    }
    return NULL;
}

static int span_is(const char *v, const char *vend, const char *word)
{
    return v != NULL && (size_t)(vend - v) == strlen(word) && memcmp(v, word, strlen(word)) == 0;
}

/* One line: a verdict or error object with "input", "burst" (null or an
 * object with in_burst) and "schema":1 last. */
static int check_json(const char *s, size_t len, int *exit_status)
{
    static const char tail[] = ",\"schema\":1}";
    const char *end = s + len - 1, *v, *vend, *b, *bend;
    int in_burst = 0;
    if (len < sizeof tail + 1 || s[len - 1] != '\n' || s[0] != '{' ||
        json_skip_value(s, end, 0) != end ||
        memcmp(end - (sizeof tail - 1), tail, sizeof tail - 1) != 0)
        return -1;
    if (json_member(s, end, "input", &vend) == NULL ||
        (b = json_member(s, end, "burst", &bend)) == NULL)
        return -1;
    if (!span_is(b, bend, "null")) {
        if (*b != '{')
            return -1;
        v = json_member(b, bend, "in_burst", &vend);
        if (!span_is(v, vend, "true") && !span_is(v, vend, "false"))
            return -1;
        in_burst = span_is(v, vend, "true");
    }
    if ((v = json_member(s, end, "error", &vend)) != NULL) {
        if (*v != '"')
            return -1;
        *exit_status = EXIT_ERROR;
        return 0;
    }
    v = json_member(s, end, "recommendation", &vend);
    if (span_is(v, vend, "\"allow\""))
        *exit_status = in_burst ? EXIT_FLAGGED : EXIT_ALLOW;
    else if (span_is(v, vend, "\"flag\"") || span_is(v, vend, "\"block\""))
        *exit_status = EXIT_FLAGGED;
    else
        return -1;
    return 0;
}

/* SMSREP_1_NAME='value': NAME of A-Z and _, value escaped text whose only
 * quote is '\'' (as env.c writes it), so eval keeps it data. */
static int env_line_ok(const char *s, size_t len)
{
    size_t i = 9, seg;
    if (len < 12 || memcmp(s, "SMSREP_1_", 9) != 0)
        return 0;
    while (i < len && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
        i++;
    if (i == 9 || len - i < 3 || s[i] != '=' || s[i + 1] != '\'' || s[len - 1] != '\'')
        return 0;
    i += 2;
    len--; /* the closing quote */
    while (i < len) {
        seg = i;
        while (i < len && s[i] != '\'')
            i++;
        if (!cli_printable(s + seg, i - seg))
            return 0;
        if (i < len) {
            if (len - i < 4 || memcmp(s + i, "'\\''", 4) != 0)
                return 0;
            i += 4;
        }
    }
    return 1;
}

static int line_is(const char *s, size_t len, const char *line)
{
    return strlen(line) == len && memcmp(s, line, len) == 0;
}

static int starts(const char *s, size_t len, const char *head)
{
    return len >= strlen(head) && memcmp(s, head, strlen(head)) == 0;
}

/* env: assignments numbered 1, then SMSREP_COUNT=1 and nothing after. */
static int check_env(const char *s, size_t len, int *exit_status)
{
    const char *p = s, *end = s + len, *nl;
    int input = 0, error = 0, rec = 0, allow = 0, burst = 0, in_burst = 0, senders = 0,
        degraded = 0;
    if (len == 0 || s[len - 1] != '\n')
        return -1;
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        size_t n = (size_t)(nl - p);
        if (nl + 1 == end) {
            if (!line_is(p, n, "SMSREP_COUNT=1"))
                return -1;
            break;
        }
        if (!env_line_ok(p, n))
            return -1;
        input |= starts(p, n, "SMSREP_1_INPUT='");
        error |= starts(p, n, "SMSREP_1_ERROR='");
        rec |= starts(p, n, "SMSREP_1_RECOMMENDATION='");
        allow |= line_is(p, n, "SMSREP_1_RECOMMENDATION='allow'");
        burst |= starts(p, n, "SMSREP_1_BURST='");
        in_burst |= line_is(p, n, "SMSREP_1_BURST='started'") ||
                    line_is(p, n, "SMSREP_1_BURST='on'");
        senders |= starts(p, n, "SMSREP_1_BURST_SENDERS='");
        degraded |= starts(p, n, "SMSREP_1_BURST_DEGRADED='");
        p = nl + 1;
    }
    if (!input || (error == rec) || !burst || !senders || !degraded)
        return -1;
    *exit_status = error ? EXIT_ERROR : allow && !in_burst ? EXIT_ALLOW : EXIT_FLAGGED;
    return 0;
}

/* text: the line for people, then exit=N and nothing after. */
static int check_text(const char *s, size_t len, int *exit_status)
{
    const char *nl = memchr(s, '\n', len);
    size_t n;
    if (nl == NULL || nl == s || !cli_printable(s, (size_t)(nl - s)))
        return -1;
    n = len - (size_t)(nl + 1 - s);
    if (n != 7 || memcmp(nl + 1, "exit=", 5) != 0 || nl[6] < '0' || nl[6] > '2' || nl[7] != '\n')
        return -1;
    *exit_status = nl[6] - '0';
    return 0;
}

size_t reply_length(int format, const char *buf, size_t len)
{
    const char *p = buf, *end = buf + len, *nl;
    int lines = 0;
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        lines++;
        if (format == SERVER_JSON || (format == SERVER_TEXT && lines == 2) ||
            (format == SERVER_ENV && nl - p >= 13 && memcmp(p, "SMSREP_COUNT=", 13) == 0))
            return (size_t)(nl + 1 - buf);
        p = nl + 1;
    }
    return 0;
}

int reply_check(int format, const char *reply, size_t len, int *exit_status)
{
    if (len == 0 || reply_length(format, reply, len) != len)
        return -1;
    switch (format) {
    case SERVER_ENV: return check_env(reply, len, exit_status);
    case SERVER_TEXT: return check_text(reply, len, exit_status);
    default: return check_json(reply, len, exit_status);
    }
}

void reply_print(FILE *f, int format, unsigned n, const char *reply, size_t len)
{
    const char *p = reply, *end = reply + len, *nl;
    if (format == SERVER_JSON) {
        fwrite(reply, 1, len, f);
        return;
    }
    while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL && nl + 1 < end) {
        if (format == SERVER_TEXT) {
            fwrite(p, 1, (size_t)(nl + 1 - p), f);
            return;
        }
        /* SMSREP_1_NAME=... becomes SMSREP_<n>_NAME=... */
        fprintf(f, "SMSREP_%u_", n);
        fwrite(p + 9, 1, (size_t)(nl + 1 - p) - 9, f);
        p = nl + 1;
    }
}
