/* SPDX-License-Identifier: Apache-2.0
 * cmd_burst.c: "smsrep burst": replays a log of received messages (one per line:
 * time, recipient, sender, text, separated by tabs) through a burst tracker
 * and prints each SMS bomb it finds as it starts. Every message is checked
 * first: a one-time code or a flagged sender is what a bomb is made of. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

typedef struct burst_options {
    cli_db_options db;
    const char *region;
    const char *file;
    int json;
    smsrep_burst_config cfg;
} burst_options;

static int parse_count(const char *s, uint32_t *out)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v == 0 || v > 86400UL * 366)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* The recipient's country: --region, or the country of an E.164 recipient. */
static void recipient_region(smsrep_db *db, const burst_options *o, const char *recipient,
                             char region[4])
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    region[0] = '\0';
    if (o->region != NULL) {
        snprintf(region, 4, "%s", o->region);
        return;
    }
    q.sender = recipient;
    q.sender_len = strlen(recipient);
    if (recipient[0] == '+' && smsrep_check(db, &q, &v) == SMSREP_OK &&
        v.kind == SMSREP_KIND_NUMBER && strlen(v.region) == 2)
        snprintf(region, 4, "%s", v.region);
}

static void print_burst(const burst_options *o, const char *recipient, int64_t time,
                        const smsrep_burst_state *st)
{
    if (o->json) {
        fputs("{\"burst\":{\"recipient\":", stdout);
        json_cstring(stdout, recipient);
        printf(",\"since\":%lld,\"at\":%lld,\"senders\":%u,\"messages\":%u}",
               (long long)st->since, (long long)time, st->senders, st->messages);
        json_end(stdout);
    } else {
        fputs("burst: ", stdout);
        cli_escape_c(stdout, recipient);
        printf(": %u messages from %u senders between %lld and %lld; "
               "look for the one message among them that matters\n",
               st->messages, st->senders, (long long)st->since, (long long)time);
    }
}

/* Reads one line into its four fields; 0 when it has them all. */
static int split_line(char *line, char **f)
{
    int i;
    f[0] = line;
    for (i = 1; i < 4; i++) {
        char *tab = strchr(f[i - 1], '\t');
        if (tab == NULL)
            return -1;
        *tab = '\0';
        f[i] = tab + 1;
    }
    return 0;
}

static int replay(smsrep_db *db, smsrep_burst *tracker, const burst_options *o, FILE *in)
{
    char line[SMSREP_TEXT_MAX + 512], *f[4];
    unsigned long lineno = 0, bursts = 0;
    int errors = 0;

    while (fgets(line, sizeof line, in) != NULL) {
        size_t len = strlen(line);
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict v = SMSREP_VERDICT_INIT;
        smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
        uint32_t flags = 0;
        int64_t time;
        char region[4];

        lineno++;
        if (len + 1 == sizeof line && line[len - 1] != '\n') {
            int c;
            while ((c = fgetc(in)) != EOF && c != '\n')
                ;
            fprintf(stderr, cli_text("smsrep: line %lu is too long; left out\n",
                                     "smsrep: %lu 行目が長すぎるため読み飛ばしました\n"),
                    lineno);
            errors = 1;
            continue;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (split_line(line, f) != 0 || cli_parse_time(f[0], &time) != 0 || f[1][0] == '\0' ||
            f[2][0] == '\0') {
            fprintf(stderr, cli_text("smsrep: line %lu: need TIME, RECIPIENT, SENDER and TEXT, "
                                     "separated by tabs\n",
                                     "smsrep: line %lu: TIME、RECIPIENT、SENDER、TEXT をタブ区切りで"
                                     "並べてください\n"),
                    lineno);
            errors = 1;
            continue;
        }
        recipient_region(db, o, f[1], region);
        q.sender = f[2];
        q.sender_len = strlen(f[2]);
        q.text = f[3];
        q.text_len = strlen(f[3]);
        q.time = time;
        memcpy(q.region, region, sizeof q.region);
        if (smsrep_check(db, &q, &v) == SMSREP_OK) {
            if (v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_ONE_TIME_CODE))
                flags |= SMSREP_BURST_CODE;
            if (v.recommendation != SMSREP_RECOMMEND_ALLOW)
                flags |= SMSREP_BURST_JUNK;
        } else {
            flags |= SMSREP_BURST_JUNK; /* not even a sender */
        }
        if (smsrep_burst_observe(tracker, f[1], strlen(f[1]), f[2], strlen(f[2]), time, flags,
                                 &st) != SMSREP_OK) {
            fprintf(stderr, cli_text("smsrep: line %lu: cannot record the message\n",
                                     "smsrep: line %lu: メッセージを記録できません\n"),
                    lineno);
            errors = 1;
            continue;
        }
        if (st.started) {
            print_burst(o, f[1], time, &st);
            bursts++;
        }
    }
    if (ferror(in)) {
        fputs(cli_text("smsrep: cannot read the log\n", "smsrep: ログを読めません\n"), stderr);
        return EXIT_ERROR;
    }
    if (errors)
        return EXIT_ERROR;
    return bursts > 0 ? EXIT_FLAGGED : EXIT_ALLOW;
}

int cmd_burst(int argc, char **argv)
{
    burst_options o;
    smsrep_db *db = NULL;
    smsrep_burst *tracker = NULL;
    smsrep_burst_config init = SMSREP_BURST_CONFIG_INIT;
    FILE *in = stdin;
    cli_args a;
    int i, result, status;

    memset(&o, 0, sizeof o);
    o.cfg = init;
    if ((i = cli_parse(CMD_BURST, argc, argv, &a)) != CLI_PARSED)
        return i == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
    if (a.operands > 1)
        return cli_usage_error(CMD_BURST, cli_text("one LOG at most", "LOG は1つまでです"));
    o.file = a.operands == 1 ? a.operand[0] : NULL;
    o.json = a.value[OPT_JSON] != NULL;
    o.region = a.value[OPT_REGION];
    o.db.db = a.value[OPT_DB];
    o.db.overlay = a.value[OPT_OVERLAY];
    if ((a.value[OPT_WINDOW] != NULL && parse_count(a.value[OPT_WINDOW], &o.cfg.window) != 0) ||
        (a.value[OPT_SENDERS] != NULL &&
         (parse_count(a.value[OPT_SENDERS], &o.cfg.min_senders) != 0 ||
          o.cfg.min_senders > 1024)) ||
        (o.region != NULL && strlen(o.region) != 2))
        return cli_usage_error(CMD_BURST,
                               cli_text("--window takes 1 to 31622400 seconds, --senders 1 to "
                                        "1024, --region a two-letter code",
                                        "--window は 1〜31622400 秒、--senders は 1〜1024、"
                                        "--region は2文字のコードです"));
    if (o.cfg.min_senders > 32)
        o.cfg.max_senders = o.cfg.min_senders; /* room to count them all */
    if (o.file != NULL && strcmp(o.file, "-") != 0 && (in = fopen(o.file, "r")) == NULL) {
        fputs("smsrep: ", stderr);
        cli_escape_c(stderr, o.file);
        fputs(cli_text(": cannot open the log\n", ": ログを開けません\n"), stderr);
        return EXIT_ERROR;
    }
    if (cli_open(&o.db, &db) != SMSREP_OK) {
        if (in != stdin)
            fclose(in);
        return EXIT_ERROR;
    }
    status = smsrep_burst_new(&tracker, &o.cfg);
    if (status != SMSREP_OK) {
        fprintf(stderr, "smsrep: %s\n", smsrep_strerror(status));
        result = EXIT_ERROR;
    } else {
        result = replay(db, tracker, &o, in);
    }
    smsrep_burst_free(tracker);
    smsrep_close(db);
    if (in != stdin)
        fclose(in);
    return result;
}
