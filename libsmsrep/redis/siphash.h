/* SPDX-License-Identifier: Apache-2.0
 * siphash.h (private to libsmsrep_redis): SipHash-2-4 with a 128-bit
 * output, the keyed hash that turns numbers into Redis keys. */
#ifndef SMSREP_REDIS_SIPHASH_H
#define SMSREP_REDIS_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4-128 of in[0..len) under key[16], into out[16]. */
void smsrep_redis__siphash128(const uint8_t key[16], const void *in, size_t len, uint8_t out[16]);

#endif
