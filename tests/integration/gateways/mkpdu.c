/* SPDX-License-Identifier: Apache-2.0
 * mkpdu.c: prints the hex of one GSM 03.40 SMS-DELIVER PDU, what a modem
 * hands smstools3, so the smstools test can feed smsd without a modem.
 * Usage: mkpdu SENDER TOA-HEX TEXT   (TEXT in ASCII is sent in the GSM 7-bit
 * basic set, '$', '@' and '_' mapped to their GSM codes; a TEXT holding any
 * other UTF-8 is sent as UCS2, at most 70 UTF-16 units; smsd writes an
 * alphanumeric SENDER's codes as they are, so SENDER is not mapped, and "\n"
 * in it is a line feed, as a hostile alphanumeric sender may hold) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The GSM 7-bit code of an ASCII character; most are the same. */
static unsigned gsm7(char c)
{
    return c == '@' ? 0x00u : c == '$' ? 0x02u : c == '_' ? 0x11u : (unsigned)c & 0x7Fu;
}

/* Packs 7-bit characters into octets, least significant bits first. */
static size_t pack7(const char *s, unsigned char *out, int map)
{
    unsigned bits = 0, n = 0;
    size_t len = 0;
    for (; *s; s++) {
        bits |= (map ? gsm7(*s) : (unsigned)*s & 0x7Fu) << n;
        n += 7;
        while (n >= 8) {
            out[len++] = (unsigned char)(bits & 0xFFu);
            bits >>= 8;
            n -= 8;
        }
    }
    if (n > 0)
        out[len++] = (unsigned char)(bits & 0xFFu);
    return len;
}

/* Digits as semi-octets: "447785" -> "447758"; an odd count pads with F. */
static void semi_octets(const char *d)
{
    size_t i, len = strlen(d);
    for (i = 0; i < len; i += 2)
        printf("%c%c", i + 1 < len ? d[i + 1] : 'F', d[i]);
}

/* UTF-8 into UTF-16BE octets (a character beyond the BMP as a surrogate
 * pair); returns the octet count, or 0 for text that is not UTF-8 or does
 * not fit one message (140 octets). */
static size_t ucs2(const char *s, unsigned char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0;
    while (*p) {
        unsigned long c;
        int more;
        if (*p < 0x80) {
            c = *p, more = 0;
        } else if ((*p & 0xE0) == 0xC0) {
            c = *p & 0x1Fu, more = 1;
        } else if ((*p & 0xF0) == 0xE0) {
            c = *p & 0x0Fu, more = 2;
        } else if ((*p & 0xF8) == 0xF0) {
            c = *p & 0x07u, more = 3;
        } else {
            return 0;
        }
        for (p++; more > 0; more--, p++) {
            if ((*p & 0xC0) != 0x80)
                return 0;
            c = c << 6 | (*p & 0x3Fu);
        }
        if (c > 0xFFFF) {
            unsigned long hi = 0xD800 + ((c - 0x10000) >> 10), lo = 0xDC00 + ((c - 0x10000) & 0x3FF);
            if (len + 4 > 140)
                return 0;
            out[len++] = (unsigned char)(hi >> 8), out[len++] = (unsigned char)(hi & 0xFF);
            out[len++] = (unsigned char)(lo >> 8), out[len++] = (unsigned char)(lo & 0xFF);
        } else {
            if (len + 2 > 140)
                return 0;
            out[len++] = (unsigned char)(c >> 8), out[len++] = (unsigned char)(c & 0xFF);
        }
    }
    return len;
}

static int ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

static void hex(const unsigned char *b, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        printf("%02X", b[i]);
}

int main(int argc, char **argv)
{
    unsigned char packed[200];
    unsigned long toa;
    size_t len;

    if (argc != 4 || strlen(argv[1]) > 20 || (ascii(argv[3]) && strlen(argv[3]) > 160)) {
        fputs("usage: mkpdu SENDER TOA-HEX TEXT\n", stderr);
        return 2;
    }
    {
        char *in = argv[1], *out = argv[1];
        for (; *in; in++)
            if (in[0] == '\\' && in[1] == 'n')
                *out++ = '\n', in++;
            else
                *out++ = *in;
        *out = '\0';
    }
    toa = strtoul(argv[2], NULL, 16);
    printf("0791"); /* the SMSC's address: 7 octets, international */
    semi_octets("447785016005");
    printf("04"); /* SMS-DELIVER, no more messages to send */
    if ((toa & 0x70u) == 0x50u) {
        /* An alphanumeric address counts its length in semi-octets. */
        len = pack7(argv[1], packed, 0);
        printf("%02X%02lX", (unsigned)((strlen(argv[1]) * 7 + 3) / 4), toa);
        hex(packed, len);
    } else {
        printf("%02X%02lX", (unsigned)strlen(argv[1]), toa);
        semi_octets(argv[1]);
    }
    if (!ascii(argv[3])) {
        if ((len = ucs2(argv[3], packed)) == 0) {
            fputs("mkpdu: TEXT is not UTF-8 or longer than 70 UTF-16 units\n", stderr);
            return 2;
        }
        printf("0008"); /* protocol identifier, UCS2 */
        semi_octets("26112212345600");
        printf("%02X", (unsigned)len);
        hex(packed, len);
        putchar('\n');
        return 0;
    }
    printf("0000"); /* protocol identifier, GSM 7-bit coding */
    semi_octets("26112212345600"); /* the SMSC's time stamp */
    len = pack7(argv[3], packed, 1);
    printf("%02X", (unsigned)strlen(argv[3]));
    hex(packed, len);
    putchar('\n');
    return 0;
}
