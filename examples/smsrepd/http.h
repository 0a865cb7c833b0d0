/* SPDX-License-Identifier: Apache-2.0
 * http.h (private to smsrepd): the optional loopback HTTP side,
 * GET /check?sender=...&... and GET /kannel (Kannel's get-url, kannel.c),
 * served by libmicrohttpd in its own thread. */
#ifndef SMSREPD_HTTP_H
#define SMSREPD_HTTP_H

#include "judge.h"
#include "kannel.h"

typedef struct http_server http_server;

/* HTTP connections served at once; smsrepd needs this many files more. */
#define HTTP_CONNECTIONS 1024

/* Listens on 127.0.0.1:port; NULL when it cannot (or when smsrepd was
 * built without libmicrohttpd). k: what /kannel does with a message. */
http_server *http_start(judge *j, unsigned port, const kannel_config *k);
void http_stop(http_server *s);

/* 1 when smsrepd was built with libmicrohttpd (http.c), 0 without. */
int http_available(void);

#endif
