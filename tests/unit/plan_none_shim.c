/* SPDX-License-Identifier: Apache-2.0
 * plan_none_shim.c: the build without libphonenumber's phone.h (phone_none.c
 * with the compiled plan) under other names, so that test_plan_diff can hold
 * it to libphonenumber in the same process as the full build. */
#define SMSREP_HAVE_PLAN 1
#define smsrep__phone_init none__phone_init
#define smsrep__phone_parse none__phone_parse
#define smsrep__phone_parse_lpn none__phone_parse_lpn
#define smsrep__phone_short none__phone_short
#define smsrep__phone_short_of none__phone_short_of
#define smsrep__phone_region_calling_code none__phone_region_calling_code
#define smsrep__phone_plan_active none__phone_plan_active
#define smsrep__phone_plan_tally none__phone_plan_tally
#include "phone_none.c"
