/* SPDX-License-Identifier: Apache-2.0
 * plan_dfa.h: numbers read with the compiled numbering plan (plan_tables.h)
 * instead of libphonenumber's regular expressions. Private to libsmsrep. */
#ifndef SMSREP_PLAN_DFA_H
#define SMSREP_PLAN_DFA_H

#include "phone.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads ASCII digits that begin with a calling code, as
 * smsrep__phone_parse(digits, 1, "ZZ", out) does with libphonenumber. Returns
 * 1 when the tables decide every field of out exactly as libphonenumber
 * would, 0 when they cannot be sure (out is then unspecified) and
 * libphonenumber must be asked. */
int smsrep__plan_international(const char *digits, phone_number *out);

/* The same for digits dialled nationally in an upper-case region, as
 * smsrep__phone_parse(digits, 0, region, out): international prefix,
 * national prefix and calling code as Parse() reads them. */
int smsrep__plan_national(const char *digits, const char *region, phone_number *out);

/* What ShortNumberInfo says of a reading (as smsrep__phone_parse() left it)
 * dialled as a short number in a region, as smsrep__phone_short_of() does
 * with libphonenumber; 0 when the tables cannot be sure. */
int smsrep__plan_short_of(const phone_number *reading, const char *region, phone_short *out);

/* The calling code of a region in the tables ("JP" -> 81), or 0. */
uint32_t smsrep__plan_table_region_code(const char *region);

#ifdef __cplusplus
}
#endif
#endif
