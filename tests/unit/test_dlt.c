/* SPDX-License-Identifier: Apache-2.0
 * test_dlt.c: India's DLT headers read into access provider, service
 * area, header and message class, and what is not one. */
#include "testing.h"

#include "dlt.h"
#include "smsrep.h"

static void headers(void **state)
{
    static const struct {
        const char *id;
        int shaped, numeric;
        uint32_t cls;
        const char *header, *op, *circle;
    } rows[] = {
        { "VM-HDFCBK-S", 1, 0, SMSREP_MESSAGE_SERVICE, "HDFCBK", "Vodafone Idea", "Mumbai" },
        { "AD-HDFCBK-P", 1, 0, SMSREP_MESSAGE_PROMOTIONAL, "HDFCBK", "Airtel", "Delhi" },
        { "JX-AMAZON-T", 1, 0, SMSREP_MESSAGE_TRANSACTIONAL, "AMAZON", "Jio", "Karnataka" },
        { "BZ-GOVTIN-G", 1, 0, SMSREP_MESSAGE_GOVERNMENT, "GOVTIN", "BSNL", "Maharashtra" },
        { "AD-123456-P", 1, 1, SMSREP_MESSAGE_PROMOTIONAL, "123456", "Airtel", "Delhi" },
        { "VM-ABCDEF", 1, 0, SMSREP_MESSAGE_NONE, "ABCDEF", "Vodafone Idea", "Mumbai" },
        { "FF-ABCDEF-S", 1, 0, SMSREP_MESSAGE_SERVICE, "ABCDEF", "", "" }, /* letters TRAI lists not */
        { "VM-ABCDE-S", 0, 0, 0, "", "", "" },     /* five characters */
        { "VM-ABCDEFG", 0, 0, 0, "", "", "" },     /* seven */
        { "VM-HDFCBK-X", 0, 0, 0, "", "", "" },    /* no such class */
        { "VM_HDFCBK-S", 0, 0, 0, "", "", "" },
        { "V1-HDFCBK-S", 0, 0, 0, "", "", "" },
        { "VM-HDFC K-S", 0, 0, 0, "", "", "" },
        { "HDFCBK", 0, 0, 0, "", "", "" },
        { "", 0, 0, 0, "", "", "" },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        dlt_header d;
        smsrep__dlt_parse(rows[i].id, &d);
        if (d.shaped != rows[i].shaped || d.numeric != rows[i].numeric ||
            d.message_class != rows[i].cls || strcmp(d.header, rows[i].header) != 0 ||
            strcmp(d.operator_name, rows[i].op) != 0 || strcmp(d.circle_name, rows[i].circle) != 0)
            fail_msg("%s: shaped %d numeric %d class %u header \"%s\" %s/%s", rows[i].id, d.shaped,
                     d.numeric, d.message_class, d.header, d.operator_name, d.circle_name);
    }
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(headers),
};

SMSREP_TEST_MAIN(tests)
