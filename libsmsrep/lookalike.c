/* SPDX-License-Identifier: Apache-2.0
 * lookalike.c: matches an alphanumeric sender ID against every brand name,
 * registered and generic sender ID by canonical form, by loose key (UTS #39
 * skeleton plus digit-for-letter swaps) and by containment at word edges. */
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

static void join(const char *loose, char *out, size_t cap)
{
    size_t n = 0;
    for (; *loose != '\0' && n + 1 < cap; loose++)
        if (*loose != ' ')
            out[n++] = *loose;
    out[n] = '\0';
}

int smsrep__lookalike_add(lookalike_set *set, int kind, const char *region,
                          const char *canonical, const char *skeleton, const char *brand,
                          const char *source)
{
    lookalike_target *t;

    if (kind < TARGET_BRAND_NAME || kind > TARGET_GENERIC ||
        strlen(canonical) >= sizeof t->canonical)
        return SMSREP_OK;
    if ((t = smsrep__grow(set->t, &set->alloc, set->n, sizeof *t, 256)) == NULL)
        return SMSREP_E_NOMEM;
    set->t = t;
    t = &set->t[set->n];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    smsrep__copyz(t->region, sizeof t->region, region);
    smsrep__copyz(t->canonical, sizeof t->canonical, canonical);
    smsrep__copyz(t->brand, sizeof t->brand, brand);
    smsrep__copyz(t->source, sizeof t->source, source);
    smsrep__alnum_loose(skeleton, t->loose, sizeof t->loose);
    join(t->loose, t->joined, sizeof t->joined);
    if (t->joined[0] != '\0')
        set->n++;
    return SMSREP_OK;
}

void smsrep__lookalike_free(lookalike_set *set)
{
    free(set->t);
    set->t = NULL;
    set->n = 0;
    set->alloc = 0;
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

static int how_close(const lookalike_target *t, const alnum_form *f, const char *joined)
{
    size_t len = strlen(t->joined);

    if (strcmp(f->canonical, t->canonical) == 0)
        return LOOK_EXACT;
    if (len < MIN_ALIKE)
        return LOOK_NONE;
    if (strcmp(joined, t->joined) == 0)
        return LOOK_ALIKE;
    if (whole_words(f->loose, t->joined) ||
        (len >= LONG_NAME && strncmp(joined, t->joined, len) == 0))
        return LOOK_CONTAINS;
    return LOOK_NONE;
}

void smsrep__lookalike_brand(const lookalike_set *set, const alnum_form *f, lookalike_match *out)
{
    char joined[ALNUM_LOOSE_SIZE];
    size_t i;

    memset(out, 0, sizeof *out);
    join(f->loose, joined, sizeof joined);
    for (i = 0; i < set->n; i++) {
        const lookalike_target *t = &set->t[i];
        int how;
        if (t->kind == TARGET_GENERIC)
            continue;
        how = how_close(t, f, joined);
        if (how > out->how ||
            (how == out->how && how != LOOK_NONE &&
             strlen(t->joined) > strlen(out->target->joined))) {
            out->how = how;
            out->target = t;
        }
    }
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
