/* SPDX-License-Identifier: Apache-2.0
 * header_c99.c: smsrep.h compiles alone as strict C99 with -Wpedantic,
 * and its initialisers raise no warnings. */
#include "smsrep.h"

int smsrep_header_c99(void);
int smsrep_header_c99(void)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_source_info s = SMSREP_SOURCE_INFO_INIT;
    smsrep_db_info i = SMSREP_DB_INFO_INIT;
    return (int)(q.struct_size + v.struct_size + s.struct_size + i.struct_size);
}
