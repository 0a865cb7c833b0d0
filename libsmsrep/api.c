/* SPDX-License-Identifier: Apache-2.0
 * api.c: the public entry points. They check their arguments and struct
 * sizes, then hand over to store.c and check.c; nothing else lives here. */
#include "smsrep.h"

#include "alnum.h"
#include "check.h"
#include "phone.h"
#include "store.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define QUERY_SIZE_0_1 ((uint32_t)(offsetof(smsrep_query, time) + sizeof(int64_t)))
#define SOURCE_INFO_SIZE_0_1 ((uint32_t)sizeof(smsrep_source_info))
#define DB_INFO_SIZE_0_1 ((uint32_t)sizeof(smsrep_db_info))

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
    return smsrep__store_open(db, path, data, size, overlay_path, errbuf, errbuf_size);
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
    smsrep__store_close(db);
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
        char c = in[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
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
    uint32_t cc, size;
    int status;

    if (out == NULL)
        return SMSREP_E_ARGUMENT;
    size = out->struct_size;
    if (size < SMSREP_VERDICT_SIZE_0_1)
        return SMSREP_E_STRUCT_SIZE;
    if (size > sizeof v)
        size = sizeof v;

    memset(&v, 0, sizeof v);
    if (db == NULL || query == NULL) {
        status = SMSREP_E_ARGUMENT;
    } else if (query->struct_size < QUERY_SIZE_0_1) {
        status = SMSREP_E_STRUCT_SIZE;
    } else {
        memset(&q, 0, sizeof q);
        memcpy(&q, query, query->struct_size < sizeof q ? query->struct_size : sizeof q);
        if (q.sender == NULL || q.hint >= SMSREP_HINT_LAST_)
            status = SMSREP_E_ARGUMENT;
        else if ((status = read_region(q.region, region, &cc)) == SMSREP_OK)
            status = smsrep__check_run(db, &q, region, cc, &v);
    }
    if (status != SMSREP_OK)
        memset(&v, 0, sizeof v);
    v.struct_size = out->struct_size;
    memcpy(out, &v, size);
    return status;
}

int smsrep_source(smsrep_db *db, const char *id, smsrep_source_info *out)
{
    if (db == NULL || id == NULL || out == NULL)
        return SMSREP_E_ARGUMENT;
    if (out->struct_size < SOURCE_INFO_SIZE_0_1)
        return SMSREP_E_STRUCT_SIZE;
    return smsrep__store_source(db, id, out);
}

int smsrep_db_info_get(smsrep_db *db, smsrep_db_info *out)
{
    if (db == NULL || out == NULL)
        return SMSREP_E_ARGUMENT;
    if (out->struct_size < DB_INFO_SIZE_0_1)
        return SMSREP_E_STRUCT_SIZE;
    return smsrep__store_info(db, out);
}

int smsrep_db_counts(smsrep_db *db, uint32_t group, smsrep_count *out, size_t cap,
                     size_t *total)
{
    size_t i;
    if (db == NULL || total == NULL || (out == NULL && cap > 0))
        return SMSREP_E_ARGUMENT;
    for (i = 0; i < cap; i++)
        if (out[i].struct_size < sizeof(smsrep_count))
            return SMSREP_E_STRUCT_SIZE;
    return smsrep__store_counts(db, group, out, cap, total);
}
