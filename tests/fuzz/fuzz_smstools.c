/* SPDX-License-Identifier: Apache-2.0
 * fuzz_smstools.c: fuzz target over "smsrep check --smstools FILE", the
 * command as smstools3's eventhandler runs it: the input is the message
 * file, any bytes (headers, then a body in any Alphabet:). The real command
 * runs (its main() renamed) with --json, standard output captured: it must
 * exit 0, 1 or 2 and print at most one line, a well-formed JSON object of
 * valid UTF-8 without control characters, which is an error exactly when
 * it exits 2; with no line, it exits 2 (no From: header). */
#include "fuzz_common.h"

#include <unistd.h>

int smsrep_cli_main(int argc, char **argv);

/* The file the command reads: one per process, rewritten per input. */
static char path[64];

static void write_file(const uint8_t *data, size_t size)
{
    FILE *f;
    if (path[0] == '\0') {
        int fd;
        snprintf(path, sizeof path, "%s", "/tmp/fuzz-smstools-XXXXXX");
        fd = mkstemp(path);
        FUZZ_ASSERT(fd >= 0, "cannot make the message file");
        close(fd);
    }
    f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL, "cannot write the message file");
    FUZZ_ASSERT(fwrite(data, 1, size, f) == size && fclose(f) == 0,
                "cannot write the message file");
}

static void remove_file(void)
{
    if (path[0] != '\0')
        unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *argv[] = { (char *)"smsrep", (char *)"check", (char *)"--json", (char *)"--region",
                     (char *)"JP", (char *)"--smstools", path, NULL };
    char *out = NULL;
    size_t outlen = 0, i, lines = 0;
    FILE *saved_out = stdout, *saved_err = stderr, *null;
    int rc, error;

    if (path[0] == '\0')
        atexit(remove_file);
    write_file(data, size);
    null = fopen("/dev/null", "w");
    FUZZ_ASSERT(null != NULL, "cannot open /dev/null");
    stdout = open_memstream(&out, &outlen);
    stderr = null;
    FUZZ_ASSERT(stdout != NULL, "cannot capture standard output");
    rc = smsrep_cli_main(7, argv);
    fclose(stdout);
    stdout = saved_out;
    stderr = saved_err;
    fclose(null);

    FUZZ_ASSERT(rc == 0 || rc == 1 || rc == 2, "exit status other than 0, 1, 2");
    for (i = 0; i < outlen; i++)
        lines += out[i] == '\n';
    FUZZ_ASSERT(lines <= 1 && (outlen == 0 || out[outlen - 1] == '\n'),
                "not at most one whole line");
    if (lines == 0) {
        FUZZ_ASSERT(rc == 2, "no line, yet no error");
        free(out);
        return 0;
    }
    FUZZ_ASSERT(outlen >= 12 && memcmp(out, "{\"input\":\"", 10) == 0 && out[outlen - 2] == '}',
                "the line is not an object that starts with input");
    for (i = 0; i + 1 < outlen; i++)
        FUZZ_ASSERT((unsigned char)out[i] >= 0x20 && out[i] != 0x7F,
                    "a control character in the JSON line");
    FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)out, outlen - 1), "the line is not UTF-8");
    error = strstr(out, "\",\"error\":\"") != NULL;
    FUZZ_ASSERT((rc == 2) == error, "exit 2 without an error line, or the reverse");
    free(out);
    return 0;
}
