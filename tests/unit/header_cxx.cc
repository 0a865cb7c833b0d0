// SPDX-License-Identifier: Apache-2.0
// header_cxx.cc: smsrep.h compiles alone as C++ (extern "C", no C-only syntax).
#include "smsrep.h"

int smsrep_header_cxx();
int smsrep_header_cxx()
{
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    smsrep_query q = SMSREP_QUERY_INIT;
    return static_cast<int>(v.struct_size + q.struct_size) + static_cast<int>(SMSREP_OK);
}
