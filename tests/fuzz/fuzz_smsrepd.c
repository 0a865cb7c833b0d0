/* SPDX-License-Identifier: Apache-2.0
 * fuzz_smsrepd.c: smsrepd's request path: a request line (request.c) and,
 * when it reads, the check and its answer in the format asked (judge.c) on
 * the embedded database with a burst tracker. Input: the request line as a
 * client sends it (its line feed taken off).
 *   Invariants: a refused line says why in one JSON line ending in "}\n";
 *   no answer holds a control byte but its line feeds; every answer to a
 *   line that reads is one smsrep check --server accepts (reply.c) in its
 *   format; a read sender is at most SMSREP_SENDER_MAX bytes and
 *   NUL-terminated; a given recipient (with a sender that is not empty)
 *   always gets burst state, none gets none (json, env).
 * The same bytes as the raw query of GET /kannel (kannel.c), Kannel's
 * get-url:
 *   Invariants: the redirect's Location is the next URL, '?', then only
 *   printable ASCII without '#' (nothing to split a header or end the URL),
 *   with exactly one verdict field (smsrep_class or smsrep_error) that is
 *   smsrepd's own, never one from the query; the quarantine file holds one
 *   line per field, no other control byte; the verdict log line is one
 *   line, time-stamped, "smsrep " then the escaped sender, no control byte;
 *   a message not judged is never passed on. */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "judge.h"
#include "kannel.h"
#include "request.h"

#define NEXT "http://127.0.0.1:9/in"

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (; (s = strstr(s, what)) != NULL; s++)
        n++;
    return n;
}

/* Fields of a query (after '?' or '&') whose name starts with prefix. */
static size_t fields_named(const char *url, const char *prefix)
{
    size_t n = 0, len = strlen(prefix);
    const char *p = strchr(url, '?');
    while (p != NULL) {
        p++;
        n += strncmp(p, prefix, len) == 0;
        p = strchr(p, '&');
    }
    return n;
}

/* The bytes as GET /kannel's raw query. */
static void kannel_query(judge *j, const char *q, size_t size)
{
    request *r = malloc(sizeof *r);
    const char *why = NULL;
    kannel_outcome o;
    char *loc, *out = NULL;
    size_t out_len = 0, i, fields;
    FILE *m;

    FUZZ_ASSERT(r != NULL, "out of memory");
    if (kannel_fields(r, q, size, &why) != 0)
        FUZZ_ASSERT(why != NULL && why[0] != '\0', "refused without a reason");
    else
        FUZZ_ASSERT(r->sender_len <= SMSREP_SENDER_MAX, "sender not bounded");
    kannel_judge(j, r, why, &o);
    FUZZ_ASSERT(why == NULL || (o.error != NULL && !kannel_passes(&o)),
                "an unread query passed on");

    loc = kannel_location(NEXT, q, size, &o);
    FUZZ_ASSERT(loc != NULL, "out of memory");
    FUZZ_ASSERT(strncmp(loc, NEXT "?", sizeof NEXT) == 0, "Location lost the next URL");
    for (i = 0; loc[i] != '\0'; i++)
        FUZZ_ASSERT((unsigned char)loc[i] > 0x20 && (unsigned char)loc[i] < 0x7f && loc[i] != '#',
                    "a byte in Location that could end the URL or the header");
    FUZZ_ASSERT(fields_named(loc, "smsrep_class=") + fields_named(loc, "smsrep_error=") == 1,
                "not exactly one verdict in Location");
    FUZZ_ASSERT(fields_named(loc, "smsrep_") == (o.error == NULL ? 4u : 1u),
                "a verdict field forged or lost");
    free(loc);

    m = open_memstream(&out, &out_len);
    FUZZ_ASSERT(m != NULL, "out of memory");
    fields = kannel_query_out(m, q, size, "\n");
    kannel_verdict_fields(m, &o, fields > 0 ? "\n" : "", "\n");
    fputc('\n', m);
    FUZZ_ASSERT(fclose(m) == 0, "out of memory");
    FUZZ_ASSERT(count(out, "\n") == fields + (o.error == NULL ? 4 : 1),
                "a quarantine file that is not one line per field");
    for (i = 0; i < out_len; i++)
        FUZZ_ASSERT(out[i] == '\n' || ((unsigned char)out[i] > 0x20 && out[i] != 0x7f),
                    "a control byte in the quarantine file");
    free(out);

    out = NULL;
    m = open_memstream(&out, &out_len);
    FUZZ_ASSERT(m != NULL, "out of memory");
    kannel_log_line(m, 1700000000, r, &o);
    FUZZ_ASSERT(fclose(m) == 0, "out of memory");
    FUZZ_ASSERT(strncmp(out, "2023-11-14T22:13:20Z smsrep ", 28) == 0, "a log line's start");
    FUZZ_ASSERT(out_len > 28 && out[out_len - 1] == '\n', "a log line's end");
    for (i = 0; i + 1 < out_len; i++)
        FUZZ_ASSERT((unsigned char)out[i] >= 0x20 && out[i] != 0x7f, "a control byte in the log");
    free(out);
    free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static judge j;
    static int ready;
    static smsrep_burst *burst;
    request *r = malloc(sizeof *r);
    const char *why = NULL;
    char *out = NULL;
    size_t out_len = 0, i;
    FILE *m;

    if (!ready) {
        FUZZ_ASSERT(smsrep_burst_new(&burst, NULL) == SMSREP_OK, "no tracker");
        FUZZ_ASSERT(judge_open(&j, NULL, NULL, burst) == 0, "no embedded database");
        ready = 1;
    }
    FUZZ_ASSERT(r != NULL, "out of memory");
    m = open_memstream(&out, &out_len);
    FUZZ_ASSERT(m != NULL, "out of memory");
    if (request_parse(r, (const char *)data, size, &why) == 0) {
        FUZZ_ASSERT(r->sender_len <= SMSREP_SENDER_MAX && r->sender[r->sender_len] == '\0',
                    "sender not bounded");
        FUZZ_ASSERT(r->text_len <= SMSREP_TEXT_MAX, "text not bounded");
        judge_check(&j, r, m);
    } else {
        FUZZ_ASSERT(why != NULL && why[0] != '\0', "refused without a reason");
        judge_error(m, why);
    }
    FUZZ_ASSERT(fclose(m) == 0, "out of memory");
    for (i = 0; i < out_len; i++)
        FUZZ_ASSERT(((unsigned char)out[i] >= 0x20 && out[i] != 0x7f) || out[i] == '\n',
                    "a control byte in the answer");
    if (why != NULL) {
        FUZZ_ASSERT(out_len >= 3 && out[out_len - 1] == '\n' && out[out_len - 2] == '}' &&
                        memchr(out, '\n', out_len) == out + out_len - 1,
                    "a refusal that is not one JSON line");
    } else {
        static const int formats[] = {SERVER_JSON, SERVER_ENV, SERVER_TEXT};
        int status, none;
        FUZZ_ASSERT(reply_check(formats[r->format], out, out_len, &status) == 0,
                    "an answer smsrep check --server would refuse");
        if (r->format != REQUEST_TEXT) {
            none = strstr(out, r->format == REQUEST_JSON ? ",\"burst\":null," :
                                                           "\nSMSREP_1_BURST=''\n") != NULL;
            FUZZ_ASSERT((r->recipient_len == 0 || r->sender_len == 0) == none,
                        "burst state and recipient disagree");
        }
    }
    free(out);
    free(r);
    kannel_query(&j, (const char *)data, size);
    return 0;
}
