/* SPDX-License-Identifier: Apache-2.0
 * http.h (private to smsrepd): the optional loopback HTTP side,
 * GET /check?sender=...&..., served by libmicrohttpd in its own thread. */
#ifndef SMSREPD_HTTP_H
#define SMSREPD_HTTP_H

#include "judge.h"

typedef struct http_server http_server;

/* Listens on 127.0.0.1:port; NULL when it cannot (or when smsrepd was
 * built without libmicrohttpd). */
http_server *http_start(judge *j, unsigned port);
void http_stop(http_server *s);

#endif
