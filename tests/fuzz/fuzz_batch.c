/* SPDX-License-Identifier: Apache-2.0
 * fuzz_batch.c: fuzz target over "smsrep check --batch", the command line
 * as a gateway drives it: the input is its standard input, any bytes. The
 * real command runs (its main() renamed), with standard output captured:
 * whatever the lines hold, it must answer one line per input line, in JSON
 * a well-formed object of valid UTF-8 without control characters, and exit
 * 0, 1 or 2 (2 exactly when some line is an error).
 *
 * Input layout: byte 0 bit 0 JSON, bit 1 Japanese, bits 2-4 the region (JP
 * US GB DE "" jp XX JAPAN), bits 5-7 the hint (none, international,
 * national, alphanumeric, short_code, --toa 91, --toa D0, none); the rest
 * is standard input. */
#include "fuzz_common.h"

int smsrep_cli_main(int argc, char **argv);

/* Lines as getline() reads them: every '\n', and a last unterminated one. */
static size_t lines_in(const uint8_t *p, size_t n)
{
    size_t i, lines = 0;
    for (i = 0; i < n; i++)
        lines += p[i] == '\n';
    return lines + (n > 0 && p[n - 1] != '\n');
}

static void check_json_line(const char *line, size_t len, int *errors)
{
    size_t i;
    FUZZ_ASSERT(len >= 12 && memcmp(line, "{\"input\":\"", 10) == 0 && line[len - 1] == '}',
                "a JSON line is not an object that starts with input");
    for (i = 0; i < len; i++)
        FUZZ_ASSERT((unsigned char)line[i] >= 0x20 && line[i] != 0x7F,
                    "a control character in a JSON line");
    FUZZ_ASSERT(fuzz_utf8_valid((const unsigned char *)line, len), "a JSON line is not UTF-8");
    *errors += strstr(line, "\",\"error\":\"") != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const regions[] = { "JP", "US", "GB", "DE", "", "jp", "XX", "JAPAN" };
    static const char *const hints[][2] = {
        { NULL, NULL },          { "--hint", "international" }, { "--hint", "national" },
        { "--hint", "alphanumeric" }, { "--hint", "short_code" }, { "--toa", "91" },
        { "--toa", "D0" },       { NULL, NULL },
    };
    char *argv[12], *out = NULL;
    size_t outlen = 0, expected, n = 0, i, start;
    FILE *in, *saved_in = stdin, *saved_out = stdout, *saved_err = stderr, *null;
    int argc = 0, rc, json, errors = 0, region_ok;
    unsigned sel;

    if (size == 0)
        return 0;
    sel = data[0];
    json = sel & 1u;
    argv[argc++] = (char *)"smsrep";
    argv[argc++] = (char *)"check";
    argv[argc++] = (char *)"--batch";
    if (json)
        argv[argc++] = (char *)"--json";
    argv[argc++] = (char *)"--lang";
    argv[argc++] = (char *)((sel & 2u) ? "ja" : "en");
    if (regions[(sel >> 2) & 7u][0] != '\0') {
        argv[argc++] = (char *)"--region";
        argv[argc++] = (char *)regions[(sel >> 2) & 7u];
    }
    if (hints[sel >> 5][0] != NULL) {
        argv[argc++] = (char *)hints[sel >> 5][0];
        argv[argc++] = (char *)hints[sel >> 5][1];
    }
    argv[argc] = NULL;
    region_ok = strlen(regions[(sel >> 2) & 7u]) <= 3;

    null = fopen("/dev/null", "w");
    in = size > 1 ? fmemopen((void *)(uintptr_t)(data + 1), size - 1, "r")
                  : fopen("/dev/null", "r");
    FUZZ_ASSERT(in != NULL && null != NULL, "cannot set up the streams");
    stdin = in;
    stdout = open_memstream(&out, &outlen);
    stderr = null;
    FUZZ_ASSERT(stdout != NULL, "cannot capture standard output");
    rc = smsrep_cli_main(argc, argv);
    fclose(stdout);
    stdin = saved_in;
    stdout = saved_out;
    stderr = saved_err;
    fclose(in);
    fclose(null);

    FUZZ_ASSERT(rc == 0 || rc == 1 || rc == 2, "exit status other than 0, 1, 2");
    if (!region_ok) { /* refused before reading a line */
        FUZZ_ASSERT(rc == 2 && outlen == 0, "a bad --region was not refused");
        free(out);
        return 0;
    }
    expected = lines_in(data + 1, size - 1);
    for (i = 0, start = 0; i < outlen; i++) {
        if (out[i] != '\n')
            continue;
        if (json)
            check_json_line(out + start, i - start, &errors);
        n++;
        start = i + 1;
    }
    FUZZ_ASSERT(start == outlen, "output does not end with a newline");
    FUZZ_ASSERT(n == expected, "not one output line per input line");
    if (json)
        FUZZ_ASSERT((rc == 2) == (errors > 0), "exit 2 without an error line, or the reverse");
    free(out);
    return 0;
}
