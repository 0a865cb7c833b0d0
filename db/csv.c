/* SPDX-License-Identifier: Apache-2.0
 * csv.c: reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) with
 * '#' comment lines, keeping line numbers so a bad row can be named. */
#include "csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int csv_open(csv_reader *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    long n;

    memset(r, 0, sizeof *r);
    r->path = path;
    r->line = 1;
    if (f == NULL) {
        snprintf(r->error, sizeof r->error, "cannot open: %s", strerror(errno));
        return -1;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        snprintf(r->error, sizeof r->error, "cannot size the file");
        fclose(f);
        return -1;
    }
    r->data = malloc((size_t)n + 1);
    if (r->data == NULL || fread(r->data, 1, (size_t)n, f) != (size_t)n) {
        snprintf(r->error, sizeof r->error, "cannot read the file");
        fclose(f);
        return -1;
    }
    fclose(f);
    r->size = (size_t)n;
    r->data[n] = '\0';
    if (memchr(r->data, '\0', r->size) != NULL) {
        snprintf(r->error, sizeof r->error, "the file holds a NUL byte");
        return -1;
    }
    return 0;
}

int csv_open_buffer(csv_reader *r, const char *name, const void *data, size_t size)
{
    memset(r, 0, sizeof *r);
    r->path = name;
    r->line = 1;
    r->data = malloc(size + 1);
    if (r->data == NULL) {
        snprintf(r->error, sizeof r->error, "out of memory");
        return -1;
    }
    memcpy(r->data, data, size);
    r->data[size] = '\0';
    r->size = size;
    if (memchr(r->data, '\0', r->size) != NULL) {
        snprintf(r->error, sizeof r->error, "the file holds a NUL byte");
        return -1;
    }
    return 0;
}

void csv_close(csv_reader *r)
{
    free(r->data);
    r->data = NULL;
}

int csv_next(csv_reader *r, csv_record *rec)
{
    char *p, *out;

    memset(rec, 0, sizeof *rec);
    /* skip blank and comment lines */
    while (r->pos < r->size) {
        char c = r->data[r->pos];
        if (c == '\n') {
            r->pos++;
            r->line++;
        } else if (c == '\r' && r->data[r->pos + 1] == '\n') {
            r->pos += 2;
            r->line++;
        } else if (c == '#') {
            while (r->pos < r->size && r->data[r->pos] != '\n')
                r->pos++;
        } else {
            break;
        }
    }
    if (r->pos >= r->size)
        return 0;

    rec->line = r->line;
    p = r->data + r->pos;
    for (;;) {
        if (rec->count == CSV_MAX_FIELDS) {
            snprintf(r->error, sizeof r->error, "more than %d fields", CSV_MAX_FIELDS);
            return -1;
        }
        rec->field[rec->count++] = out = p;
        if (*p == '"') {
            p++;
            for (;;) {
                if (*p == '\0') {
                    snprintf(r->error, sizeof r->error, "unterminated quoted field");
                    return -1;
                }
                if (*p == '"' && p[1] == '"') {
                    *out++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    if (*p == '\n')
                        r->line++;
                    *out++ = *p++;
                }
            }
            if (*p != ',' && *p != '\n' && *p != '\r' && *p != '\0') {
                snprintf(r->error, sizeof r->error, "text after a closing quote");
                return -1;
            }
        } else {
            while (*p != ',' && *p != '\n' && *p != '\r' && *p != '\0') {
                if (*p == '"') {
                    snprintf(r->error, sizeof r->error, "a quote inside an unquoted field");
                    return -1;
                }
                *out++ = *p++;
            }
        }
        if (*p == ',') {
            *out = '\0';
            p++;
            continue;
        }
        /* end of record */
        if (*p == '\r' && p[1] == '\n')
            p++;
        if (*p == '\r') {
            snprintf(r->error, sizeof r->error, "a bare carriage return");
            return -1;
        }
        if (*p == '\n') {
            p++;
            r->line++;
        }
        *out = '\0';
        break;
    }
    r->pos = (size_t)(p - r->data);
    return 1;
}
