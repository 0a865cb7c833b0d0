/* SPDX-License-Identifier: Apache-2.0
 * cache.h: small bounded caches of sender verdicts, so that a sender seen
 * again skips libphonenumber, ICU and SQLite: one per pooled connection (no
 * lock), and behind them one per handle that the connections share. They
 * keep the sender's verdict and judgement, never anything of a message text.
 * Private to libsmsrep. */
#ifndef SMSREP_CACHE_H
#define SMSREP_CACHE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "judgement.h"

/* Entries per connection unless smsrep__store_set_cache() says otherwise:
 * about 1024 * 1.1 KB, allocated at the first insertion. */
#define CACHE_DEFAULT_ENTRIES 1024u

typedef struct cache_entry cache_entry;

/* Owned by one connection, so only the thread that borrowed it touches it:
 * no lock. */
typedef struct sender_cache {
    cache_entry *entries;   /* NULL until the first insertion */
    size_t sets;            /* entries / CACHE_WAYS, a power of two */
    uint64_t clock;         /* ticks on every use, for least-recently-used */
} sender_cache;

/* What a verdict is keyed by: the sender's bytes as given, the hint and the
 * upper-cased recipient region. Nothing else a check reads may change the
 * sender verdict while a handle is open (it is an immutable snapshot). */
typedef struct cache_key {
    const char *sender;
    size_t len;             /* at most SMSREP_SENDER_MAX, else never cached */
    uint32_t hint;
    char region[4];
    uint64_t hash;          /* smsrep__cache_key() fills it */
} cache_key;

/* Fills key->hash; returns 0 when the key cannot be cached (too long). */
int smsrep__cache_key(cache_key *key, const char *sender, size_t len, uint32_t hint,
                      const char region[4]);

/* Copies the cached verdict into *v and returns 1, or returns 0. entries is
 * the capacity in force (0: the cache is off). */
int smsrep__cache_get(sender_cache *c, size_t entries, const cache_key *key, sender_verdict *v);

/* Remembers a verdict, evicting the least recently used of its set. Never
 * fails: without memory for the table the verdict is simply not kept. */
void smsrep__cache_put(sender_cache *c, size_t entries, const cache_key *key,
                       const sender_verdict *v);

void smsrep__cache_free(sender_cache *c);

/* The handle's second level: a connection asks it only when its own cache
 * misses, so that a sender one thread has judged is not judged again by
 * the others. Sharded by hash, a mutex per shard; it holds twice the
 * entries of one connection's cache. */
#define CACHE_SHARDS 16

typedef struct shared_cache {
    struct {
        pthread_mutex_t lock;
        sender_cache cache;
    } shard[CACHE_SHARDS];
    int shards;             /* shards whose mutex exists */
} shared_cache;

/* Returns SMSREP_OK or SMSREP_E_NOMEM; smsrep__shared_free() undoes either. */
int smsrep__shared_init(shared_cache *sc);
int smsrep__shared_get(shared_cache *sc, size_t entries, const cache_key *key, sender_verdict *v);
void smsrep__shared_put(shared_cache *sc, size_t entries, const cache_key *key,
                        const sender_verdict *v);
void smsrep__shared_free(shared_cache *sc);

#endif
