/* SPDX-License-Identifier: Apache-2.0
 * handle.c: opens and closes an smsrep_db: the store, then the matchers
 * read from its rows once (so a check compares names in memory: brand names,
 * the text book's brands, declarations and phrases), then the
 * pool that lends its connections, and the shared verdict cache. */
#include "handle.h"

#include <stdlib.h>
#include <string.h>

static int take_name(void *ctx, int kind, const char *const *f)
{
    return smsrep__lookalike_add(ctx, kind, f[NAME_REGION], f[NAME_CANONICAL], f[NAME_SKELETON],
                                 f[NAME_BRAND], f[NAME_SOURCE]);
}

static int take_brand(void *ctx, int kind, const char *const *f)
{
    (void)kind;
    return smsrep__text_add_brand(ctx, f[BRAND_NAME_FIELD], f[BRAND_ALIASES_FIELD],
                                  f[BRAND_DOMAINS_FIELD], f[BRAND_SOURCE_FIELD]);
}

static int take_phrase(void *ctx, int kind, const char *const *f)
{
    return smsrep__text_add_phrase(ctx, kind, f[PHRASE_CATEGORY_FIELD], f[PHRASE_TEXT_FIELD],
                                   f[PHRASE_SOURCE_FIELD]);
}

static int take_declaration(void *ctx, int kind, const char *const *f)
{
    (void)kind;
    return smsrep__text_add_declaration(ctx, f[DECL_BRAND_NAME_FIELD], f[DECL_REGION_FIELD],
                                        f[DECL_SCOPE_FIELD], f[DECL_SOURCE_FIELD]);
}

int smsrep__handle_open(smsrep_db **out, const char *path, const void *data, size_t size,
                        const char *overlay_path, char *errbuf, size_t errbuf_size)
{
    /* Who takes each kind of row: the look-alike names, or the text book. */
    static const struct {
        fields_taker take;
        int into_names;
    } readers[ROWS_KINDS] = {
        [ROWS_NAMES] = { take_name, 1 },
        [ROWS_BRANDS] = { take_brand, 0 },
        [ROWS_DECLARATIONS] = { take_declaration, 0 },
        [ROWS_PHRASES] = { take_phrase, 0 },
    };
    smsrep_db *db;
    store_conn *first = NULL;
    size_t i;
    int status;

    *out = NULL;
    db = calloc(1, sizeof *db);
    if (db == NULL)
        return SMSREP_E_NOMEM;
    db->cache_entries = CACHE_DEFAULT_ENTRIES;
    if (smsrep__shared_init(&db->shared) != SMSREP_OK) {
        smsrep__shared_free(&db->shared);
        free(db);
        return SMSREP_E_NOMEM;
    }
    status = smsrep__store_open(&db->store, &first, path, data, size, overlay_path, errbuf,
                                errbuf_size);
    for (i = 0; status == SMSREP_OK && i < ROWS_KINDS; i++)
        status = smsrep__store_each(first, (int)i, readers[i].take,
                                    readers[i].into_names ? (void *)&db->names : (void *)&db->book,
                                    errbuf, errbuf_size);
    /* The pool takes the first connection, or closes it when it fails. */
    if (status == SMSREP_OK)
        status = smsrep__pool_init(&db->pool, db->store, first);
    else
        smsrep__conn_close(first);
    if (status == SMSREP_OK)
        *out = db;
    else
        smsrep__handle_close(db);
    return status;
}

void smsrep__handle_close(smsrep_db *db)
{
    if (db == NULL)
        return;
    if (db->pool.store != NULL) /* the pool was made */
        smsrep__pool_free(&db->pool);
    smsrep__lookalike_free(&db->names);
    smsrep__text_free(&db->book);
    smsrep__shared_free(&db->shared);
    smsrep__store_close(db->store);
    free(db);
}

void smsrep__handle_set_cache(smsrep_db *db, size_t entries)
{
    db->cache_entries = entries;
}
