/* SPDX-License-Identifier: Apache-2.0
 * ascii.h: ASCII case folding of our own. Not tolower()/strncasecmp(): they
 * follow the process's locale, and in a Turkish one 'I' is not 'i'. Private. */
#ifndef SMSREP_ASCII_H
#define SMSREP_ASCII_H

#include <stddef.h>
#include <string.h>

static inline char smsrep__ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static inline char smsrep__ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Does s[0..n) equal lower[0..n), ASCII case aside? lower is lower case. */
static inline int smsrep__ascii_ieq(const char *s, const char *lower, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (smsrep__ascii_lower(s[i]) != lower[i])
            return 0;
    return 1;
}

#endif
