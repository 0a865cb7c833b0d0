/* SPDX-License-Identifier: Apache-2.0
 * pool.h: the connections a handle lends to checks, each with the verdict
 * cache that goes with it. Private to libsmsrep.
 *
 * SQLite connections are not to be used by two threads at once, and a
 * shared connection behind a mutex would make every check queue behind
 * every other. So each check borrows a worker of its own: the one its
 * thread used last when that is free (an atomic flag, no lock, no shared
 * cache line), otherwise any free one under the pool's mutex, otherwise a
 * new one; the pool grows to the peak number of threads. */
#ifndef SMSREP_POOL_H
#define SMSREP_POOL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "cache.h"
#include "store.h"

typedef struct worker {
    store_conn *conn;
    sender_cache cache;         /* verdicts this worker has given; no lock */
    atomic_int busy;            /* 1 while a check holds the worker */
    struct worker *next;        /* the pool, newest first */
} worker;

typedef struct pool {
    store *store;               /* NULL until smsrep__pool_init() succeeds */
    uint64_t id;                /* unique in the process, never reused */
    pthread_mutex_t lock;       /* guards the list `all` only */
    worker *all;                /* every worker, free or busy */
} pool;

/* Returns SMSREP_OK or E_NOMEM; the pool takes first (the connection the
 * store opened) as its first, idle worker. On failure first is closed. */
int smsrep__pool_init(pool *p, store *s, store_conn *first);
/* Closes every worker; no check may be running. */
void smsrep__pool_free(pool *p);

/* Borrow a worker for one check and give it back; never blocks on another
 * check. */
int smsrep__pool_acquire(pool *p, worker **out);
void smsrep__pool_release(worker *w);

#endif
