/* SPDX-License-Identifier: Apache-2.0
 * fuzz_smsrepd.c: smsrepd's request path: a request line (request.c) and,
 * when it reads, the check and its JSON line (judge.c) on the embedded
 * database with a burst tracker. Input: the request line as a client
 * sends it (its line feed taken off).
 *   Invariants: a refused line says why; every answer is exactly one line
 *   ending in "}\n" with no control byte inside; a read sender is at most
 *   SMSREP_SENDER_MAX bytes and NUL-terminated; a given recipient (with a
 *   sender that is not empty) always gets a "burst" object, none gets
 *   "burst":null. */
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

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
    FUZZ_ASSERT(out_len >= 3 && out[out_len - 1] == '\n' && out[out_len - 2] == '}',
                "an answer that is not one JSON line");
    for (i = 0; i + 1 < out_len; i++)
        FUZZ_ASSERT((unsigned char)out[i] >= 0x20 && out[i] != 0x7f,
                    "a control byte in the answer");
    if (why == NULL) {
        const char *nul = strstr(out, ",\"burst\":null}");
        FUZZ_ASSERT((r->recipient_len == 0 || r->sender_len == 0) == (nul != NULL),
                    "burst state and recipient disagree");
    }
    free(out);
    free(r);
    return 0;
}
