/* SPDX-License-Identifier: Apache-2.0
 * api.c: the public entry points. They check their arguments, copy structs
 * in and out by the caller's struct_size (sized.c), then hand over to
 * handle.c, check.c and catalogue.c; nothing else lives here. */
#include "smsrep.h"

#include "alnum.h"
#include "ascii.h"
#include "catalogue.h"
#include "check.h"
#include "handle.h"
#include "phone.h"
#include "sized.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

static void say(char *errbuf, size_t cap, const char *text)
{
    if (errbuf != NULL && cap > 0)
        smsrep__copyz(errbuf, cap, text);
}

static int open_common(smsrep_db **db, const char *path, const void *data, size_t size,
                       const char *overlay_path, char *errbuf, size_t errbuf_size)
{
    int status;

    if (errbuf != NULL && errbuf_size > 0)
        errbuf[0] = '\0';
    if (db == NULL) {
        say(errbuf, errbuf_size, "db is NULL");
        return SMSREP_E_ARGUMENT;
    }
    *db = NULL;
    /* Build libphonenumber's and ICU's shared objects now, once, so that
     * the first check is fast and threads never race to build them. */
    status = smsrep__phone_init();
    if (status == SMSREP_OK)
        status = smsrep__alnum_init();
    if (status != SMSREP_OK) {
        say(errbuf, errbuf_size, "cannot initialise libphonenumber or ICU");
        return status;
    }
    return smsrep__handle_open(db, path, data, size, overlay_path, errbuf, errbuf_size);
}

int smsrep_open(smsrep_db **db, const char *path, const char *overlay_path, char *errbuf,
                size_t errbuf_size)
{
    return open_common(db, path, NULL, 0, overlay_path, errbuf, errbuf_size);
}

int smsrep_open_memory(smsrep_db **db, const void *data, size_t size, const char *overlay_path,
                       char *errbuf, size_t errbuf_size)
{
    if (data == NULL) {
        if (db != NULL)
            *db = NULL;
        say(errbuf, errbuf_size, "data is NULL");
        return SMSREP_E_ARGUMENT;
    }
    return open_common(db, NULL, data, size, overlay_path, errbuf, errbuf_size);
}

void smsrep_close(smsrep_db *db)
{
    smsrep__handle_close(db);
}

/* Upper-cases and checks a recipient region: "" or a region libphonenumber
 * knows. Returns its calling code through *cc (0 for ""). */
static int read_region(const char in[4], char out[4], uint32_t *cc)
{
    size_t i;
    memset(out, 0, 4);
    *cc = 0;
    if (in[0] == '\0')
        return SMSREP_OK;
    for (i = 0; i < 2; i++) {
        char c = smsrep__ascii_upper(in[i]);
        if (c < 'A' || c > 'Z')
            return SMSREP_E_REGION;
        out[i] = c;
    }
    if (in[2] != '\0')
        return SMSREP_E_REGION;
    *cc = smsrep__phone_region_calling_code(out);
    return *cc == 0 ? SMSREP_E_REGION : SMSREP_OK;
}

int smsrep_check(smsrep_db *db, const smsrep_query *query, smsrep_verdict *out)
{
    smsrep_query q;
    smsrep_verdict v;
    char region[4];
    uint32_t cc;
    int status;

    if (out == NULL)
        return SMSREP_E_ARGUMENT;
    if ((status = smsrep__sized_check(out, SMSREP_VERDICT_SIZE_0_1)) != SMSREP_OK)
        return status;

    memset(&v, 0, sizeof v);
    if (db == NULL || query == NULL)
        status = SMSREP_E_ARGUMENT;
    else
        status = smsrep__sized_in(&q, sizeof q, query, SMSREP_QUERY_SIZE_0_1);
    if (status == SMSREP_OK) {
        if (q.sender == NULL || q.hint >= SMSREP_HINT_LAST_)
            status = SMSREP_E_ARGUMENT;
        else if ((status = read_region(q.region, region, &cc)) == SMSREP_OK)
            status = smsrep__check_run(db, &q, region, cc, &v);
    }
    if (status != SMSREP_OK)
        memset(&v, 0, sizeof v);
    smsrep__sized_out(out, &v, sizeof v);
    return status;
}

int smsrep_source(smsrep_db *db, const char *id, smsrep_source_info *out)
{
    smsrep_source_info info;
    worker *w;
    int status;

    if (db == NULL || id == NULL || out == NULL)
        return SMSREP_E_ARGUMENT;
    if ((status = smsrep__sized_check(out, SMSREP_SOURCE_INFO_SIZE_0_1)) != SMSREP_OK)
        return status;
    if ((status = smsrep__pool_acquire(&db->pool, &w)) != SMSREP_OK)
        return status;
    status = smsrep__catalogue_source(w->conn, id, &info);
    smsrep__pool_release(w);
    if (status == SMSREP_OK)
        smsrep__sized_out(out, &info, sizeof info);
    return status;
}

int smsrep_db_info_get(smsrep_db *db, smsrep_db_info *out)
{
    smsrep_db_info info;
    int status;

    if (db == NULL || out == NULL)
        return SMSREP_E_ARGUMENT;
    if ((status = smsrep__sized_check(out, SMSREP_DB_INFO_SIZE_0_1)) != SMSREP_OK)
        return status;
    smsrep__catalogue_info(db->store, &info);
    smsrep__sized_out(out, &info, sizeof info);
    return SMSREP_OK;
}

/* The caller's array of counts, stepped through by its elements' size. */
typedef struct count_array {
    unsigned char *base;
    size_t stride, cap;
} count_array;

static void put_count(void *ctx, size_t i, const smsrep_count *row)
{
    const count_array *a = ctx;
    if (i < a->cap)
        smsrep__sized_out(a->base + i * a->stride, row, sizeof *row);
}

int smsrep_db_counts(smsrep_db *db, uint32_t group, smsrep_count *out, size_t cap,
                     size_t *total)
{
    count_array a;
    worker *w;
    size_t i;
    int status;

    if (db == NULL || total == NULL || (out == NULL && cap > 0) ||
        group > SMSREP_COUNT_BY_REGION)
        return SMSREP_E_ARGUMENT;
    a.base = (unsigned char *)out;
    a.cap = cap;
    a.stride = cap > 0 ? smsrep__sized_size(out) : 0;
    if (cap > 0 && a.stride < SMSREP_COUNT_SIZE_0_1)
        return SMSREP_E_STRUCT_SIZE;
    for (i = 1; i < cap; i++)
        if (smsrep__sized_size(a.base + i * a.stride) != a.stride)
            return SMSREP_E_STRUCT_SIZE;
    if ((status = smsrep__pool_acquire(&db->pool, &w)) != SMSREP_OK)
        return status;
    status = smsrep__catalogue_counts(db->store, w->conn, group, put_count, &a, total);
    smsrep__pool_release(w);
    return status;
}
