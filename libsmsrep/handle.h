/* SPDX-License-Identifier: Apache-2.0
 * handle.h: what an smsrep_db is: the store at the bottom, the pool of
 * workers that lend its connections, the matchers built from its rows at
 * open, and the verdict cache its workers share. Private to libsmsrep. */
#ifndef SMSREP_HANDLE_H
#define SMSREP_HANDLE_H

#include <stddef.h>

#include "cache.h"
#include "lookalike.h"
#include "pool.h"
#include "store.h"
#include "text.h"

struct smsrep_db {
    store *store;
    pool pool;
    lookalike_set names;        /* every name an alphanumeric ID may imitate */
    text_book book;             /* every brand's names and domains, for message texts */
    size_t cache_entries;       /* verdicts each worker keeps; 0: none */
    shared_cache shared;        /* verdicts the workers share */
};

int smsrep__handle_open(smsrep_db **out, const char *path, const void *data, size_t size,
                        const char *overlay_path, char *errbuf, size_t errbuf_size);
void smsrep__handle_close(smsrep_db *db);

/* Sets the capacity of every worker's cache, and so of the shared one (0
 * turns caching off): a tuning knob for the benchmark and the cache tests.
 * Call it before the handle is shared. */
void smsrep__handle_set_cache(smsrep_db *db, size_t entries);

#endif
