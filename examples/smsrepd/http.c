/* SPDX-License-Identifier: Apache-2.0
 * http.c: smsrepd's loopback HTTP side through libmicrohttpd (which parses
 * HTTP and decodes the query): GET /check with the same fields as a socket
 * line, one JSON object back; GET /kannel for Kannel's get-url (kannel.c),
 * which reads the query as it arrived, before any decoding. */
#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#if MHD_VERSION < 0x00097002
typedef int mhd_result;
#else
typedef enum MHD_Result mhd_result;
#endif

struct http_server {
    struct MHD_Daemon *d;
    judge *j;
    const kannel_config *kannel;
};

typedef struct fields {
    request r;
    const char *why;
} fields;

static mhd_result one_field(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size,
                            const char *value, size_t value_size)
{
    fields *f = cls;
    (void)kind;
    if (f->why != NULL)
        return MHD_NO;
    if (value == NULL) {
        value = "";
        value_size = 0;
    }
    if (request_set(&f->r, key, key_size, value, value_size, &f->why) != 0)
        return MHD_NO;
    return MHD_YES;
}

/* The request's URI as it arrived (libmicrohttpd's URI log callback runs
 * before the query is decoded), kept for /kannel until the request ends. */
static void *raw_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls;
    (void)conn;
    return strdup(uri);
}

static void request_done(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)conn;
    (void)why;
    free(*con_cls);
    *con_cls = NULL;
}

static mhd_result empty_answer(struct MHD_Connection *conn, unsigned code, const char *location)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    mhd_result ret;
    if (resp == NULL)
        return MHD_NO;
    if (location != NULL && MHD_add_response_header(resp, "Location", location) != MHD_YES) {
        MHD_destroy_response(resp);
        return MHD_NO;
    }
    ret = MHD_queue_response(conn, code, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* GET /kannel: the raw query to kannel.c; a redirect, 200 or 500. */
static mhd_result kannel(http_server *s, struct MHD_Connection *conn, const char *uri)
{
    const char *q = uri != NULL ? strchr(uri, '?') : NULL;
    char *location = NULL;
    unsigned code;
    mhd_result ret;
    q = q != NULL ? q + 1 : "";
    code = kannel_answer(s->kannel, s->j, q, strcspn(q, "#"), &location);
    ret = empty_answer(conn, code, location);
    free(location);
    return ret;
}

static mhd_result answer(void *cls, struct MHD_Connection *conn, const char *url,
                         const char *method, const char *version, const char *upload_data,
                         size_t *upload_data_size, void **con_cls)
{
    http_server *s = cls;
    fields *f;
    char *out = NULL;
    size_t out_len = 0;
    FILE *m;
    struct MHD_Response *resp;
    unsigned code = MHD_HTTP_OK;
    mhd_result ret;
    (void)version;
    (void)upload_data;
    (void)upload_data_size;

    if (strcmp(method, "GET") != 0)
        code = MHD_HTTP_METHOD_NOT_ALLOWED;
    else if (strcmp(url, "/kannel") == 0 && s->kannel != NULL)
        return kannel(s, conn, *con_cls);
    else if (strcmp(url, "/check") != 0)
        code = MHD_HTTP_NOT_FOUND;
    if (code != MHD_HTTP_OK)
        return empty_answer(conn, code, NULL);
    f = malloc(sizeof *f);
    if (f == NULL)
        return MHD_NO;
    request_init(&f->r);
    f->why = NULL;
    MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, one_field, f);
    m = open_memstream(&out, &out_len);
    if (m == NULL) {
        free(f);
        return MHD_NO;
    }
    if (f->why == NULL)
        request_complete(&f->r, &f->why);
    if (f->why == NULL) {
        judge_check(s->j, &f->r, m);
    } else {
        judge_error(m, f->why);
        code = MHD_HTTP_BAD_REQUEST;
    }
    free(f);
    if (fclose(m) != 0) {
        free(out);
        return MHD_NO;
    }
    resp = MHD_create_response_from_buffer(out_len, out, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(resp, "Content-Type", "application/json");
    ret = MHD_queue_response(conn, code, resp);
    MHD_destroy_response(resp);
    return ret;
}

http_server *http_start(judge *j, unsigned port, const kannel_config *k)
{
    struct sockaddr_in a;
    http_server *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* loopback only, always */
    s->j = j;
    s->kannel = k;
    /* Kannel's smsbox opens a connection for each pending message, up to
     * its max-pending-requests (512 by default) at once: epoll, and room
     * for them all (smsrepd.c raises the open file limit to match). */
    s->d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port,
                            NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&a,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)HTTP_CONNECTIONS,
                            MHD_OPTION_CONNECTION_TIMEOUT, 10u,
                            MHD_OPTION_URI_LOG_CALLBACK, raw_uri, NULL,
                            MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL, MHD_OPTION_END);
    if (s->d == NULL) {
        free(s);
        return NULL;
    }
    return s;
}

int http_available(void)
{
    return 1;
}

void http_stop(http_server *s)
{
    if (s == NULL)
        return;
    MHD_stop_daemon(s->d);
    free(s);
}
