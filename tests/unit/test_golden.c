/* SPDX-License-Identifier: Apache-2.0
 * test_golden.c: the golden table tests/data/senders.tsv against the real
 * embedded database; tests/data/alnum.tsv, whose rows add a ninth column,
 * the brand relation; tests/data/messages.tsv (a header that starts
 * "sender"), sender and text together; and tests/data/real_sms.tsv (a header
 * that starts "region"), realistic messages whose expectation is a floor:
 * allow, suspicious or worse, or caution. "test_golden FILE LINE" checks one
 * row (CTest gives each row its own entry); "test_golden FILE" checks them all. */
#include "testing.h"

#include <stdlib.h>

#include "golden.h"
#include "smsrep.h"

#define FIELDS 8     /* at least */
#define REAL_FIELDS 6 /* real_sms.tsv */
#define MAX_FIELDS 9 /* with the relation */

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

/* A row of senders.tsv or alnum.tsv. */
static int check_row(smsrep_db *db, unsigned lineno, char **f, int nf)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char got_reasons[512], want_normalized[256];
    int status, hint = 0, ok = 1;

    q.sender = f[0];
    q.sender_len = golden_unescape(f[0]);
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
    golden_unescape(want_normalized);
    golden_reason_list(v.reasons, got_reasons, sizeof got_reasons);
#define EXPECT(cond, what, want, got)                                                     \
    if (!(cond)) {                                                                        \
        printf("line %u: %s: expected \"%s\", got \"%s\"\n", lineno, what, want, got);   \
        ok = 0;                                                                           \
    }
    EXPECT(strcmp(smsrep_kind_name(v.kind), f[3]) == 0, "kind", f[3], smsrep_kind_name(v.kind));
    EXPECT(strcmp(v.normalized, want_normalized) == 0, "normalized", want_normalized, v.normalized);
    EXPECT(strcmp(smsrep_class_name(v.class_), f[5]) == 0, "class", f[5], smsrep_class_name(v.class_));
    EXPECT(strcmp(v.brand[0] ? v.brand : "-", f[6]) == 0, "brand", f[6], v.brand[0] ? v.brand : "-");
    EXPECT(golden_same_reasons(f[7], v.reasons), "reasons", f[7], got_reasons);
    if (nf > FIELDS)
        EXPECT(strcmp(smsrep_relation_name(v.brand_relation), f[8]) == 0, "relation", f[8],
               smsrep_relation_name(v.brand_relation));
#undef EXPECT
    return ok;
}

/* Checks sender (region "-": none) with text, both \xHH-escaped in place;
 * prints the error and returns 0 when there is no verdict. */
static int check_message(smsrep_db *db, unsigned lineno, char *sender, const char *region,
                         char *text, smsrep_verdict *v)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    int status;

    q.sender = sender;
    q.sender_len = golden_unescape(sender);
    if (strcmp(region, "-") != 0)
        snprintf(q.region, sizeof q.region, "%s", region);
    q.text = text;
    q.text_len = golden_unescape(text);
    status = smsrep_check(db, &q, v);
    if (status != SMSREP_OK)
        printf("line %u: error %s\n", lineno, smsrep_status_name(status));
    return status == SMSREP_OK;
}

/* A row of messages.tsv: sender, region, text, class, text brand, url host,
 * reasons, relation. */
static int check_message_row(smsrep_db *db, unsigned lineno, char **f)
{
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char got_reasons[512];
    int ok = 1;

    if (!check_message(db, lineno, f[0], f[1], f[2], &v))
        return 0;
    golden_reason_list(v.reasons, got_reasons, sizeof got_reasons);
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
    EXPECT(golden_same_reasons(f[6], v.reasons), "reasons", f[6], got_reasons);
    EXPECT(strcmp(smsrep_relation_name(v.brand_relation), f[7]) == 0, "relation", f[7],
           smsrep_relation_name(v.brand_relation));
#undef EXPECT
    return ok;
}

/* A row of real_sms.tsv: recipient region, sender, text, expectation,
 * brand, note. "allow" wants recommendation allow, "suspicious+" class
 * suspicious, spoofed or blocked, "caution" class caution. The brand column
 * is the writer's reading, printed beside the verdict's for a person to
 * compare: a text may name a brand only through a look-alike host. */
static int check_real_row(smsrep_db *db, unsigned lineno, char **f)
{
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char got_reasons[512];
    int ok;

    if (!check_message(db, lineno, f[1], f[0], f[2], &v))
        return 0;
    if (strcmp(f[3], "allow") == 0)
        ok = v.recommendation == SMSREP_RECOMMEND_ALLOW;
    else if (strcmp(f[3], "suspicious+") == 0)
        ok = v.class_ == SMSREP_CLASS_SUSPICIOUS || v.class_ == SMSREP_CLASS_SPOOFED ||
             v.class_ == SMSREP_CLASS_BLOCKED;
    else if (strcmp(f[3], "caution") == 0)
        ok = v.class_ == SMSREP_CLASS_CAUTION;
    else {
        printf("line %u: bad expectation %s\n", lineno, f[3]);
        return 0;
    }
    golden_reason_list(v.reasons, got_reasons, sizeof got_reasons);
    printf("line %u: %s %s: class %s, recommendation %s, reasons %s, phrase \"%s\", host \"%s\","
           " brand \"%s\" (text \"%s\", row \"%s\")\n",
           lineno, ok ? "ok" : "FAILED", f[3], smsrep_class_name(v.class_),
           smsrep_recommendation_name(v.recommendation), got_reasons, v.text_phrase, v.url_host,
           v.brand, v.text_brand, f[4]);
    return ok;
}

int main(int argc, char **argv)
{
    FILE *f;
    char line[4096], *fields[MAX_FIELDS];
    int nf, messages = 0, real = 0;
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
        if (strncmp(line, "sender\t", 7) == 0) {
            messages = 1; /* the header of a message table */
            continue;
        }
        if (strncmp(line, "region\t", 7) == 0) {
            real = 1; /* the header of the real-SMS table */
            continue;
        }
        if (line[0] == '#' || strncmp(line, "input\t", 6) == 0 || len == 0)
            continue;
        if (want != 0 && lineno != want)
            continue;
        nf = split(line, fields);
        if (nf < (real ? REAL_FIELDS : FIELDS)) {
            printf("line %u: needs %d or %d tab-separated fields\n", lineno, FIELDS, MAX_FIELDS);
            failed++;
            continue;
        }
        rows++;
        if (real)
            failed += !check_real_row(db, lineno, fields);
        else
            failed += messages ? !check_message_row(db, lineno, fields)
                               : !check_row(db, lineno, fields, nf);
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
