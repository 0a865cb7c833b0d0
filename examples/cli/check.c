/* SPDX-License-Identifier: Apache-2.0
 * check.c: "smsrep check": judges the senders given as arguments, or one per
 * line of standard input with --batch, and sets the exit status from the
 * worst recommendation (0 allow, 1 flag or block, 2 an error). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct check_options {
    cli_db_options db;
    const char *region;
    const char *text;
    int64_t time;
    uint32_t hint;
    int json, batch, japanese;
} check_options;

static void usage(void)
{
    fputs("usage: smsrep check [--region CC] [--hint H | --toa HEX] [--text T] [--json]\n"
          "                    [--db FILE] [--overlay FILE] [--lang en|ja] [--time T] SENDER...\n"
          "       smsrep check --batch [options]   (one sender per line on stdin)\n"
          "hints: unknown, international, national, alphanumeric, short_code\n"
          "--time: when the message arrived, YYYY-MM-DD[THH:MM[:SS]] (UTC) or Unix seconds\n",
          stderr);
}


/* Judges one sender and prints its line; returns its exit status. */
static int check_one(smsrep_db *db, const check_options *o, const char *s, size_t len)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    int status;

    q.sender = s;
    q.sender_len = len;
    q.hint = o->hint;
    q.time = o->time;
    if (o->region != NULL)
        strncpy(q.region, o->region, sizeof q.region - 1);
    if (o->text != NULL) {
        q.text = o->text;
        q.text_len = strlen(o->text);
    }
    status = smsrep_check(db, &q, &v);
    if (status != SMSREP_OK) {
        report_error(stdout, s, len, status, o->json, o->japanese);
        return EXIT_ERROR;
    }
    report_verdict(stdout, db, s, len, &v, o->json, o->japanese);
    return v.recommendation == SMSREP_RECOMMEND_ALLOW ? EXIT_ALLOW : EXIT_FLAGGED;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

static int check_batch(smsrep_db *db, const check_options *o)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int result = EXIT_ALLOW;

    /* A gateway may keep the pipe open and wait for each answer. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    while ((n = getline(&line, &cap, stdin)) != -1) {
        size_t len = (size_t)n;
        if (len > 0 && line[len - 1] == '\n')
            len--;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        result = worse(result, check_one(db, o, line, len));
    }
    free(line);
    if (ferror(stdin)) {
        fputs("smsrep: error reading standard input\n", stderr);
        result = EXIT_ERROR;
    }
    return result;
}

int cmd_check(int argc, char **argv)
{
    check_options o;
    smsrep_db *db = NULL;
    int i, result = EXIT_ALLOW;

    memset(&o, 0, sizeof o);
    o.japanese = cli_japanese();
    for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else if (strcmp(a, "--json") == 0) {
            o.json = 1, takes = 0;
        } else if (strcmp(a, "--batch") == 0) {
            o.batch = 1, takes = 0;
        } else if (value == NULL) {
            fprintf(stderr, "smsrep: %s needs a value\n", a);
            return EXIT_ERROR;
        } else if (strcmp(a, "--region") == 0) {
            o.region = value;
        } else if (strcmp(a, "--text") == 0) {
            o.text = value;
        } else if (strcmp(a, "--db") == 0) {
            o.db.db = value;
        } else if (strcmp(a, "--overlay") == 0) {
            o.db.overlay = value;
        } else if (strcmp(a, "--lang") == 0) {
            o.japanese = strncmp(value, "ja", 2) == 0;
        } else if (strcmp(a, "--hint") == 0) {
            int h = smsrep_hint_from_name(value, strlen(value));
            if (h < 0) {
                fprintf(stderr, "smsrep: unknown hint \"%s\"\n", value);
                usage();
                return EXIT_ERROR;
            }
            o.hint = (uint32_t)h;
        } else if (strcmp(a, "--time") == 0) {
            if (cli_parse_time(value, &o.time) != 0) {
                fprintf(stderr, "smsrep: --time takes YYYY-MM-DD[THH:MM[:SS]] or Unix seconds, "
                                "not \"%s\"\n",
                        value);
                return EXIT_ERROR;
            }
        } else if (strcmp(a, "--toa") == 0) {
            char *end;
            unsigned long toa = strtoul(value, &end, 16);
            if (*value == '\0' || *end != '\0' || toa > 0xFF) {
                fprintf(stderr, "smsrep: --toa takes a hex octet such as 91, not \"%s\"\n", value);
                return EXIT_ERROR;
            }
            o.hint = smsrep_hint_from_gsm_toa((uint32_t)toa);
        } else {
            fprintf(stderr, "smsrep: unknown option %s\n", a);
            usage();
            return EXIT_ERROR;
        }
        i += takes;
    }
    if (o.region != NULL && strlen(o.region) > 3) {
        fprintf(stderr, "smsrep: --region takes an ISO 3166 alpha-2 code such as JP\n");
        return EXIT_ERROR;
    }
    if (o.batch == (i < argc)) {
        usage();
        return EXIT_ERROR;
    }
    if (cli_open(&o.db, &db) != SMSREP_OK)
        return EXIT_ERROR;
    if (o.batch)
        result = check_batch(db, &o);
    for (; i < argc; i++)
        result = worse(result, check_one(db, &o, argv[i], strlen(argv[i])));
    smsrep_close(db);
    if (fflush(stdout) != 0) {
        perror("smsrep: standard output");
        result = EXIT_ERROR;
    }
    return result;
}
