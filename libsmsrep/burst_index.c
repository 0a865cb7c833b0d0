/* SPDX-License-Identifier: Apache-2.0
 * burst_index.c: open addressing with linear probing and backward-shift
 * deletion over a keyed hash: the secret comes from the kernel when each
 * tracker is made, so no sender can pick recipients that collide. */
#include "burst_index.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

/* splitmix64's finalizer: every input bit moves every output bit. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return x;
}

int burst_index_init(burst_index *ix, uint32_t entries)
{
    size_t size = 16;
    memset(ix, 0, sizeof *ix);
    while (size < (size_t)entries * 2)
        size *= 2;
    ix->table = calloc(size, sizeof *ix->table);
    if (ix->table == NULL)
        return -1;
    ix->mask = size - 1;
    /* Without the kernel's random bytes (never expected), the clock and an
     * address still differ between runs and trackers. */
    if (getrandom(ix->secret, sizeof ix->secret, GRND_NONBLOCK) != (ssize_t)sizeof ix->secret) {
        ix->secret[0] = mix((uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)ix);
        ix->secret[1] = mix(ix->secret[0] ^ (uint64_t)clock());
    }
    ix->random = mix(ix->secret[0] ^ ix->secret[1]) | 1u;
    return 0;
}

void burst_index_free(burst_index *ix)
{
    free(ix->table);
    ix->table = NULL;
}

uint64_t burst_index_hash(const burst_index *ix, const char *s, size_t len)
{
    uint64_t h = ix->secret[0];
    size_t i;
    for (i = 0; i < len; i++)
        h = mix(h ^ (unsigned char)s[i]) + ix->secret[1];
    h = mix(h ^ len);
    return h ? h : 1;
}

uint32_t burst_index_find(const burst_index *ix, uint64_t key)
{
    size_t i = (size_t)key & ix->mask;
    while (ix->table[i].key != 0) {
        if (ix->table[i].key == key)
            return ix->table[i].slot;
        i = (i + 1) & ix->mask;
    }
    return BURST_INDEX_NONE;
}

void burst_index_put(burst_index *ix, uint64_t key, uint32_t slot)
{
    size_t i = (size_t)key & ix->mask;
    while (ix->table[i].key != 0)
        i = (i + 1) & ix->mask;
    ix->table[i].key = key;
    ix->table[i].slot = slot;
}

void burst_index_remove(burst_index *ix, uint64_t key)
{
    size_t i = (size_t)key & ix->mask, j, home;
    while (ix->table[i].key != key) {
        if (ix->table[i].key == 0)
            return;
        i = (i + 1) & ix->mask;
    }
    /* Shifts back each later entry of the run that may live at the hole. */
    j = i;
    for (;;) {
        ix->table[i].key = 0;
        do {
            j = (j + 1) & ix->mask;
            if (ix->table[j].key == 0)
                return;
            home = (size_t)ix->table[j].key & ix->mask;
        } while (i <= j ? (i < home && home <= j) : (i < home || home <= j));
        ix->table[i] = ix->table[j];
        i = j;
    }
}

uint32_t burst_index_random(burst_index *ix, uint32_t n)
{
    uint64_t x = ix->random;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    ix->random = x;
    return (uint32_t)(((x * UINT64_C(2685821657736338717)) >> 32) % n);
}
