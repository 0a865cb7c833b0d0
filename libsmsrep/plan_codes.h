/* SPDX-License-Identifier: Apache-2.0
 * plan_codes.h: country calling codes per region without libphonenumber.
 * Private to libsmsrep. */
#ifndef SMSREP_PLAN_CODES_H
#define SMSREP_PLAN_CODES_H

#include <stddef.h>
#include <stdint.h>

/* The calling code of an upper-case region ("JP" -> 81), or 0. */
uint32_t smsrep__plan_region_code(const char *region);

/* The main region of a calling code (1 -> "US", 44 -> "GB"), "001" for the
 * codes of international networks, or NULL for a code nobody uses. *shared
 * is 1 when other regions use the code too (1: US, CA, JM, ...). */
const char *smsrep__plan_code_region(uint32_t code, int *shared);

/* The i-th row of the table, for tests; returns the row count, 0 past it. */
size_t smsrep__plan_regions(const char **region, uint32_t *code, int *main_region, size_t i);

#endif
