/* SPDX-License-Identifier: Apache-2.0
 * test_overlay.c: an operator's overlay over the fixture database: deny and
 * allow rules for numbers, ranges, short codes and sender IDs beat the
 * bundled data; complaint reports decay and never make a number spoofed;
 * bad overlays are refused. Overlays are made here from db/overlay.sql. */
#include "testing.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "smsrep.h"

/* 2026-11-22T00:00:00Z: the checks' time, so report ages are fixed. */
#define NOW INT64_C(1795305600)

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Makes an overlay file from the schema plus rows; returns its path. */
static char *make_overlay(const char *rows)
{
    static char path[64];
    char *schema = read_all(SMSREP_SOURCE_DIR "/db/overlay.sql");
    sqlite3 *db = NULL;
    char *err = NULL;
    int fd;

    snprintf(path, sizeof path, "/tmp/smsrep-overlay-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    if (sqlite3_exec(db, schema, NULL, NULL, &err) != SQLITE_OK ||
        sqlite3_exec(db,
                     "INSERT INTO source VALUES ('operator', 'the operator''s own list', '', '', "
                     "'2026-11-22', '');"
                     "INSERT INTO source VALUES ('complaints', 'Complaint data set', "
                     "'https://example.org/c', 'public domain', '2026-11-22', 'Example');"
                     "INSERT INTO meta VALUES ('overlay_version', '2026-11-22T10:00:00Z');",
                     NULL, NULL, &err) != SQLITE_OK ||
        sqlite3_exec(db, rows, NULL, NULL, &err) != SQLITE_OK)
        fail_msg("overlay: %s", err);
    sqlite3_close(db);
    free(schema);
    return path;
}

static smsrep_db *open_with(const char *overlay)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    if (smsrep_open(&db, SMSREP_FIXTURE_DB, overlay, err, sizeof err) != SMSREP_OK)
        fail_msg("%s", err);
    return db;
}

static smsrep_verdict check(smsrep_db *db, const char *sender, const char *region)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    q.sender = sender;
    q.sender_len = strlen(sender);
    q.time = NOW;
    strncpy(q.region, region, 3);
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_OK);
    return v;
}

#define RULE(kind, region, prefix, minl, maxl, action) \
    "INSERT INTO rule VALUES ('" kind "', '" region "', '" prefix "', " #minl ", " #maxl ", '" action \
    "', 'test', '2026-11-22', 'operator');"

static void deny_and_allow_beat_the_bundled_data(void **state)
{
    char *path = make_overlay(RULE("number", "", "819012355678", 12, 12, "deny")
                              RULE("number", "", "12025550123", 11, 11, "allow"));
    smsrep_db *db = open_with(path);
    smsrep_verdict v;
    (void)state;

    v = check(db, "090-1235-5678", "JP"); /* an ordinary mobile, denied */
    assert_int_equal(v.class_, SMSREP_CLASS_BLOCKED);
    assert_int_equal(v.score, 100);
    assert_int_equal(v.recommendation, SMSREP_RECOMMEND_BLOCK);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_OVERLAY_DENY));
    assert_string_equal(v.source, "operator");

    v = check(db, "+1 202 555 0123", "US"); /* fictional in the fixture, allowed */
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.score, 0);
    assert_int_equal(v.recommendation, SMSREP_RECOMMEND_ALLOW);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_OVERLAY_ALLOW));
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_FICTIONAL_RANGE)); /* still said */

    v = check(db, "+1 202 555 0124", "US"); /* its neighbour keeps the bundled verdict */
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    smsrep_close(db);
    unlink(path);
}

static void ranges_have_lengths_and_the_longest_prefix_wins(void **state)
{
    char *path = make_overlay(RULE("number", "", "8190123", 12, 12, "deny")
                              RULE("number", "", "819012355555", 12, 12, "allow"));
    smsrep_db *db = open_with(path);
    smsrep_verdict v;
    (void)state;

    assert_int_equal(check(db, "090-1235-1111", "JP").class_, SMSREP_CLASS_BLOCKED);
    v = check(db, "090-1235-5555", "JP"); /* the exact allow beats its range */
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_OVERLAY_ALLOW));
    assert_int_equal(check(db, "090-1245-1111", "JP").class_, SMSREP_CLASS_UNKNOWN);
    smsrep_close(db);
    unlink(path);
}

static void short_codes_and_sender_ids(void **state)
{
    char *path = make_overlay(RULE("short_code", "US", "22000", 0, 0, "deny")
                              RULE("sender_id", "JP", "ACME", 0, 0, "deny")
                              RULE("sender_id", "*", "NEWBANK", 0, 0, "allow"));
    smsrep_db *db = open_with(path);
    smsrep_verdict v;
    (void)state;

    v = check(db, "22000", "US"); /* Acme's documented code, denied anyway */
    assert_int_equal(v.class_, SMSREP_CLASS_BLOCKED);
    assert_int_equal(check(db, "22000", "JP").class_, SMSREP_CLASS_UNKNOWN); /* other region */
    assert_int_equal(check(db, "acme", "JP").class_, SMSREP_CLASS_BLOCKED);
    assert_int_equal(check(db, "acme", "GB").class_, SMSREP_CLASS_TRUSTED); /* bundled */
    v = check(db, "NewBank", "SG");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_true(v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_OVERLAY_ALLOW));
    smsrep_close(db);
    unlink(path);
}

/* Reports decay by half every 90 days and never make a number spoofed. */
static void reports_decay_and_never_spoof(void **state)
{
    char *path = make_overlay(
        "INSERT INTO report VALUES ('819012351111', 'complaints', 3, 1, '2026-11-01', '2026-11-20');"
        "INSERT INTO report VALUES ('819012352222', 'complaints', 3, 3, '2024-01-01', '2024-11-20');"
        "INSERT INTO report VALUES ('819012353333', 'complaints', 40, 40, '2026-10-01', '2026-11-21');"
        "INSERT INTO report VALUES ('819012340000', 'complaints', 500, 500, '2026-10-01', '2026-11-21');");
    smsrep_db *db = open_with(path);
    smsrep_verdict v;
    (void)state;

    v = check(db, "090-1235-1111", "JP"); /* 3 reports, 2 days old */
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, SMSREP_REASON_BIT(SMSREP_REASON_REPORTED_NUMBER));
    assert_string_equal(v.source, "complaints");
    /* 3 reports last seen two years ago weigh 3 * 0.5^(732/90) < 1 */
    assert_int_equal(check(db, "090-1235-2222", "JP").class_, SMSREP_CLASS_UNKNOWN);
    v = check(db, "090-1235-3333", "JP"); /* many and recent */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    v = check(db, "090-1234-0000", "JP"); /* fictional anyway: spoofed, by the range */
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_string_equal(v.source, "fixture-b");
    smsrep_close(db);
    unlink(path);
}

static void info_counts_and_sources(void **state)
{
    char *path = make_overlay(RULE("number", "", "819012355678", 12, 12, "deny")
                              RULE("sender_id", "JP", "ACME", 0, 0, "deny"));
    smsrep_db *db = open_with(path);
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    smsrep_source_info src = SMSREP_SOURCE_INFO_INIT;
    smsrep_count rows[32];
    size_t n, i;
    int seen = 0;
    (void)state;

    assert_int_equal(smsrep_db_info_get(db, &info), SMSREP_OK);
    assert_int_equal(info.has_overlay, 1);
    assert_string_equal(info.overlay_version, "2026-11-22T10:00:00Z");
    assert_int_equal(smsrep_source(db, "operator", &src), SMSREP_OK);
    assert_string_equal(src.name, "the operator's own list");
    assert_int_equal(smsrep_source(db, "fixture-a", &src), SMSREP_OK); /* bundled still found */
    for (i = 0; i < 32; i++)
        rows[i].struct_size = sizeof rows[i];
    assert_int_equal(smsrep_db_counts(db, SMSREP_COUNT_BY_TABLE, rows, 32, &n), SMSREP_OK);
    for (i = 0; i < n; i++)
        if (strcmp(rows[i].table, "overlay_rule") == 0) {
            assert_int_equal(rows[i].rows, 2);
            seen = 1;
        }
    assert_true(seen);
    smsrep_close(db);
    unlink(path);
}

static void bad_overlays_are_refused(void **state)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    char *path = make_overlay("PRAGMA user_version = 7;");
    (void)state;
    assert_int_equal(smsrep_open(&db, SMSREP_FIXTURE_DB, path, err, sizeof err),
                     SMSREP_E_DB_VERSION);
    assert_non_null(strstr(err, "overlay"));
    assert_null(db);
    unlink(path);
    path = make_overlay("DROP TABLE rule; CREATE TABLE rule (x);");
    assert_int_equal(smsrep_open(&db, SMSREP_FIXTURE_DB, path, err, sizeof err),
                     SMSREP_E_DB_CORRUPT);
    unlink(path);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(deny_and_allow_beat_the_bundled_data),
    cmocka_unit_test(ranges_have_lengths_and_the_longest_prefix_wins),
    cmocka_unit_test(short_codes_and_sender_ids),
    cmocka_unit_test(reports_decay_and_never_spoof),
    cmocka_unit_test(info_counts_and_sources),
    cmocka_unit_test(bad_overlays_are_refused),
};

SMSREP_TEST_MAIN(tests)
