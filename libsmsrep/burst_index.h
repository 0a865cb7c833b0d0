/* SPDX-License-Identifier: Apache-2.0
 * burst_index.h (private): the burst tracker's recipient index, a hash
 * table keyed with a secret per tracker, and the tracker's random numbers,
 * so a sender can neither slow a lookup nor choose who is forgotten. */
#ifndef SMSREP_BURST_INDEX_H
#define SMSREP_BURST_INDEX_H

#include <stddef.h>
#include <stdint.h>

#define BURST_INDEX_NONE UINT32_MAX

typedef struct burst_index_entry {
    uint64_t key;        /* 0: empty */
    uint32_t slot;
    uint32_t reserved;
} burst_index_entry;

typedef struct burst_index {
    burst_index_entry *table;
    size_t mask;         /* table size - 1; the size is a power of two */
    uint64_t secret[2];  /* keys the hash; also seeds the random numbers */
    uint64_t random;     /* xorshift64* state, never 0 */
} burst_index;

/* Room for `entries` keys at most half full; 0 or -1 (out of memory). */
int burst_index_init(burst_index *ix, uint32_t entries);
void burst_index_free(burst_index *ix);

/* The keyed hash of s[0..len), never 0. */
uint64_t burst_index_hash(const burst_index *ix, const char *s, size_t len);

/* The slot stored for key, or BURST_INDEX_NONE; expected constant time. */
uint32_t burst_index_find(const burst_index *ix, uint64_t key);
/* Stores key (not present yet) with its slot. */
void burst_index_put(burst_index *ix, uint64_t key, uint32_t slot);
/* Removes key if present. */
void burst_index_remove(burst_index *ix, uint64_t key);

/* A random number below n (n > 0), from the tracker's own generator. */
uint32_t burst_index_random(burst_index *ix, uint32_t n);

#endif
