/* SPDX-License-Identifier: Apache-2.0
 * alnum.h: canonical form and confusable skeleton of alphanumeric sender IDs.
 * Private to libsmsrep (also linked into the database builder, so the
 * database holds exactly the keys the library computes). */
#ifndef SMSREP_ALNUM_H
#define SMSREP_ALNUM_H

#include <stddef.h>

#include "smsrep.h"

/* GSM 03.40: an alphanumeric originating address holds at most 11
 * characters of the GSM 7-bit default alphabet. */
#define ALNUM_GSM_MAX_CHARS 11

typedef struct alnum_form {
    char canonical[SMSREP_NORMALIZED_SIZE]; /* NFKC case-folded, ASCII upper-cased, blanks
                                               collapsed; cut at a character boundary when
                                               longer (never a GSM sender ID: at most 11) */
    char skeleton[SMSREP_NORMALIZED_SIZE * 2]; /* UTS #39 skeleton of the first 64 units, case-folded */
    size_t chars;         /* characters in the input as it arrived */
    int gsm_encodable;    /* every character is in the GSM 7-bit alphabet */
} alnum_form;

/* Computes the forms of text[0..len) (valid UTF-8, at most SMSREP_SENDER_MAX
 * bytes, else E_TOO_LONG). Returns SMSREP_OK, E_NOMEM or E_INTERNAL. */
int smsrep__alnum_forms(const char *text, size_t len, alnum_form *out);

/* Builds ICU's normaliser and spoof checker once; thread-safe. */
int smsrep__alnum_init(void);

#endif
