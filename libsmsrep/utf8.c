/* SPDX-License-Identifier: Apache-2.0
 * utf8.c: strict UTF-8 decoding (RFC 3629) and copies into fixed arrays that
 * never split a character. */
#include "utf8.h"

#include <string.h>

size_t smsrep__utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c;
    size_t n, i;

    if (len == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        n = 2;
        c = u[0] & 0x1Fu;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        n = 3;
        c = u[0] & 0x0Fu;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        n = 4;
        c = u[0] & 0x07u;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int smsrep__utf8_valid(const char *s, size_t len)
{
    size_t i = 0, n;
    uint32_t cp;
    while (i < len) {
        n = smsrep__utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

size_t smsrep__copy(char *dst, size_t cap, const char *src, size_t len)
{
    size_t n = len;
    if (cap == 0)
        return 0;
    if (n >= cap) {
        n = cap - 1;
        /* back off over continuation bytes so no character is split */
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n > 0)
        memcpy(dst, src, n);
    dst[n] = '\0';
    return n;
}

size_t smsrep__copyz(char *dst, size_t cap, const char *src)
{
    return smsrep__copy(dst, cap, src ? src : "", src ? strlen(src) : 0);
}

size_t smsrep__copy_repair(char *dst, size_t cap, const char *src, size_t len)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    size_t in = 0, out = 0, n;
    uint32_t cp;

    if (cap == 0)
        return 0;
    while (in < len) {
        const char *piece = src + in;
        n = smsrep__utf8_decode(src + in, len - in, &cp);
        if (n == 0) {
            piece = replacement;
            n = 3;
            in += 1;
        } else {
            in += n;
        }
        if (out + n >= cap)
            break; /* whole characters only */
        memcpy(dst + out, piece, n);
        out += n;
    }
    dst[out] = '\0';
    return out;
}
