/* SPDX-License-Identifier: Apache-2.0
 * adapters.c: reads the sender and the text the way each SMS gateway hands
 * them over: an smstools3 message file (headers, then the body in the file's
 * Alphabet:), gammu-smsd's RunOnReceive environment, and Kannel's
 * URL-encoded escape codes. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Strips blanks and a line end from both ends of s[0..*len), in place. */
static char *strip(char *s, size_t *len)
{
    while (*len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\r' ||
                        s[*len - 1] == '\n'))
        (*len)--;
    s[*len] = '\0';
    return s;
}

/* The most of a body that is read: a UCS2 text of SMSREP_TEXT_MAX bytes
 * of UTF-8 takes at most twice as many. */
#define BODY_MAX (2 * SMSREP_TEXT_MAX + 2)

/* Appends code point c to out as UTF-8. */
static size_t put_utf8(char *out, unsigned long c)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* UTF-16BE (smsd's UCS2 body, written as the PDU carried it) into UTF-8,
 * up to the first unit that is no character (a lone surrogate): the library
 * reads a text up to its first byte that is not UTF-8 too. An odd last
 * byte is no unit. out holds 3 bytes per 2 of in. */
static size_t from_ucs2(const unsigned char *in, size_t len, char *out)
{
    size_t i, n = 0;
    for (i = 0; i + 1 < len; i += 2) {
        unsigned long c = (unsigned long)in[i] << 8 | in[i + 1];
        if (c >= 0xDC00 && c <= 0xDFFF)
            break;
        if (c >= 0xD800 && c <= 0xDBFF) {
            unsigned long lo;
            if (i + 3 >= len)
                break;
            lo = (unsigned long)in[i + 2] << 8 | in[i + 3];
            if (lo < 0xDC00 || lo > 0xDFFF)
                break;
            c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        }
        n += put_utf8(out + n, c);
    }
    return n;
}

/* ISO-8859-15 (smsd's "ISO" body: the GSM alphabet in Latin-9) into UTF-8;
 * it differs from Latin-1 in eight places. out holds 3 bytes per 1 of in. */
static size_t from_latin9(const unsigned char *in, size_t len, char *out)
{
    static const unsigned char at[8] = { 0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE };
    static const unsigned short is[8] = { 0x20AC, 0x0160, 0x0161, 0x017D,
                                          0x017E, 0x0152, 0x0153, 0x0178 };
    size_t i, n = 0;
    for (i = 0; i < len; i++) {
        unsigned long c = in[i];
        int k;
        for (k = 0; k < 8; k++)
            if (in[i] == at[k])
                c = is[k];
        n += put_utf8(out + n, c);
    }
    return n;
}

/* Whether s[0..len) is UTF-8 throughout (overlong forms and surrogates
 * included as not). */
static int is_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned long c;
        size_t more, k;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        if (s[i] >= 0xC2 && s[i] <= 0xDF)
            more = 1, c = s[i] & 0x1Fu;
        else if ((s[i] & 0xF0) == 0xE0)
            more = 2, c = s[i] & 0x0Fu;
        else if (s[i] >= 0xF0 && s[i] <= 0xF4)
            more = 3, c = s[i] & 0x07u;
        else
            return 0;
        for (k = 1; k <= more; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return 0;
            c = c << 6 | (s[i + k] & 0x3Fu);
        }
        if ((more == 2 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
            (more == 3 && (c < 0x10000 || c > 0x10FFFF)))
            return 0;
        i += more + 1;
    }
    return 1;
}

/* The body in UTF-8, as its Alphabet: header says it is written: "UCS2"
 * (UTF-16BE, smsd's default for a Unicode message), "ISO" or "GSM"
 * (Latin-9, smsd's default), "UTF-8" (smsd with incoming_utf8 = yes). With
 * no Alphabet: header, UTF-8 if it is, Latin-9 if not. A binary body is no
 * text (*text NULL); so is one in an alphabet not known here, said on
 * stderr. Returns 0, or -1 when out of memory. */
static int body_text(const char *path, const char *alphabet, const unsigned char *body,
                     size_t len, char **text, size_t *text_len)
{
    *text = NULL;
    *text_len = 0;
    if (alphabet != NULL && strncasecmp(alphabet, "binary", 6) == 0)
        return 0;
    if (alphabet != NULL && strcasecmp(alphabet, "UCS2") != 0 &&
        strcasecmp(alphabet, "ISO") != 0 && strcasecmp(alphabet, "GSM") != 0 &&
        strcasecmp(alphabet, "UTF-8") != 0 && strcasecmp(alphabet, "UTF8") != 0) {
        fputs(cli_text("smsrep: ", "smsrep: "), stderr);
        cli_escape_c(stderr, path);
        fputs(cli_text(": the text's Alphabet: is none known here (", ": 本文の Alphabet: が不明です（"),
              stderr);
        cli_escape_c(stderr, alphabet);
        fputs(cli_text("); the sender is judged without it\n", "）。本文なしで送信元を判定します\n"),
              stderr);
        return 0;
    }
    if ((*text = malloc(3 * len + 1)) == NULL)
        return -1;
    if (alphabet != NULL && strcasecmp(alphabet, "UCS2") == 0)
        *text_len = from_ucs2(body, len, *text);
    else if ((alphabet != NULL && (strcasecmp(alphabet, "UTF-8") == 0 ||
                                   strcasecmp(alphabet, "UTF8") == 0)) ||
             (alphabet == NULL && is_utf8(body, len)))
        memcpy(*text, body, *text_len = len);
    else
        *text_len = from_latin9(body, len, *text);
    (*text)[*text_len] = '\0';
    return 0;
}

/* The header block ends at the first empty line; "From_TOA: 91 international,
 * ISDN/telephone" begins with the octet in hex. The body follows it. */
int adapter_smstools(const char *path, char **sender, int *toa, char **text, size_t *text_len)
{
    FILE *f = fopen(path, "r");
    char *line = NULL, *alphabet = NULL;
    unsigned char *body = NULL;
    size_t cap = 0, body_len = 0;
    ssize_t n;
    int ended = 0, failed = 0;

    *sender = NULL;
    *toa = -1;
    *text = NULL;
    *text_len = 0;
    if (f == NULL) {
        perror(path);
        return -1;
    }
    while ((n = getline(&line, &cap, f)) != -1) {
        size_t len = (size_t)n;
        char *header = strip(line, &len);
        if (header[0] == '\0') {
            ended = 1;
            break;
        }
        /* Every header is "Name: value"; a line that is not was cut from
         * the one before by a line feed the sender or text held. */
        if (strchr(header, ':') == NULL) {
            *toa = -2;
            break;
        }
        if (strncmp(header, "From:", 5) == 0 && *sender == NULL) {
            len = strlen(header + 5);
            *sender = strdup(strip(header + 5, &len));
            if (*sender == NULL)
                break;
        } else if (strncmp(header, "From_TOA:", 9) == 0) {
            char *end;
            unsigned long octet = strtoul(header + 9, &end, 16);
            if (end != header + 9 && octet <= 0xFF)
                *toa = (int)octet;
        } else if (strncmp(header, "Alphabet:", 9) == 0 && alphabet == NULL) {
            len = strlen(header + 9);
            failed |= (alphabet = strdup(strip(header + 9, &len))) == NULL;
        }
    }
    /* The body, unless the header block was cut short (its sender cannot
     * be judged, and where its text begins is not known). */
    if (ended && *toa != -2 && !failed && !ferror(f)) {
        if ((body = malloc(BODY_MAX)) == NULL)
            failed = 1;
        else
            body_len = fread(body, 1, BODY_MAX, f);
    }
    free(line);
    if (ferror(f)) {
        perror(path);
        failed = 1;
    } else if (!failed && body != NULL &&
               body_text(path, alphabet, body, body_len, text, text_len) != 0) {
        fputs("smsrep: out of memory\n", stderr);
        failed = 1;
    }
    fclose(f);
    free(body);
    free(alphabet);
    if (failed) {
        free(*sender);
        free(*text);
        *sender = *text = NULL;
        return -1;
    }
    if (*sender == NULL) {
        fprintf(stderr, cli_text("smsrep: %s has no From: header\n",
                                 "smsrep: %s に From: ヘッダーがありません\n"),
                path);
        free(*text);
        *text = NULL;
        return -1;
    }
    return 0;
}

/* SMS_MESSAGES counts the messages of one RunOnReceive call; SMS_<n>_NUMBER
 * holds each one's sender, "+447700900123", "07700900123" or "VODAFONE". */
int adapter_gammu_count(void)
{
    const char *v = getenv("SMS_MESSAGES");
    char *end;
    long n;
    if (v == NULL || *v == '\0') {
        fputs(cli_text("smsrep: --gammu-env: SMS_MESSAGES is not set (is this gammu-smsd's "
                       "RunOnReceive?)\n",
                       "smsrep: --gammu-env: SMS_MESSAGES がありません（gammu-smsd の "
                       "RunOnReceive から呼ばれましたか？）\n"),
              stderr);
        return -1;
    }
    n = strtol(v, &end, 10);
    if (*end != '\0' || n < 0 || n > 1000) {
        fputs(cli_text("smsrep: --gammu-env: SMS_MESSAGES is not a count\n",
                       "smsrep: --gammu-env: SMS_MESSAGES が件数ではありません\n"),
              stderr);
        return -1;
    }
    return (int)n;
}

const char *adapter_gammu_number(int i)
{
    char name[32];
    snprintf(name, sizeof name, "SMS_%d_NUMBER", i);
    return getenv(name);
}

/* The text of the message the n parts of one RunOnReceive call make:
 * DECODED_1_TEXT, the whole text gammu joined from a multipart message's
 * parts, or else SMS_1_TEXT .. SMS_<n>_TEXT one after the other. gammu-smsd
 * sets them in UTF-8; a binary part has none. NULL when no part has text
 * (or out of memory, said on stderr). */
char *adapter_gammu_text(int n, size_t *len)
{
    const char *v = getenv("DECODED_1_TEXT");
    char *text = NULL;
    size_t cap = 0;
    FILE *f;
    int i, any = 0;

    *len = 0;
    if (v != NULL) {
        if ((text = strdup(v)) == NULL)
            fputs("smsrep: out of memory\n", stderr);
        else
            *len = strlen(text);
        return text;
    }
    if ((f = open_memstream(&text, &cap)) == NULL) {
        fputs("smsrep: out of memory\n", stderr);
        return NULL;
    }
    for (i = 1; i <= n; i++) {
        char name[32];
        snprintf(name, sizeof name, "SMS_%d_TEXT", i);
        if ((v = getenv(name)) != NULL) {
            fputs(v, f);
            any = 1;
        }
    }
    if (fclose(f) != 0) {
        fputs("smsrep: out of memory\n", stderr);
        free(text);
        return NULL;
    }
    if (!any) {
        free(text);
        return NULL;
    }
    *len = cap;
    return text;
}

/* Kannel's escape codes are form-encoded: '+' is a space and "%2B" a '+'.
 * A '%' not followed by two hex digits is kept as it is. */
size_t adapter_urldecode(char *s, size_t len)
{
    size_t in = 0, out = 0;
    while (in < len) {
        if (s[in] == '%' && in + 2 < len && cli_hex_digit(s[in + 1]) >= 0 && cli_hex_digit(s[in + 2]) >= 0) {
            s[out++] = (char)(cli_hex_digit(s[in + 1]) * 16 + cli_hex_digit(s[in + 2]));
            in += 3;
        } else {
            s[out++] = s[in] == '+' ? ' ' : s[in];
            in++;
        }
    }
    if (out < len)
        s[out] = '\0';
    return out;
}
