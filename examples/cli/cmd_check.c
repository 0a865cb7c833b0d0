/* SPDX-License-Identifier: Apache-2.0
 * cmd_check.c: "smsrep check": judges the senders given as arguments, one per
 * line of standard input with --batch, or as a gateway hands them over
 * (adapters.c), and sets the exit status from the worst recommendation
 * (0 allow, 1 flag or block, 2 an error). */
#include "cli.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct check_options {
    cli_db_options db;
    const char *region;
    const char *text;
    int64_t time;
    uint32_t hint;
    int json, env, batch, japanese, urldecode, gammu, hint_given;
    const char *smstools;   /* --smstools FILE */
    unsigned count;         /* senders reported so far, for --env */
} check_options;

static void usage(void)
{
    fputs("usage: smsrep check [--region CC] [--hint H | --toa HEX] [--text T] [--json]\n"
          "                    [--db FILE] [--overlay FILE] [--lang en|ja] [--time T] SENDER...\n"
          "       smsrep check --batch [options]   (one sender per line on stdin)\n"
          "       smsrep check --smstools FILE [options]   (From: and From_TOA: of the file)\n"
          "       smsrep check --gammu-env [options]   (SMS_n_NUMBER of gammu-smsd)\n"
          "--urldecode: senders are URL-encoded (Kannel's %p); --env: shell assignments\n"
          "hints: unknown, international, national, alphanumeric, short_code\n"
          "--time: when the message arrived, YYYY-MM-DD[THH:MM[:SS]] (UTC) or Unix seconds\n",
          stderr);
}


/* Judges one sender and prints its line; returns its exit status. */
static int check_one(smsrep_db *db, check_options *o, const char *s, size_t len)
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
    o->count++;
    if (status != SMSREP_OK) {
        if (o->env)
            env_error(stdout, o->count, s, len, status);
        else
            report_error(stdout, s, len, status, o->json, o->japanese);
        return EXIT_ERROR;
    }
    if (o->env)
        env_verdict(stdout, o->count, s, len, &v);
    else
        report_verdict(stdout, db, s, len, &v, o->json, o->japanese);
    return v.recommendation == SMSREP_RECOMMEND_ALLOW ? EXIT_ALLOW : EXIT_FLAGGED;
}

/* Reports an input the command line cannot hand to the library. */
static int check_fail(check_options *o, const char *s, size_t len, const char *name,
                      const char *message)
{
    o->count++;
    if (o->env)
        env_error_named(stdout, o->count, s, len, name, message);
    else
        report_error_named(stdout, s, len, name, message, o->json, o->japanese);
    return EXIT_ERROR;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* Judges one argument, URL-decoded first with --urldecode. */
static int check_arg(smsrep_db *db, check_options *o, const char *arg)
{
    size_t len = strlen(arg);
    char *copy;
    int result;

    if (!o->urldecode)
        return check_one(db, o, arg, len);
    copy = strdup(arg);
    if (copy == NULL) {
        fputs("smsrep: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    len = adapter_urldecode(copy, len);
    result = check_one(db, o, copy, len);
    free(copy);
    return result;
}

/* The file smstools3 hands its eventhandler: its type of address is the
 * hint unless --hint or --toa said otherwise. */
static int check_smstools(smsrep_db *db, check_options *o)
{
    char *sender;
    int toa, result;

    if (adapter_smstools(o->smstools, &sender, &toa) != 0)
        return EXIT_ERROR;
    if (toa >= 0 && !o->hint_given)
        o->hint = smsrep_hint_from_gsm_toa((uint32_t)toa);
    /* smsd writes From_TOA: after From:; a line feed in the sender ends the
     * header block early and pushes it into the text. Judged without it, a
     * digit string sent as an alphanumeric name would look like a number
     * and could be trusted more than it is, so the file is an error. */
    if (toa == -2)
        result = check_fail(o, sender, strlen(sender), "bad_header",
                            "a line of the header block is no header (a line feed in the sender "
                            "cut it?); the sender cannot be judged");
    else if (toa < 0 && !o->hint_given)
        result = check_fail(o, sender, strlen(sender), "no_type_of_address",
                            "the header block has no From_TOA: (cut short by a line feed in the "
                            "sender?); the sender cannot be judged");
    else
        result = check_one(db, o, sender, strlen(sender));
    free(sender);
    return result;
}

static int check_gammu(smsrep_db *db, check_options *o, int n)
{
    int i, result = EXIT_ALLOW;
    for (i = 1; i <= n; i++) {
        const char *number = adapter_gammu_number(i);
        if (number == NULL) {
            fprintf(stderr, "smsrep: --gammu-env: SMS_%d_NUMBER is not set\n", i);
            result = EXIT_ERROR;
            continue;
        }
        result = worse(result, check_one(db, o, number, strlen(number)));
    }
    return result;
}

#define BATCH_OUTPUT_BUFFER 65536

/* Whether reading f now cannot wait: its descriptor has bytes or an end to
 * report. stdio's own buffer is not looked at, so a line already read ahead
 * may cost an early flush, never a late one. */
static int input_ready(FILE *f)
{
    struct pollfd p;
    p.fd = fileno(f);
    p.events = POLLIN;
    p.revents = 0;
    return p.fd >= 0 && poll(&p, 1, 0) == 1;
}

/* The longest line --batch reads: a sender URL-encoded whole, with room for
 * blanks and a line end. A longer line is read to its end but not kept. */
#define BATCH_LINE_MAX (3 * SMSREP_SENDER_MAX + 64)

/* Reads one line of stdin into buf (BATCH_LINE_MAX + 1 bytes), without its
 * line end; returns its length in bytes (which may exceed what was kept), or
 * -1 at the end of input. */
static long long read_line(char *buf, size_t *kept)
{
    long long total = 0;
    int c;
    *kept = 0;
    while ((c = getc_unlocked(stdin)) != EOF && c != '\n') {
        if (*kept < BATCH_LINE_MAX)
            buf[(*kept)++] = (char)c;
        total++;
    }
    if (c == EOF && total == 0)
        return -1;
    buf[*kept] = '\0';
    return total;
}

static int check_batch(smsrep_db *db, check_options *o)
{
    char line[BATCH_LINE_MAX + 1];
    long long n;
    size_t len;
    int result = EXIT_ALLOW;

    /* A terminal sees each answer as its line ends. Anything else gets
     * them in full buffers, one write per buffer instead of one per line;
     * but a gateway may keep the pipe open and wait for each answer, so
     * whatever is written goes out before a read that may wait. */
    static char out_buffer[BATCH_OUTPUT_BUFFER]; /* glibc would allocate only st_blksize */
    int out_fd = fileno(stdout);
    /* A stream without a descriptor (a memory stream, as the fuzz target
     * gives) manages its own buffer and keeps line buffering. */
    if (out_fd < 0 || isatty(out_fd))
        setvbuf(stdout, NULL, _IOLBF, 0);
    else
        setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    for (;;) {
        if (!input_ready(stdin) && fflush(stdout) != 0) {
            perror("smsrep: standard output");
            result = EXIT_ERROR;
            break;
        }
        if ((n = read_line(line, &len)) == -1)
            break;
        if (n > BATCH_LINE_MAX) {
            char why[128];
            snprintf(why, sizeof why, "a line of %lld bytes; at most %d are read", n,
                     BATCH_LINE_MAX);
            result = worse(result, check_fail(o, "", 0, "line_too_long", why));
            continue;
        }
        if (len > 0 && line[len - 1] == '\r')
            len--;
        if (o->urldecode)
            len = adapter_urldecode(line, len);
        result = worse(result, check_one(db, o, line, len));
    }
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
    int i, sources, gammu_n = 0, result = EXIT_ALLOW;

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
        } else if (strcmp(a, "--env") == 0) {
            o.env = 1, takes = 0;
        } else if (strcmp(a, "--urldecode") == 0) {
            o.urldecode = 1, takes = 0;
        } else if (strcmp(a, "--gammu-env") == 0) {
            o.gammu = 1, takes = 0;
        } else if (value == NULL) {
            fprintf(stderr, "smsrep: %s needs a value\n", a);
            return EXIT_ERROR;
        } else if (strcmp(a, "--smstools") == 0) {
            o.smstools = value;
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
            o.hint_given = 1;
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
            o.hint_given = 1;
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
    /* Senders come from exactly one place. */
    sources = o.batch + o.gammu + (o.smstools != NULL) + (i < argc);
    if (sources != 1 || (o.json && o.env)) {
        usage();
        return EXIT_ERROR;
    }
    if (o.gammu && (gammu_n = adapter_gammu_count()) < 0)
        return EXIT_ERROR;
    if (cli_open(&o.db, &db) != SMSREP_OK)
        return EXIT_ERROR;
    if (o.batch)
        result = check_batch(db, &o);
    else if (o.smstools != NULL)
        result = check_smstools(db, &o);
    else if (o.gammu)
        result = check_gammu(db, &o, gammu_n);
    for (; i < argc; i++)
        result = worse(result, check_arg(db, &o, argv[i]));
    smsrep_close(db);
    if (o.env)
        env_count(stdout, o.count);
    if (fflush(stdout) != 0) {
        perror("smsrep: standard output");
        result = EXIT_ERROR;
    }
    return result;
}
