/* SPDX-License-Identifier: Apache-2.0
 * burst.c: the SMS-bombing tracker. Per recipient it remembers the senders
 * seen lately (hashed, never stored) with the time of their last code or
 * junk message, and counts those within the window. Fixed arrays sized at
 * creation: the recipient and the sender seen least recently give way. */
#include "smsrep.h"

#include "hash.h"
#include "sized.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_WINDOW 600u
#define DEFAULT_MIN_SENDERS 5u
#define DEFAULT_RECIPIENTS 1024u
#define DEFAULT_SENDERS 32u
#define MAX_SENDERS 1024u
#define MAX_RECIPIENTS (1u << 20)

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
};

/* FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = smsrep__fnv1a(SMSREP__FNV_OFFSET, s, len);
    return h ? h : 1;
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
    if (b->recipients == NULL || b->senders == NULL || pthread_mutex_init(&b->lock, NULL) != 0) {
        free(b->recipients);
        free(b->senders);
        free(b);
        return SMSREP_E_NOMEM;
    }
    *out = b;
    return SMSREP_OK;
}

void smsrep_burst_free(smsrep_burst *b)
{
    if (b == NULL)
        return;
    pthread_mutex_destroy(&b->lock);
    free(b->recipients);
    free(b->senders);
    free(b);
}

/* The recipient's slot, taking the least recently seen one for a new
 * recipient (and forgetting its senders). */
static size_t recipient_index(smsrep_burst *b, uint64_t key, int64_t time)
{
    size_t i, victim = 0;
    int empty = 0;
    for (i = 0; i < b->cfg.max_recipients; i++) {
        const recipient_slot *r = &b->recipients[i];
        if (r->key == key)
            return i;
        if (empty)
            continue;
        if (r->key == 0) {
            victim = i;
            empty = 1;
        } else if (r->seen < b->recipients[victim].seen) {
            victim = i;
        }
    }
    b->recipients[victim].key = key;
    b->recipients[victim].seen = time;
    b->recipients[victim].in_burst = 0;
    memset(b->senders + victim * b->cfg.max_senders, 0, b->cfg.max_senders * sizeof *b->senders);
    return victim;
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

int smsrep_burst_observe(smsrep_burst *b, const char *recipient, size_t recipient_len,
                         const char *sender, size_t sender_len, int64_t time, uint32_t flags,
                         smsrep_burst_state *out)
{
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    recipient_slot *r;
    sender_slot *row, *s;
    int64_t now, from;
    uint32_t i;
    size_t ri;

    if (b == NULL || out == NULL || recipient == NULL || sender == NULL || recipient_len == 0 ||
        sender_len == 0)
        return SMSREP_E_ARGUMENT;
    if (smsrep__sized_check(out, SMSREP_BURST_STATE_SIZE_0_2) != SMSREP_OK)
        return SMSREP_E_STRUCT_SIZE;

    pthread_mutex_lock(&b->lock);
    ri = recipient_index(b, hash(recipient, recipient_len), time);
    r = &b->recipients[ri];
    row = b->senders + ri * b->cfg.max_senders;
    now = time > r->seen ? time : r->seen;
    r->seen = now;
    from = now - (int64_t)b->cfg.window;

    s = sender_of(row, b->cfg.max_senders, hash(sender, sender_len));
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
        if (row[i].key == 0 || row[i].last == 0 || row[i].last <= from)
            continue;
        st.senders++;
        st.messages += row[i].count;
        if (st.since == 0 || row[i].first < st.since)
            st.since = row[i].first;
    }
    st.in_burst = st.senders >= b->cfg.min_senders;
    st.started = st.in_burst && !r->in_burst;
    r->in_burst = (int)st.in_burst;
    pthread_mutex_unlock(&b->lock);

    smsrep__sized_out(out, &st, sizeof st);
    return SMSREP_OK;
}
