/* SPDX-License-Identifier: Apache-2.0
 * lookalike.h: the names an alphanumeric sender ID may imitate (every brand
 * name and alias, every registered and generic sender ID) and the words that
 * qualify the matching (country and purpose affixes, ordinary words), held
 * in memory per handle, and the matching of an ID against them. Private to
 * libsmsrep. */
#ifndef SMSREP_LOOKALIKE_H
#define SMSREP_LOOKALIKE_H

#include <stddef.h>

#include "alnum.h"

/* Keys longer than this are never a name to imitate: brand names are shorter
 * than SMSREP_BRAND_SIZE and sender IDs than 12 characters. */
#define LOOKALIKE_KEY_SIZE 64

/* Names to imitate, then words (db/lookalike_words.csv): a country or
 * purpose word joined to a brand's name ("JP", "ALERT") makes it a
 * look-alike; an ordinary word is never one letter from a brand. */
enum target_kind {
    TARGET_BRAND_NAME, TARGET_SENDER_ID, TARGET_GENERIC, TARGET_AFFIX, TARGET_ORDINARY
};

typedef struct lookalike_target {
    int kind;                              /* enum target_kind */
    char region[4];                        /* sender IDs: the recipients' country or "*" */
    char canonical[LOOKALIKE_KEY_SIZE];
    char loose[LOOKALIKE_KEY_SIZE];        /* smsrep__alnum_loose() of its skeleton */
    char joined[LOOKALIKE_KEY_SIZE];       /* loose without its spaces */
    char brand[SMSREP_BRAND_SIZE];         /* display name, "" for generic IDs */
    char source[SMSREP_SOURCE_ID_SIZE];
    char edit[LOOKALIKE_KEY_SIZE];         /* joined with "RN" read back as "M", where
                                              one-letter edits are counted; "" when
                                              the name is too short or not ASCII */
    size_t joined_len, edit_len;           /* strlen() of joined and edit; edit_len 0:
                                              no edit match */
    int word;                              /* a brand name that is an ordinary word
                                              ("THREE"): no edits, and inside a word
                                              only beside an affix word */
} lookalike_target;

typedef struct lookalike_set {
    lookalike_target *t;                   /* names to imitate */
    size_t n, alloc;
    lookalike_target *w;                   /* affix and ordinary words */
    size_t nw, walloc;
} lookalike_set;

/* How an ID meets a name, weakest first. A name one edit away ranks above
 * a name with other words: "RAKUTEN-BNK" is Rakuten Bank with a letter
 * dropped rather than Rakuten with a word added. */
enum lookalike_how {
    LOOK_NONE,
    LOOK_CONTAINS,   /* the name with other words: "AMAZON-JP", "RAKUTEN BANK", "JPAMAZON" */
    LOOK_NEAR,       /* one edit from a name of 5 or more letters: "AMAZN", "AMAZOON",
                        "AMZAON", "AMAXON", "AMAZN-JP" */
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
 * exact beats alike beats near beats contains, a longer name beats a
 * shorter one. A name of fewer than 3 characters ("au") matches only
 * exactly. One found inside another word matches when it stands between
 * separators ("MY-UPS-PARCEL"), when it starts a word and has 5 or more
 * letters ("AMAZONJP", "MY-AMAZONJP"), or when the rest of the word is a
 * country or purpose word ("JPAMAZON", "DHLINFO"); not "PINEAPPLE",
 * "SNAPPLE", "GROUPS". Near: the ID, one of its words, or the ID without a
 * country or purpose word at one end is one substitution, insertion,
 * deletion or swap of neighbours from a brand name or alias of 5 or more
 * ASCII letters (Damerau/OSA distance 1 on the loose keys), unless that
 * part is itself a name or an ordinary word ("PAYDAY" is not PayPay). A
 * brand name that is itself listed as an ordinary word ("THREE", "TARGET")
 * gets no edit match, and inside a word matches only beside a country or
 * purpose word ("TARGETS" is no look-alike, "TARGETUK" is).
 * Registered sender IDs get no near matches: a brand's headers differ by a
 * letter (HDFCBK, HDFCBN). */
void smsrep__lookalike_brand(const lookalike_set *set, const alnum_form *f, lookalike_match *out);

/* A generic sender ID of the recipient's country that the ID equals or
 * spells otherwise ("V3RIFY", "_verify_"): operators block the variants too. */
void smsrep__lookalike_generic(const lookalike_set *set, const char *region, const alnum_form *f,
                               lookalike_match *out);

#endif
