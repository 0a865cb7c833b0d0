/* SPDX-License-Identifier: Apache-2.0
 * sized.h: the one way a struct crosses the API: the caller's struct_size
 * says how much of it there is, the library reads and writes no more, and
 * accepts any size from the first published layout on. Private. */
#ifndef SMSREP_SIZED_H
#define SMSREP_SIZED_H

#include <stddef.h>
#include <stdint.h>

/* Copies a caller's struct into the library's own of size mine: the first
 * min(theirs->struct_size, mine) bytes, the rest zero. E_STRUCT_SIZE when
 * the caller's struct_size is below first (the first published size). */
int smsrep__sized_in(void *mine, size_t mine_size, const void *theirs, uint32_t first);

/* Checks a caller's output struct: E_STRUCT_SIZE below first. */
int smsrep__sized_check(const void *theirs, uint32_t first);

/* Writes the library's struct of size mine_size into the caller's: no more
 * than the caller's struct_size, which it keeps. */
void smsrep__sized_out(void *theirs, const void *mine, size_t mine_size);

/* The struct_size at the start of any API struct. */
uint32_t smsrep__sized_size(const void *s);

#endif
