/* SPDX-License-Identifier: Apache-2.0
 * plan_tables.h: the numbering plan compiled from libphonenumber's metadata
 * by smsrep-planbuild (db/plan_build.cc) into plan_tables.c at build time.
 * Private to libsmsrep; plan_dfa.c reads it. */
#ifndef SMSREP_PLAN_TABLES_H
#define SMSREP_PLAN_TABLES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The longest national significant number libphonenumber keeps. */
#define PLAN_NSN_MAX 17

typedef struct plan_code {
    uint16_t cc;
    uint8_t fallback;    /* a pattern the compiler does not take: ask libphonenumber */
    uint8_t regions;     /* how many regions use the code */
    uint16_t region;     /* the first in smsrep__plan_region_names, the main one */
    uint16_t start;      /* start state in smsrep__plan_next, 0 when fallback */
    uint16_t np_start;   /* start in smsrep__plan_np_next, 0 when no national prefix */
} plan_code;

/* FNV-1a 64 of the serialized metadata the tables were made from. */
extern const uint64_t smsrep__plan_metadata_hash;
extern const uint32_t smsrep__plan_metadata_size;

extern const char smsrep__plan_region_names[][4];
extern const size_t smsrep__plan_region_count;
extern const plan_code smsrep__plan_codes[];   /* sorted by cc */
extern const size_t smsrep__plan_code_count;
/* Per calling code below 1000: its index in smsrep__plan_codes + 1, or 0. */
extern const uint8_t smsrep__plan_code_at[1000];

/* Per state the next state on each digit; state 0 is dead. */
extern const uint16_t smsrep__plan_next[][10];
/* Per state its row; a row gives per NSN length 0 (invalid) or
 * (region index within the code + 1) << 4 | enum smsrep_number_type. */
extern const uint16_t smsrep__plan_state_row[];
extern const uint16_t smsrep__plan_rows[][PLAN_NSN_MAX + 1];

/* The main region's national_prefix_for_parsing: a state reached after at
 * least one digit that accepts means libphonenumber would try to strip. */
extern const uint16_t smsrep__plan_np_next[][10];
extern const uint8_t smsrep__plan_np_accept[];

#ifdef __cplusplus
}
#endif
#endif
