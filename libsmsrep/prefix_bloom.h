/* SPDX-License-Identifier: Apache-2.0
 * prefix_bloom.h: a Bloom filter of the number-range prefixes, built at open, so
 * that a longest-prefix search asks SQLite only about prefixes that may
 * exist. Private to libsmsrep. */
#ifndef SMSREP_PREFIX_BLOOM_H
#define SMSREP_PREFIX_BLOOM_H

#include <stddef.h>
#include <stdint.h>

typedef struct prefix_bloom {
    uint64_t *words;        /* NULL: no filter, every prefix may exist */
    uint64_t mask;          /* bits - 1; bits is a power of two */
} prefix_bloom;

/* Sizes an empty filter for n prefixes (16 bits each, two probes: about
 * 1.4% false positives; at most 2^27 bits). Returns SMSREP_OK or
 * SMSREP_E_NOMEM. */
int smsrep__bloom_init(prefix_bloom *f, size_t n);
void smsrep__bloom_add(prefix_bloom *f, const char *prefix, size_t len);
/* 0 when no added prefix equals prefix[0..len); 1 when one may. */
int smsrep__bloom_may_hold(const prefix_bloom *f, const char *prefix, size_t len);
void smsrep__bloom_free(prefix_bloom *f);

#endif
