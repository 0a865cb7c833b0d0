/* SPDX-License-Identifier: Apache-2.0
 * json.c: writes JSON strings for the smsrep command line; input from a
 * gateway may be any bytes, and the output must stay valid JSON. */
#include "cli.h"

#include "utf8.h"

#include <string.h>

/* Writes runs of bytes that need no escape with one fwrite each: a verdict
 * line is mostly such runs, and a character at a time was most of what a
 * JSON batch cost. */
void json_string(FILE *f, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0, n;
    uint32_t cp;

    fputc('"', f);
    while (i < len) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80 && (n = smsrep__utf8_decode(s + i, len - i, &cp)) > 0) {
            i += n;
            continue;
        }
        fwrite(u + run, 1, i - run, f);
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc(c, f);
        } else if (c < 0x20 || c == 0x7F) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputs("\\ufffd", f);
        }
        run = ++i;
    }
    fwrite(u + run, 1, i - run, f);
    fputc('"', f);
}

void json_cstring(FILE *f, const char *s)
{
    json_string(f, s, strlen(s));
}

void json_end(FILE *f)
{
    fprintf(f, ",\"schema\":%d}\n", CLI_JSON_SCHEMA);
}
