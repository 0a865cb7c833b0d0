/* SPDX-License-Identifier: Apache-2.0
 * http_none.c: smsrepd built without libmicrohttpd: no HTTP side. */
#include "http.h"

#include <stddef.h>

http_server *http_start(judge *j, unsigned port, const kannel_config *k)
{
    (void)j;
    (void)port;
    (void)k;
    return NULL;
}

int http_available(void)
{
    return 0;
}

void http_stop(http_server *s)
{
    (void)s;
}
