/* SPDX-License-Identifier: Apache-2.0
 * floor.h: the benchmark's floor, bare libphonenumber per sender, as a
 * careless design would call it on every message. */
#ifndef SMSREP_BENCH_FLOOR_H
#define SMSREP_BENCH_FLOOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Builds libphonenumber's singleton (the first call costs milliseconds). */
void floor_init(void);

/* Parse + Format(E164) + GetNumberType of the sender as it arrived, with
 * the recipient's region (or "ZZ"); returns 1 when the number is valid. */
int floor_check(const char *sender, size_t len, const char *region);

#ifdef __cplusplus
}
#endif
#endif
