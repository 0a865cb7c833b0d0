/* SPDX-License-Identifier: Apache-2.0
 * adapters.c: reads the sender the way each SMS gateway hands it over: the
 * headers of an smstools3 message file, gammu-smsd's RunOnReceive environment,
 * and Kannel's URL-encoded escape codes. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

/* Strips blanks and a line end from both ends of s[0..*len), in place. */
static char *strip(char *s, size_t *len)
{
    while (*len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\r' ||
                        s[*len - 1] == '\n'))
        (*len)--;
    s[*len] = '\0';
    return s;
}

/* The header block ends at the first empty line; "From_TOA: 91 international,
 * ISDN/telephone" begins with the octet in hex. */
int adapter_smstools(const char *path, char **sender, int *toa)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    *sender = NULL;
    *toa = -1;
    if (f == NULL) {
        perror(path);
        return -1;
    }
    while ((n = getline(&line, &cap, f)) != -1) {
        size_t len = (size_t)n;
        char *header = strip(line, &len);
        if (header[0] == '\0')
            break;
        /* Every header is "Name: value"; a line that is not was cut from
         * the one before by a line feed the sender or text held. */
        if (strchr(header, ':') == NULL) {
            *toa = -2;
            break;
        }
        if (strncmp(header, "From:", 5) == 0 && *sender == NULL) {
            len = strlen(header + 5);
            *sender = strdup(strip(header + 5, &len));
            if (*sender == NULL)
                break;
        } else if (strncmp(header, "From_TOA:", 9) == 0) {
            char *end;
            unsigned long octet = strtoul(header + 9, &end, 16);
            if (end != header + 9 && octet <= 0xFF)
                *toa = (int)octet;
        }
    }
    free(line);
    if (ferror(f)) {
        perror(path);
        fclose(f);
        free(*sender);
        *sender = NULL;
        return -1;
    }
    fclose(f);
    if (*sender == NULL) {
        fprintf(stderr, cli_text("smsrep: %s has no From: header\n",
                                 "smsrep: %s に From: ヘッダーがありません\n"),
                path);
        return -1;
    }
    return 0;
}

/* SMS_MESSAGES counts the messages of one RunOnReceive call; SMS_<n>_NUMBER
 * holds each one's sender, "+447700900123", "07700900123" or "VODAFONE". */
int adapter_gammu_count(void)
{
    const char *v = getenv("SMS_MESSAGES");
    char *end;
    long n;
    if (v == NULL || *v == '\0') {
        fputs(cli_text("smsrep: --gammu-env: SMS_MESSAGES is not set (is this gammu-smsd's "
                       "RunOnReceive?)\n",
                       "smsrep: --gammu-env: SMS_MESSAGES がありません（gammu-smsd の "
                       "RunOnReceive から呼ばれましたか？）\n"),
              stderr);
        return -1;
    }
    n = strtol(v, &end, 10);
    if (*end != '\0' || n < 0 || n > 1000) {
        fputs(cli_text("smsrep: --gammu-env: SMS_MESSAGES is not a count\n",
                       "smsrep: --gammu-env: SMS_MESSAGES が件数ではありません\n"),
              stderr);
        return -1;
    }
    return (int)n;
}

const char *adapter_gammu_number(int i)
{
    char name[32];
    snprintf(name, sizeof name, "SMS_%d_NUMBER", i);
    return getenv(name);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Kannel's escape codes are form-encoded: '+' is a space and "%2B" a '+'.
 * A '%' not followed by two hex digits is kept as it is. */
size_t adapter_urldecode(char *s, size_t len)
{
    size_t in = 0, out = 0;
    while (in < len) {
        if (s[in] == '%' && in + 2 < len && hexval(s[in + 1]) >= 0 && hexval(s[in + 2]) >= 0) {
            s[out++] = (char)(hexval(s[in + 1]) * 16 + hexval(s[in + 2]));
            in += 3;
        } else {
            s[out++] = s[in] == '+' ? ' ' : s[in];
            in++;
        }
    }
    if (out < len)
        s[out] = '\0';
    return out;
}
