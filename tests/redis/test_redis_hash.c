/* SPDX-License-Identifier: Apache-2.0
 * test_redis_hash.c: the Redis store's keyed hash against SipHash's
 * reference vectors (key 00..0f, message 00..len-1), and its constructor's
 * refusals. */
#include "../unit/testing.h"

#include <string.h>

#include "siphash.h"
#include "smsrep_redis.h"

static void siphash_reference_vectors(void **state)
{
    static const struct {
        size_t len;
        const char *hex;
    } v[] = {
        {0, "a3817f04ba25a8e66df67214c7550293"},  {1, "da87c1d86b99af44347659119b22fc45"},
        {7, "a1f1ebbed8dbc153c0b84aa61ff08239"},  {8, "3b62a9ba6258f5610f83e264f31497b4"},
        {15, "5493e99933b0a8117e08ec0f97cfc3d9"}, {63, "5150d1772f50834a503e069a973fbd7c"},
    };
    uint8_t key[16], in[64], out[16];
    char got[33];
    size_t i, j;
    (void)state;
    for (i = 0; i < 16; i++)
        key[i] = (uint8_t)i;
    for (i = 0; i < 64; i++)
        in[i] = (uint8_t)i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
        smsrep_redis__siphash128(key, in, v[i].len, out);
        for (j = 0; j < 16; j++)
            snprintf(got + 2 * j, 3, "%02x", out[j]);
        assert_string_equal(got, v[i].hex);
    }
}

static void constructor_refusals(void **state)
{
    smsrep_redis *r = (smsrep_redis *)&r;
    smsrep_redis_config c = SMSREP_REDIS_CONFIG_INIT;
    smsrep_burst_store store = SMSREP_BURST_STORE_INIT;
    (void)state;
    assert_int_equal(smsrep_redis_new(NULL, &c), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_redis_new(&r, NULL), SMSREP_E_ARGUMENT);
    assert_null(r);
    c.secret = "too short";
    c.secret_len = 9;
    assert_int_equal(smsrep_redis_new(&r, &c), SMSREP_E_ARGUMENT);
    c.secret = "sixteen bytes!!!";
    c.secret_len = 16;
    c.struct_size = 8;
    assert_int_equal(smsrep_redis_new(&r, &c), SMSREP_E_STRUCT_SIZE);
    c.struct_size = sizeof c;
    c.unix_path = "/nonexistent/redis.sock";
    assert_int_equal(smsrep_redis_new(&r, &c), SMSREP_OK); /* connects on first use */
    assert_int_equal(smsrep_redis_store(r, NULL), SMSREP_E_ARGUMENT);
    store.struct_size = 8;
    assert_int_equal(smsrep_redis_store(r, &store), SMSREP_E_STRUCT_SIZE);
    store.struct_size = sizeof store;
    assert_int_equal(smsrep_redis_store(r, &store), SMSREP_OK);
    assert_ptr_equal(store.ctx, r);
    smsrep_redis_free(r);
    smsrep_redis_free(NULL);
}

/* No Redis at all: every message is answered from the local count,
 * degraded, and the failure is said once, without the number. */
static int logged;
static char last_log[256];
static void count_log(void *ctx, const char *message)
{
    (void)ctx;
    logged++;
    snprintf(last_log, sizeof last_log, "%s", message);
}

static void no_redis_degrades_and_logs_once(void **state)
{
    smsrep_redis *r = NULL;
    smsrep_redis_config c = SMSREP_REDIS_CONFIG_INIT;
    smsrep_burst_store store = SMSREP_BURST_STORE_INIT;
    smsrep_burst *b = NULL;
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    char sender[16];
    int i;
    (void)state;
    c.secret = "sixteen bytes!!!";
    c.secret_len = 16;
    c.unix_path = "/nonexistent/redis.sock";
    c.retry_ms = 1;
    c.log = count_log;
    assert_int_equal(smsrep_redis_new(&r, &c), SMSREP_OK);
    assert_int_equal(smsrep_redis_store(r, &store), SMSREP_OK);
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK);
    assert_int_equal(smsrep_burst_set_store(b, &store), SMSREP_OK);
    for (i = 0; i < 6; i++) {
        snprintf(sender, sizeof sender, "+1202555%04d", i);
        assert_int_equal(smsrep_burst_observe(b, "+819012345678", 13, sender, strlen(sender),
                                              1000 + i, SMSREP_BURST_CODE, &st),
                         SMSREP_OK);
        assert_int_equal(st.degraded, 1);
        assert_int_equal(st.senders, (unsigned)i + 1);
    }
    assert_true(st.in_burst);
    assert_int_equal(logged, 1);
    assert_null(strstr(last_log, "+81"));
    assert_non_null(strstr(last_log, "counting locally"));
    smsrep_burst_free(b);
    smsrep_redis_free(r);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(siphash_reference_vectors),
    cmocka_unit_test(constructor_refusals),
    cmocka_unit_test(no_redis_degrades_and_logs_once),
};

SMSREP_TEST_MAIN(tests)
