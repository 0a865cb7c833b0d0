/* SPDX-License-Identifier: Apache-2.0
 * env.c: the verdict as shell assignments, SMSREP_<n>_FIELD='value', one per
 * line, for a gateway's handler script to eval. Every value is single-quoted,
 * so whatever the sender holds never reaches the shell as code. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Writes s[0..len), escaped, single-quoted for a POSIX shell; a quote
 * becomes '\''. */
static void shell_quote(FILE *f, const char *raw, size_t rawlen)
{
    char *s = cli_escaped(raw, rawlen);
    size_t i, len;
    if (s == NULL) {
        fputs("''", f); /* out of memory: an empty value, never raw bytes */
        return;
    }
    len = strlen(s);
    fputc('\'', f);
    for (i = 0; i < len; i++) {
        if (s[i] == '\'')
            fputs("'\\''", f);
        else
            fputc(s[i], f);
    }
    fputc('\'', f);
    free(s);
}

static void field(FILE *f, unsigned n, const char *name, const char *value)
{
    fprintf(f, "SMSREP_%u_%s=", n, name);
    shell_quote(f, value, strlen(value));
    fputc('\n', f);
}

void env_verdict(FILE *f, unsigned n, const char *input, size_t len, const smsrep_verdict *v)
{
    char num[24];
    uint32_t r;
    int first = 1;

    fprintf(f, "SMSREP_%u_INPUT=", n);
    shell_quote(f, input, len);
    fputc('\n', f);
    field(f, n, "KIND", smsrep_kind_name(v->kind));
    field(f, n, "NORMALIZED", v->normalized);
    field(f, n, "REGION", v->region);
    field(f, n, "NUMBER_TYPE", smsrep_number_type_name(v->number_type));
    field(f, n, "CLASS", smsrep_class_name(v->class_));
    snprintf(num, sizeof num, "%u", v->score);
    field(f, n, "SCORE", num);
    field(f, n, "RECOMMENDATION", smsrep_recommendation_name(v->recommendation));
    /* Reason names are [a-z_]; space-separated they loop in a shell "for". */
    fprintf(f, "SMSREP_%u_REASONS='", n);
    for (r = 0; r < 64; r++) {
        if (v->reasons & SMSREP_REASON_BIT(r)) {
            fprintf(f, "%s%s", first ? "" : " ", smsrep_reason_name(r));
            first = 0;
        }
    }
    fputs("'\n", f);
    field(f, n, "BRAND", v->brand);
    field(f, n, "BRAND_RELATION", smsrep_relation_name(v->brand_relation));
    field(f, n, "REPLY_COST", smsrep_reply_cost_name(v->reply_cost));
    field(f, n, "SOURCE", v->source);
}

void env_error(FILE *f, unsigned n, const char *input, size_t len, int status)
{
    env_error_named(f, n, input, len, smsrep_status_name(status), smsrep_strerror(status));
}

void env_error_named(FILE *f, unsigned n, const char *input, size_t len, const char *name,
                     const char *message)
{
    fprintf(f, "SMSREP_%u_INPUT=", n);
    shell_quote(f, input, len);
    fputc('\n', f);
    field(f, n, "ERROR", name);
    field(f, n, "MESSAGE", message);
}

void env_count(FILE *f, unsigned count)
{
    fprintf(f, "SMSREP_COUNT=%u\n", count);
}
