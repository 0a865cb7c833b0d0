/* SPDX-License-Identifier: Apache-2.0
 * fuzz_import.c: fuzz target over the importers of "smsrep db import", which
 * read files from outside (the FTC's published CSV, operators' lists) into an
 * overlay. Input: byte 0 chooses the importer (even: ftc-dnc, odd: an
 * operator list); the rest is the file. The overlay lives in memory. Every
 * input must end in success or in one message naming the file and line,
 * never a crash, and a failure must leave the transaction unfinished. */
#include "fuzz_common.h"

#include "import.h"

static smsrep_db *reference;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char err[SMSREP_ERRBUF_SIZE];
    (void)argc;
    (void)argv;
    if (smsrep_open(&reference, NULL, NULL, err, sizeof err) != SMSREP_OK) {
        fprintf(stderr, "fuzz_import: cannot open the embedded database: %s\n", err);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    overlay_file o;
    csv_reader r;
    import_stats st;
    char why[600];
    int rc;

    if (size == 0)
        return 0;
    memset(why, 0, sizeof why);
    if (csv_open_buffer(&r, "fuzz.csv", data + 1, size - 1) != 0) {
        FUZZ_ASSERT(r.error[0] != '\0', "a refused buffer says why");
        csv_close(&r);
        return 0;
    }
    FUZZ_ASSERT(overlay_begin(&o, NULL, why, sizeof why) == 0, "an overlay in memory opens");
    rc = (data[0] & 1) ? import_list(&o, reference, &r, "list-fuzz", &st, why, sizeof why)
                       : import_ftc_dnc(&o, reference, &r, &st, why, sizeof why);
    if (rc == 0) {
        FUZZ_ASSERT(st.used + st.skipped <= st.rows, "no row is counted twice");
        FUZZ_ASSERT(st.not_a_number + st.bad_date == st.skipped, "every skipped row has a reason");
        FUZZ_ASSERT(overlay_commit(&o, why, sizeof why) == 0, "a finished import commits");
    } else {
        FUZZ_ASSERT(why[0] != '\0' && memchr(why, '\0', sizeof why) != NULL,
                    "a failed import says why");
        FUZZ_ASSERT(strncmp(why, "fuzz.csv:", 9) == 0, "the message names the file and line");
        overlay_abort(&o);
    }
    csv_close(&r);
    return 0;
}
