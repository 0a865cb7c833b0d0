/* SPDX-License-Identifier: Apache-2.0
 * test_burst.c: the SMS-bombing tracker on synthetic timelines: a bomb is
 * reported once as it starts, ordinary days never, memory stays bounded and
 * old messages leave the window. */
#include "testing.h"

#include <stdlib.h>
#include <time.h>

#include "smsrep.h"

static smsrep_burst_state observe(smsrep_burst *b, const char *recipient, const char *sender,
                                  int64_t t, uint32_t flags)
{
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    assert_int_equal(smsrep_burst_observe(b, recipient, strlen(recipient), sender, strlen(sender),
                                          t, flags, &st),
                     SMSREP_OK);
    return st;
}

static void a_bomb_starts_once(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_state st;
    char sender[16];
    int i, started = 0;
    (void)state;
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK); /* 600 s, 5 senders */
    for (i = 0; i < 12; i++) {
        snprintf(sender, sizeof sender, "+1202555%04d", i);
        st = observe(b, "+819012345678", sender, 1000 + i * 10, SMSREP_BURST_CODE);
        started += (int)st.started;
        if (i < 4)
            assert_false(st.in_burst);
        else
            assert_true(st.in_burst);
        if (i == 4) {
            assert_true(st.started);
            assert_int_equal(st.senders, 5);
            assert_int_equal(st.since, 1000);
        }
    }
    assert_int_equal(started, 1);
    assert_int_equal(st.messages, 12);
    /* the order notice the bomb hides changes nothing */
    st = observe(b, "+819012345678", "05053704545", 1125, 0);
    assert_true(st.in_burst);
    assert_false(st.started);
    /* another phone is another story */
    st = observe(b, "+447911123456", "HSBC", 1125, SMSREP_BURST_CODE);
    assert_false(st.in_burst);
    /* an hour later the window has emptied; a new bomb would start again */
    st = observe(b, "+819012345678", "22000", 1000 + 3600, SMSREP_BURST_CODE);
    assert_false(st.in_burst);
    assert_int_equal(st.senders, 1);
    smsrep_burst_free(b);
}

static void ordinary_days_never(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_state st;
    static const char *const senders[] = { "22000", "+15623784362", "HSBC", "05053704545" };
    int day, i;
    (void)state;
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK);
    for (day = 0; day < 30; day++)
        for (i = 0; i < 4; i++) {
            st = observe(b, "+819012345678", senders[i], day * 86400 + i * 3 * 3600,
                         SMSREP_BURST_CODE);
            assert_false(st.in_burst);
        }
    /* one sender sending many codes is not a bomb of many senders */
    for (i = 0; i < 50; i++)
        st = observe(b, "+819012345678", "22000", 40 * 86400 + i, SMSREP_BURST_CODE);
    assert_false(st.in_burst);
    assert_int_equal(st.senders, 1);
    /* neither are many senders of ordinary messages */
    for (i = 0; i < 20; i++) {
        char s[16];
        snprintf(s, sizeof s, "+4477009%05d", i);
        st = observe(b, "+819012345678", s, 50 * 86400 + i, 0);
    }
    assert_false(st.in_burst);
    smsrep_burst_free(b);
}

static void junk_counts_and_settings_hold(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_config c = SMSREP_BURST_CONFIG_INIT;
    smsrep_burst_state st;
    (void)state;
    c.window = 60;
    c.min_senders = 3;
    assert_int_equal(smsrep_burst_new(&b, &c), SMSREP_OK);
    observe(b, "r", "a", 0, SMSREP_BURST_JUNK);
    observe(b, "r", "b", 40, SMSREP_BURST_JUNK);
    st = observe(b, "r", "c", 90, SMSREP_BURST_JUNK); /* a has left the 60 s window */
    assert_false(st.in_burst);
    assert_int_equal(st.senders, 2);
    st = observe(b, "r", "d", 80, SMSREP_BURST_CODE); /* out of order: counts from its time */
    assert_true(st.started);
    assert_int_equal(st.since, 40);
    smsrep_burst_free(b);
}

static void memory_is_bounded(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_config c = SMSREP_BURST_CONFIG_INIT;
    smsrep_burst_state st;
    char r[32], s[32];
    int i;
    (void)state;
    c.max_recipients = 8;
    c.max_senders = 6;
    c.min_senders = 5;
    assert_int_equal(smsrep_burst_new(&b, &c), SMSREP_OK);
    /* 100,000 recipients and senders through 8 x 6 slots */
    for (i = 0; i < 100000; i++) {
        snprintf(r, sizeof r, "+8190%08d", i % 1000);
        snprintf(s, sizeof s, "S%d", i);
        st = observe(b, r, s, i, SMSREP_BURST_CODE);
        assert_true(st.senders <= 6);
    }
    /* the most recent recipient still has its senders */
    for (i = 0; i < 5; i++) {
        snprintf(s, sizeof s, "bomb%d", i);
        st = observe(b, "victim", s, 200000 + i, SMSREP_BURST_CODE);
    }
    assert_true(st.in_burst);
    smsrep_burst_free(b);
}

/* Issue 12: one message dated in 2100 hid every later bomb to its
 * recipient; INT64_MIN overflowed the window's arithmetic. */
static void absurd_times_hide_nothing(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_state st;
    int64_t now = (int64_t)time(NULL);
    char s[16];
    int i;
    (void)state;
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK);
    st = observe(b, "victim", "future", INT64_C(4102444800), SMSREP_BURST_CODE);
    assert_false(st.in_burst);
    st = observe(b, "victim", "past", INT64_MIN, SMSREP_BURST_CODE);
    st = observe(b, "victim", "far", INT64_MAX, SMSREP_BURST_JUNK);
    for (i = 0; i < 5; i++) {
        snprintf(s, sizeof s, "bomb%d", i);
        st = observe(b, "victim", s, now + i, SMSREP_BURST_CODE);
    }
    assert_true(st.in_burst);
    assert_true(st.senders >= 5);
    smsrep_burst_free(b);
}

/* Issue 12: 1,024 distinct recipients between two bomb messages pushed the
 * victim out of the default tracker (the one seen least recently went). A
 * recipient with senders in its window now outlasts a flood of new ones. */
static void a_flood_of_recipients_keeps_the_victim(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_state st;
    int64_t now = (int64_t)time(NULL) - 300;
    char r[32], s[16];
    int i;
    (void)state;
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK); /* 1,024 recipients */
    observe(b, "victim", "bomb0", now, SMSREP_BURST_CODE);
    observe(b, "victim", "bomb1", now + 1, SMSREP_BURST_CODE);
    for (i = 0; i < 5000; i++) {
        snprintf(r, sizeof r, "+8190%08d", i);
        observe(b, r, "junk", now + 2, SMSREP_BURST_JUNK);
    }
    for (i = 2; i < 5; i++) {
        snprintf(s, sizeof s, "bomb%d", i);
        st = observe(b, "victim", s, now + 3 + i, SMSREP_BURST_CODE);
    }
    assert_true(st.in_burst);
    assert_int_equal(st.senders, 5);
    smsrep_burst_free(b);
}

static void bad_arguments(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_config c = SMSREP_BURST_CONFIG_INIT;
    smsrep_burst_state st = SMSREP_BURST_STATE_INIT;
    (void)state;
    assert_int_equal(smsrep_burst_new(NULL, NULL), SMSREP_E_ARGUMENT);
    c.struct_size = 4;
    assert_int_equal(smsrep_burst_new(&b, &c), SMSREP_E_STRUCT_SIZE);
    assert_null(b);
    c.struct_size = sizeof c;
    c.min_senders = 10;
    c.max_senders = 5; /* could never count to ten */
    assert_int_equal(smsrep_burst_new(&b, &c), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK);
    assert_int_equal(smsrep_burst_observe(b, "", 0, "s", 1, 0, 0, &st), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_burst_observe(b, "r", 1, NULL, 1, 0, 0, &st), SMSREP_E_ARGUMENT);
    assert_int_equal(smsrep_burst_observe(NULL, "r", 1, "s", 1, 0, 0, &st), SMSREP_E_ARGUMENT);
    st.struct_size = 8;
    assert_int_equal(smsrep_burst_observe(b, "r", 1, "s", 1, 0, 0, &st), SMSREP_E_STRUCT_SIZE);
    smsrep_burst_free(b);
    smsrep_burst_free(NULL);
}

/* A store standing in for a fleet: it says every recipient has 9 senders,
 * or fails when told to, and remembers what the tracker passed it. */
typedef struct fake_store {
    int fail;
    int calls;
    int64_t time;
    uint32_t window;
    char sender[16];
} fake_store;

static int fake_observe(void *ctx, const smsrep_burst_config *config, const char *recipient,
                        size_t recipient_len, const char *sender, size_t sender_len, int64_t time,
                        uint32_t flags, smsrep_burst_state *st)
{
    fake_store *f = ctx;
    (void)recipient;
    (void)recipient_len;
    (void)flags;
    f->calls++;
    f->time = time;
    f->window = config->window;
    snprintf(f->sender, sizeof f->sender, "%.*s", (int)sender_len, sender);
    if (f->fail)
        return SMSREP_E_INTERNAL;
    st->senders = 9;
    st->in_burst = 1;
    st->started = f->calls == 1;
    return SMSREP_OK;
}

static void a_store_answers_and_its_failure_falls_back(void **state)
{
    smsrep_burst *b = NULL;
    smsrep_burst_store store = SMSREP_BURST_STORE_INIT;
    smsrep_burst_state st;
    fake_store f = {0};
    (void)state;
    assert_int_equal(smsrep_burst_new(&b, NULL), SMSREP_OK);
    store.ctx = &f;
    store.observe = fake_observe;
    assert_int_equal(smsrep_burst_set_store(b, &store), SMSREP_OK);
    st = observe(b, "+819012345678", "+12025550100", 1000, SMSREP_BURST_CODE);
    assert_int_equal(f.calls, 1);
    assert_int_equal(f.time, 1000);
    assert_int_equal(f.window, 600); /* defaults filled in */
    assert_string_equal(f.sender, "+12025550100");
    assert_int_equal(st.senders, 9);
    assert_true(st.in_burst && st.started);
    assert_int_equal(st.degraded, 0);
    assert_int_equal(st.messages, 1); /* left as the tracker counted it */

    f.fail = 1; /* the store is gone: the tracker's own count answers */
    st = observe(b, "+819012345678", "+12025550101", 1010, SMSREP_BURST_CODE);
    assert_int_equal(f.calls, 2);
    assert_int_equal(st.degraded, 1);
    assert_int_equal(st.senders, 2);
    assert_false(st.in_burst);

    f.fail = 0; /* back again */
    st = observe(b, "+819012345678", "+12025550102", 1020, SMSREP_BURST_CODE);
    assert_int_equal(st.degraded, 0);
    assert_int_equal(st.senders, 9);

    /* Back in the process alone: the store is not called, the count went on. */
    assert_int_equal(smsrep_burst_set_store(b, NULL), SMSREP_OK);
    st = observe(b, "+819012345678", "+12025550103", 1030, SMSREP_BURST_CODE);
    assert_int_equal(f.calls, 3);
    assert_int_equal(st.senders, 4);
    assert_int_equal(st.degraded, 0);

    store.observe = NULL;
    assert_int_equal(smsrep_burst_set_store(b, &store), SMSREP_E_ARGUMENT);
    store.observe = fake_observe;
    store.struct_size = 8;
    assert_int_equal(smsrep_burst_set_store(b, &store), SMSREP_E_STRUCT_SIZE);
    assert_int_equal(smsrep_burst_set_store(NULL, NULL), SMSREP_E_ARGUMENT);
    smsrep_burst_free(b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(a_bomb_starts_once),
    cmocka_unit_test(ordinary_days_never),
    cmocka_unit_test(junk_counts_and_settings_hold),
    cmocka_unit_test(memory_is_bounded),
    cmocka_unit_test(absurd_times_hide_nothing),
    cmocka_unit_test(a_flood_of_recipients_keeps_the_victim),
    cmocka_unit_test(bad_arguments),
    cmocka_unit_test(a_store_answers_and_its_failure_falls_back),
};

SMSREP_TEST_MAIN(tests)
