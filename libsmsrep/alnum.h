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

/* Longest loose key kept (bytes, with NUL). */
#define ALNUM_LOOSE_SIZE (SMSREP_NORMALIZED_SIZE * 2)

typedef struct alnum_form {
    char canonical[SMSREP_NORMALIZED_SIZE]; /* NFKC case-folded, ASCII upper-cased, blanks
                                               collapsed; cut at a character boundary when
                                               longer (never a GSM sender ID: at most 11) */
    char skeleton[SMSREP_NORMALIZED_SIZE * 2]; /* UTS #39 skeleton of the first 64 units, case-folded */
    char loose[ALNUM_LOOSE_SIZE]; /* smsrep__alnum_loose() of the skeleton */
    size_t chars;         /* characters of the NFKC form, invisible ones left out */
    size_t invisible;     /* default-ignorable characters (zero widths, bidi controls) */
    size_t invisible_inside; /* those between visible characters, where they split a
                                name; a screen wraps what it shows in bidi marks at
                                the ends */
    size_t bidi_override; /* bidi overrides (U+202D, U+202E) anywhere, embeddings and
                             PDF (U+202A..U+202C) between visible characters: the
                             reader sees another order than was sent; skeleton and
                             loose are of the order seen */
    int gsm_encodable;    /* every character of the NFKC form is in the GSM 7-bit
                             alphabet, so a network could have delivered it */
    int basic_charset;    /* only A-Z a-z 0-9 space . & _ - (what UK operators allow) */
} alnum_form;

/* Computes the forms of text[0..len) (valid UTF-8, at most SMSREP_SENDER_MAX
 * bytes, else E_TOO_LONG). Returns SMSREP_OK, E_NOMEM or E_INTERNAL. */
int smsrep__alnum_forms(const char *text, size_t len, alnum_form *out);

/* The loose key of a skeleton, for look-alikes that skeletons miss: ASCII
 * letters upper-cased, then the digit-for-letter swaps of smishing folded
 * (0 O, 1 l I |, 3 E, 4 @ A, 5 $ S, 8 B; L is read as I), and every run of
 * other ASCII (separators such as - _ . and space) made one space. Other
 * characters stay. "AMAZ0N-JP" and "Amazon JP" both give "ARNAZON JP"
 * (the skeleton writes m as rn). */
void smsrep__alnum_loose(const char *skeleton, char *out, size_t cap);

/* Builds ICU's normaliser and spoof checker once; thread-safe. */
int smsrep__alnum_init(void);

#endif
