/* SPDX-License-Identifier: Apache-2.0
 * lookup.h: the queries a check makes, and the facts they return: rows,
 * counts and dates as the database holds them. What the facts mean is
 * judge.c's business. Private to libsmsrep. */
#ifndef SMSREP_LOOKUP_H
#define SMSREP_LOOKUP_H

#include <stdint.h>

#include "signals.h"
#include "smsrep.h"
#include "store.h"

enum confidence { CONF_LOW = 0, CONF_MEDIUM = 1, CONF_HIGH = 2 };

/* One matching row, whichever table it came from. */
typedef struct store_row {
    int found;
    int signal;                       /* enum signal */
    int confidence;                   /* enum confidence */
    uint32_t number_type;             /* 0 = none given */
    uint32_t reply_cost;
    char region[4];                   /* number_range: the range's country;
                                         known_number: its recipients' ("" any) */
    int carrier_display;              /* known_number: a carrier's relay display number */
    char sector[16];                  /* sender_id: the brand's sector ("bank"), "" none */
    char brand[SMSREP_BRAND_SIZE];    /* display name, "" none */
    char source[SMSREP_SOURCE_ID_SIZE];
} store_row;

/* Complaints about a number in the overlay: one entry per data set, the
 * REPORT_SETS most recently seen when there are more. */
#define REPORT_SETS 16
typedef struct report_row {
    int found;
    unsigned n;
    struct {
        uint32_t reports;                 /* complaints in this data set */
        int64_t last_day;                 /* days since 1970-01-01 of the latest */
        char source[SMSREP_SOURCE_ID_SIZE];
    } set[REPORT_SETS];
} report_row;

/* Each returns SMSREP_OK (row->found tells) or E_DB_QUERY/E_NOMEM. */
int smsrep__lookup_range(store_conn *c, const char *e164, store_row *row);
/* The row for recipients in region, else for any recipient, else for
 * recipients elsewhere (row->region tells which). */
int smsrep__lookup_known_number(store_conn *c, const char *e164, const char *region,
                                store_row *row);
int smsrep__lookup_short_code(store_conn *c, const char *region, const char *digits,
                              store_row *row);
int smsrep__lookup_sender_id(store_conn *c, const char *region, const char *canonical,
                             store_row *row);
/* What the recipient's networks do with alphanumeric IDs (row->signal
 * SIG_REGISTRY_RELABELS, SIG_DLT, SIG_OPERATOR_CHARSET or SIG_NOT_DELIVERED). */
int smsrep__lookup_alnum_rule(store_conn *c, const char *region, store_row *row);
/* What the letters of an Indian DLT header ("VM") name: the access provider
 * (first letter) and the licensed service area (second), "" for a letter
 * the database names not. SMSREP_OK or E_DB_QUERY/E_NOMEM. */
int smsrep__lookup_dlt_letters(store_conn *c, const char *letters, char *operator_name,
                               size_t operator_cap, char *circle_name, size_t circle_cap);
/* Is the calling code at the start of these E.164 digits known to be
 * unassigned? (row->signal SIG_UNALLOCATED) */
int smsrep__lookup_calling_code(store_conn *c, const char *digits, store_row *row);

/* The overlay's rules (row->signal SIG_ALLOW or SIG_DENY) and reports; all
 * find nothing when no overlay is attached. */
int smsrep__lookup_overlay_number(store_conn *c, const char *e164, store_row *row);
int smsrep__lookup_overlay_short(store_conn *c, const char *region, const char *digits,
                                 store_row *row);
int smsrep__lookup_overlay_sender(store_conn *c, const char *region, const char *canonical,
                                  store_row *row);
int smsrep__lookup_reports(store_conn *c, const char *e164, report_row *out);

#endif
