/* SPDX-License-Identifier: Apache-2.0
 * catalogue.h: what a database says about itself: the sources its rows
 * cite, its versions and its row counts. Private to libsmsrep. */
#ifndef SMSREP_CATALOGUE_H
#define SMSREP_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "smsrep.h"
#include "store.h"

/* Fills a whole smsrep_source_info (the caller copies out what the
 * caller's struct_size allows); E_NOT_FOUND when no such source. */
int smsrep__catalogue_source(store_conn *c, const char *id, smsrep_source_info *out);
/* Fills a whole smsrep_db_info. */
void smsrep__catalogue_info(const store *s, smsrep_db_info *out);
/* Counts rows grouped by SMSREP_COUNT_BY_*; hands each group to put(),
 * which may stop nothing, and sets *total. */
int smsrep__catalogue_counts(const store *s, store_conn *c, uint32_t group,
                             void (*put)(void *ctx, size_t i, const smsrep_count *row),
                             void *ctx, size_t *total);

#endif
