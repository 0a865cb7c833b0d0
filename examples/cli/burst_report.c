/* SPDX-License-Identifier: Apache-2.0
 * burst_report.c: the burst state smsrepd gives with a verdict, in each of
 * smsrep check's output formats (JSON member, --env fields, text words);
 * the daemon writes it and the command line writes the empty state when
 * it checked in-process. */
#include "cli.h"

#include <string.h>

static const char schema_tail[] = "\"schema\":1}\n";

void burst_json(FILE *f, const smsrep_burst_state *st)
{
    if (st == NULL) {
        fputs("\"burst\":null", f);
        return;
    }
    fprintf(f,
            "\"burst\":{\"in_burst\":%s,\"started\":%s,\"senders\":%u,\"messages\":%u,"
            "\"since\":%lld,\"degraded\":%s}",
            st->in_burst ? "true" : "false", st->started ? "true" : "false", st->senders,
            st->messages, (long long)st->since, st->degraded ? "true" : "false");
}

int burst_json_line(FILE *f, const char *line, size_t len, const smsrep_burst_state *st)
{
    size_t tail = sizeof schema_tail - 1;
    if (len < tail + 2 || memcmp(line + len - tail, schema_tail, tail) != 0 ||
        line[len - tail - 1] != ',')
        return -1;
    fwrite(line, 1, len - tail, f);
    burst_json(f, st);
    fputc(',', f);
    fwrite(line + len - tail, 1, tail, f);
    return 0;
}

void burst_env(FILE *f, unsigned n, const smsrep_burst_state *st)
{
    if (st == NULL) {
        fprintf(f, "SMSREP_%u_BURST=''\nSMSREP_%u_BURST_SENDERS=''\nSMSREP_%u_BURST_DEGRADED=''\n",
                n, n, n);
        return;
    }
    fprintf(f, "SMSREP_%u_BURST='%s'\nSMSREP_%u_BURST_SENDERS='%u'\nSMSREP_%u_BURST_DEGRADED='%d'\n",
            n, !st->in_burst ? "off" : st->started ? "started" : "on", n, st->senders, n,
            st->degraded ? 1 : 0);
}

void burst_text(FILE *f, const smsrep_burst_state *st)
{
    if (st == NULL)
        return;
    if (st->in_burst)
        fprintf(f, " burst=%s senders=%u", st->started ? "started" : "on", st->senders);
    if (st->degraded)
        fputs(" store=degraded", f);
}
