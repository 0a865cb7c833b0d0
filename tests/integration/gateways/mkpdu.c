/* SPDX-License-Identifier: Apache-2.0
 * mkpdu.c: prints the hex of one GSM 03.40 SMS-DELIVER PDU, what a modem
 * hands smstools3, so the smstools test can feed smsd without a modem.
 * Usage: mkpdu SENDER TOA-HEX TEXT   (TEXT in the GSM 7-bit basic set, ASCII;
 * '$', '@' and '_' in TEXT are mapped to their GSM codes; smsd writes an
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

    if (argc != 4 || strlen(argv[1]) > 20 || strlen(argv[3]) > 160) {
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
    printf("0000"); /* protocol identifier, GSM 7-bit coding */
    semi_octets("26112212345600"); /* the SMSC's time stamp */
    len = pack7(argv[3], packed, 1);
    printf("%02X", (unsigned)strlen(argv[3]));
    hex(packed, len);
    putchar('\n');
    return 0;
}
