/* SPDX-License-Identifier: Apache-2.0
 * lookalike.c: matches an alphanumeric sender ID against every brand name,
 * registered and generic sender ID by canonical form, by loose key (UTS #39
 * skeleton plus digit-for-letter swaps), by one edit from a brand name, and
 * by containment at word edges or beside a country or purpose word.
 *
 * The edit match compares the ID's "cores" (the whole ID, each of its words,
 * the ID without an affix word at either end) with each brand name in one
 * pass over the names; a core that is itself some name, or an ordinary word,
 * is never taken for a near miss. Cost: a length test per core and name,
 * and a linear comparison only when the lengths differ by at most one. */
#include "lookalike.h"

#include "grow.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Names shorter than this (in bytes of the joined loose key) match only
 * exactly; a name must be at least LONG_NAME long to be found at the start
 * of a longer ID without a separator. */
#define MIN_ALIKE 3
#define LONG_NAME 5
/* Names shorter than this (letters of the edit key) get no edit match: one
 * edit from a four-letter name is too many ordinary words. */
#define MIN_EDIT 5
/* The parts of an ID compared for edits: the whole, words, ends stripped. */
#define MAX_CORES 12

static void join(const char *loose, char *out, size_t cap)
{
    size_t n = 0;
    for (; *loose != '\0' && n + 1 < cap; loose++)
        if (*loose != ' ')
            out[n++] = *loose;
    out[n] = '\0';
}

/* The key one-letter edits are counted on: the skeleton writes "m" as
 * "rn", so "AMMAZON" would be two edits from "AMAZON" without this. Writes
 * "" for keys that are not ASCII: a byte edit is then no letter edit. */
static void edit_key(const char *joined, char *out, size_t cap)
{
    size_t n = 0;
    for (; *joined != '\0' && n + 1 < cap; joined++) {
        if ((unsigned char)*joined >= 0x80) {
            n = 0;
            break;
        }
        if (joined[0] == 'R' && joined[1] == 'N') {
            out[n++] = 'M';
            joined++;
        } else {
            out[n++] = *joined;
        }
    }
    out[n] = '\0';
}

/* A brand name that is itself an ordinary word ("THREE", "CHASE") has
 * ordinary words all around it (THERE, TREE; CASE, PHASE): it gets no edit
 * match, whichever of the two was loaded first. */
static void no_edits_for_words(lookalike_set *set, lookalike_target *added)
{
    size_t i;
    if (added->kind == TARGET_ORDINARY) {
        for (i = 0; i < set->n; i++)
            if (set->t[i].kind == TARGET_BRAND_NAME &&
                strcmp(set->t[i].joined, added->joined) == 0) {
                set->t[i].edit_len = 0;
                set->t[i].word = 1;
            }
        return;
    }
    for (i = 0; added->kind == TARGET_BRAND_NAME && i < set->nw; i++)
        if (set->w[i].kind == TARGET_ORDINARY && strcmp(set->w[i].joined, added->joined) == 0) {
            added->edit_len = 0;
            added->word = 1;
        }
}

int smsrep__lookalike_add(lookalike_set *set, int kind, const char *region,
                          const char *canonical, const char *skeleton, const char *brand,
                          const char *source)
{
    lookalike_target *t, **arr;
    size_t *n, *alloc;
    int word = kind == TARGET_AFFIX || kind == TARGET_ORDINARY;

    if (kind < TARGET_BRAND_NAME || kind > TARGET_ORDINARY ||
        strlen(canonical) >= sizeof t->canonical)
        return SMSREP_OK;
    arr = word ? &set->w : &set->t;
    n = word ? &set->nw : &set->n;
    alloc = word ? &set->walloc : &set->alloc;
    if ((t = smsrep__grow(*arr, alloc, *n, sizeof *t, 256)) == NULL)
        return SMSREP_E_NOMEM;
    *arr = t;
    t = &(*arr)[*n];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    smsrep__copyz(t->region, sizeof t->region, region);
    smsrep__copyz(t->canonical, sizeof t->canonical, canonical);
    smsrep__copyz(t->brand, sizeof t->brand, brand);
    smsrep__copyz(t->source, sizeof t->source, source);
    smsrep__alnum_loose(skeleton, t->loose, sizeof t->loose);
    join(t->loose, t->joined, sizeof t->joined);
    if (kind != TARGET_SENDER_ID && kind != TARGET_GENERIC) {
        edit_key(t->joined, t->edit, sizeof t->edit);
        if (kind == TARGET_BRAND_NAME && strlen(t->edit) < MIN_EDIT)
            t->edit[0] = '\0';
    }
    t->joined_len = strlen(t->joined);
    t->edit_len = strlen(t->edit);
    if (t->joined[0] == '\0')
        return SMSREP_OK;
    no_edits_for_words(set, t);
    (*n)++;
    return SMSREP_OK;
}

void smsrep__lookalike_free(lookalike_set *set)
{
    free(set->t);
    free(set->w);
    memset(set, 0, sizeof *set);
}

/* Does name (a joined key) equal one or more whole consecutive words of
 * the loose key? */
static int whole_words(const char *loose, const char *name)
{
    size_t want = strlen(name);
    const char *start = loose;

    while (*start != '\0') {
        const char *p = start;
        size_t got = 0;
        while (got < want) {
            if (*p == ' ') {
                p++;
                continue;
            }
            if (*p == '\0' || *p != name[got])
                break;
            p++;
            got++;
        }
        if (got == want && (*p == ' ' || *p == '\0'))
            return 1;
        start = strchr(start, ' ');
        if (start == NULL)
            break;
        start++;
    }
    return 0;
}

/* Is s[0..len) a word of this kind (TARGET_AFFIX: a country or purpose
 * word; TARGET_ORDINARY: an ordinary word)? */
static int is_word(const lookalike_set *set, int kind, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < set->nw; i++)
        if (set->w[i].kind == kind && set->w[i].joined_len == len &&
            memcmp(set->w[i].joined, s, len) == 0)
            return 1;
    return 0;
}

/* The words of an ID: its joined key and, when it has more than one, each
 * word of its loose key. */
typedef struct id_parts {
    char joined[ALNUM_LOOSE_SIZE];
    size_t joined_len;
    int ordinary;                         /* the whole ID is an ordinary word */
    const char *word[MAX_CORES];
    size_t word_len[MAX_CORES];
    int word_ordinary[MAX_CORES];
    size_t words;
    struct {                              /* parts compared for one edit */
        char key[ALNUM_LOOSE_SIZE];       /* joined form */
        char edit[ALNUM_LOOSE_SIZE];      /* edit_key() of it */
        size_t key_len, len;              /* strlen(key), strlen(edit) */
        int is_name;                      /* some name has this very key */
        const lookalike_target *near;     /* the longest name one edit away */
    } core[MAX_CORES];
    size_t cores;
} id_parts;

static void add_core(const lookalike_set *set, id_parts *p, const char *s, size_t len)
{
    size_t i;
    if (p->cores == MAX_CORES || len + 1 > sizeof p->core[0].key || len + 1 < MIN_EDIT)
        return;
    for (i = 0; i < p->cores; i++)
        if (p->core[i].key_len == len && memcmp(p->core[i].key, s, len) == 0)
            return;
    if (is_word(set, TARGET_ORDINARY, s, len))
        return;
    memcpy(p->core[p->cores].key, s, len);
    p->core[p->cores].key[len] = '\0';
    p->core[p->cores].key_len = len;
    edit_key(p->core[p->cores].key, p->core[p->cores].edit, sizeof p->core[0].edit);
    p->core[p->cores].len = strlen(p->core[p->cores].edit);
    if (p->core[p->cores].len + 1 < MIN_EDIT)
        return; /* one edit can't reach a name of MIN_EDIT letters */
    p->core[p->cores].is_name = 0;
    p->core[p->cores].near = NULL;
    p->cores++;
}

static void split(const lookalike_set *set, const alnum_form *f, id_parts *p)
{
    const char *s = f->loose;
    size_t jl, i;

    p->words = 0;
    p->cores = 0;
    join(f->loose, p->joined, sizeof p->joined);
    jl = p->joined_len = strlen(p->joined);
    p->ordinary = is_word(set, TARGET_ORDINARY, p->joined, jl);
    while (*s != '\0' && p->words < MAX_CORES) {
        size_t len = strcspn(s, " ");
        p->word[p->words] = s;
        p->word_ordinary[p->words] = is_word(set, TARGET_ORDINARY, s, len);
        p->word_len[p->words++] = len;
        s += len;
        if (*s == ' ')
            s++;
    }
    add_core(set, p, p->joined, jl);
    for (i = 0; p->words > 1 && i < p->words; i++)
        add_core(set, p, p->word[i], p->word_len[i]);
    for (i = 0; i < set->nw; i++) {
        const lookalike_target *w = &set->w[i];
        size_t al = w->joined_len;
        if (w->kind != TARGET_AFFIX || al >= jl)
            continue;
        if (memcmp(p->joined, w->joined, al) == 0)
            add_core(set, p, p->joined + al, jl - al);
        if (memcmp(p->joined + jl - al, w->joined, al) == 0)
            add_core(set, p, p->joined, jl - al);
    }
}

/* Is a one substitution, insertion, deletion or swap of neighbours from b
 * (optimal string alignment distance exactly 1)? */
static int one_edit(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;

    if (na > nb + 1 || nb > na + 1)
        return 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (na == nb) {
        if (i == na)
            return 0;
        if (memcmp(a + i + 1, b + i + 1, na - i - 1) == 0)
            return 1;
        return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               memcmp(a + i + 2, b + i + 2, na - i - 2) == 0;
    }
    if (na > nb)
        return memcmp(a + i + 1, b + i, nb - i) == 0;
    return memcmp(a + i, b + i + 1, na - i) == 0;
}

/* Does the name (a joined key of len bytes) start or end word[0..wl), the
 * rest of the word being a country or purpose word, or (when any_tail:
 * names of LONG_NAME or more that are no ordinary word) anything after it? */
static int joined_to(const lookalike_set *set, const char *word, size_t wl, const char *name,
                     size_t len, int any_tail)
{
    if (wl <= len)
        return 0;
    if (memcmp(word, name, len) == 0 &&
        (any_tail || is_word(set, TARGET_AFFIX, word + len, wl - len)))
        return 1;
    return memcmp(word + wl - len, name, len) == 0 && is_word(set, TARGET_AFFIX, word, wl - len);
}

/* Do canonical forms a and b hold the same letters and digits once the
 * separators UK operators allow (space . & _ -) are left out? */
static int same_but_separators(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '.' || *a == '&' || *a == '_' || *a == '-')
            a++;
        while (*b == ' ' || *b == '.' || *b == '&' || *b == '_' || *b == '-')
            b++;
        if (*a != *b)
            return 0;
        if (*a == '\0')
            return 1;
        a++;
        b++;
    }
}

static int how_close(const lookalike_set *set, const lookalike_target *t, const alnum_form *f,
                     const id_parts *p)
{
    size_t len = t->joined_len, i;
    int any_tail = len >= LONG_NAME && !t->word;

    if (strcmp(f->canonical, t->canonical) == 0)
        return LOOK_EXACT;
    /* A brand's name with its words joined or split otherwise ("RoyalMail",
     * "Royal_Mail") is still its name: an ID of at most 11 characters often
     * cannot hold the space. A registered ID stays exact to the letter. */
    if (t->kind == TARGET_BRAND_NAME && same_but_separators(f->canonical, t->canonical))
        return LOOK_EXACT;
    if (len < MIN_ALIKE || len > p->joined_len)
        return LOOK_NONE;
    if (len == p->joined_len)
        return memcmp(p->joined, t->joined, len) == 0 ? LOOK_ALIKE : LOOK_NONE;
    if (whole_words(f->loose, t->joined) ||
        (!p->ordinary && joined_to(set, p->joined, p->joined_len, t->joined, len, any_tail)))
        return LOOK_CONTAINS;
    for (i = 0; p->words > 1 && i < p->words; i++)
        if (!p->word_ordinary[i] &&
            joined_to(set, p->word[i], p->word_len[i], t->joined, len, any_tail))
            return LOOK_CONTAINS;
    return LOOK_NONE;
}

static void take(lookalike_match *out, int how, const lookalike_target *t)
{
    if (how > out->how ||
        (how == out->how && how != LOOK_NONE && t->joined_len > out->target->joined_len)) {
        out->how = how;
        out->target = t;
    }
}

void smsrep__lookalike_brand(const lookalike_set *set, const alnum_form *f, lookalike_match *out)
{
    id_parts p;
    size_t i, c;

    memset(out, 0, sizeof *out);
    split(set, f, &p);
    for (i = 0; i < set->n; i++) {
        const lookalike_target *t = &set->t[i];
        size_t tl = t->edit_len;
        if (t->kind == TARGET_GENERIC)
            continue;
        take(out, how_close(set, t, f, &p), t);
        for (c = 0; c < p.cores; c++) {
            if (p.core[c].key_len == t->joined_len &&
                memcmp(p.core[c].key, t->joined, t->joined_len) == 0)
                p.core[c].is_name = 1;
            else if (tl > 0 && t->kind == TARGET_BRAND_NAME && p.core[c].len + 1 >= tl &&
                     p.core[c].len <= tl + 1 &&
                     one_edit(p.core[c].edit, p.core[c].len, t->edit, tl) &&
                     (p.core[c].near == NULL || t->joined_len > p.core[c].near->joined_len))
                p.core[c].near = t;
        }
    }
    for (c = 0; c < p.cores; c++)
        if (!p.core[c].is_name && p.core[c].near != NULL)
            take(out, LOOK_NEAR, p.core[c].near);
}

void smsrep__lookalike_generic(const lookalike_set *set, const char *region, const alnum_form *f,
                               lookalike_match *out)
{
    char joined[ALNUM_LOOSE_SIZE];
    size_t i;

    memset(out, 0, sizeof *out);
    join(f->loose, joined, sizeof joined);
    for (i = 0; i < set->n && out->how != LOOK_EXACT; i++) {
        const lookalike_target *t = &set->t[i];
        if (t->kind != TARGET_GENERIC || strcmp(t->region, region) != 0)
            continue;
        if (strcmp(f->canonical, t->canonical) == 0) {
            out->how = LOOK_EXACT;
            out->target = t;
        } else if (out->how == LOOK_NONE && strcmp(joined, t->joined) == 0) {
            out->how = LOOK_ALIKE;
            out->target = t;
        }
    }
}
