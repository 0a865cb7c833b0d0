/* SPDX-License-Identifier: Apache-2.0
 * grow.h: room for one more element in an array that doubles as it fills.
 * Private to libsmsrep. */
#ifndef SMSREP_GROW_H
#define SMSREP_GROW_H

#include <stdlib.h>

/* Returns arr with room for at least n + 1 elements of size each (first:
 * the initial capacity), updating *alloc; NULL when out of memory, and then
 * arr is unchanged and still the caller's. */
static inline void *smsrep__grow(void *arr, size_t *alloc, size_t n, size_t size, size_t first)
{
    size_t want;
    void *grown;
    if (n < *alloc)
        return arr;
    want = *alloc ? *alloc * 2 : first;
    if ((grown = realloc(arr, want * size)) != NULL)
        *alloc = want;
    return grown;
}

#endif
