/* SPDX-License-Identifier: Apache-2.0
 * test_store.c: the store (store.c, image.c, lookup.c, catalogue.c, pool.c)
 * under a handle over the fixture database: the three ways to open,
 * refusal of files that are not ours, of other schema versions and of
 * corrupt images (never a crash), every lookup with longest-prefix and
 * length rules, provenance, counts, and a pool that never makes one check
 * wait for another. */
#include "testing.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "alnum.h"
#include "lookalike.h"
#include "handle.h"
#include "lookup.h"
#include "tables.h"

static smsrep_db *open_fixture(void)
{
    smsrep_db *s = NULL;
    char err[SMSREP_ERRBUF_SIZE] = "";
    int status = smsrep__handle_open(&s, SMSREP_FIXTURE_DB, NULL, 0, NULL, err, sizeof err);
    if (status != SMSREP_OK)
        fail_msg("cannot open the fixture: %s", err);
    return s;
}

/* Opens an image from memory and returns the status (closing on success). */
static int open_image(const void *data, size_t size, char *err, size_t cap)
{
    smsrep_db *s = NULL;
    int status = smsrep__handle_open(&s, NULL, data, size, NULL, err, cap);
    assert_true((status == SMSREP_OK) == (s != NULL));
    smsrep__handle_close(s);
    return status;
}

static void opens_path_memory_and_embedded(void **state)
{
    smsrep_db *s = NULL;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    size_t size;
    unsigned char *image = test_slurp(SMSREP_FIXTURE_DB, &size);
    (void)state;

    s = open_fixture();
    assert_int_equal(smsrep_db_info_get(s, &info), SMSREP_OK);
    assert_string_equal(info.data_version, "2000.01.01");
    assert_int_equal(info.embedded, 0);
    assert_int_equal(info.schema_version, SMSREP__SCHEMA_VERSION);
    smsrep__handle_close(s);

    assert_int_equal(smsrep__handle_open(&s, NULL, image, size, NULL, NULL, 0), SMSREP_OK);
    memset(image, 0, size); /* the handle holds its own copy */
    assert_int_equal(smsrep_db_info_get(s, &info), SMSREP_OK);
    assert_string_equal(info.data_version, "2000.01.01");
    smsrep__handle_close(s);
    free(image);

    assert_int_equal(smsrep__handle_open(&s, NULL, NULL, 0, NULL, NULL, 0), SMSREP_OK);
    assert_int_equal(smsrep_db_info_get(s, &info), SMSREP_OK);
    assert_int_equal(info.embedded, 1);
    smsrep__handle_close(s);
    smsrep__handle_close(NULL);
}

static void refuses_missing_empty_and_foreign_files(void **state)
{
    char err[SMSREP_ERRBUF_SIZE];
    smsrep_db *s = (smsrep_db *)(uintptr_t)1;
    static const char text[] = "this is not a database, just some text\n";
    (void)state;

    assert_int_equal(smsrep__handle_open(&s, "/nonexistent/smsrep.sqlite", NULL, 0, NULL, err, sizeof err),
                     SMSREP_E_DB_OPEN);
    assert_null(s);
    assert_non_null(strstr(err, "/nonexistent/smsrep.sqlite"));
    assert_int_equal(open_image("", 0, err, sizeof err), SMSREP_E_DB_FORMAT);
    assert_int_equal(open_image(text, sizeof text, err, sizeof err), SMSREP_E_DB_FORMAT);
    /* a tiny error buffer is still NUL-terminated */
    assert_int_equal(open_image(text, sizeof text, err, 4), SMSREP_E_DB_FORMAT);
    assert_int_equal(strlen(err), 3);
}

/* Writes an SQLite database with the given SQL, over a copy of the file
 * BASE (NULL: an empty one), and opens it as an image. */
static int open_changed(const char *base, const char *sql, char *err, size_t cap)
{
    char path[] = "/tmp/smsrep-test-XXXXXX";
    int fd = mkstemp(path);
    sqlite3 *db = NULL;
    size_t size;
    unsigned char *image;
    int status;

    assert_true(fd >= 0);
    if (base != NULL) {
        image = test_slurp(base, &size);
        assert_int_equal(write(fd, image, size), (ssize_t)size);
        free(image);
    }
    close(fd);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    image = test_slurp(path, &size);
    unlink(path);
    status = open_image(image, size, err, cap);
    free(image);
    return status;
}

static int open_sql(const char *sql, char *err, size_t cap)
{
    return open_changed(NULL, sql, err, cap);
}

static void refuses_other_applications_and_versions(void **state)
{
    char err[SMSREP_ERRBUF_SIZE];
    (void)state;
    assert_int_equal(open_sql("CREATE TABLE t(x);", err, sizeof err), SMSREP_E_DB_FORMAT);
    assert_non_null(strstr(err, "not a libsmsrep"));
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 99;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_VERSION);
    assert_non_null(strstr(err, "99"));
    /* a database built for 0.1 (schema 1) is another version */
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 1;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_VERSION);
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 2;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_VERSION); /* 0.1's schema; 0.2 added brand sectors */
    /* the right version with tables of its own: not the library's schema */
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 3;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_VERSION); /* 0.2's schema; issue 13 added lookalike_word */
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 4;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_VERSION); /* 0.3.0's schema; 0.3.1 added dlt_letter */
    assert_int_equal(open_sql("PRAGMA application_id = 1397576530; PRAGMA user_version = 5;"
                              "CREATE TABLE t(x);", err, sizeof err),
                     SMSREP_E_DB_CORRUPT);
}

/* Issue 12: a generated column that calls printf() with a huge width ran
 * while the file was checked (113 s, 1.77 GB) and the file was "ok". Any
 * schema other than the library's is refused before a row is read. */
static void refuses_schemas_of_their_own(void **state)
{
    static const char *const changes[] = {
        "ALTER TABLE source ADD COLUMN x TEXT AS (printf('%.*c', 900000000, 'x')) VIRTUAL;",
        "CREATE TABLE extra(x);",
        "CREATE INDEX extra ON source(name);",
        "DROP INDEX IF EXISTS number_range_prefix; CREATE TABLE y(z);",
        "CREATE VIEW v AS SELECT 1;",
        "CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END;",
    };
    char err[SMSREP_ERRBUF_SIZE];
    size_t i;
    (void)state;
    for (i = 0; i < sizeof changes / sizeof changes[0]; i++) {
        assert_int_equal(open_changed(SMSREP_FIXTURE_DB, changes[i], err, sizeof err),
                         SMSREP_E_DB_CORRUPT);
        assert_non_null(strstr(err, "schema is not the library's"));
    }
    /* the fixture as built, and its statistics from ANALYZE, are accepted */
    assert_int_equal(open_changed(SMSREP_FIXTURE_DB, "ANALYZE;", err, sizeof err), SMSREP_OK);
}

/* Damaged copies of the fixture: cut short, or with bytes changed inside
 * its pages. Each must be refused or (if the damage misses everything the
 * checks read) opened; none may crash. Sanitizer builds make a memory error
 * here a failure. */
static void survives_damaged_images(void **state)
{
    size_t size, i;
    unsigned char *image = test_slurp(SMSREP_FIXTURE_DB, &size);
    unsigned char *copy = malloc(size);
    char err[SMSREP_ERRBUF_SIZE];
    int status, refused = 0;
    (void)state;

    assert_non_null(copy);
    status = open_image(image, size / 2, err, sizeof err);
    assert_int_not_equal(status, SMSREP_OK);
    for (i = 100; i < size; i += 997) {
        memcpy(copy, image, size);
        copy[i] ^= 0x5A;
        copy[(i * 7) % size] ^= 0xFF;
        status = open_image(copy, size, err, sizeof err);
        assert_true(status == SMSREP_OK || status == SMSREP_E_DB_CORRUPT ||
                    status == SMSREP_E_DB_FORMAT || status == SMSREP_E_DB_VERSION ||
                    status == SMSREP_E_DB_OPEN);
        refused += status != SMSREP_OK;
    }
    assert_true(refused > 0);
    free(copy);
    free(image);
}

static void longest_prefix_with_lengths(void **state)
{
    smsrep_db *s = open_fixture();
    worker *c = NULL;
    store_row r;
    (void)state;

    assert_int_equal(smsrep__pool_acquire(&s->pool, &c), SMSREP_OK);
    assert_int_equal(smsrep__lookup_range(c->conn, "819012345678", &r), SMSREP_OK);
    assert_true(r.found);
    assert_int_equal(r.signal, SIG_FICTIONAL);            /* the nested block wins */
    assert_string_equal(r.source, "fixture-b");
    assert_int_equal(smsrep__lookup_range(c->conn, "819012355678", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_PLAN);
    assert_int_equal(r.number_type, SMSREP_TYPE_MOBILE);
    assert_string_equal(r.region, "JP");
    assert_int_equal(smsrep__lookup_range(c->conn, "812041234567", &r), SMSREP_OK);
    assert_int_equal(r.number_type, SMSREP_TYPE_PAGER);
    assert_int_equal(smsrep__lookup_range(c->conn, "812012345678", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_M2M);
    assert_int_equal(smsrep__lookup_range(c->conn, "812001234567890", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_M2M);                  /* 0200: 15 digits */
    assert_int_equal(smsrep__lookup_range(c->conn, "8120012345678", &r), SMSREP_OK);
    assert_false(r.found);                                 /* no row has 13 digits */
    assert_int_equal(smsrep__lookup_range(c->conn, "8190123456789", &r), SMSREP_OK);
    assert_false(r.found);                                 /* one digit too many */
    assert_int_equal(smsrep__lookup_range(c->conn, "81990123456", &r), SMSREP_OK);
    assert_int_equal(r.reply_cost, SMSREP_COST_PREMIUM);
    assert_int_equal(smsrep__lookup_range(c->conn, "447700900123", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_FICTIONAL);
    assert_int_equal(smsrep__lookup_range(c->conn, "447700901123", &r), SMSREP_OK);
    assert_false(r.found);
    smsrep__pool_release(c);
    smsrep__handle_close(s);
}

static void exact_numbers_by_destination(void **state)
{
    smsrep_db *s = open_fixture();
    worker *c = NULL;
    store_row r;
    (void)state;

    assert_int_equal(smsrep__pool_acquire(&s->pool, &c), SMSREP_OK);
    assert_int_equal(smsrep__lookup_known_number(c->conn, "815012345678", "JP", &r), SMSREP_OK);
    assert_true(r.found);
    assert_string_equal(r.brand, "Acme");
    assert_int_equal(r.confidence, CONF_HIGH);
    assert_string_equal(r.region, "JP");
    /* documented for JP only: found for a US recipient, its region says so */
    assert_int_equal(smsrep__lookup_known_number(c->conn, "815012345678", "US", &r), SMSREP_OK);
    assert_true(r.found);
    assert_string_equal(r.region, "JP");
    assert_int_equal(smsrep__lookup_known_number(c->conn, "815099999999", "JP", &r), SMSREP_OK);
    assert_false(r.found);
    assert_int_equal(smsrep__lookup_known_number(c->conn, "447911123456", "FR", &r), SMSREP_OK);
    assert_true(r.found);                                  /* dest_region '*' */
    assert_int_equal(r.confidence, CONF_MEDIUM);
    assert_int_equal(smsrep__lookup_known_number(c->conn, "447911123456", "", &r), SMSREP_OK);
    assert_true(r.found);
    assert_int_equal(smsrep__lookup_known_number(c->conn, "12125551234", "JP", &r), SMSREP_OK);
    assert_int_equal(r.confidence, CONF_LOW);
    smsrep__pool_release(c);
    smsrep__handle_close(s);
}

static void short_codes_by_region_and_shape(void **state)
{
    smsrep_db *s = open_fixture();
    worker *c = NULL;
    store_row r;
    (void)state;

    assert_int_equal(smsrep__pool_acquire(&s->pool, &c), SMSREP_OK);
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "00051234", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_REGISTERED);
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "0005123456", &r), SMSREP_OK);
    assert_true(r.found);
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "0005123", &r), SMSREP_OK);
    assert_false(r.found);                                  /* 7 digits: too short */
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "00051234567", &r), SMSREP_OK);
    assert_false(r.found);                                  /* 11 digits: too long */
    assert_int_equal(smsrep__lookup_short_code(c->conn, "US", "22000", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_BRAND_SENDER);
    assert_string_equal(r.brand, "Acme");
    assert_int_equal(r.reply_cost, SMSREP_COST_STANDARD);
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "22000", &r), SMSREP_OK);
    assert_false(r.found);
    assert_int_equal(smsrep__lookup_short_code(c->conn, "JP", "110", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_EMERGENCY);
    smsrep__pool_release(c);
    smsrep__handle_close(s);
}

static void sender_ids_and_brand_names(void **state)
{
    smsrep_db *s = open_fixture();
    worker *c = NULL;
    store_row r;
    lookalike_match m;
    alnum_form f;
    (void)state;

    assert_int_equal(smsrep__pool_acquire(&s->pool, &c), SMSREP_OK);
    assert_int_equal(smsrep__lookup_sender_id(c->conn, "JP", "ACME", &r), SMSREP_OK);
    assert_true(r.found);                                  /* region '*' */
    assert_int_equal(r.signal, SIG_REGISTERED);
    assert_string_equal(r.brand, "Acme");
    assert_int_equal(smsrep__lookup_sender_id(c->conn, "US", "EXBANK", &r), SMSREP_OK);
    assert_false(r.found);
    assert_int_equal(smsrep__lookup_sender_id(c->conn, "JP", "EXBANK", &r), SMSREP_OK);
    assert_string_equal(r.brand, "ExampleBank");
    assert_int_equal(smsrep__lookup_sender_id(c->conn, "GB", "INFO", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_GENERIC);

    assert_string_equal(r.sector, "");
    assert_int_equal(smsrep__lookup_sender_id(c->conn, "IN", "EXBANK", &r), SMSREP_OK);
    assert_string_equal(r.sector, "bank");                 /* brands.csv sector */

    /* An Indian DLT header's letters: the first names the access provider,
     * the second the service area; a letter without a row names none. */
    {
        char op[32], circle[32];
        assert_int_equal(smsrep__lookup_dlt_letters(c->conn, "VM", op, sizeof op, circle,
                                                    sizeof circle), SMSREP_OK);
        assert_string_equal(op, "Test Operator V");
        assert_string_equal(circle, "Test Circle M");
        assert_int_equal(smsrep__lookup_dlt_letters(c->conn, "MV", op, sizeof op, circle,
                                                    sizeof circle), SMSREP_OK);
        assert_string_equal(op, "");                       /* M names no operator */
        assert_string_equal(circle, "");                   /* V names no circle */
        assert_int_equal(smsrep__lookup_dlt_letters(c->conn, "VM", op, 5, circle, 5),
                         SMSREP_OK);
        assert_string_equal(op, "Test");                   /* cut, never overrun */
    }

    /* The names were read at open: brand names, aliases, registered and
     * generic IDs, each with the library's own keys. */
    assert_int_equal(smsrep__alnum_forms("ACME CORP", 9, &f), SMSREP_OK);
    smsrep__lookalike_brand(&s->names, &f, &m);
    assert_int_equal(m.how, LOOK_EXACT);
    assert_string_equal(m.target->brand, "Acme");
    assert_int_equal(smsrep__alnum_forms("\xCE\x91" "CME", 5, &f), SMSREP_OK); /* Greek Alpha */
    smsrep__lookalike_brand(&s->names, &f, &m);
    assert_int_equal(m.how, LOOK_ALIKE);
    assert_string_equal(m.target->brand, "Acme");
    assert_int_equal(smsrep__alnum_forms("ZENITH", 6, &f), SMSREP_OK);
    smsrep__lookalike_brand(&s->names, &f, &m);
    assert_int_equal(m.how, LOOK_NONE);
    assert_int_equal(smsrep__alnum_forms("1NFO", 4, &f), SMSREP_OK);
    smsrep__lookalike_generic(&s->names, "GB", &f, &m);
    assert_int_equal(m.how, LOOK_ALIKE);
    smsrep__lookalike_generic(&s->names, "JP", &f, &m);
    assert_int_equal(m.how, LOOK_NONE);                    /* the list is the UK's */

    assert_int_equal(smsrep__lookup_alnum_rule(c->conn, "IN", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_DLT);
    assert_int_equal(smsrep__lookup_alnum_rule(c->conn, "US", &r), SMSREP_OK);
    assert_int_equal(r.signal, SIG_NOT_DELIVERED);
    assert_int_equal(smsrep__lookup_alnum_rule(c->conn, "JP", &r), SMSREP_OK);
    assert_false(r.found);
    smsrep__pool_release(c);
    smsrep__handle_close(s);
}

static void sources_and_counts(void **state)
{
    smsrep_db *s = open_fixture();
    smsrep_source_info info = SMSREP_SOURCE_INFO_INIT;
    smsrep_count rows[16];
    size_t n = 0, i;
    uint64_t sum = 0;
    (void)state;

    assert_int_equal(smsrep_source(s, "fixture-b", &info), SMSREP_OK);
    assert_string_equal(info.name, "Fixture source B, with a comma");
    assert_string_equal(info.url, "https://example.org/b");
    assert_string_equal(info.retrieved, "2000-01-02");
    assert_int_equal(smsrep_source(s, "nope", &info), SMSREP_E_NOT_FOUND);

    for (i = 0; i < 16; i++)
        rows[i].struct_size = sizeof rows[i];
    assert_int_equal(smsrep_db_counts(s, SMSREP_COUNT_BY_TABLE, rows, 16, &n), SMSREP_OK);
    assert_int_equal(n, 12);
    assert_string_equal(rows[0].table, "alnum_rule");
    assert_int_equal(rows[0].rows, 4);
    assert_string_equal(rows[1].table, "brand");
    assert_int_equal(rows[1].rows, 2);
    assert_string_equal(rows[3].table, "declaration");
    assert_int_equal(rows[3].rows, 1);
    assert_string_equal(rows[4].table, "dlt_letter");
    assert_int_equal(rows[4].rows, 2);
    assert_string_equal(rows[6].table, "lookalike_word");
    assert_int_equal(rows[6].rows, 2);
    assert_string_equal(rows[7].table, "number_range");
    assert_int_equal(rows[7].rows, 36); /* 12 rows; three expand into 9 prefixes each */
    assert_string_equal(rows[8].table, "phrase");
    assert_int_equal(rows[8].rows, 10);
    assert_int_equal(smsrep_db_counts(s, SMSREP_COUNT_BY_REGION, rows, 2, &n), SMSREP_OK);
    assert_true(n > 2);                  /* more groups than room: total still told */
    assert_int_equal(smsrep_db_counts(s, SMSREP_COUNT_BY_SOURCE, rows, 16, &n), SMSREP_OK);
    for (i = 0; i < n; i++)
        sum += rows[i].rows;
    assert_int_equal(sum, 4 + 2 + 1 + 1 + 2 + 3 + 2 + 36 + 10 + 6 + 5); /* every data row names a source */
    smsrep__handle_close(s);
}

/* Sources remembered per connection give what the database says, for the
 * id asked, however many ids take turns in the few slots. */
static void remembered_sources_are_the_right_ones(void **state)
{
    smsrep_db *s = NULL;
    smsrep_count rows[32];
    static smsrep_source_info first[32];
    size_t n = 0, i, k, round;
    (void)state;
    assert_int_equal(smsrep__handle_open(&s, NULL, NULL, 0, NULL, NULL, 0), SMSREP_OK);
    for (i = 0; i < 32; i++)
        rows[i].struct_size = sizeof rows[i];
    assert_int_equal(smsrep_db_counts(s, SMSREP_COUNT_BY_SOURCE, rows, 32, &n), SMSREP_OK);
    n = n < 32 ? n : 32;
    assert_true(n > 8);
    for (round = 0; round < 3; round++) {
        for (k = 0; k < n; k++) {
            smsrep_source_info a = SMSREP_SOURCE_INFO_INIT, b = SMSREP_SOURCE_INFO_INIT;
            i = round == 1 ? n - 1 - k : k;
            assert_int_equal(smsrep_source(s, rows[i].key, &a), SMSREP_OK);
            assert_int_equal(smsrep_source(s, rows[i].key, &b), SMSREP_OK);
            assert_string_equal(a.id, rows[i].key);
            assert_memory_equal(&a, &b, sizeof a);
            if (round == 0)
                first[i] = a;
            else
                assert_memory_equal(&a, &first[i], sizeof a);
        }
    }
    smsrep__handle_close(s);
}

/* A check holding its connection never makes another check wait: a second
 * acquire gets a different connection at once; the pool then reuses them. */
static void pool_never_blocks(void **state)
{
    smsrep_db *s = open_fixture();
    worker *a = NULL, *b = NULL, *again = NULL;
    (void)state;
    assert_int_equal(smsrep__pool_acquire(&s->pool, &a), SMSREP_OK);
    assert_int_equal(smsrep__pool_acquire(&s->pool, &b), SMSREP_OK);
    assert_ptr_not_equal(a, b);
    smsrep__pool_release(a);
    smsrep__pool_release(b);
    assert_int_equal(smsrep__pool_acquire(&s->pool, &again), SMSREP_OK);
    assert_true(again == a || again == b);
    smsrep__pool_release(again);
    smsrep__handle_close(s);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(opens_path_memory_and_embedded),
    cmocka_unit_test(refuses_missing_empty_and_foreign_files),
    cmocka_unit_test(refuses_other_applications_and_versions),
    cmocka_unit_test(survives_damaged_images),
    cmocka_unit_test(longest_prefix_with_lengths),
    cmocka_unit_test(exact_numbers_by_destination),
    cmocka_unit_test(short_codes_by_region_and_shape),
    cmocka_unit_test(sender_ids_and_brand_names),
    cmocka_unit_test(refuses_schemas_of_their_own),
    cmocka_unit_test(sources_and_counts),
    cmocka_unit_test(remembered_sources_are_the_right_ones),
    cmocka_unit_test(pool_never_blocks),
};

SMSREP_TEST_MAIN(tests)
