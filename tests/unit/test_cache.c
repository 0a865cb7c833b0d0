/* SPDX-License-Identifier: Apache-2.0
 * test_cache.c: the verdict cache never changes a verdict. Every golden row
 * and thousands of generated senders give byte-identical answers with the
 * cache off, on a first (missing) check and on a repeated (hitting) one;
 * eviction keeps the cache bounded; colliding hashes miss; connections share
 * what they judged; verdicts that depend on the time (complaints) are never
 * kept. */
#include "testing.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "cache.h"
#include "golden.h"
#include "judge.h"
#include "handle.h"

typedef struct input {
    char sender[160];
    size_t len;
    char region[4];
    uint32_t hint;
} input;

#define MAX_INPUTS 6000
static input inputs[MAX_INPUTS];
static size_t ninputs;

static void add(const char *sender, size_t len, const char *region, uint32_t hint)
{
    input *in;
    assert_true(ninputs < MAX_INPUTS);
    assert_true(len < sizeof in->sender);
    in = &inputs[ninputs++];
    memcpy(in->sender, sender, len);
    in->len = len;
    snprintf(in->region, sizeof in->region, "%s", region);
    in->hint = hint;
}

/* Every row of the golden table (input, region, hint), however it ends. */
static void add_golden(void)
{
    FILE *f = fopen(SMSREP_SOURCE_DIR "/tests/data/senders.tsv", "r");
    char line[1024];
    size_t before = ninputs;
    assert_non_null(f);
    while (fgets(line, sizeof line, f) != NULL) {
        char *region, *hint, *end;
        int h = 0;
        if (line[0] == '#' || strncmp(line, "input\t", 6) == 0 || line[0] == '\n')
            continue;
        region = strchr(line, '\t');
        assert_non_null(region);
        *region++ = '\0';
        hint = strchr(region, '\t');
        assert_non_null(hint);
        *hint++ = '\0';
        end = strchr(hint, '\t');
        assert_non_null(end);
        *end = '\0';
        if (strcmp(hint, "-") != 0)
            h = smsrep_hint_from_name(hint, strlen(hint));
        assert_true(h >= 0);
        add(line, golden_unescape(line), strcmp(region, "-") == 0 ? "" : region, (uint32_t)h);
    }
    fclose(f);
    assert_true(ninputs - before > 100);
}

/* Senders of every kind, in every hint and several regions: numbers valid
 * and not, short codes, alphanumerics, look-alikes and garbage. */
static void add_generated(void)
{
    static const char *const regions[] = { "JP", "US", "GB", "", "jp", "DE" };
    static const struct { const char *before; int digits; const char *after; } shapes[] = {
        { "+81", 9, "" },    { "090", 8, "" },   { "+1202555", 4, "" }, { "", 5, "" },
        { "0005", 6, "" },   { "+44791", 7, "" }, { "AMAZ", 1, "N" },   { "SHOP", 3, "" },
        { "+", 1, "" },      { "00", 1, "" },    { "(", 1, ")" },       { "", 1, "-" },
        { "tel:+1", 1, "" }, { "\xef\xbc\x90\xef\xbc\x99\xef\xbc\x90", 8, "" },
        { "Likely-", 1, "" }, { "", 1, "!" },
    };
    unsigned i;
    for (i = 0; i < 4000; i++) {
        char s[128];
        unsigned k = i % 16, value = (i * 2654435761u) % 100000000u;
        int n = snprintf(s, sizeof s, "%s%0*u%s", shapes[k].before, shapes[k].digits,
                         shapes[k].digits >= 8 ? value : value % 100000u, shapes[k].after);
        add(s, (size_t)n, regions[(i / 16) % 6], (i / 96) % SMSREP_HINT_LAST_);
    }
}

static void load_inputs(void)
{
    if (ninputs > 0)
        return;
    add_golden();
    add_generated();
}

static int check_text(smsrep_db *db, const input *in, const char *text, smsrep_verdict *v)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict init = SMSREP_VERDICT_INIT;
    *v = init;
    q.sender = in->sender;
    q.sender_len = in->len;
    q.hint = in->hint;
    memcpy(q.region, in->region, sizeof q.region);
    q.time = INT64_C(1795305600);
    q.text = text;
    q.text_len = text ? strlen(text) : 0;
    return smsrep_check(db, &q, v);
}

static int check(smsrep_db *db, const input *in, smsrep_verdict *v)
{
    return check_text(db, in, NULL, v);
}

/* Is the verdict for this input in the cache of the connection this thread
 * borrows? (One thread: the same connection every time.) */
static int cached(smsrep_db *db, const input *in)
{
    worker *c = NULL;
    cache_key key;
    sender_verdict v;
    size_t entries;
    char region[4] = "";
    int hit = 0;
    unsigned i;
    for (i = 0; i < 2 && in->region[i]; i++)
        region[i] = (char)(in->region[i] & ~0x20);
    assert_int_equal(smsrep__pool_acquire(&db->pool, &c), SMSREP_OK);
    if (smsrep__cache_key(&key, in->sender, in->len, in->hint, region)) {
        sender_cache *cache = &c->cache;
        entries = db->cache_entries;
        hit = smsrep__cache_get(cache, entries, &key, &v);
    }
    smsrep__pool_release(c);
    return hit;
}

/* Checks every input with the cache off, then twice with the given
 * capacity; all three answers must be identical, byte for byte. Returns how
 * many verdicts were found in the cache right after they were given. */
static size_t compare(size_t capacity)
{
    smsrep_db *plain = NULL, *fast = NULL;
    size_t i, kept = 0;

    load_inputs();
    assert_int_equal(smsrep_open(&plain, NULL, NULL, NULL, 0), SMSREP_OK);
    assert_int_equal(smsrep_open(&fast, NULL, NULL, NULL, 0), SMSREP_OK);
    smsrep__handle_set_cache(plain, 0);
    smsrep__handle_set_cache(fast, capacity);
    for (i = 0; i < ninputs; i++) {
        smsrep_verdict want, first, again;
        int status = check(plain, &inputs[i], &want);
        assert_int_equal(check(fast, &inputs[i], &first), status);
        kept += status == SMSREP_OK && cached(fast, &inputs[i]);
        assert_int_equal(check(fast, &inputs[i], &again), status);
        if (memcmp(&want, &first, sizeof want) != 0 || memcmp(&want, &again, sizeof want) != 0)
            fail_msg("input %zu (%.*s, region '%s', hint %u): the cache changed the verdict", i,
                     (int)inputs[i].len, inputs[i].sender, inputs[i].region, inputs[i].hint);
    }
    /* and once more in order, after everything has been inserted and evicted */
    for (i = 0; i < ninputs; i++) {
        smsrep_verdict want, later;
        int status = check(plain, &inputs[i], &want);
        assert_int_equal(check(fast, &inputs[i], &later), status);
        assert_memory_equal(&want, &later, sizeof want);
    }
    /* a message text is judged after the caches: a sender met before with
     * another text, or none, gets the verdict a fresh check gives */
    for (i = 0; i < ninputs; i++) {
        static const char *const texts[] = {
            "Amazon: https://amazon.co.jp/a/c/r?k=1",
            "Amazon: https://amazon.co.jp.xn--ecure-login.top/a",
            "Your verification code is 482913",
        };
        const char *text = texts[i % 3];
        smsrep_verdict want, got;
        int status = check_text(plain, &inputs[i], text, &want);
        assert_int_equal(check_text(fast, &inputs[i], text, &got), status);
        if (memcmp(&want, &got, sizeof want) != 0)
            fail_msg("input %zu with text \"%s\": the cache changed the verdict", i, text);
    }
    smsrep_close(plain);
    smsrep_close(fast);
    return kept;
}

static void cache_never_changes_a_verdict(void **state)
{
    size_t kept;
    (void)state;
    kept = compare(CACHE_DEFAULT_ENTRIES);
    printf("%zu inputs, %zu verdicts kept\n", ninputs, kept);
    assert_true(kept > ninputs / 2); /* the cache was really used */
}

/* A tiny cache evicts on nearly every insertion; answers stay the same. */
static void eviction_never_changes_a_verdict(void **state)
{
    (void)state;
    assert_true(compare(8) > 0);
}

/* The table never grows past its capacity. */
static void the_cache_is_bounded(void **state)
{
    sender_cache c;
    cache_key key;
    sender_verdict v, out;
    char s[16];
    unsigned i, found = 0;
    (void)state;
    memset(&c, 0, sizeof c);
    memset(&v, 0, sizeof v);
    for (i = 0; i < 1000; i++) {
        int n = snprintf(s, sizeof s, "S%u", i);
        assert_true(smsrep__cache_key(&key, s, (size_t)n, 0, "JP\0"));
        v.v.score = i;
        smsrep__cache_put(&c, 16, &key, &v);
    }
    assert_int_equal(c.sets * 4, 16);
    for (i = 0; i < 1000; i++) {
        int n = snprintf(s, sizeof s, "S%u", i);
        assert_true(smsrep__cache_key(&key, s, (size_t)n, 0, "JP\0"));
        if (smsrep__cache_get(&c, 16, &key, &out)) {
            assert_int_equal(out.v.score, i);
            found++;
        }
    }
    assert_true(found > 0 && found <= 16);
    smsrep__cache_free(&c);
}

/* Keys are compared whole: equal hashes of different keys miss; so do the
 * same sender under another hint or region, and over-long senders. */
static void keys_are_compared_whole(void **state)
{
    sender_cache c;
    cache_key a, b;
    sender_verdict v, out;
    char long_sender[SMSREP_SENDER_MAX + 1];
    (void)state;
    memset(&c, 0, sizeof c);
    memset(&v, 0, sizeof v);
    memset(long_sender, '1', sizeof long_sender);
    assert_false(smsrep__cache_key(&a, long_sender, sizeof long_sender, 0, "JP\0"));
    assert_true(smsrep__cache_key(&a, "22000", 5, 0, "US\0"));
    v.v.score = 7;
    smsrep__cache_put(&c, 64, &a, &v);
    assert_true(smsrep__cache_get(&c, 64, &a, &out));
    assert_int_equal(out.v.score, 7);
    assert_true(smsrep__cache_key(&b, "22001", 5, 0, "US\0"));
    b.hash = a.hash; /* a collision */
    assert_false(smsrep__cache_get(&c, 64, &b, &out));
    assert_true(smsrep__cache_key(&b, "22000", 5, 4, "US\0"));
    b.hash = a.hash;
    assert_false(smsrep__cache_get(&c, 64, &b, &out));
    assert_true(smsrep__cache_key(&b, "22000", 5, 0, "GB\0"));
    b.hash = a.hash;
    assert_false(smsrep__cache_get(&c, 64, &b, &out));
    assert_false(smsrep__cache_get(&c, 0, &a, &out)); /* off */
    smsrep__cache_free(&c);
}

/* A verdict one connection judged serves another through the shared
 * cache, which fills the second connection's own cache. */
static void connections_share_their_verdicts(void **state)
{
    smsrep_db *db = NULL;
    worker *a = NULL, *b = NULL;
    input in = { "05053704545", 11, "JP", 0 };
    smsrep_verdict first, again, kept;
    sender_verdict out;
    cache_key key;
    size_t entries;
    (void)state;

    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    assert_true(smsrep__cache_key(&key, in.sender, in.len, 0, "JP\0"));
    assert_int_equal(smsrep__pool_acquire(&db->pool, &a), SMSREP_OK);
    /* a is held, so this check runs on another connection */
    assert_int_equal(check(db, &in, &first), SMSREP_OK);
    assert_false(smsrep__cache_get(&a->cache, entries = db->cache_entries, &key, &out));
    assert_true(smsrep__shared_get(&db->shared, entries, &key, &out));
    /* the caches keep the sender's verdict and judgement; finished, they
     * are the verdict (but for struct_size, which api.c fills in) */
    kept = out.v;
    smsrep__judge_finish(&out.j, &kept);
    kept.struct_size = first.struct_size;
    assert_memory_equal(&kept, &first, sizeof kept);
    /* now hold the other one and free a: the check runs on a */
    assert_int_equal(smsrep__pool_acquire(&db->pool, &b), SMSREP_OK);
    assert_ptr_not_equal(a, b);
    smsrep__pool_release(a);
    assert_int_equal(check(db, &in, &again), SMSREP_OK);
    assert_memory_equal(&again, &first, sizeof again);
    assert_true(smsrep__cache_get(&a->cache, entries = db->cache_entries, &key, &out));
    smsrep__pool_release(b);
    smsrep_close(db);
}

/* An overlay whose complaints about a number fade with time. */
static void write_overlay(const char *path)
{
    char sql[8192];
    FILE *f = fopen(SMSREP_SOURCE_DIR "/db/overlay.sql", "rb");
    size_t n;
    sqlite3 *db = NULL;
    assert_non_null(f);
    n = fread(sql, 1, sizeof sql - 1, f);
    sql[n] = '\0';
    fclose(f);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "INSERT INTO source VALUES ('operator', 'own list', '', '', "
                                  "'2026-11-22', '');"
                                  "INSERT INTO report VALUES ('12025550201', 'operator', 12, 0, "
                                  "'2026-11-01', '2026-11-20');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
}

static void verdicts_that_age_are_not_kept(void **state)
{
    char path[] = "/tmp/smsrep-cache-overlay-XXXXXX";
    int fd = mkstemp(path);
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict fresh = SMSREP_VERDICT_INIT, stale = SMSREP_VERDICT_INIT;
    input in = { "+12025550201", 12, "US", 0 };
    (void)state;

    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    write_overlay(path);
    assert_int_equal(smsrep_open(&db, NULL, path, NULL, 0), SMSREP_OK);
    q.sender = in.sender;
    q.sender_len = in.len;
    memcpy(q.region, "US", 3);
    q.time = INT64_C(1795305600); /* 2026-11-22: twelve recent complaints */
    assert_int_equal(smsrep_check(db, &q, &fresh), SMSREP_OK);
    assert_true(fresh.reasons & SMSREP_REASON_BIT(SMSREP_REASON_REPORTED_NUMBER));
    assert_false(cached(db, &in));
    q.time += INT64_C(86400) * 3650; /* ten years on they weigh nothing */
    assert_int_equal(smsrep_check(db, &q, &stale), SMSREP_OK);
    assert_false(stale.reasons & SMSREP_REASON_BIT(SMSREP_REASON_REPORTED_NUMBER));
    smsrep_close(db);
    unlink(path);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(cache_never_changes_a_verdict),
    cmocka_unit_test(eviction_never_changes_a_verdict),
    cmocka_unit_test(the_cache_is_bounded),
    cmocka_unit_test(keys_are_compared_whole),
    cmocka_unit_test(connections_share_their_verdicts),
    cmocka_unit_test(verdicts_that_age_are_not_kept),
};

SMSREP_TEST_MAIN(tests)
