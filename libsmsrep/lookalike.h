/* SPDX-License-Identifier: Apache-2.0
 * lookalike.h: the names an alphanumeric sender ID may imitate (every brand
 * name and alias, every registered and generic sender ID), held in memory per
 * handle, and the matching of an ID against them. Private to libsmsrep. */
#ifndef SMSREP_LOOKALIKE_H
#define SMSREP_LOOKALIKE_H

#include <stddef.h>

#include "alnum.h"

/* Keys longer than this are never a name to imitate: brand names are shorter
 * than SMSREP_BRAND_SIZE and sender IDs than 12 characters. */
#define LOOKALIKE_KEY_SIZE 64

enum target_kind { TARGET_BRAND_NAME, TARGET_SENDER_ID, TARGET_GENERIC };

typedef struct lookalike_target {
    int kind;                              /* enum target_kind */
    char region[4];                        /* sender IDs: the recipients' country or "*" */
    char canonical[LOOKALIKE_KEY_SIZE];
    char loose[LOOKALIKE_KEY_SIZE];        /* smsrep__alnum_loose() of its skeleton */
    char joined[LOOKALIKE_KEY_SIZE];       /* loose without its spaces */
    char brand[SMSREP_BRAND_SIZE];         /* display name, "" for generic IDs */
    char source[SMSREP_SOURCE_ID_SIZE];
} lookalike_target;

typedef struct lookalike_set {
    lookalike_target *t;
    size_t n, alloc;
} lookalike_set;

/* How an ID meets a name, weakest first. */
enum lookalike_how {
    LOOK_NONE,
    LOOK_CONTAINS,   /* the name with other words: "AMAZON-JP", "RAKUTEN BANK" */
    LOOK_ALIKE,      /* the same loose key, another spelling: "AMAZ0N", "Аmazon" */
    LOOK_EXACT       /* the same canonical form */
};

typedef struct lookalike_match {
    int how;                               /* enum lookalike_how */
    const lookalike_target *target;        /* NULL when how is LOOK_NONE */
} lookalike_match;

/* Adds one name (store.c reads them from the database); names too long to
 * be imitated by a sender ID are skipped. Returns SMSREP_OK or E_NOMEM. */
int smsrep__lookalike_add(lookalike_set *set, int kind, const char *region,
                          const char *canonical, const char *skeleton, const char *brand,
                          const char *source);
void smsrep__lookalike_free(lookalike_set *set);

/* The brand name or registered sender ID that the ID comes closest to:
 * exact beats alike beats contains, a longer name beats a shorter one. A
 * name of fewer than 3 characters ("au") matches only exactly; one found
 * inside another word only when it starts the ID ("AMAZONJP", not
 * "PINEAPPLE") or stands between separators ("MY-UPS-PARCEL"). */
void smsrep__lookalike_brand(const lookalike_set *set, const alnum_form *f, lookalike_match *out);

/* A generic sender ID of the recipient's country that the ID equals or
 * spells otherwise ("V3RIFY", "_verify_"): operators block the variants too. */
void smsrep__lookalike_generic(const lookalike_set *set, const char *region, const alnum_form *f,
                               lookalike_match *out);

#endif
