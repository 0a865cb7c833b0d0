/* SPDX-License-Identifier: Apache-2.0
 * test_version.c: version.c: the macros, the run-time functions, the CMake
 * project version and the database's schema version all agree. */
#include "testing.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "smsrep.h"

static void macros_match_runtime(void **state)
{
    char buf[32];
    (void)state;
    assert_int_equal(smsrep_version_number(), SMSREP_VERSION_NUMBER);
    assert_string_equal(smsrep_version_string(), SMSREP_VERSION_STRING);
    snprintf(buf, sizeof buf, "%d.%d.%d", SMSREP_VERSION_MAJOR, SMSREP_VERSION_MINOR,
             SMSREP_VERSION_PATCH);
    assert_string_equal(SMSREP_VERSION_STRING, buf);
    assert_int_equal(SMSREP_VERSION_NUMBER,
                     SMSREP_VERSION_MAJOR * 10000 + SMSREP_VERSION_MINOR * 100 + SMSREP_VERSION_PATCH);
}

static void cmake_reads_the_header(void **state)
{
    (void)state;
    assert_string_equal(SMSREP_CMAKE_VERSION, smsrep_version_string());
}

static void phonenumber_version_is_known(void **state)
{
    const char *v = smsrep_phonenumber_version();
    (void)state;
    assert_non_null(v);
    assert_string_not_equal(v, "unknown");
    assert_true(v[0] >= '0' && v[0] <= '9');
}

/* The built database carries the schema version the library reads. */
static void built_database_has_the_schema_version(void **state)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    (void)state;
    assert_int_equal(sqlite3_open_v2(SMSREP_BUILT_DB, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), (int)smsrep_schema_version());
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(macros_match_runtime),
    cmocka_unit_test(cmake_reads_the_header),
    cmocka_unit_test(phonenumber_version_is_known),
    cmocka_unit_test(built_database_has_the_schema_version),
};

SMSREP_TEST_MAIN(tests)
