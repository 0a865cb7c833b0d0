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
    uint8_t regions;     /* how many regions use the code (at most 31) */
    uint16_t region;     /* the first in smsrep__plan_region_table, the main one */
    uint16_t start;      /* start state in smsrep__plan_next, 0 when fallback */
    char digits[4];      /* the code as text */
} plan_code;

/* plan_region.flags */
#define PLAN_NP_UNKNOWN 1u    /* national_prefix_for_parsing not compiled */
#define PLAN_IDD_UNKNOWN 2u   /* international_prefix not compiled */
#define PLAN_NP_TRANSFORM 4u  /* national_prefix_transform_rule set */
#define PLAN_SHORT_UNKNOWN 8u /* short-number patterns not compiled */

typedef struct plan_region {
    char id[4];          /* "US", "001" */
    uint8_t code;        /* index in smsrep__plan_codes */
    uint8_t index;       /* in the code's regions; bit of plan_row.general */
    uint8_t flags;
    uint16_t np_start;   /* in smsrep__plan_prefix_next, 0 when none */
    uint16_t idd_start;  /* the same for international_prefix */
    uint16_t short_start; /* in smsrep__plan_short_next, 0 when no short numbers */
    uint32_t strip_lengths; /* NSN lengths at which Parse keeps a stripped prefix */
    uint32_t too_long_lengths; /* lengths TestNumberLength calls TOO_LONG */
} plan_region;

typedef struct plan_row {
    /* per NSN length: 0 (invalid) or (region index in the code + 1) << 4 |
     * enum smsrep_number_type */
    uint16_t verdict[PLAN_NSN_MAX + 1];
    uint32_t general;    /* regions whose general_desc pattern matches, any length */
} plan_row;

/* FNV-1a 64 of the serialized metadata the tables were made from, the
 * short-number metadata after the rest, and their sizes. */
extern const uint64_t smsrep__plan_metadata_hash;
extern const uint32_t smsrep__plan_metadata_size;
extern const uint32_t smsrep__plan_short_metadata_size;

extern const plan_code smsrep__plan_codes[];   /* sorted by cc */
extern const size_t smsrep__plan_code_count;
/* Per calling code below 1000: its index in smsrep__plan_codes + 1, or 0. */
extern const uint8_t smsrep__plan_code_at[1000];
extern const plan_region smsrep__plan_region_table[]; /* by code, then libphonenumber's order */
extern const size_t smsrep__plan_region_count;
/* Per two-letter region ('A'..'Z' twice): its index + 1, or 0. */
extern const uint16_t smsrep__plan_region_at[26 * 26];

/* Per state the next state on each digit; state 0 is dead. */
extern const uint16_t smsrep__plan_next[][10];
extern const uint16_t smsrep__plan_state_row[];
extern const plan_row smsrep__plan_rows[];

/* Prefix automata: a state reached after some digits that accepts means
 * those digits match the pattern; column 10 is the end of the input, which
 * "$" matches. */
#define PLAN_END 10
extern const uint16_t smsrep__plan_prefix_next[][11];
extern const uint8_t smsrep__plan_prefix_accept[];

/* Short numbers dialled in a region: per state a row, per NSN length bit 0
 * valid, bit 1 an SMS service, bits 2-3 enum smsrep_reply_cost. */
extern const uint16_t smsrep__plan_short_next[][10];
extern const uint16_t smsrep__plan_short_state_row[];
extern const uint8_t smsrep__plan_short_rows[][PLAN_NSN_MAX + 1];

#ifdef __cplusplus
}
#endif
#endif
