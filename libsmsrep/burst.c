/* SPDX-License-Identifier: Apache-2.0
 * burst.c: the SMS-bombing tracker. Per recipient it remembers the senders
 * seen lately (hashed, never stored) with the time of their last code or
 * junk message, and counts those within the window. Fixed arrays sized at
 * creation; a recipient is found through a keyed hash index (burst_index.c)
 * and, when all slots are taken, the one with the least activity among a
 * random sample gives way; in a row, the sender seen least recently.
 * A store (smsrep_burst_set_store) may answer for a fleet; this count
 * stays the answer whenever it fails. */
#include "smsrep.h"

#include "sized.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "burst_index.h"

#define DEFAULT_WINDOW 600u
#define DEFAULT_MIN_SENDERS 5u
#define DEFAULT_RECIPIENTS 1024u
#define DEFAULT_SENDERS 32u
#define MAX_SENDERS 1024u
#define MAX_RECIPIENTS (1u << 20)
/* Recipients sampled for eviction, and how far ahead of this machine's
 * clock a message's time may be before it counts as that far ahead. */
#define EVICTION_SAMPLES 8u
#define FUTURE_TOLERANCE 3600

typedef struct sender_slot {
    uint64_t key;        /* 0: empty */
    int64_t first;       /* oldest counted message of the current run */
    int64_t last;        /* latest code or junk message; 0: none */
    uint32_t count;      /* code or junk messages since first */
    uint32_t reserved;
} sender_slot;

typedef struct recipient_slot {
    uint64_t key;        /* 0: empty */
    int64_t seen;        /* latest time of any message */
    int in_burst;
} recipient_slot;

struct smsrep_burst {
    smsrep_burst_config cfg;
    pthread_mutex_t lock;
    recipient_slot *recipients;
    sender_slot *senders;    /* max_senders per recipient, in recipient order */
    burst_index index;       /* recipient key -> slot */
    uint32_t used;           /* slots taken so far; all once the tracker is full */
    smsrep_burst_store store; /* observe NULL: the process alone */
};

/* Frees what a tracker holds but its mutex. */
static void release(smsrep_burst *b)
{
    burst_index_free(&b->index);
    free(b->recipients);
    free(b->senders);
    free(b);
}

int smsrep_burst_new(smsrep_burst **out, const smsrep_burst_config *config)
{
    smsrep_burst *b;
    smsrep_burst_config c = SMSREP_BURST_CONFIG_INIT;

    if (out == NULL)
        return SMSREP_E_ARGUMENT;
    *out = NULL;
    if (config != NULL && smsrep__sized_in(&c, sizeof c, config, SMSREP_BURST_CONFIG_SIZE_0_2) !=
                              SMSREP_OK)
        return SMSREP_E_STRUCT_SIZE;
    c.struct_size = sizeof c;
    if (c.window == 0)
        c.window = DEFAULT_WINDOW;
    if (c.min_senders == 0)
        c.min_senders = DEFAULT_MIN_SENDERS;
    if (c.max_recipients == 0)
        c.max_recipients = DEFAULT_RECIPIENTS;
    if (c.max_senders == 0)
        c.max_senders = DEFAULT_SENDERS;
    if (c.max_senders > MAX_SENDERS || c.max_recipients > MAX_RECIPIENTS ||
        c.min_senders > c.max_senders)
        return SMSREP_E_ARGUMENT;
    b = calloc(1, sizeof *b);
    if (b == NULL)
        return SMSREP_E_NOMEM;
    b->cfg = c;
    b->recipients = calloc(c.max_recipients, sizeof *b->recipients);
    b->senders = calloc((size_t)c.max_recipients * c.max_senders, sizeof *b->senders);
    if (b->recipients == NULL || b->senders == NULL ||
        burst_index_init(&b->index, c.max_recipients) != 0 ||
        pthread_mutex_init(&b->lock, NULL) != 0) {
        release(b);
        return SMSREP_E_NOMEM;
    }
    *out = b;
    return SMSREP_OK;
}

void smsrep_burst_free(smsrep_burst *b)
{
    if (b != NULL) {
        pthread_mutex_destroy(&b->lock);
        release(b);
    }
}

/* How much a recipient has going on: its code or junk senders within the
 * window before its latest message, and whether it is under a burst. */
static uint64_t activity(const smsrep_burst *b, size_t slot)
{
    const recipient_slot *r = &b->recipients[slot];
    const sender_slot *row = b->senders + slot * b->cfg.max_senders;
    uint64_t active = 0;
    uint32_t i;
    for (i = 0; i < b->cfg.max_senders; i++)
        active += row[i].key != 0 && row[i].last != 0 && row[i].last > r->seen - b->cfg.window;
    return ((uint64_t)(r->in_burst != 0) << 32) | active;
}

/* The slot a new recipient takes when all are in use: the least active of
 * a random sample, the least recently seen among equals. A flood of new
 * recipients cannot choose whom it pushes out, and a recipient under a
 * burst, or with senders in its window, outlasts idle ones. */
static size_t victim_of(smsrep_burst *b)
{
    uint32_t n = b->cfg.max_recipients, k, samples = n < EVICTION_SAMPLES ? n : EVICTION_SAMPLES;
    size_t best = 0;
    uint64_t best_activity = UINT64_MAX;
    for (k = 0; k < samples; k++) {
        size_t i = samples == n ? k : burst_index_random(&b->index, n);
        uint64_t a = activity(b, i);
        if (a < best_activity ||
            (a == best_activity && b->recipients[i].seen < b->recipients[best].seen)) {
            best = i;
            best_activity = a;
        }
    }
    return best;
}

/* The recipient's slot, through the index; a new recipient takes a free
 * slot or a victim's (forgetting its senders). */
static size_t recipient_index(smsrep_burst *b, uint64_t key, int64_t time)
{
    uint32_t found = burst_index_find(&b->index, key);
    size_t victim;
    if (found != BURST_INDEX_NONE)
        return found;
    if (b->used < b->cfg.max_recipients) {
        victim = b->used++;
    } else {
        victim = victim_of(b);
        burst_index_remove(&b->index, b->recipients[victim].key);
    }
    burst_index_put(&b->index, key, (uint32_t)victim);
    b->recipients[victim].key = key;
    b->recipients[victim].seen = time;
    b->recipients[victim].in_burst = 0;
    memset(b->senders + victim * b->cfg.max_senders, 0, b->cfg.max_senders * sizeof *b->senders);
    return victim;
}

/* A message's time, kept between 1 (0 marks "none") and FUTURE_TOLERANCE
 * past this machine's clock: a message dated in 2100, or INT64_MIN, can
 * neither hide later messages nor overflow the window's arithmetic. */
static int64_t plausible(int64_t t)
{
    int64_t latest = (int64_t)time(NULL) + FUTURE_TOLERANCE;
    if (t > latest)
        return latest;
    return t < 1 ? 1 : t;
}

/* The sender's slot in a recipient's row, taking an empty one or the one
 * whose last counted message is oldest (never-counted ones first). */
static sender_slot *sender_of(sender_slot *row, uint32_t n, uint64_t key)
{
    uint32_t i, victim = 0;
    int empty = 0;
    for (i = 0; i < n; i++) {
        if (row[i].key == key)
            return &row[i];
        if (empty)
            continue;
        if (row[i].key == 0) {
            victim = i;
            empty = 1;
        } else if (row[i].last < row[victim].last) {
            victim = i;
        }
    }
    memset(&row[victim], 0, sizeof row[victim]);
    row[victim].key = key;
    return &row[victim];
}

/* This tracker's own count for one message (time already clamped). */
static void local_observe(smsrep_burst *b, const char *recipient, size_t recipient_len,
                          const char *sender, size_t sender_len, int64_t time, uint32_t flags,
                          smsrep_burst_state *st)
{
    recipient_slot *r;
    sender_slot *row, *s;
    int64_t from, to;
    uint32_t i;
    size_t ri;

    pthread_mutex_lock(&b->lock);
    ri = recipient_index(b, burst_index_hash(&b->index, recipient, recipient_len), time);
    r = &b->recipients[ri];
    row = b->senders + ri * b->cfg.max_senders;
    if (time > r->seen)
        r->seen = time;
    /* The window is this message's own: a later-dated message elsewhere in
     * the row does not push it out. */
    from = time - (int64_t)b->cfg.window;
    to = time + (int64_t)b->cfg.window;

    s = sender_of(row, b->cfg.max_senders, burst_index_hash(&b->index, sender, sender_len));
    if (flags & (SMSREP_BURST_CODE | SMSREP_BURST_JUNK)) {
        if (s->last == 0 || s->last < time - (int64_t)b->cfg.window) {
            s->first = time;
            s->count = 0;
        }
        if (time < s->first)
            s->first = time;
        if (time > s->last)
            s->last = time;
        s->count++;
    }
    for (i = 0; i < b->cfg.max_senders; i++) {
        if (row[i].key == 0 || row[i].last == 0 || row[i].last <= from || row[i].first >= to)
            continue;
        st->senders++;
        st->messages += row[i].count;
        if (st->since == 0 || row[i].first < st->since)
            st->since = row[i].first;
    }
    st->in_burst = st->senders >= b->cfg.min_senders;
    st->started = st->in_burst && !r->in_burst;
    r->in_burst = (int)st->in_burst;
    pthread_mutex_unlock(&b->lock);
}

int smsrep_burst_set_store(smsrep_burst *b, const smsrep_burst_store *store)
{
    smsrep_burst_store st = SMSREP_BURST_STORE_INIT;
    if (b == NULL)
        return SMSREP_E_ARGUMENT;
    if (store != NULL) {
        if (smsrep__sized_in(&st, sizeof st, store, SMSREP_BURST_STORE_SIZE_0_3) != SMSREP_OK)
            return SMSREP_E_STRUCT_SIZE;
        if (st.observe == NULL)
            return SMSREP_E_ARGUMENT;
        st.struct_size = sizeof st;
    }
    b->store = st;
    return SMSREP_OK;
}

int smsrep_burst_observe(smsrep_burst *b, const char *recipient, size_t recipient_len,
                         const char *sender, size_t sender_len, int64_t time, uint32_t flags,
                         smsrep_burst_state *out)
{
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;

    if (b == NULL || out == NULL || recipient == NULL || sender == NULL || recipient_len == 0 ||
        sender_len == 0)
        return SMSREP_E_ARGUMENT;
    if (smsrep__sized_check(out, SMSREP_BURST_STATE_SIZE_0_2) != SMSREP_OK)
        return SMSREP_E_STRUCT_SIZE;

    time = plausible(time);
    local_observe(b, recipient, recipient_len, sender, sender_len, time, flags, &st);
    if (b->store.observe != NULL) {
        /* Outside the lock: a slow store holds up only its own caller. */
        smsrep_burst_state shared = st;
        if (b->store.observe(b->store.ctx, &b->cfg, recipient, recipient_len, sender, sender_len,
                             time, flags, &shared) == SMSREP_OK) {
            shared.struct_size = st.struct_size;
            shared.degraded = 0;
            st = shared;
        } else {
            st.degraded = 1;
        }
    }
    smsrep__sized_out(out, &st, sizeof st);
    return SMSREP_OK;
}
