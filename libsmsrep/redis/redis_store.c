/* SPDX-License-Identifier: Apache-2.0
 * redis_store.c: the burst store in Redis: keyed hashes for keys, one Lua
 * script per message, a time-out on every command, and a rest after a
 * failure during which the tracker counts alone. */
#include "smsrep_redis.h"

#include <errno.h>
#include <hiredis/hiredis.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "siphash.h"

#define DEFAULT_TIMEOUT_MS 50u
#define DEFAULT_RETRY_MS 1000u
#define DEFAULT_PORT 6379u
#define PREFIX_MAX 64u
#define SECRET_MIN 16u

/* KEYS[1]: the recipient's senders (a sorted set scored by latest time),
 * KEYS[2]: its burst flag. ARGV: sender key, time, window, counted (1/0),
 * max senders, min senders, seconds to keep. Returns {senders, in burst,
 * started}. The window is this message's: members at or before time -
 * window leave, as they stop counting in the tracker. */
static const char script[] =
    "local t = tonumber(ARGV[2])\n"
    "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t - tonumber(ARGV[3]))\n"
    "if ARGV[4] == '1' then redis.call('ZADD', KEYS[1], 'GT', t, ARGV[1]) end\n"
    "local n = redis.call('ZCARD', KEYS[1])\n"
    "local max = tonumber(ARGV[5])\n"
    "if n > max then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - max - 1) n = max end\n"
    "local inb = n >= tonumber(ARGV[6])\n"
    "local was = redis.call('GET', KEYS[2])\n"
    "redis.call('SET', KEYS[2], inb and '1' or '0', 'EX', ARGV[7])\n"
    "if n > 0 then redis.call('EXPIRE', KEYS[1], ARGV[7]) end\n"
    "return {n, inb and 1 or 0, (inb and was ~= '1') and 1 or 0}\n";

struct smsrep_redis {
    pthread_mutex_t lock;
    redisContext *c;           /* NULL: not connected */
    char *unix_path, *host;
    uint32_t port, timeout_ms, retry_ms;
    char prefix[PREFIX_MAX + 1];
    uint8_t key[16];           /* SipHash key from the fleet secret */
    char sha[41];              /* the script's SHA1; "" until loaded */
    struct timespec rest_until; /* no attempt before this after a failure */
    int down;                  /* said that it is down; say when back */
    smsrep_redis_log_fn log;
    void *log_ctx;
};

static char *dup_or_null(const char *s)
{
    char *d;
    if (s == NULL)
        return NULL;
    d = malloc(strlen(s) + 1);
    if (d != NULL)
        strcpy(d, s);
    return d;
}

int smsrep_redis_new(smsrep_redis **out, const smsrep_redis_config *config)
{
    smsrep_redis_config c = SMSREP_REDIS_CONFIG_INIT;
    smsrep_redis *r;
    static const uint8_t derive[16] = "smsrep-redis-key";

    if (out == NULL)
        return SMSREP_E_ARGUMENT;
    *out = NULL;
    if (config == NULL)
        return SMSREP_E_ARGUMENT;
    if (config->struct_size < SMSREP_REDIS_CONFIG_SIZE_0_3)
        return SMSREP_E_STRUCT_SIZE;
    memcpy(&c, config, config->struct_size < sizeof c ? config->struct_size : sizeof c);
    if (c.secret == NULL || c.secret_len < SECRET_MIN ||
        (c.prefix != NULL && strlen(c.prefix) > PREFIX_MAX))
        return SMSREP_E_ARGUMENT;
    r = calloc(1, sizeof *r);
    if (r == NULL)
        return SMSREP_E_NOMEM;
    r->unix_path = dup_or_null(c.unix_path);
    r->host = dup_or_null(c.host != NULL ? c.host : "127.0.0.1");
    if ((c.unix_path != NULL && r->unix_path == NULL) || r->host == NULL ||
        pthread_mutex_init(&r->lock, NULL) != 0) {
        free(r->unix_path);
        free(r->host);
        free(r);
        return SMSREP_E_NOMEM;
    }
    r->port = c.port != 0 ? c.port : DEFAULT_PORT;
    r->timeout_ms = c.timeout_ms != 0 ? c.timeout_ms : DEFAULT_TIMEOUT_MS;
    r->retry_ms = c.retry_ms != 0 ? c.retry_ms : DEFAULT_RETRY_MS;
    snprintf(r->prefix, sizeof r->prefix, "%s", c.prefix != NULL ? c.prefix : "smsrep:burst:");
    /* Any length of secret becomes one 128-bit key. */
    smsrep_redis__siphash128(derive, c.secret, c.secret_len, r->key);
    r->log = c.log;
    r->log_ctx = c.log_ctx;
    *out = r;
    return SMSREP_OK;
}

void smsrep_redis_free(smsrep_redis *r)
{
    if (r == NULL)
        return;
    if (r->c != NULL)
        redisFree(r->c);
    pthread_mutex_destroy(&r->lock);
    free(r->unix_path);
    free(r->host);
    memset(r->key, 0, sizeof r->key);
    free(r);
}

static void say(smsrep_redis *r, const char *what, const char *detail)
{
    char line[256];
    if (r->log == NULL)
        return;
    snprintf(line, sizeof line, "%s%s%s", what, detail != NULL ? ": " : "",
             detail != NULL ? detail : "");
    r->log(r->log_ctx, line);
}

static void now(struct timespec *t)
{
    clock_gettime(CLOCK_MONOTONIC, t);
}

static int resting(const smsrep_redis *r)
{
    struct timespec t;
    now(&t);
    return t.tv_sec < r->rest_until.tv_sec ||
           (t.tv_sec == r->rest_until.tv_sec && t.tv_nsec < r->rest_until.tv_nsec);
}

/* Drops the connection, rests retry_ms, and says so once per outage. */
static int fail(smsrep_redis *r, const char *why)
{
    struct timespec t;
    char detail[128];
    /* why may be the context's own errstr: copied before it is freed. */
    snprintf(detail, sizeof detail, "%s", why != NULL ? why : "");
    if (r->c != NULL) {
        redisFree(r->c);
        r->c = NULL;
    }
    now(&t);
    t.tv_sec += (time_t)(r->retry_ms / 1000u);
    t.tv_nsec += (long)(r->retry_ms % 1000u) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    r->rest_until = t;
    if (!r->down)
        say(r, "redis burst store unavailable, counting locally", detail);
    r->down = 1;
    return SMSREP_E_INTERNAL;
}

static int connect_now(smsrep_redis *r)
{
    struct timeval tv;
    tv.tv_sec = (time_t)(r->timeout_ms / 1000u);
    tv.tv_usec = (suseconds_t)(r->timeout_ms % 1000u) * 1000;
    r->c = r->unix_path != NULL ? redisConnectUnixWithTimeout(r->unix_path, tv)
                                : redisConnectWithTimeout(r->host, (int)r->port, tv);
    if (r->c == NULL)
        return fail(r, "out of memory");
    if (r->c->err != 0 || redisSetTimeout(r->c, tv) != REDIS_OK)
        return fail(r, r->c->errstr);
    return SMSREP_OK;
}

static int load_script(smsrep_redis *r)
{
    redisReply *rep = redisCommand(r->c, "SCRIPT LOAD %s", script);
    int ok = rep != NULL && rep->type == REDIS_REPLY_STRING && rep->len == 40;
    if (ok)
        memcpy(r->sha, rep->str, 41);
    freeReplyObject(rep);
    return ok ? SMSREP_OK : fail(r, r->c->err != 0 ? r->c->errstr : "SCRIPT LOAD refused");
}

static void hex(const uint8_t *b, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = digits[b[i] >> 4];
        out[2 * i + 1] = digits[b[i] & 15];
    }
    out[2 * n] = '\0';
}

/* The keyed hash of one tagged value ('r' recipient, 's' sender), in hex. */
static void keyed(const smsrep_redis *r, char tag, const char *s, size_t len, char out[33])
{
    uint8_t h[16];
    uint8_t key[16];
    memcpy(key, r->key, sizeof key);
    key[0] ^= (uint8_t)tag; /* a sender's key never equals a recipient's */
    smsrep_redis__siphash128(key, s, len, h);
    hex(h, sizeof h, out);
}

/* A write to a Redis that went away raises SIGPIPE, which would end the
 * gateway: the calling thread holds it blocked while it talks to Redis and
 * takes back a SIGPIPE it caused (one already pending stays). */
typedef struct pipe_guard {
    sigset_t old;
    int was_pending;
} pipe_guard;

static void pipe_block(pipe_guard *g)
{
    sigset_t block, pending;
    sigemptyset(&block);
    sigaddset(&block, SIGPIPE);
    sigpending(&pending);
    g->was_pending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &block, &g->old);
}

static void pipe_unblock(const pipe_guard *g)
{
    sigset_t set, pending;
    struct timespec zero = {0, 0};
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    sigpending(&pending);
    if (!g->was_pending && sigismember(&pending, SIGPIPE) == 1)
        while (sigtimedwait(&set, NULL, &zero) == -1 && errno == EINTR) {
        }
    pthread_sigmask(SIG_SETMASK, &g->old, NULL);
}

static int observe(void *ctx, const smsrep_burst_config *cfg, const char *recipient,
                   size_t recipient_len, const char *sender, size_t sender_len, int64_t time,
                   uint32_t flags, smsrep_burst_state *st)
{
    smsrep_redis *r = ctx;
    char rk[33], sk[33], zkey[PREFIX_MAX + 48], fkey[PREFIX_MAX + 52], args[5][24];
    const char *argv[12];
    size_t i;
    redisReply *rep = NULL;
    int rc = SMSREP_OK, attempt;
    pipe_guard guard;

    keyed(r, 'r', recipient, recipient_len, rk);
    keyed(r, 's', sender, sender_len, sk);
    snprintf(zkey, sizeof zkey, "%s{%s}", r->prefix, rk);
    snprintf(fkey, sizeof fkey, "%s{%s}:on", r->prefix, rk);
    snprintf(args[0], sizeof args[0], "%lld", (long long)time);
    snprintf(args[1], sizeof args[1], "%u", (unsigned)cfg->window);
    snprintf(args[2], sizeof args[2], "%u", (unsigned)cfg->max_senders);
    snprintf(args[3], sizeof args[3], "%u", (unsigned)cfg->min_senders);
    snprintf(args[4], sizeof args[4], "%u", (unsigned)(2u * cfg->window));

    pthread_mutex_lock(&r->lock);
    if (r->c == NULL && resting(r)) {
        pthread_mutex_unlock(&r->lock);
        return SMSREP_E_INTERNAL;
    }
    pipe_block(&guard);
    if (r->c == NULL && (rc = connect_now(r)) != SMSREP_OK)
        goto done;
    if (r->sha[0] == '\0' && (rc = load_script(r)) != SMSREP_OK)
        goto done;
    for (attempt = 0; attempt < 2; attempt++) {
        argv[0] = "EVALSHA";
        argv[1] = r->sha;
        argv[2] = "2";
        argv[3] = zkey;
        argv[4] = fkey;
        argv[5] = sk;
        argv[6] = args[0];
        argv[7] = args[1];
        argv[8] = flags & (SMSREP_BURST_CODE | SMSREP_BURST_JUNK) ? "1" : "0";
        argv[9] = args[2];
        argv[10] = args[3];
        argv[11] = args[4];
        rep = redisCommandArgv(r->c, 12, argv, NULL);
        if (rep == NULL) {
            rc = fail(r, r->c->errstr);
            goto done;
        }
        /* A restarted Redis has forgotten the script: load it again. */
        if (attempt == 0 && rep->type == REDIS_REPLY_ERROR &&
            strncmp(rep->str, "NOSCRIPT", 8) == 0) {
            freeReplyObject(rep);
            rep = NULL;
            if ((rc = load_script(r)) != SMSREP_OK)
                goto done;
            continue;
        }
        break;
    }
    if (rep == NULL || rep->type != REDIS_REPLY_ARRAY || rep->elements != 3) {
        rc = fail(r, rep != NULL && rep->type == REDIS_REPLY_ERROR ? "script error" : "bad reply");
        goto done;
    }
    for (i = 0; i < 3; i++)
        if (rep->element[i]->type != REDIS_REPLY_INTEGER || rep->element[i]->integer < 0) {
            rc = fail(r, "bad reply");
            goto done;
        }
    st->senders = (uint32_t)rep->element[0]->integer;
    st->in_burst = rep->element[1]->integer != 0;
    st->started = rep->element[2]->integer != 0;
    if (r->down)
        say(r, "redis burst store back", NULL);
    r->down = 0;
done:
    freeReplyObject(rep);
    pipe_unblock(&guard);
    pthread_mutex_unlock(&r->lock);
    return rc;
}

int smsrep_redis_store(smsrep_redis *r, smsrep_burst_store *store)
{
    if (r == NULL || store == NULL)
        return SMSREP_E_ARGUMENT;
    if (store->struct_size < SMSREP_BURST_STORE_SIZE_0_3)
        return SMSREP_E_STRUCT_SIZE;
    store->ctx = r;
    store->observe = observe;
    return SMSREP_OK;
}
