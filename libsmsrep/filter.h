/* SPDX-License-Identifier: Apache-2.0
 * filter.h: a Bloom filter of the number-range prefixes, built at open, so
 * that a longest-prefix search asks SQLite only about prefixes that may
 * exist. Private to libsmsrep. */
#ifndef SMSREP_FILTER_H
#define SMSREP_FILTER_H

#include <stddef.h>
#include <stdint.h>

typedef struct prefix_filter {
    uint64_t *words;        /* NULL: no filter, every prefix may exist */
    uint64_t mask;          /* bits - 1; bits is a power of two */
} prefix_filter;

/* Sizes an empty filter for n prefixes (16 bits each, two probes: about
 * 1.4% false positives; at most 2^27 bits). Returns SMSREP_OK or
 * SMSREP_E_NOMEM. */
int smsrep__filter_init(prefix_filter *f, size_t n);
void smsrep__filter_add(prefix_filter *f, const char *prefix, size_t len);
/* 0 when no added prefix equals prefix[0..len); 1 when one may. */
int smsrep__filter_may_hold(const prefix_filter *f, const char *prefix, size_t len);
void smsrep__filter_free(prefix_filter *f);

#endif
