/* SPDX-License-Identifier: Apache-2.0
 * timeparse.c: the times the command line reads: Unix seconds, or a UTC date
 * with an optional time of day (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z], or
 * with a space for the T). */
#define _DEFAULT_SOURCE /* timegm */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int cli_parse_time(const char *s, int64_t *out)
{
    struct tm tm;
    int consumed = 0, n;
    char *end;
    long long secs;

    memset(&tm, 0, sizeof tm);
    if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &consumed) == 3 &&
        consumed == 10 && tm.tm_year >= 1970 && tm.tm_mon >= 1 && tm.tm_mon <= 12 &&
        tm.tm_mday >= 1 && tm.tm_mday <= 31) {
        const char *rest = s + consumed;
        if (*rest == 'T' || *rest == ' ') {
            n = 0;
            if (sscanf(rest + 1, "%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &n) != 2 || n != 5)
                return -1;
            rest += 1 + n;
            if (*rest == ':') {
                n = 0;
                if (sscanf(rest + 1, "%2d%n", &tm.tm_sec, &n) != 1 || n != 2)
                    return -1;
                rest += 1 + n;
            }
            if (*rest == 'Z')
                rest++;
            if (tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
                return -1;
        }
        if (*rest != '\0')
            return -1;
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        *out = (int64_t)timegm(&tm);
        return 0;
    }
    secs = strtoll(s, &end, 10);
    if (*s == '\0' || *end != '\0' || secs <= 0)
        return -1;
    *out = (int64_t)secs;
    return 0;
}
