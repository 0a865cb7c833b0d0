/* SPDX-License-Identifier: Apache-2.0
 * cmd_check.c: "smsrep check": judges the senders given as arguments, one per
 * line of standard input with --batch, or as a gateway hands them over
 * (adapters.c), and sets the exit status from the worst recommendation
 * (0 allow, 1 flag or block, 2 an error). With --server each sender goes
 * to smsrepd on one connection instead (server.c), and comes back with the
 * recipient's burst state; when the daemon does not answer, the rest are
 * checked here and stderr says so once. */
#include "cli.h"
#include "options.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct check_options {
    cli_db_options db;
    const char *region;
    const char *text;       /* --text, or the gateway's: UTF-8; NULL none */
    size_t text_len;
    char *text_owned;       /* what text points to when decoded here */
    int64_t time;
    uint32_t hint;
    int json, env, batch, japanese, urldecode, gammu, hint_given;
    const char *smstools;   /* --smstools FILE */
    unsigned count;         /* senders reported so far, for --env */
    const char *server;     /* --server SOCKET */
    const char *recipient;  /* --recipient R */
    int fd;                 /* the connection to smsrepd; -1 none (any more) */
    smsrep_db *handle;      /* opened when first needed with --server */
    int db_failed;
} check_options;

static int format_of(const check_options *o)
{
    return o->json ? SERVER_JSON : o->env ? SERVER_ENV : SERVER_TEXT;
}

/* Where a result is printed: stdout, or with --server a memory stream that
 * local_done() prints with the empty burst state, so output checked here
 * has the shape of the daemon's. NULL when out of memory. */
static FILE *local_out(check_options *o, char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    return o->server != NULL ? open_memstream(buf, len) : stdout;
}

static void local_done(check_options *o, FILE *m, char **buf, size_t *len)
{
    if (o->server == NULL)
        return;
    /* The memory stream sets *buf and *len as it closes. */
    if (fclose(m) != 0) {
        free(*buf);
        return;
    }
    if (!o->json || burst_json_line(stdout, *buf, *len, NULL) != 0)
        fwrite(*buf, 1, *len, stdout);
    if (o->env)
        burst_env(stdout, o->count, NULL);
    free(*buf);
}

/* The database for checks made here, opened once; NULL after saying why. */
static smsrep_db *local_db(check_options *o)
{
    if (o->handle == NULL && !o->db_failed && cli_open(&o->db, &o->handle) != SMSREP_OK)
        o->db_failed = 1;
    return o->handle;
}

/* Judges one sender here and prints its line; returns its exit status. */
static int check_local(check_options *o, const char *s, size_t len)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_db *db = local_db(o);
    char *buf;
    size_t buf_len;
    FILE *f;
    int status;

    q.sender = s;
    q.sender_len = len;
    q.hint = o->hint;
    q.time = o->time;
    if (o->region != NULL)
        strncpy(q.region, o->region, sizeof q.region - 1);
    if (o->text != NULL) {
        q.text = o->text;
        q.text_len = o->text_len;
    }
    if (db == NULL)
        return EXIT_ERROR;
    if ((f = local_out(o, &buf, &buf_len)) == NULL) {
        fputs("smsrep: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    status = smsrep_check(db, &q, &v);
    o->count++;
    if (status != SMSREP_OK) {
        if (o->env)
            env_error(f, o->count, s, len, status);
        else
            report_error(f, s, len, status, o->json, o->japanese);
        local_done(o, f, &buf, &buf_len);
        return EXIT_ERROR;
    }
    if (o->env)
        env_verdict(f, o->count, s, len, &v);
    else
        report_verdict(f, db, s, len, &v, o->json, o->japanese);
    local_done(o, f, &buf, &buf_len);
    return v.recommendation == SMSREP_RECOMMEND_ALLOW ? EXIT_ALLOW : EXIT_FLAGGED;
}

/* The daemon is gone: says so once, and the rest are checked here. */
static void give_up_server(check_options *o)
{
    if (o->fd >= 0)
        close(o->fd);
    o->fd = -1;
    fputs(cli_text("smsrep: smsrepd is not answering on ", "smsrep: smsrepd が "), stderr);
    cli_escape_c(stderr, o->server);
    fputs(cli_text("; checked in-process (no burst state)\n",
                   " で応答しません。このプロセスで判定しました（バースト状態なし）\n"),
          stderr);
}

/* Asks smsrepd about one sender and prints its answer as check prints it;
 * returns its exit status, or -1 when the daemon gave no whole answer. */
static int check_server(check_options *o, const char *s, size_t len)
{
    static char reply[SERVER_REPLY_MAX];
    char *line = NULL;
    size_t line_len = 0, got;
    int first = 1, format = format_of(o), result;
    FILE *f = open_memstream(&line, &line_len);
    if (f == NULL)
        return -1;
    server_field(f, &first, "sender", s, len);
    if (o->recipient != NULL)
        server_field(f, &first, "recipient", o->recipient, strlen(o->recipient));
    if (o->region != NULL)
        server_field(f, &first, "region", o->region, strlen(o->region));
    if (o->hint != SMSREP_HINT_UNKNOWN)
        server_field(f, &first, "hint", smsrep_hint_name(o->hint), strlen(smsrep_hint_name(o->hint)));
    if (o->text != NULL) {
        /* The library reads no more than this; smsrepd takes no more. */
        size_t n = o->text_len;
        server_field(f, &first, "text", o->text, n < SMSREP_TEXT_MAX ? n : SMSREP_TEXT_MAX);
    }
    if (o->time > 0)
        fprintf(f, "&time=%lld", (long long)o->time);
    fputs(format == SERVER_ENV ? "&format=env" : format == SERVER_TEXT ? "&format=text" : "", f);
    fputs(format == SERVER_TEXT && o->japanese ? "&lang=ja\n" : "\n", f);
    if (fclose(f) != 0) {
        free(line);
        return -1;
    }
    got = server_ask(o->fd, format, line, line_len, reply, sizeof reply);
    free(line);
    if (got == 0 || reply_check(format, reply, got, &result) != 0)
        return -1;
    o->count++;
    reply_print(stdout, format, o->count, reply, got);
    return result;
}

/* Judges one sender, through smsrepd while it answers, and prints its
 * line; returns its exit status. A sender longer than a request may carry
 * is an error either way; it is judged here. */
static int check_one(check_options *o, const char *s, size_t len)
{
    int result;
    if (o->fd >= 0 && len <= SMSREP_SENDER_MAX) {
        if ((result = check_server(o, s, len)) >= 0)
            return result;
        give_up_server(o);
    }
    return check_local(o, s, len);
}

/* Reports an input the command line cannot hand to the library. */
static int check_fail(check_options *o, const char *s, size_t len, const char *name,
                      const char *message)
{
    char *buf;
    size_t buf_len;
    FILE *f = local_out(o, &buf, &buf_len);
    if (f == NULL) {
        fputs("smsrep: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    o->count++;
    if (o->env)
        env_error_named(f, o->count, s, len, name, message);
    else
        report_error_named(f, s, len, name, message, o->json, o->japanese);
    local_done(o, f, &buf, &buf_len);
    return EXIT_ERROR;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* Judges one argument, URL-decoded first with --urldecode. */
static int check_arg(check_options *o, const char *arg)
{
    size_t len = strlen(arg);
    char *copy;
    int result;

    if (!o->urldecode)
        return check_one(o, arg, len);
    copy = strdup(arg);
    if (copy == NULL) {
        fputs("smsrep: out of memory\n", stderr);
        return EXIT_ERROR;
    }
    len = adapter_urldecode(copy, len);
    result = check_one(o, copy, len);
    free(copy);
    return result;
}

/* The file smstools3 hands its eventhandler: its type of address is the
 * hint unless --hint or --toa said otherwise, and its body is the text
 * unless --text gave one. */
static int check_smstools(check_options *o)
{
    char *sender, *text;
    size_t text_len;
    int toa, result;

    if (adapter_smstools(o->smstools, &sender, &toa, &text, &text_len) != 0)
        return EXIT_ERROR;
    if (o->text == NULL && text != NULL) {
        o->text = o->text_owned = text;
        o->text_len = text_len;
    } else {
        free(text);
    }
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
        result = check_one(o, sender, strlen(sender));
    free(sender);
    return result;
}

/* The parts of one message gammu-smsd hands RunOnReceive: each part's
 * sender is judged with the message's one text, unless --text gave one. */
static int check_gammu(check_options *o, int n)
{
    int i, result = EXIT_ALLOW;
    if (o->text == NULL && (o->text_owned = adapter_gammu_text(n, &o->text_len)) != NULL)
        o->text = o->text_owned;
    for (i = 1; i <= n; i++) {
        const char *number = adapter_gammu_number(i);
        if (number == NULL) {
            fprintf(stderr, cli_text("smsrep: --gammu-env: SMS_%d_NUMBER is not set\n",
                                     "smsrep: --gammu-env: SMS_%d_NUMBER がありません\n"),
                    i);
            result = EXIT_ERROR;
            continue;
        }
        result = worse(result, check_one(o, number, strlen(number)));
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

static int check_batch(check_options *o)
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
        result = worse(result, check_one(o, line, len));
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
    if ((o->text = a->value[OPT_TEXT]) != NULL)
        o->text_len = strlen(o->text);
    o->db.db = a->value[OPT_DB];
    o->db.overlay = a->value[OPT_OVERLAY];
    o->server = a->value[OPT_SERVER];
    o->recipient = a->value[OPT_RECIPIENT];
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
    if (o->region != NULL && (strlen(o->region) > 3 ||
                              (o->server != NULL && strlen(o->region) != 2 && o->region[0]))) {
        fputs(cli_text("smsrep: --region takes an ISO 3166 alpha-2 code such as JP\n",
                       "smsrep: --region には JP のような ISO 3166 の2文字コードを指定してください\n"),
              stderr);
        return EXIT_ERROR;
    }
    if (o->region != NULL && o->region[0] == '\0')
        o->region = NULL;
    if (o->recipient != NULL && o->server == NULL)
        return cli_usage_error(CMD_CHECK, cli_text("--recipient needs --server",
                                                   "--recipient には --server が必要です"));
    if (o->recipient != NULL && strlen(o->recipient) > 64) {
        fputs(cli_text("smsrep: --recipient takes at most 64 bytes\n",
                       "smsrep: --recipient は64バイトまでです\n"),
              stderr);
        return EXIT_ERROR;
    }
    /* smsrepd takes Unix seconds from 1970 on (0: now). */
    if (o->server != NULL && (o->time < 0 || o->time > 1000000000000LL)) {
        fputs(cli_text("smsrep: --time with --server is from 1970 on\n",
                       "smsrep: --server と使う --time は1970年以降です\n"),
              stderr);
        return EXIT_ERROR;
    }
    return 0;
}

int cmd_check(int argc, char **argv)
{
    check_options o;
    cli_args a;
    int i, sources, gammu_n = 0, result = EXIT_ALLOW;

    memset(&o, 0, sizeof o);
    o.fd = -1;
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
    if (o.server != NULL) {
        if ((o.fd = server_connect(o.server)) < 0)
            give_up_server(&o);
    } else if (cli_open(&o.db, &o.handle) != SMSREP_OK) {
        return EXIT_ERROR;
    }
    /* Kannel encodes %a as it encodes %p. */
    if (o.text != NULL && o.urldecode) {
        if ((o.text_owned = strdup(o.text)) == NULL) {
            fputs("smsrep: out of memory\n", stderr);
            smsrep_close(o.handle);
            if (o.fd >= 0)
                close(o.fd);
            return EXIT_ERROR;
        }
        o.text = o.text_owned;
        o.text_len = adapter_urldecode(o.text_owned, o.text_len);
    }
    if (o.batch)
        result = check_batch(&o);
    else if (o.smstools != NULL)
        result = check_smstools(&o);
    else if (o.gammu)
        result = check_gammu(&o, gammu_n);
    for (i = 0; i < a.operands; i++)
        result = worse(result, check_arg(&o, a.operand[i]));
    smsrep_close(o.handle);
    free(o.text_owned);
    if (o.fd >= 0)
        close(o.fd);
    if (o.env)
        env_count(stdout, o.count);
    if (fflush(stdout) != 0) {
        perror("smsrep: standard output");
        result = EXIT_ERROR;
    }
    return result;
}
