/* SPDX-License-Identifier: Apache-2.0
 * test_dlt.c: India's DLT headers read into the access provider's and
 * service area's letters, header and message class, and what is not one;
 * what the letters name is looked up in the database (test_store.c). */
#include "testing.h"

#include "dlt.h"
#include "smsrep.h"

static void headers(void **state)
{
    static const struct {
        const char *id;
        int shaped, numeric;
        uint32_t cls;
        const char *header, *letters;
    } rows[] = {
        { "VM-HDFCBK-S", 1, 0, SMSREP_MESSAGE_SERVICE, "HDFCBK", "VM" },
        { "AD-HDFCBK-P", 1, 0, SMSREP_MESSAGE_PROMOTIONAL, "HDFCBK", "AD" },
        { "JX-AMAZON-T", 1, 0, SMSREP_MESSAGE_TRANSACTIONAL, "AMAZON", "JX" },
        { "BZ-GOVTIN-G", 1, 0, SMSREP_MESSAGE_GOVERNMENT, "GOVTIN", "BZ" },
        { "AD-123456-P", 1, 1, SMSREP_MESSAGE_PROMOTIONAL, "123456", "AD" },
        { "VM-ABCDEF", 1, 0, SMSREP_MESSAGE_NONE, "ABCDEF", "VM" },
        { "FF-ABCDEF-S", 1, 0, SMSREP_MESSAGE_SERVICE, "ABCDEF", "FF" },
        { "VM-ABCDE-S", 0, 0, 0, "", "" },     /* five characters */
        { "VM-ABCDEFG", 0, 0, 0, "", "" },     /* seven */
        { "VM-HDFCBK-X", 0, 0, 0, "", "" },    /* no such class */
        { "VM_HDFCBK-S", 0, 0, 0, "", "" },
        { "V1-HDFCBK-S", 0, 0, 0, "", "" },
        { "VM-HDFC K-S", 0, 0, 0, "", "" },
        { "HDFCBK", 0, 0, 0, "", "" },
        { "", 0, 0, 0, "", "" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        dlt_header d;
        smsrep__dlt_parse(rows[i].id, &d);
        if (d.shaped != rows[i].shaped || d.numeric != rows[i].numeric ||
            d.message_class != rows[i].cls || strcmp(d.header, rows[i].header) != 0 ||
            strcmp(d.letters, rows[i].letters) != 0)
            fail_msg("%s: shaped %d numeric %d class %u header \"%s\" letters \"%s\"", rows[i].id,
                     d.shaped, d.numeric, d.message_class, d.header, d.letters);
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(headers),
};

SMSREP_TEST_MAIN(tests)
