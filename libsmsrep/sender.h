/* SPDX-License-Identifier: Apache-2.0
 * sender.h: reads a raw sender into digits or text before any library sees it.
 * Private to libsmsrep. */
#ifndef SMSREP_SENDER_H
#define SMSREP_SENDER_H

#include <stddef.h>
#include <stdint.h>

/* Longest digit string handed on; E.164 has 15 digits, an international
 * prefix adds up to 3 and a trunk prefix 1. Longer strings are malformed. */
#define SENDER_DIGITS_MAX 20

enum sender_form {
    SENDER_NUMERIC,   /* digits, perhaps after '+' */
    SENDER_TEXT,      /* holds a letter: an alphanumeric sender ID */
    SENDER_MALFORMED  /* digits mixed with what no number holds */
};

typedef struct sender {
    int form;                           /* enum sender_form */
    int plus;                           /* the digits start with the country code */
    size_t ndigits;
    char digits[SENDER_DIGITS_MAX + 1]; /* ASCII digits, NUL-terminated */
    const char *text;                   /* SENDER_TEXT: the trimmed input */
    size_t text_len;
    size_t invisible;                   /* invisible characters read (and ignored) */
    size_t bidi_override;               /* bidi overrides (U+202D, U+202E) anywhere, and
                                           embeddings or PDF (U+202A..U+202C) between
                                           visible characters: what is shown is reordered */
} sender;

/* Reads raw[0..len) as it arrived. Returns SMSREP_OK with *out filled, or
 * SMSREP_E_EMPTY, E_TOO_LONG, E_ENCODING or E_CHARACTER when the bytes are
 * not a sender at all. The hint (enum smsrep_hint) decides digits-only
 * alphanumeric IDs and senders that arrive without their '+'. */
int smsrep__sender_read(const char *raw, size_t len, uint32_t hint, sender *out);

/* Writes raw[0..len) (valid UTF-8), trimmed, into out for display: every
 * invisible character becomes "<U+XXXX>", and the text is cut at a character
 * boundary to fit cap bytes. */
void smsrep__sender_display(const char *raw, size_t len, char *out, size_t cap);

#endif
