/* SPDX-License-Identifier: Apache-2.0
 * escape.c: text for people, logs and shells that a hostile sender or
 * database cannot use to forge a line or drive a terminal: anything outside
 * printable text is written as a visible escape, as JSON output already does. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

size_t cli_utf8(const unsigned char *s, size_t len, unsigned *out)
{
    size_t n, i;
    unsigned cp;
    if (s[0] < 0x80) {
        *out = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2, cp = s[0] & 0x1Fu;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3, cp = s[0] & 0x0Fu;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4, cp = s[0] & 0x07u;
    else
        return 0;
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out = cp;
    return n;
}

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
    unsigned cp;

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
        } else if (c >= 0x80 && (n = cli_utf8(u + i, len - i, &cp)) > 0) {
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
