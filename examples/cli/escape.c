/* SPDX-License-Identifier: Apache-2.0
 * escape.c: text for people, logs and shells that a hostile sender or
 * database cannot use to forge a line or drive a terminal: anything outside
 * printable text is written as a visible escape, as JSON output already does. */
#include "cli.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Characters that are not ASCII yet would move, hide or reorder text:
 * C1 controls, bidi controls, zero-width and line/paragraph separators. */
static int invisible(unsigned cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
           (cp >= 0xE0000 && cp <= 0xE007F);
}

void cli_escape(FILE *f, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n;
    uint32_t cp;

    while (i < len) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            fputc(c, f);
            i++;
        } else if (c == '\\') {
            fputs("\\\\", f);
            i++;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            fputc('\\', f);
            fputc(c == '\n' ? 'n' : c == '\r' ? 'r' : 't', f);
            i++;
        } else if (c >= 0x80 && (n = smsrep__utf8_decode(s + i, len - i, &cp)) > 0) {
            if (invisible(cp))
                fprintf(f, "\\u{%04X}", cp);
            else
                fwrite(u + i, 1, n, f);
            i += n;
        } else {
            fprintf(f, "\\x%02X", c);
            i++;
        }
    }
}

void cli_escape_c(FILE *f, const char *s)
{
    cli_escape(f, s, s == NULL ? 0 : strlen(s));
}

char *cli_escaped(const char *s, size_t len)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    if (f == NULL)
        return NULL;
    cli_escape(f, s, len);
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

int cli_printable(const char *s, size_t len)
{
    size_t i = 0, n;
    uint32_t cp;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
        } else if (c >= 0x80 && (n = smsrep__utf8_decode(s + i, len - i, &cp)) > 0 &&
                   !invisible(cp)) {
            i += n;
        } else {
            return 0;
        }
    }
    return 1;
}

int cli_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
