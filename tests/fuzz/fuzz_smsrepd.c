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
 *   always gets burst state, none gets none (json, env). */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "judge.h"
#include "request.h"

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
    return 0;
}
