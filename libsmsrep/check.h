/* SPDX-License-Identifier: Apache-2.0
 * check.h: one check from raw sender to verdict. Private to libsmsrep. */
#ifndef SMSREP_CHECK_H
#define SMSREP_CHECK_H

#include "smsrep.h"

/* Runs a check whose arguments api.c has validated: region is "" or an
 * upper-case region with calling code recipient_cc. Fills the whole of *v. */
int smsrep__check_run(smsrep_db *db, const smsrep_query *q, const char *region,
                      uint32_t recipient_cc, smsrep_verdict *v);

#endif
