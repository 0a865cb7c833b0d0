/* SPDX-License-Identifier: Apache-2.0
 * url.c: the links of a message text. A link is a scheme and a host
 * ("https://amazon.co.jp/x", where a user part before '@' is skipped as a
 * browser skips it), "www." and a host, or a bare run of dot-separated labels
 * that ends in a lower-case label of letters ("amazon.co.jp/x",
 * "xn--80ak6aa92e.com"); "Amazon.Your order" is a sentence, not a host.
 * Unicode labels become their xn-- form through ICU's UTS #46 IDNA, as a
 * browser would resolve them. */
#include "url.h"

#include "ascii.h"
#include "utf8.h"

#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uidna.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static UIDNA *idna; /* never closed: immutable and shared by every thread */

static void init_once(void)
{
    UErrorCode err = U_ZERO_ERROR;
    idna = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_USE_STD3_RULES, &err);
    if (U_FAILURE(err))
        idna = NULL; /* then no Unicode host is read; ASCII ones still are */
}

/* May this code point be part of a host name as people write one? */
static int host_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '-' || cp == '.';
    if (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61)
        return 1; /* ideographic and full-width full stops: IDNA reads them as dots */
    return u_isalnum((UChar32)cp) || u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

static int lower_letter(char c) { return c >= 'a' && c <= 'z'; }

static int starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && smsrep__ascii_ieq(s, prefix, n);
}

/* The length of the host-character run at s[0..len). */
static size_t host_run(const char *s, size_t len)
{
    size_t i = 0, n;
    uint32_t cp;
    while (i < len && (n = smsrep__utf8_decode(s + i, len - i, &cp)) > 0 && host_char(cp))
        i += n;
    return i;
}

/* Does a bare run read as a host: a dot, and a last label of 2 to 24
 * lower-case ASCII letters, or an xn-- label, or Unicode letters? */
static int bare_host(const char *s, size_t len)
{
    const char *dot = NULL;
    size_t i, tld;
    int ascii = 1;
    for (i = 0; i < len; i++)
        if (s[i] == '.')
            dot = s + i;
    if (dot == NULL || dot == s)
        return 0;
    tld = len - (size_t)(dot + 1 - s);
    if (tld >= 4 && strncmp(dot + 1, "xn--", 4) == 0)
        return 1;
    for (i = 0; i < tld; i++) {
        unsigned char c = (unsigned char)dot[1 + i];
        if (c >= 0x80)
            ascii = 0;
        else if (!lower_letter((char)c))
            return 0;
    }
    return ascii ? tld >= 2 && tld <= 24 : tld > 0;
}

static void add_host(const char *host, size_t len, url_hosts *out)
{
    char ascii[URL_HOST_SIZE];
    UErrorCode err = U_ZERO_ERROR;
    UIDNAInfo info = UIDNA_INFO_INITIALIZER;
    int32_t n;
    size_t i;

    while (len > 0 && (host[len - 1] == '.' || host[len - 1] == '-'))
        len--; /* the full stop that ends a sentence */
    if (len == 0 || out->n >= URL_MAX || len >= URL_HOST_SIZE)
        return;
    pthread_once(&once, init_once);
    if (idna == NULL)
        return;
    n = uidna_nameToASCII_UTF8(idna, host, (int32_t)len, ascii, (int32_t)sizeof ascii, &info,
                               &err);
    if (U_FAILURE(err) || info.errors != 0 || n <= 0 || (size_t)n >= sizeof ascii)
        return; /* what IDNA refuses no browser would open either */
    ascii[n] = '\0';
    for (i = 0; i < (size_t)n; i++) {
        char c = ascii[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            return; /* a mapping that yields no host name (U+FDFA holds spaces) */
    }
    for (i = 0; i < out->n; i++)
        if (strcmp(out->host[i], ascii) == 0)
            return;
    memcpy(out->host[out->n++], ascii, (size_t)n + 1);
}

/* The end of a link's path and query: the first blank, control or
 * non-ASCII character ("https://a.example/x?y=1ご確認" ends before the kana). */
static size_t link_end(const char *text, size_t len, size_t i)
{
    while (i < len && (unsigned char)text[i] > ' ' && (unsigned char)text[i] < 0x7F)
        i++;
    return i;
}

void smsrep__url_hosts(const char *text, size_t len, url_hosts *out)
{
    size_t i = 0, n;
    uint32_t cp, prev = ' ';

    memset(out, 0, sizeof *out);
    while (i < len) {
        const char *s = text + i;
        size_t left = len - i, run;
        n = smsrep__utf8_decode(s, left, &cp);
        if (n == 0)
            break;
        if (host_char(prev) || !host_char(cp)) {
            prev = cp;
            i += n;
            continue;
        }
        if (starts_with(s, left, "https://") || starts_with(s, left, "http://")) {
            size_t skip = starts_with(s, left, "https://") ? 8 : 7;
            const char *h = s + skip;
            run = host_run(h, left - skip);
            while (h + run < text + len && h[run] == '@') { /* user@host: the host is after */
                h += run + 1;
                run = host_run(h, (size_t)(text + len - h));
            }
            add_host(h, run, out);
            i = link_end(text, len, (size_t)(h + run - text));
            prev = 'a';
            continue;
        }
        run = host_run(s, left);
        n = run;
        while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '-'))
            n--; /* the full stop that ends a sentence */
        if (starts_with(s, n, "www.") || bare_host(s, n)) {
            add_host(s, n, out);
            i = link_end(text, len, i + run);
        } else {
            i += run;
        }
        prev = 'a';
    }
}

int smsrep__url_host_under(const char *host, const char *domain)
{
    size_t h = strlen(host), d = strlen(domain);
    if (d == 0 || h < d || strcmp(host + h - d, domain) != 0)
        return 0;
    return h == d || host[h - d - 1] == '.';
}
