/* SPDX-License-Identifier: Apache-2.0
 * test_messages.c: the golden message table tests/data/messages.tsv: sender
 * and text together against the real embedded database. "test_messages FILE
 * LINE" checks one row (CTest gives each its own entry); "FILE" checks all. */
#include "testing.h"

#include <stdlib.h>

#include "smsrep.h"

#define FIELDS 8

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

static uint64_t reason_mask(const char *list, int *ok)
{
    char buf[512], *tok, *save = NULL;
    uint64_t mask = 0;
    *ok = 1;
    if (strcmp(list, "-") == 0)
        return 0;
    snprintf(buf, sizeof buf, "%s", list);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int r = smsrep_reason_from_name(tok, strlen(tok));
        if (r < 0)
            *ok = 0;
        else
            mask |= SMSREP_REASON_BIT(r);
    }
    return mask;
}

static int check_row(smsrep_db *db, unsigned lineno, char **f)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    uint64_t want;
    int ok = 1, names_ok, status;
    uint32_t r;

    q.sender = f[0];
    q.sender_len = unescape(f[0]);
    if (strcmp(f[1], "-") != 0)
        snprintf(q.region, sizeof q.region, "%s", f[1]);
    q.text = f[2];
    q.text_len = unescape(f[2]);
    status = smsrep_check(db, &q, &v);
    if (status != SMSREP_OK) {
        printf("line %u: error %s\n", lineno, smsrep_status_name(status));
        return 0;
    }
    want = reason_mask(f[6], &names_ok);
#define EXPECT(cond, what, w, g)                                                          \
    if (!(cond)) {                                                                        \
        printf("line %u: %s: expected \"%s\", got \"%s\"\n", lineno, what, w, g);        \
        ok = 0;                                                                           \
    }
    EXPECT(strcmp(smsrep_class_name(v.class_), f[3]) == 0, "class", f[3], smsrep_class_name(v.class_));
    EXPECT(strcmp(v.text_brand[0] ? v.text_brand : "-", f[4]) == 0, "text brand", f[4],
           v.text_brand[0] ? v.text_brand : "-");
    EXPECT(strcmp(v.url_host[0] ? v.url_host : "-", f[5]) == 0, "url host", f[5],
           v.url_host[0] ? v.url_host : "-");
    EXPECT(names_ok, "reason names", f[6], "a name that is no reason");
    EXPECT(strcmp(smsrep_relation_name(v.brand_relation), f[7]) == 0, "relation", f[7],
           smsrep_relation_name(v.brand_relation));
#undef EXPECT
    if (v.reasons != want) {
        printf("line %u: reasons: expected \"%s\", got", lineno, f[6]);
        for (r = 0; r < 64; r++)
            if (v.reasons & SMSREP_REASON_BIT(r))
                printf(" %s", smsrep_reason_name(r));
        printf("\n");
        ok = 0;
    }
    return ok;
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[8192], *fields[FIELDS], *p;
    unsigned lineno = 0, want = argc > 2 ? (unsigned)atoi(argv[2]) : 0, rows = 0, failed = 0;
    smsrep_db *db = NULL;
    int n;

    if (argc < 2 || (f = fopen(argv[1], "r")) == NULL) {
        fprintf(stderr, "usage: test_messages FILE [LINE]\n");
        return 2;
    }
    if (smsrep_open(&db, NULL, NULL, NULL, 0) != SMSREP_OK) {
        fclose(f);
        return 1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        size_t len = strlen(line);
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (line[0] == '#' || strncmp(line, "sender\t", 7) == 0 || len == 0)
            continue;
        if (want != 0 && lineno != want)
            continue;
        for (n = 1, fields[0] = p = line; n < FIELDS && (p = strchr(p, '\t')) != NULL; n++) {
            *p++ = '\0';
            fields[n] = p;
        }
        rows++;
        if (n != FIELDS) {
            printf("line %u: needs %d tab-separated fields\n", lineno, FIELDS);
            failed++;
            continue;
        }
        failed += !check_row(db, lineno, fields);
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
