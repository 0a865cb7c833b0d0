/* SPDX-License-Identifier: Apache-2.0
 * cmd_check.c: "smsrep check": judges the senders given as arguments, one per
 * line of standard input with --batch, or as a gateway hands them over
 * (adapters.c), and sets the exit status from the worst recommendation
 * (0 allow, 1 flag or block, 2 an error). */
#include "cli.h"
#include "options.h"

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
            fprintf(stderr, cli_text("smsrep: --gammu-env: SMS_%d_NUMBER is not set\n",
                                     "smsrep: --gammu-env: SMS_%d_NUMBER がありません\n"),
                    i);
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
        fputs(cli_text("smsrep: error reading standard input\n",
                       "smsrep: 標準入力を読めません\n"),
              stderr);
        result = EXIT_ERROR;
    }
    return result;
}

/* The options' values into o; 0, or EXIT_ERROR after saying why. */
static int take_options(const cli_args *a, check_options *o)
{
    const char *v;
    o->json = a->value[OPT_JSON] != NULL;
    o->batch = a->value[OPT_BATCH] != NULL;
    o->env = a->value[OPT_ENV] != NULL;
    o->urldecode = a->value[OPT_URLDECODE] != NULL;
    o->gammu = a->value[OPT_GAMMU_ENV] != NULL;
    o->smstools = a->value[OPT_SMSTOOLS];
    o->region = a->value[OPT_REGION];
    o->text = a->value[OPT_TEXT];
    o->db.db = a->value[OPT_DB];
    o->db.overlay = a->value[OPT_OVERLAY];
    if ((v = a->value[OPT_LANG]) != NULL)
        o->japanese = strncmp(v, "ja", 2) == 0;
    if ((v = a->value[OPT_HINT]) != NULL) {
        int h = smsrep_hint_from_name(v, strlen(v));
        char msg[160];
        if (h < 0) {
            char *e = cli_escaped(v, strlen(v));
            snprintf(msg, sizeof msg, cli_text("unknown hint \"%.60s\"", "不明なヒント「%.60s」"),
                     e != NULL ? e : "?");
            free(e);
            return cli_usage_error(CMD_CHECK, msg);
        }
        o->hint = (uint32_t)h;
        o->hint_given = 1;
    }
    if ((v = a->value[OPT_TIME]) != NULL && cli_parse_time(v, &o->time) != 0) {
        fputs(cli_text("smsrep: --time takes YYYY-MM-DD[THH:MM[:SS]] or Unix seconds\n",
                       "smsrep: --time には YYYY-MM-DD[THH:MM[:SS]] か Unix 秒を指定してください\n"),
              stderr);
        return EXIT_ERROR;
    }
    if ((v = a->value[OPT_TOA]) != NULL) {
        char *end;
        unsigned long toa = strtoul(v, &end, 16);
        if (*v == '\0' || *end != '\0' || toa > 0xFF) {
            fputs(cli_text("smsrep: --toa takes a hex octet such as 91\n",
                           "smsrep: --toa には 91 のような16進の1オクテットを指定してください\n"),
                  stderr);
            return EXIT_ERROR;
        }
        o->hint = smsrep_hint_from_gsm_toa((uint32_t)toa);
        o->hint_given = 1;
    }
    if (o->region != NULL && strlen(o->region) > 3) {
        fputs(cli_text("smsrep: --region takes an ISO 3166 alpha-2 code such as JP\n",
                       "smsrep: --region には JP のような ISO 3166 の2文字コードを指定してください\n"),
              stderr);
        return EXIT_ERROR;
    }
    return 0;
}

int cmd_check(int argc, char **argv)
{
    check_options o;
    cli_args a;
    smsrep_db *db = NULL;
    int i, sources, gammu_n = 0, result = EXIT_ALLOW;

    memset(&o, 0, sizeof o);
    o.japanese = cli_japanese();
    if ((i = cli_parse(CMD_CHECK, argc, argv, &a)) != CLI_PARSED)
        return i == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
    if (take_options(&a, &o) != 0)
        return EXIT_ERROR;
    /* Senders come from exactly one place. */
    sources = o.batch + o.gammu + (o.smstools != NULL) + (a.operands > 0);
    if (sources != 1)
        return cli_usage_error(CMD_CHECK, cli_text("give senders, or one of --batch, --smstools "
                                                   "and --gammu-env",
                                                   "送信元か、--batch、--smstools、--gammu-env の"
                                                   "どれか1つを指定してください"));
    if (o.json && o.env)
        return cli_usage_error(CMD_CHECK, cli_text("--json and --env exclude each other",
                                                   "--json と --env は同時に使えません"));
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
    for (i = 0; i < a.operands; i++)
        result = worse(result, check_arg(db, &o, a.operand[i]));
    smsrep_close(db);
    if (o.env)
        env_count(stdout, o.count);
    if (fflush(stdout) != 0) {
        perror("smsrep: standard output");
        result = EXIT_ERROR;
    }
    return result;
}
