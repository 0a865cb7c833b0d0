/* SPDX-License-Identifier: Apache-2.0
 * smsrep_redis.h: a burst store in Redis (libsmsrep_redis, optional), so
 * every gateway process and node of a fleet counts one recipient's senders
 * together. The core library never opens a socket; this module does. */
#ifndef SMSREP_REDIS_H
#define SMSREP_REDIS_H

#include "smsrep.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One connection to Redis (a Unix socket or host:port), with the fleet's
 * secret. Per recipient Redis holds one sorted set of sender keys scored by
 * their latest code or junk message, and a flag saying whether it is under
 * a burst; one Lua script (EVALSHA, loaded again when Redis answers
 * NOSCRIPT) updates both at once and sets them to expire after two windows.
 * Keys and members are keyed hashes (SipHash-2-4-128 under the secret): no
 * number reaches Redis, and nodes must share the secret to share counts.
 * Keys carry a hash tag, so a recipient's keys stay on one cluster slot.
 *
 * A command that fails or takes longer than timeout_ms makes the store
 * answer E_INTERNAL: the tracker then answers from its own count, marked
 * degraded. The store tries Redis again retry_ms later (connecting anew,
 * loading the script into a restarted Redis), and says once per outage
 * through log that it is counting locally, and once that it is back.
 * A Redis that went away raises no SIGPIPE in the caller's process.
 * One handle may be used by many threads (it takes a lock per command).
 * The library never prints. Since 0.3. */
typedef struct smsrep_redis smsrep_redis;

/* Called with one line of text (no newline, no number in it). */
typedef void (*smsrep_redis_log_fn)(void *ctx, const char *message);

typedef struct smsrep_redis_config {
    uint32_t struct_size;      /* sizeof(smsrep_redis_config) */
    uint32_t port;             /* TCP port when unix_path is NULL; 0 = 6379 */
    const char *unix_path;     /* Redis's Unix socket, or NULL for host:port */
    const char *host;          /* NULL = "127.0.0.1" */
    const void *secret;        /* the fleet's secret, at least 16 bytes */
    size_t secret_len;
    const char *prefix;        /* key prefix; NULL = "smsrep:burst:" */
    uint32_t timeout_ms;       /* connect and each command; 0 = 50 */
    uint32_t retry_ms;         /* after a failure, Redis rests this long; 0 = 1000 */
    smsrep_redis_log_fn log;   /* NULL: nothing is said */
    void *log_ctx;
} smsrep_redis_config;
#define SMSREP_REDIS_CONFIG_INIT SMSREP_INIT_(smsrep_redis_config)
#define SMSREP_REDIS_CONFIG_SIZE_0_3 \
    ((uint32_t)(offsetof(smsrep_redis_config, log_ctx) + sizeof(void *)))

/* CONSTRUCTOR. Does not connect yet (the first observation does), so a
 * gateway starts while Redis is down. E_ARGUMENT for out or config NULL or
 * a secret under 16 bytes, E_STRUCT_SIZE, E_NOMEM. Since 0.3. */
SMSREP_API int smsrep_redis_new(smsrep_redis **out, const smsrep_redis_config *config);
/* DESTRUCTOR. NULL is a no-op. After every tracker using it is freed or
 * set to another store. Since 0.3. */
SMSREP_API void smsrep_redis_free(smsrep_redis *redis);
/* Fills *store (struct_size set by the caller, as SMSREP_BURST_STORE_INIT
 * does) for smsrep_burst_set_store(). E_ARGUMENT, E_STRUCT_SIZE. Since 0.3. */
SMSREP_API int smsrep_redis_store(smsrep_redis *redis, smsrep_burst_store *store);

#ifdef __cplusplus
}
#endif
#endif /* SMSREP_REDIS_H */
