/* SPDX-License-Identifier: Apache-2.0
 * version.c: the run-time twins of the version macros in smsrep.h, and the
 * versions of the data the library reads. */
#include "smsrep.h"

#include "tables.h"

#ifndef SMSREP_PHONENUMBER_VERSION
#error "the build must define SMSREP_PHONENUMBER_VERSION"
#endif

uint32_t smsrep_version_number(void)
{
    return SMSREP_VERSION_NUMBER;
}

const char *smsrep_version_string(void)
{
    return SMSREP_VERSION_STRING;
}

const char *smsrep_phonenumber_version(void)
{
    return SMSREP_PHONENUMBER_VERSION;
}

uint32_t smsrep_schema_version(void)
{
    return SMSREP__SCHEMA_VERSION;
}
