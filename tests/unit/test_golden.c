/* SPDX-License-Identifier: Apache-2.0
 * test_golden.c: the golden table tests/data/senders.tsv against the real
 * embedded database, and tests/data/alnum.tsv, whose rows add a ninth column:
 * the brand relation. "test_golden FILE LINE" checks one row (CTest gives each
 * row its own entry); "test_golden FILE" checks them all. */
#include "testing.h"

#include <stdlib.h>

#include "smsrep.h"

#define FIELDS 8     /* at least */
#define MAX_FIELDS 9 /* with the relation */

/* Decodes \xHH escapes in place; returns the decoded length. */
static size_t unescape(char *s)
{
    char *in = s, *out = s;
    while (*in) {
        if (in[0] == '\\' && in[1] == 'x' && in[2] && in[3]) {
            char hex[3] = { in[2], in[3], 0 };
            *out++ = (char)strtol(hex, NULL, 16);
            in += 4;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

static int split(char *line, char **f)
{
    int n = 0;
    char *p = line;
    f[n++] = p;
    while ((p = strchr(p, '\t')) != NULL && n < MAX_FIELDS) {
        *p++ = '\0';
        f[n++] = p;
    }
    return n;
}

/* Returns the names of the set bits, comma-separated, or "-". */
static void reason_list(uint64_t reasons, char *out, size_t cap)
{
    uint32_t r;
    out[0] = '\0';
    for (r = 0; r < 64; r++) {
        if (reasons & SMSREP_REASON_BIT(r)) {
            if (out[0])
                strncat(out, ",", cap - strlen(out) - 1);
            strncat(out, smsrep_reason_name(r), cap - strlen(out) - 1);
        }
    }
    if (out[0] == '\0')
        snprintf(out, cap, "-");
}

/* Reasons are compared as sets: the table may list them in any order. */
static int same_reasons(const char *want, uint64_t got)
{
    char buf[512], *tok, *save = NULL;
    uint64_t mask = 0;
    if (strcmp(want, "-") == 0)
        return got == 0;
    snprintf(buf, sizeof buf, "%s", want);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int r = smsrep_reason_from_name(tok, strlen(tok));
        if (r < 0)
            return 0;
        mask |= SMSREP_REASON_BIT(r);
    }
    return mask == got;
}

static int check_row(smsrep_db *db, unsigned lineno, char **f, int nf)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char got_reasons[512], want_normalized[256];
    int status, hint = 0, ok = 1;

    q.sender = f[0];
    q.sender_len = unescape(f[0]);
    if (strcmp(f[1], "-") != 0)
        snprintf(q.region, sizeof q.region, "%s", f[1]);
    if (strcmp(f[2], "-") != 0 && (hint = smsrep_hint_from_name(f[2], strlen(f[2]))) < 0) {
        printf("line %u: bad hint %s\n", lineno, f[2]);
        return 0;
    }
    q.hint = (uint32_t)hint;
    status = smsrep_check(db, &q, &v);

    if (strncmp(f[3], "error:", 6) == 0) {
        if (status == SMSREP_OK || strcmp(smsrep_status_name(status), f[3] + 6) != 0) {
            printf("line %u: expected %s, got %s\n", lineno, f[3], smsrep_status_name(status));
            return 0;
        }
        return 1;
    }
    if (status != SMSREP_OK) {
        printf("line %u: expected a verdict, got error %s\n", lineno, smsrep_status_name(status));
        return 0;
    }
    snprintf(want_normalized, sizeof want_normalized, "%s", strcmp(f[4], "-") ? f[4] : "");
    unescape(want_normalized);
    reason_list(v.reasons, got_reasons, sizeof got_reasons);
#define EXPECT(cond, what, want, got)                                                     \
    if (!(cond)) {                                                                        \
        printf("line %u: %s: expected \"%s\", got \"%s\"\n", lineno, what, want, got);   \
        ok = 0;                                                                           \
    }
    EXPECT(strcmp(smsrep_kind_name(v.kind), f[3]) == 0, "kind", f[3], smsrep_kind_name(v.kind));
    EXPECT(strcmp(v.normalized, want_normalized) == 0, "normalized", want_normalized, v.normalized);
    EXPECT(strcmp(smsrep_class_name(v.class_), f[5]) == 0, "class", f[5], smsrep_class_name(v.class_));
    EXPECT(strcmp(v.brand[0] ? v.brand : "-", f[6]) == 0, "brand", f[6], v.brand[0] ? v.brand : "-");
    EXPECT(same_reasons(f[7], v.reasons), "reasons", f[7], got_reasons);
    if (nf > FIELDS)
        EXPECT(strcmp(smsrep_relation_name(v.brand_relation), f[8]) == 0, "relation", f[8],
               smsrep_relation_name(v.brand_relation));
#undef EXPECT
    return ok;
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[4096], *fields[MAX_FIELDS];
    int nf;
    unsigned lineno = 0, want = argc > 2 ? (unsigned)atoi(argv[2]) : 0, rows = 0, failed = 0;
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];

    if (argc < 2 || (f = fopen(argv[1], "r")) == NULL) {
        fprintf(stderr, "usage: test_golden FILE [LINE]\n");
        return 2;
    }
    if (smsrep_open(&db, NULL, NULL, err, sizeof err) != SMSREP_OK) {
        fprintf(stderr, "cannot open the embedded database: %s\n", err);
        return 1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (line[0] == '#' || strncmp(line, "input\t", 6) == 0 || len == 0)
            continue;
        if (want != 0 && lineno != want)
            continue;
        nf = split(line, fields);
        if (nf < FIELDS) {
            printf("line %u: needs %d or %d tab-separated fields\n", lineno, FIELDS, MAX_FIELDS);
            failed++;
            continue;
        }
        rows++;
        failed += !check_row(db, lineno, fields, nf);
    }
    fclose(f);
    smsrep_close(db);
    if (rows == 0) {
        printf("no row at line %u\n", want);
        return 1;
    }
    printf("%u rows, %u failed\n", rows, failed);
    return failed ? 1 : 0;
}
