/* SPDX-License-Identifier: Apache-2.0
 * fuzz_reply.c: smsrep check --server's reading of smsrepd's answers
 * (examples/cli/reply.c): whatever a daemon, or something on its socket,
 * sends. Input: one byte choosing the format (json, env, text), then the
 * bytes of the answer.
 *   Invariants: an accepted answer is whole (reply_length is its length)
 *   with an exit status of 0, 1 or 2, and printed as check prints it holds
 *   no control byte but line feeds; printed --env lines are all renumbered
 *   SMSREP_<n>_NAME='...' and end in a quote. */
#include "fuzz_common.h"

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int formats[] = {SERVER_JSON, SERVER_ENV, SERVER_TEXT};
    const char *answer = (const char *)data + 1;
    char *out = NULL, *line;
    size_t len, out_len = 0, i;
    int format, status = -1;
    FILE *m;

    if (size < 1)
        return 0;
    format = formats[data[0] % 3];
    len = size - 1;
    (void)reply_length(format, answer, len);
    if (reply_check(format, answer, len, &status) != 0)
        return 0;
    FUZZ_ASSERT(reply_length(format, answer, len) == len, "an accepted answer is not whole");
    FUZZ_ASSERT(status >= 0 && status <= 2, "an exit status out of range");
    m = open_memstream(&out, &out_len);
    FUZZ_ASSERT(m != NULL, "out of memory");
    reply_print(m, format, 7, answer, len);
    FUZZ_ASSERT(fclose(m) == 0, "out of memory");
    for (i = 0; i < out_len; i++)
        FUZZ_ASSERT(((unsigned char)out[i] >= 0x20 && out[i] != 0x7f) || out[i] == '\n',
                    "a control byte printed");
    if (format == SERVER_ENV) {
        for (line = out; line < out + out_len;) {
            char *nl = memchr(line, '\n', (size_t)(out + out_len - line));
            FUZZ_ASSERT(nl != NULL && nl - line > 12 && strncmp(line, "SMSREP_7_", 9) == 0 &&
                            nl[-1] == '\'' && memchr(line, '=', (size_t)(nl - line)) != NULL,
                        "a printed --env line that is not an assignment of the 7th input");
            line = nl + 1;
        }
    }
    free(out);
    return 0;
}
