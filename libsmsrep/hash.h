/* SPDX-License-Identifier: Apache-2.0
 * hash.h: FNV-1a, the one hash the library (and its command line) uses for
 * cache keys, the prefix Bloom filter, burst keys and file digests. Private. */
#ifndef SMSREP_HASH_H
#define SMSREP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define SMSREP__FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define SMSREP__FNV_PRIME UINT64_C(0x100000001b3)

/* Folds p[0..len) into h; start with SMSREP__FNV_OFFSET. */
static inline uint64_t smsrep__fnv1a(uint64_t h, const void *p, size_t len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < len; i++)
        h = (h ^ s[i]) * SMSREP__FNV_PRIME;
    return h;
}

#endif
