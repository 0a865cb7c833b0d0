/* SPDX-License-Identifier: Apache-2.0
 * prefix_bloom.c: the prefix Bloom filter: FNV-1a, two probes from one 64-bit
 * hash. A false positive costs one SQLite lookup, never a wrong answer. */
#include "prefix_bloom.h"

#include "hash.h"

#include <stdlib.h>

#include "smsrep.h"

int smsrep__bloom_init(prefix_bloom *f, size_t n)
{
    uint64_t bits = 512;
    /* at most 16 MiB: a larger database only sees more false positives */
    while (bits < (uint64_t)n * 16 && bits < (UINT64_C(1) << 27))
        bits *= 2;
    f->words = calloc((size_t)(bits / 64), sizeof *f->words);
    f->mask = bits - 1;
    return f->words != NULL ? SMSREP_OK : SMSREP_E_NOMEM;
}

static uint64_t hash(const char *p, size_t len)
{
    uint64_t h = smsrep__fnv1a(SMSREP__FNV_OFFSET, p, len);
    return h ^ (h >> 29);
}

void smsrep__bloom_add(prefix_bloom *f, const char *prefix, size_t len)
{
    uint64_t h = hash(prefix, len), a = h & f->mask, b = (h >> 32) & f->mask;
    f->words[a / 64] |= UINT64_C(1) << (a % 64);
    f->words[b / 64] |= UINT64_C(1) << (b % 64);
}

int smsrep__bloom_may_hold(const prefix_bloom *f, const char *prefix, size_t len)
{
    uint64_t h, a, b;
    if (f->words == NULL)
        return 1;
    h = hash(prefix, len);
    a = h & f->mask;
    b = (h >> 32) & f->mask;
    return (f->words[a / 64] >> (a % 64) & 1) && (f->words[b / 64] >> (b % 64) & 1);
}

void smsrep__bloom_free(prefix_bloom *f)
{
    free(f->words);
    f->words = NULL;
}
