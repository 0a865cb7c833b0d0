/* SPDX-License-Identifier: Apache-2.0
 * utf8.h: strict UTF-8 decoding and bounded string copies.
 * Private to libsmsrep (also linked into the database builder). */
#ifndef SMSREP_UTF8_H
#define SMSREP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decodes one code point from s[0..len). Returns the bytes it used (1-4), or
 * 0 for an invalid, overlong, surrogate or truncated sequence. */
size_t smsrep__utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Returns 1 when s[0..len) is valid UTF-8. */
int smsrep__utf8_valid(const char *s, size_t len);

/* Copies src[0..len) into dst[cap] with a NUL, cutting at a UTF-8 character
 * boundary when it does not fit. Returns the bytes copied. cap may be 0. */
size_t smsrep__copy(char *dst, size_t cap, const char *src, size_t len);

/* smsrep__copy() of a NUL-terminated string (NULL copies ""). */
size_t smsrep__copyz(char *dst, size_t cap, const char *src);

/* As smsrep__copy(), for text that may not be UTF-8 (a database from
 * outside): every invalid byte becomes U+FFFD. */
size_t smsrep__copy_repair(char *dst, size_t cap, const char *src, size_t len);

#ifdef __cplusplus
}
#endif
#endif
