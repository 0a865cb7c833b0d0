/* SPDX-License-Identifier: Apache-2.0
 * test_faults.c: database files that go wrong, through the public API:
 * zero-byte, truncated at every interesting length, corrupt page by page,
 * empty, of another application, schema or encoding, a directory; and files
 * replaced, truncated or deleted while handles are open, which must keep
 * answering exactly as before. Each case gets a status and a sentence,
 * never a crash (the sanitizer build makes a memory error a failure). */
#include "testing.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "smsrep.h"

static const struct { const char *sender, *region; } probes[] = {
    { "05053704545", "JP" }, { "+15622628360", "JP" }, { "+12025550123", "US" },
    { "22000", "US" },       { "AMAZ0N", "JP" },       { "0005123456", "JP" },
    { "+447700900123", "GB" }, { "Likely-SCAM", "SG" },
};
#define PROBES (sizeof probes / sizeof probes[0])

static char dir[] = "/tmp/smsrep-faults-XXXXXX";

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

/* A path in this run's own directory, made at the first call. */
static const char *path_of(const char *name)
{
    static char path[4][256];
    static int which, made;
    char *p = path[which++ % 4];
    if (!made) {
        assert_non_null(mkdtemp(dir));
        atexit(remove_dir);
        made = 1;
    }
    snprintf(p, sizeof path[0], "%s/%s", dir, name);
    return p;
}

static void spit(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

/* Checks every probe; a handle must answer OK or, on a database damaged
 * where open's checks did not look, db_query_failed. */
static void check_all(smsrep_db *db, int status[PROBES], smsrep_verdict v[PROBES])
{
    size_t i;
    for (i = 0; i < PROBES; i++) {
        smsrep_query q = SMSREP_QUERY_INIT;
        smsrep_verdict init = SMSREP_VERDICT_INIT;
        v[i] = init;
        q.sender = probes[i].sender;
        q.sender_len = strlen(probes[i].sender);
        memcpy(q.region, probes[i].region, 3);
        status[i] = smsrep_check(db, &q, &v[i]);
        assert_true(status[i] == SMSREP_OK || status[i] == SMSREP_E_DB_QUERY);
    }
}

/* Opens a file that must be refused with one of the database statuses and
 * a sentence; returns the status. */
static int refused(const char *path)
{
    smsrep_db *db = (smsrep_db *)(uintptr_t)1;
    char err[SMSREP_ERRBUF_SIZE] = "";
    int status = smsrep_open(&db, path, NULL, err, sizeof err);
    if (status == SMSREP_OK)
        fail_msg("%s was opened", path);
    assert_null(db);
    assert_true(status == SMSREP_E_DB_OPEN || status == SMSREP_E_DB_FORMAT ||
                status == SMSREP_E_DB_VERSION || status == SMSREP_E_DB_CORRUPT);
    assert_true(err[0] != '\0');
    return status;
}

/* Opens a file that may be accepted (damage the checks cannot see) or
 * refused; an accepted one must answer every probe without crashing. */
static int opened_or_refused(const char *path)
{
    smsrep_db *db = NULL;
    char err[SMSREP_ERRBUF_SIZE] = "";
    int status = smsrep_open(&db, path, NULL, err, sizeof err);
    if (status == SMSREP_OK) {
        int st[PROBES];
        smsrep_verdict v[PROBES];
        check_all(db, st, v);
        smsrep_close(db);
        return 1;
    }
    assert_null(db);
    assert_true(status == SMSREP_E_DB_OPEN || status == SMSREP_E_DB_FORMAT ||
                status == SMSREP_E_DB_VERSION || status == SMSREP_E_DB_CORRUPT);
    assert_true(err[0] != '\0');
    return 0;
}

static void zero_byte_missing_and_directory(void **state)
{
    (void)state;
    spit(path_of("zero.sqlite"), "", 0);
    assert_int_equal(refused(path_of("zero.sqlite")), SMSREP_E_DB_FORMAT);
    assert_int_equal(refused(path_of("missing.sqlite")), SMSREP_E_DB_OPEN);
    assert_int_equal(refused(dir), SMSREP_E_DB_OPEN); /* made by path_of() above */
}

/* The real database cut short: inside the header, at the header's end, at
 * page boundaries and between them, and one byte short. */
static void truncated_files(void **state)
{
    size_t size, i;
    unsigned char *image = test_slurp(SMSREP_BUILT_DB, &size);
    const size_t cuts[] = { 1, 15, 16, 99, 100, 512, 4095, 4096, 4097, 8192, size / 3,
                            size / 2, size - 4096, size - 1 };
    (void)state;
    for (i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        spit(path_of("cut.sqlite"), image, cuts[i]);
        if (cuts[i] < size - 4096)
            refused(path_of("cut.sqlite"));
        else
            opened_or_refused(path_of("cut.sqlite"));
    }
    free(image);
}

/* Every page of the real database damaged in turn (its header, its b-tree
 * header, its cells): refused, or opened and answering. */
static void corrupt_pages(void **state)
{
    size_t size, page;
    unsigned char *image = test_slurp(SMSREP_BUILT_DB, &size);
    unsigned char *copy = malloc(size);
    int refusals = 0;
    (void)state;
    assert_non_null(copy);
    for (page = 0; page * 4096 < size; page++) {
        size_t at = page * 4096 + (page == 0 ? 100 : 0), k;
        memcpy(copy, image, size);
        for (k = 0; k < 48 && at + k < size; k++)
            copy[at + k] = (unsigned char)(0xA5 ^ (k * 37));
        spit(path_of("corrupt.sqlite"), copy, size);
        refusals += !opened_or_refused(path_of("corrupt.sqlite"));
    }
    /* and the header itself: page size, then the magic string */
    memcpy(copy, image, size);
    copy[16] = 0x03;
    spit(path_of("corrupt.sqlite"), copy, size);
    refused(path_of("corrupt.sqlite"));
    memcpy(copy, image, size);
    memcpy(copy, "SQLite format 2", 15);
    spit(path_of("corrupt.sqlite"), copy, size);
    assert_int_equal(refused(path_of("corrupt.sqlite")), SMSREP_E_DB_FORMAT);
    assert_true(refusals > 0);
    free(copy);
    free(image);
}

/* Writes an SQLite database made by the given SQL. */
static void make_db(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    unlink(path);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void empty_and_wrong_schema(void **state)
{
    char err[SMSREP_ERRBUF_SIZE];
    smsrep_db *db = NULL;
    (void)state;
    /* an SQLite database without a table */
    make_db(path_of("empty.sqlite"), "PRAGMA user_version = 0; VACUUM;");
    assert_int_equal(refused(path_of("empty.sqlite")), SMSREP_E_DB_FORMAT);
    /* ours by its id and version (schema 5), but with no tables or the wrong ones */
    make_db(path_of("bare.sqlite"), "PRAGMA application_id = 1397576530; PRAGMA user_version = 5;"
                                    "CREATE TABLE meta(key, value);");
    assert_int_equal(refused(path_of("bare.sqlite")), SMSREP_E_DB_CORRUPT);
    make_db(path_of("columns.sqlite"),
            "PRAGMA application_id = 1397576530; PRAGMA user_version = 5;"
            "CREATE TABLE number_range(prefix); CREATE TABLE known_number(number);"
            "CREATE TABLE short_code(region); CREATE TABLE sender_id(region);"
            "CREATE TABLE brand(id); CREATE TABLE brand_name(brand);"
            "CREATE TABLE source(id); CREATE TABLE calling_code(prefix);"
            "CREATE TABLE meta(key, value);");
    assert_int_equal(refused(path_of("columns.sqlite")), SMSREP_E_DB_CORRUPT);
    /* a later schema version */
    make_db(path_of("future.sqlite"), "PRAGMA application_id = 1397576530; PRAGMA user_version = 6;"
                                      "CREATE TABLE t(x);");
    assert_int_equal(refused(path_of("future.sqlite")), SMSREP_E_DB_VERSION);
    /* our tables, in UTF-16: the library reads text as UTF-8 */
    make_db(path_of("utf16.sqlite"), "PRAGMA encoding = 'UTF-16le';"
                                     "PRAGMA application_id = 1397576530; PRAGMA user_version = 5;"
                                     "CREATE TABLE t(x);");
    assert_int_equal(refused(path_of("utf16.sqlite")), SMSREP_E_DB_FORMAT);
    /* an overlay is not a database, nor the database an overlay */
    make_db(path_of("overlay.sqlite"), "PRAGMA application_id = 1397576527; CREATE TABLE t(x);");
    assert_int_equal(refused(path_of("overlay.sqlite")), SMSREP_E_DB_FORMAT);
    assert_int_equal(smsrep_open(&db, NULL, SMSREP_BUILT_DB, err, sizeof err), SMSREP_E_DB_FORMAT);
    assert_null(db);
    assert_non_null(strstr(err, "overlay"));
}

/* A handle is a snapshot: replacing, truncating, rewriting or deleting its
 * file leaves every answer as it was; a new open sees the new file. */
static void files_change_under_open_handles(void **state)
{
    size_t size, fixture_size;
    unsigned char *image = test_slurp(SMSREP_BUILT_DB, &size);
    unsigned char *fixture = test_slurp(SMSREP_FIXTURE_DB, &fixture_size);
    const char *live = path_of("live.sqlite"), *next = path_of("next.sqlite");
    smsrep_db *db = NULL, *other = NULL;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    int before[PROBES], after[PROBES];
    smsrep_verdict vb[PROBES], va[PROBES];
    int round;
    (void)state;

    spit(live, image, size);
    assert_int_equal(smsrep_open(&db, live, NULL, NULL, 0), SMSREP_OK);
    check_all(db, before, vb);
    for (round = 0; round < 4; round++) {
        switch (round) {
        case 0: /* replaced by another database, as an update would */
            spit(next, fixture, fixture_size);
            assert_int_equal(rename(next, live), 0);
            assert_int_equal(smsrep_open(&other, live, NULL, NULL, 0), SMSREP_OK);
            assert_int_equal(smsrep_db_info_get(other, &info), SMSREP_OK);
            assert_string_equal(info.data_version, "2000.01.01");
            smsrep_close(other);
            break;
        case 1: /* rewritten in place with garbage */
            spit(live, "garbage, not a database", 23);
            refused(live);
            break;
        case 2: /* truncated to nothing */
            assert_int_equal(truncate(live, 0), 0);
            refused(live);
            break;
        default: /* deleted */
            assert_int_equal(unlink(live), 0);
            assert_int_equal(refused(live), SMSREP_E_DB_OPEN);
            break;
        }
        check_all(db, after, va);
        assert_memory_equal(before, after, sizeof before);
        assert_memory_equal(vb, va, sizeof vb);
    }
    smsrep_close(db);
    free(image);
    free(fixture);
}

/* The same for an overlay: its rules stay in force until the handle is
 * reopened, whatever happens to the file. */
static void overlay_changes_under_open_handles(void **state)
{
    const char *ov = path_of("ov.sqlite");
    smsrep_db *db = NULL;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    char sql[8192];
    FILE *f = fopen(SMSREP_SOURCE_DIR "/db/overlay.sql", "rb");
    size_t n;
    (void)state;

    assert_non_null(f);
    n = fread(sql, 1, sizeof sql - 1, f);
    sql[n] = '\0';
    fclose(f);
    make_db(ov, sql);
    {
        sqlite3 *s = NULL;
        assert_int_equal(sqlite3_open(ov, &s), SQLITE_OK);
        assert_int_equal(sqlite3_exec(s,
                                      "INSERT INTO source VALUES ('operator', 'own list', '', '',"
                                      " '2026-11-22', '');"
                                      "INSERT INTO rule VALUES ('sender_id', 'JP', 'AMAZ0N', 0, 0,"
                                      " 'deny', '', '2026-11-22', 'operator');",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
        sqlite3_close(s);
    }
    assert_int_equal(smsrep_open(&db, NULL, ov, NULL, 0), SMSREP_OK);
    assert_int_equal(unlink(ov), 0);
    q.sender = "AMAZ0N";
    q.sender_len = 6;
    memcpy(q.region, "JP", 3);
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_OK);
    assert_int_equal(v.class_, SMSREP_CLASS_BLOCKED);
    smsrep_close(db);
    assert_int_equal(smsrep_open(&db, NULL, ov, NULL, 0), SMSREP_E_DB_OPEN);
    assert_null(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(zero_byte_missing_and_directory),
    cmocka_unit_test(truncated_files),
    cmocka_unit_test(corrupt_pages),
    cmocka_unit_test(empty_and_wrong_schema),
    cmocka_unit_test(files_change_under_open_handles),
    cmocka_unit_test(overlay_changes_under_open_handles),
};

SMSREP_TEST_MAIN(tests)
