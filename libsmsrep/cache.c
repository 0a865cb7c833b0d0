/* SPDX-License-Identifier: Apache-2.0
 * cache.c: the verdict caches: set-associative (four ways), least recently
 * used out first, with a fixed number of entries; the shared one is sixteen
 * such caches, each behind its own mutex. Keys are compared byte for byte,
 * so a hash collision costs a miss, never a wrong verdict. */
#include "cache.h"

#include "hash.h"

#include <stdlib.h>
#include <string.h>

#define CACHE_WAYS 4u

struct cache_entry {
    uint64_t hash;
    uint64_t used;          /* the clock at the last use; 0: empty */
    uint32_t hint;
    uint32_t len;
    char region[4];
    char sender[SMSREP_SENDER_MAX];
    sender_verdict verdict;
};

int smsrep__cache_key(cache_key *key, const char *sender, size_t len, uint32_t hint,
                      const char region[4])
{
    uint64_t h;
    if (len > SMSREP_SENDER_MAX)
        return 0;
    key->sender = sender;
    key->len = len;
    key->hint = hint;
    memcpy(key->region, region, 4);
    h = smsrep__fnv1a(SMSREP__FNV_OFFSET, sender, len);
    h = smsrep__fnv1a(h, region, 4);
    key->hash = (h ^ hint) * SMSREP__FNV_PRIME;
    return 1;
}

/* The power of two of sets that holds about `entries` entries. */
static size_t sets_for(size_t entries)
{
    size_t sets = 1;
    while (sets * CACHE_WAYS < entries)
        sets *= 2;
    return sets;
}

static cache_entry *set_of(const sender_cache *c, uint64_t hash)
{
    /* the high bits: FNV-1a's low bits mix the last bytes least */
    return &c->entries[((hash >> 32) & (c->sets - 1)) * CACHE_WAYS];
}

static int same(const cache_entry *e, const cache_key *k)
{
    return e->used != 0 && e->hash == k->hash && e->len == k->len && e->hint == k->hint &&
           memcmp(e->region, k->region, 4) == 0 && memcmp(e->sender, k->sender, k->len) == 0;
}

int smsrep__cache_get(sender_cache *c, size_t entries, const cache_key *key, sender_verdict *v)
{
    cache_entry *set;
    unsigned i;
    if (entries == 0 || c->entries == NULL || c->sets != sets_for(entries))
        return 0;
    set = set_of(c, key->hash);
    for (i = 0; i < CACHE_WAYS; i++) {
        if (same(&set[i], key)) {
            set[i].used = ++c->clock;
            *v = set[i].verdict;
            return 1;
        }
    }
    return 0;
}

void smsrep__cache_put(sender_cache *c, size_t entries, const cache_key *key,
                       const sender_verdict *v)
{
    cache_entry *set, *victim;
    unsigned i;
    if (entries == 0)
        return;
    if (c->entries != NULL && c->sets != sets_for(entries))
        smsrep__cache_free(c); /* the capacity changed: start again */
    if (c->entries == NULL) {
        size_t sets = sets_for(entries);
        c->entries = calloc(sets * CACHE_WAYS, sizeof *c->entries);
        if (c->entries == NULL)
            return;
        c->sets = sets;
    }
    set = set_of(c, key->hash);
    victim = &set[0];
    for (i = 0; i < CACHE_WAYS; i++) {
        if (same(&set[i], key)) {
            victim = &set[i];
            break;
        }
        if (set[i].used < victim->used)
            victim = &set[i];
    }
    victim->hash = key->hash;
    victim->used = ++c->clock;
    victim->hint = key->hint;
    victim->len = (uint32_t)key->len;
    memcpy(victim->region, key->region, 4);
    memcpy(victim->sender, key->sender, key->len);
    victim->verdict = *v;
}

void smsrep__cache_free(sender_cache *c)
{
    free(c->entries);
    c->entries = NULL;
    c->sets = 0;
    c->clock = 0;
}

/* ------------------------------------------------------------ shared */

static size_t shard_of(const cache_key *key)
{
    return (size_t)(key->hash >> 8) % CACHE_SHARDS;
}

/* Entries per shard: twice a connection's capacity over all shards. */
static size_t shard_entries(size_t entries)
{
    return entries == 0 ? 0 : (2 * entries + CACHE_SHARDS - 1) / CACHE_SHARDS;
}

int smsrep__shared_init(shared_cache *sc)
{
    memset(sc, 0, sizeof *sc);
    for (sc->shards = 0; sc->shards < CACHE_SHARDS; sc->shards++)
        if (pthread_mutex_init(&sc->shard[sc->shards].lock, NULL) != 0)
            return SMSREP_E_NOMEM;
    return SMSREP_OK;
}

int smsrep__shared_get(shared_cache *sc, size_t entries, const cache_key *key, sender_verdict *v)
{
    size_t i = shard_of(key);
    int hit;
    if (entries == 0)
        return 0;
    pthread_mutex_lock(&sc->shard[i].lock);
    hit = smsrep__cache_get(&sc->shard[i].cache, shard_entries(entries), key, v);
    pthread_mutex_unlock(&sc->shard[i].lock);
    return hit;
}

void smsrep__shared_put(shared_cache *sc, size_t entries, const cache_key *key,
                        const sender_verdict *v)
{
    size_t i = shard_of(key);
    if (entries == 0)
        return;
    pthread_mutex_lock(&sc->shard[i].lock);
    smsrep__cache_put(&sc->shard[i].cache, shard_entries(entries), key, v);
    pthread_mutex_unlock(&sc->shard[i].lock);
}

void smsrep__shared_free(shared_cache *sc)
{
    int i;
    for (i = 0; i < sc->shards; i++) {
        smsrep__cache_free(&sc->shard[i].cache);
        pthread_mutex_destroy(&sc->shard[i].lock);
    }
    sc->shards = 0;
}
