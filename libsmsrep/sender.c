/* SPDX-License-Identifier: Apache-2.0
 * sender.c: classifies a raw sender before libphonenumber sees it, because
 * libphonenumber turns letters into keypad digits ("365SCORES" parses as a
 * valid Japanese number). Any letter makes a sender alphanumeric unless it is
 * a tel: URI; Unicode digits, separators, '+' and full-width forms are folded
 * into plain ASCII digits. */
#include "sender.h"

#include "smsrep.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>

enum char_class {
    C_DIGIT,      /* any Unicode decimal digit */
    C_PLUS,       /* '+' or full-width '＋' */
    C_SEPARATOR,  /* spaces, hyphens, dashes, dots, slashes, parentheses */
    C_DASHLIKE,   /* 'ー' (U+30FC) and 'ｰ' (U+FF70): letters Japanese users type as hyphens */
    C_LETTER,     /* any other letter or combining mark */
    C_FORMAT,     /* invisible: default-ignorable code points (bidi controls, zero
                     widths, soft hyphen, variation selectors, Hangul fillers) */
    C_CONTROL,    /* C0 and C1 controls */
    C_OTHER       /* other punctuation and symbols */
};

static int classify(uint32_t cp, int *digit)
{
    int8_t type;

    if (cp >= '0' && cp <= '9') {
        *digit = (int)(cp - '0');
        return C_DIGIT;
    }
    if (cp == '+' || cp == 0xFF0B)
        return C_PLUS;
    if (cp == 0x30FC || cp == 0xFF70)
        return C_DASHLIKE;
    if (cp > 0x7F && u_hasBinaryProperty((UChar32)cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        return C_FORMAT;
    switch (cp) {
    case ' ': case '-': case '.': case '/': case '(': case ')':
    case 0x00A0: case 0x2212: case 0x3000:
    case 0xFF08: case 0xFF09: case 0xFF0D: case 0xFF0E: case 0xFF0F:
        return C_SEPARATOR;
    default:
        break;
    }
    type = u_charType((UChar32)cp);
    switch (type) {
    case U_DECIMAL_DIGIT_NUMBER:
        *digit = u_charDigitValue((UChar32)cp);
        return C_DIGIT;
    case U_SPACE_SEPARATOR:
    case U_DASH_PUNCTUATION:
        return C_SEPARATOR;
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return C_LETTER;
    case U_FORMAT_CHAR:
        return C_FORMAT;
    case U_CONTROL_CHAR:
        return C_CONTROL;
    default:
        return C_OTHER;
    }
}

/* Whitespace trimmed from both ends: ASCII blanks and line ends, and any
 * Unicode space separator (the ideographic space among them). */
static int is_trim(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
           u_charType((UChar32)cp) == U_SPACE_SEPARATOR;
}

static void trim(const char **s, size_t *len)
{
    uint32_t cp;
    size_t n;

    while (*len > 0 && (n = smsrep__utf8_decode(*s, *len, &cp)) > 0 && is_trim(cp)) {
        *s += n;
        *len -= n;
    }
    while (*len > 0) {
        size_t start = *len - 1;
        while (start > 0 && ((unsigned char)(*s)[start] & 0xC0) == 0x80)
            start--;
        n = smsrep__utf8_decode(*s + start, *len - start, &cp);
        if (n == 0 || !is_trim(cp))
            break;
        *len = start;
    }
}

static int starts_with_tel(const char *s, size_t len)
{
    return len >= 4 && (s[0] == 't' || s[0] == 'T') && (s[1] == 'e' || s[1] == 'E') &&
           (s[2] == 'l' || s[2] == 'L') && s[3] == ':';
}

/* In a tel: URI the number ends at the first ';'. A phone-context that is a
 * global number ("+81") supplies the country code of a local number. */
static const char *tel_context(const char *params, size_t len, size_t *ctx_len)
{
    static const char key[] = ";phone-context=";
    size_t k = sizeof key - 1, i;
    for (i = 0; i + k <= len; i++) {
        if (strncmp(params + i, key, k) == 0) {
            const char *v = params + i + k;
            size_t n = 0;
            while (i + k + n < len && v[n] != ';')
                n++;
            *ctx_len = n;
            return v;
        }
    }
    return NULL;
}

/* Appends the digits of s[0..len) to out; returns 0 when it holds anything
 * other than digits, separators and one leading '+'. */
static int read_number(const char *s, size_t len, sender *out, int allow_plus)
{
    size_t i = 0, n;
    uint32_t cp;
    int digit = 0, seen_digit = out->ndigits > 0, ok = 1;

    while (i < len) {
        n = smsrep__utf8_decode(s + i, len - i, &cp);
        i += n;
        switch (classify(cp, &digit)) {
        case C_DIGIT:
            if (out->ndigits >= SENDER_DIGITS_MAX) {
                ok = 0;
                break;
            }
            out->digits[out->ndigits++] = (char)('0' + digit);
            out->digits[out->ndigits] = '\0';
            seen_digit = 1;
            break;
        case C_PLUS:
            if (!allow_plus || seen_digit || out->plus)
                ok = 0;
            out->plus = 1;
            break;
        case C_SEPARATOR:
        case C_DASHLIKE:
            break;
        case C_FORMAT: /* what a screen puts around a number it shows */
            out->invisible++;
            break;
        default: /* no real number holds symbols */
            ok = 0;
            break;
        }
    }
    return ok && out->ndigits > 0;
}

int smsrep__sender_read(const char *raw, size_t len, uint32_t hint, sender *out)
{
    const char *s = raw;
    size_t i, n;
    uint32_t cp;
    int digit, letters = 0, digits = 0, dashlike = 0, invisible = 0, tel, seen = 0;
    size_t embeddings = 0, reordering = 0;

    memset(out, 0, sizeof *out);
    if (len > SMSREP_SENDER_MAX)
        return SMSREP_E_TOO_LONG;
    if (!smsrep__utf8_valid(s, len))
        return SMSREP_E_ENCODING;
    trim(&s, &len);
    if (len == 0)
        return SMSREP_E_EMPTY;

    for (i = 0; i < len; i += n) {
        int c;
        n = smsrep__utf8_decode(s + i, len - i, &cp);
        c = classify(cp, &digit);
        /* Android shows numbers wrapped in LRE..PDF: only embeddings
         * between visible characters count, overrides wherever they are. */
        if (cp == 0x202D || cp == 0x202E)
            reordering++;
        else if (cp >= 0x202A && cp <= 0x202C)
            embeddings += (size_t)seen;
        if (c != C_FORMAT) {
            seen = 1;
            reordering += embeddings;
            embeddings = 0;
        }
        switch (c) {
        case C_CONTROL: return SMSREP_E_CHARACTER;
        case C_DIGIT: digits++; break;
        case C_LETTER: letters++; break;
        case C_DASHLIKE: dashlike++; break;
        case C_FORMAT: invisible++; break;
        default: break;
        }
    }
    out->bidi_override = reordering;

    /* The gateway's address type is believed however the sender is spelt:
     * an alphanumeric address is text even when it reads like a tel: URI.
     * Otherwise any letter makes text, except in a tel: URI; 'ー' between
     * digits is a hyphen, and beside real letters it is a letter. */
    tel = starts_with_tel(s, len);
    if ((hint == SMSREP_HINT_ALPHANUMERIC && letters + digits + dashlike > 0) ||
        (!tel && (letters > 0 || (dashlike > 0 && digits == 0)))) {
        out->form = SENDER_TEXT;
        out->text = s;
        out->text_len = len;
        out->invisible = (size_t)invisible;
        return SMSREP_OK;
    }
    if (tel) {
        const char *end = memchr(s, ';', len);
        size_t num_len = end ? (size_t)(end - s) - 4 : len - 4;
        size_t ctx_len = 0;
        const char *ctx = end ? tel_context(end, len - (size_t)(end - s), &ctx_len) : NULL;
        int ok;

        out->form = SENDER_NUMERIC;
        if (ctx != NULL && ctx_len > 1 && ctx[0] == '+' && memchr(s + 4, '+', num_len) == NULL) {
            /* a local number in a global context: the context's digits come first */
            ok = read_number(ctx, ctx_len, out, 1) && read_number(s + 4, num_len, out, 0);
        } else {
            ok = read_number(s + 4, num_len, out, 1);
        }
        if (!ok)
            out->form = SENDER_MALFORMED;
    } else if (digits == 0) {
        return SMSREP_E_CHARACTER;
    } else {
        out->form = read_number(s, len, out, 1) ? SENDER_NUMERIC : SENDER_MALFORMED;
    }
    /* The gateway's address type describes the number however it is spelt,
     * tel: URI or plain digits. */
    if (hint == SMSREP_HINT_INTERNATIONAL)
        out->plus = 1;
    return SMSREP_OK;
}

void smsrep__sender_display(const char *raw, size_t len, char *out, size_t cap)
{
    size_t i, n, used = 0;
    uint32_t cp;
    int digit;

    if (cap == 0)
        return;
    trim(&raw, &len);
    for (i = 0; i < len; i += n) {
        char piece[16];
        size_t plen;
        n = smsrep__utf8_decode(raw + i, len - i, &cp);
        if (n == 0)
            break;
        if (classify(cp, &digit) == C_FORMAT) {
            snprintf(piece, sizeof piece, "<U+%04X>", (unsigned)cp);
            plen = strlen(piece);
        } else {
            memcpy(piece, raw + i, n);
            plen = n;
        }
        if (used + plen + 1 > cap)
            break;
        memcpy(out + used, piece, plen);
        used += plen;
    }
    out[used] = '\0';
}
