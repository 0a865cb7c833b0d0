/* SPDX-License-Identifier: Apache-2.0
 * pool.c: lends each check a worker (a connection and its verdict cache):
 * its thread's last one by an atomic flag, else a free one under the
 * pool's mutex, else a new one. The design note is in pool.h. */
#include "pool.h"

#include <stdlib.h>

/* The worker this thread used last, and the pool it belongs to. A pool's
 * id is never reused, so a worker remembered from a closed handle is never
 * touched again. */
static _Thread_local struct {
    uint64_t pool;
    worker *w;
} mine;

static atomic_uint_fast64_t next_pool_id = 1;

static worker *worker_new(store_conn *c)
{
    worker *w = calloc(1, sizeof *w);
    if (w != NULL)
        w->conn = c;
    return w;
}

static void worker_free(worker *w)
{
    smsrep__conn_close(w->conn);
    smsrep__cache_free(&w->cache);
    free(w);
}

/* Adds a worker to the pool, idle or held by the caller. */
static void pool_add(pool *p, worker *w)
{
    pthread_mutex_lock(&p->lock);
    w->next = p->all;
    p->all = w;
    pthread_mutex_unlock(&p->lock);
}

int smsrep__pool_init(pool *p, store *s, store_conn *first)
{
    worker *w;
    p->store = NULL;
    p->all = NULL;
    p->id = atomic_fetch_add(&next_pool_id, 1);
    if (pthread_mutex_init(&p->lock, NULL) != 0) {
        smsrep__conn_close(first);
        return SMSREP_E_NOMEM;
    }
    if ((w = worker_new(first)) == NULL) {
        smsrep__conn_close(first);
        pthread_mutex_destroy(&p->lock);
        return SMSREP_E_NOMEM;
    }
    pool_add(p, w);
    p->store = s;
    return SMSREP_OK;
}

void smsrep__pool_free(pool *p)
{
    worker *w, *next;
    for (w = p->all; w != NULL; w = next) {
        next = w->next;
        worker_free(w);
    }
    p->all = NULL;
    pthread_mutex_destroy(&p->lock);
}

/* Takes a worker no other thread holds. */
static int claim(worker *w)
{
    int idle = 0;
    return atomic_compare_exchange_strong_explicit(&w->busy, &idle, 1, memory_order_acquire,
                                                   memory_order_relaxed);
}

int smsrep__pool_acquire(pool *p, worker **out)
{
    worker *w;
    store_conn *c;
    int status;

    /* The fast path touches nothing another thread writes: each thread
     * finds its own worker again (and the verdicts in its cache). */
    if (mine.pool == p->id && claim(mine.w)) {
        *out = mine.w;
        return SMSREP_OK;
    }
    pthread_mutex_lock(&p->lock);
    for (w = p->all; w != NULL && !claim(w); w = w->next)
        ;
    pthread_mutex_unlock(&p->lock);
    if (w == NULL) {
        /* Every worker is inside a check. Open one more rather than wait. */
        status = smsrep__conn_open(p->store, &c);
        if (status != SMSREP_OK)
            return status;
        if ((w = worker_new(c)) == NULL) {
            smsrep__conn_close(c);
            return SMSREP_E_NOMEM;
        }
        atomic_store_explicit(&w->busy, 1, memory_order_relaxed);
        pool_add(p, w);
    }
    mine.pool = p->id;
    mine.w = w;
    *out = w;
    return SMSREP_OK;
}

void smsrep__pool_release(worker *w)
{
    if (w == NULL)
        return;
    smsrep__conn_reset(w->conn);
    atomic_store_explicit(&w->busy, 0, memory_order_release);
}
