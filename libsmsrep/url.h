/* SPDX-License-Identifier: Apache-2.0
 * url.h: finds the links in a message text, with or without a scheme, and
 * gives each host in its ASCII form (IDNA: Unicode labels as xn-- punycode),
 * lower case. Private to libsmsrep. */
#ifndef SMSREP_URL_H
#define SMSREP_URL_H

#include <stddef.h>

#define URL_HOST_SIZE 128 /* longer hosts are cut (SMSREP_HOST_SIZE in the verdict) */
#define URL_MAX 8         /* links read from one message */

typedef struct url_hosts {
    size_t n;
    char host[URL_MAX][URL_HOST_SIZE];
} url_hosts;

/* Reads text[0..len) (valid UTF-8) for links: "https://a.example/x",
 * "www.a.example", bare "a.example/x" whose last label is letters, and the
 * same with Unicode labels. Never fails: what cannot be read is left out. */
void smsrep__url_hosts(const char *text, size_t len, url_hosts *out);

/* Is host (ASCII, lower case) domain itself or a name under it? */
int smsrep__url_host_under(const char *host, const char *domain);

#endif
