/* SPDX-License-Identifier: Apache-2.0
 * text.h: what a message text claims: the brand it names (names, aliases and
 * domains from the brand table, held in memory per handle, with the brands'
 * declarations that their senders are complete), its links, callback
 * numbers and lure phrases, and whether it reads as a one-time code or as a
 * messaging service's automatic notice (phrases from the phrase table). The
 * text itself is never kept. Private to libsmsrep. */
#ifndef SMSREP_TEXT_H
#define SMSREP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "smsrep.h"
#include "url.h"

/* The kinds of the phrase table, in the order the store reads them. A
 * messaging app's name (WhatsApp, Telegram, LINE ID) is no lure by itself:
 * beside one it is a way to act, as a link or a number is. */
enum phrase_kind {
    PHRASE_LURE,
    PHRASE_CODE_WORD,
    PHRASE_NOTICE,
    PHRASE_SHORTENER,
    PHRASE_APP,
    PHRASE_KINDS
};

typedef struct text_phrase {
    char *text;                          /* ASCII letters lower-cased */
    char category[16];                   /* lures: what the lure asks; "" otherwise */
    int demands;                         /* a lure asking to pay or to enter credentials */
    int credentials;                     /* a lure asking to verify or sign in: the
                                            purpose a one-time code states too */
    int own_number;                      /* a lure that gives the sender's own new
                                            number: a number in it is no call-back */
    char source[SMSREP_SOURCE_ID_SIZE];
} text_phrase;

/* The kinds of sender a declaration covers. */
#define DECLARED_NUMBER 1u
#define DECLARED_SHORT_CODE 2u
#define DECLARED_SENDER_ID 4u
/* Not a complete list: the brand says its SMS may show a carrier's relay
 * number here (a number shared by many senders, never a declaration that
 * its senders are complete). */
#define DECLARED_CARRIER_RELAY 8u

typedef struct text_declaration {
    char region[4];                      /* the recipients' country */
    unsigned scope;                      /* DECLARED_* bits */
    char source[SMSREP_SOURCE_ID_SIZE];
} text_declaration;

typedef struct text_brand {
    char name[SMSREP_BRAND_SIZE];        /* display name */
    text_declaration *declared;          /* its senders are complete here */
    size_t n_declared;
    char source[SMSREP_SOURCE_ID_SIZE];
    char **needles;                      /* names and aliases, ASCII lower-cased */
    size_t n_needles;
    char **domains;                      /* official domains, lower case */
    size_t n_domains;
} text_brand;

typedef struct text_book {
    text_brand *b;
    size_t n, alloc;
    text_phrase *phrases[PHRASE_KINDS];
    size_t n_phrases[PHRASE_KINDS], alloc_phrases[PHRASE_KINDS];
} text_book;

/* Adds a brand: aliases and domains are '|'-separated, as in the database.
 * Returns SMSREP_OK or E_NOMEM. */
int smsrep__text_add_brand(text_book *book, const char *name, const char *aliases,
                           const char *domains, const char *source);
/* Adds a phrase of a kind (enum phrase_kind). Returns SMSREP_OK or E_NOMEM. */
int smsrep__text_add_phrase(text_book *book, int kind, const char *category,
                            const char *phrase, const char *source);
/* Adds a brand's declaration (scope "all", "number", "short_code" or
 * "sender_id"); one for a brand the book lacks, or of another scope, is
 * left out. Returns SMSREP_OK or E_NOMEM. */
int smsrep__text_add_declaration(text_book *book, const char *brand_name, const char *region,
                                 const char *scope, const char *source);
void smsrep__text_free(text_book *book);

/* The brand of this display name, NULL none. */
const text_brand *smsrep__text_brand_named(const text_book *book, const char *name);
/* The source of b's declaration that its senders of this kind (enum
 * smsrep_kind) for recipients in region are complete; NULL none. */
const char *smsrep__text_declared(const text_brand *b, const char *region, uint32_t kind);
/* The source of b's statement that its SMS to region may show a carrier's
 * relay number, or NULL. */
const char *smsrep__text_relay(const text_brand *b, const char *region);

#define TEXT_NAMED_MAX 8 /* brands a text is read for at most */

typedef struct text_findings {
    int read;                   /* a text was given */
    const text_brand *claimed;  /* the brand the text names first, NULL none */
    const text_brand *named[TEXT_NAMED_MAX]; /* every brand it names, in book order */
    size_t n_named;
    url_hosts hosts;            /* its links' hosts */
    int foreign;                /* index in hosts of the first host not on the claimed
                                   brand's domains (shorteners aside), -1 none */
    int foreign_punycode;       /* that host holds an xn-- label */
    int punycode;               /* index in hosts of the first host with an xn--
                                   label, -1 none */
    int shortened;              /* some host is a link shortener (not the claimed
                                   brand's own) */
    int masked;                 /* a link whose host is hidden: "https://~", "hxxp", "[.]" */
    int notice;                 /* a messaging service's automatic notice */
    int code;                   /* reads as a one-time code */
    const text_phrase *lure;    /* the first lure phrase in the text, NULL none; in a
                                   one-time code, credential lures are the code's
                                   own purpose and left out */
    const text_phrase *demand;  /* the first lure asking to pay or for credentials */
    const text_phrase *app;     /* the first messaging app named as a word, NULL none */
    int callback;               /* a phone number to call or to reply to */
    char callback_text[SMSREP_PHRASE_SIZE]; /* as the text writes it */
} text_findings;

/* Reads text[0..len): at most SMSREP_TEXT_MAX bytes, and only up to the
 * first byte that is not UTF-8. */
void smsrep__text_scan(const text_book *book, const char *text, size_t len, text_findings *out);

/* The index in t's hosts of the first link off brand b's domains (link
 * shorteners aside), -1 none; *puny says whether it holds an xn-- label. */
int smsrep__text_off_brand(const text_book *book, const text_findings *t, const text_brand *b,
                           int *puny);
/* Does t hold a link through a shortener other than brand b's own (b
 * NULL: any shortener)? */
int smsrep__text_shortened(const text_book *book, const text_findings *t, const text_brand *b);
/* Is host one of the book's link shorteners (or a name under one)? */
int smsrep__text_shortener(const text_book *book, const char *host);

#endif
