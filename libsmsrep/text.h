/* SPDX-License-Identifier: Apache-2.0
 * text.h: what a message text claims: the brand it names (names, aliases and
 * domains from the brand table, held in memory per handle), its links, and
 * whether it reads as a one-time code or as a messaging service's automatic
 * notice. The text itself is never kept. Private to libsmsrep. */
#ifndef SMSREP_TEXT_H
#define SMSREP_TEXT_H

#include <stddef.h>

#include "smsrep.h"
#include "url.h"

typedef struct text_brand {
    char name[SMSREP_BRAND_SIZE];        /* display name */
    char source[SMSREP_SOURCE_ID_SIZE];
    char **needles;                      /* names and aliases, ASCII lower-cased */
    size_t n_needles;
    char **domains;                      /* official domains, lower case */
    size_t n_domains;
} text_brand;

typedef struct text_book {
    text_brand *b;
    size_t n, alloc;
} text_book;

/* Adds a brand: aliases and domains are '|'-separated, as in the database.
 * Returns SMSREP_OK or E_NOMEM. */
int smsrep__text_add_brand(text_book *book, const char *name, const char *aliases,
                           const char *domains, const char *source);
void smsrep__text_free(text_book *book);

typedef struct text_findings {
    int read;                   /* a text was given */
    const text_brand *claimed;  /* the brand the text names first, NULL none */
    url_hosts hosts;            /* its links' hosts */
    int foreign;                /* index in hosts of the first host not on the claimed
                                   brand's domains (shorteners aside), -1 none */
    int foreign_punycode;       /* that host holds an xn-- label */
    int punycode;               /* index in hosts of the first host with an xn--
                                   label, -1 none */
    int shortened;              /* some host is a link shortener */
    int notice;                 /* a messaging service's automatic notice */
    int code;                   /* reads as a one-time code */
} text_findings;

/* Reads text[0..len): at most SMSREP_TEXT_MAX bytes, and only up to the
 * first byte that is not UTF-8. */
void smsrep__text_scan(const text_book *book, const char *text, size_t len, text_findings *out);

#endif
