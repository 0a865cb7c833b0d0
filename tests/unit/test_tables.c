/* SPDX-License-Identifier: Apache-2.0
 * test_tables.c: the one vocabulary and the one table spec (signals.h,
 * tables.h) against what people read: db/README.md lists exactly the
 * signals each table may carry and exactly each CSV file's columns. (The
 * builder checks schema.sql against tables.h every time it runs.) */
#include "testing.h"

#include <stdlib.h>

#include "signals.h"
#include "tables.h"

static char *readme(void)
{
    size_t size;
    unsigned char *text = test_slurp(SMSREP_SOURCE_DIR "/db/README.md", &size);
    char *s = malloc(size + 1);
    assert_non_null(s);
    memcpy(s, text, size);
    s[size] = '\0';
    free(text);
    return s;
}

static const struct {
    unsigned bit;
    const char *table;
} signal_tables[] = {
    { IN_RANGE, "number_range" }, { IN_SHORT, "short_code" }, { IN_SENDER, "sender_id" },
};

/* Every signal of those tables has its row in the signal table, and every
 * row of that table names a signal the table may carry. */
static void readme_lists_every_signal(void **state)
{
    char *text = readme(), row[128], *p;
    size_t t;
    int i, rows = 0, expected = 0;
    (void)state;

    for (t = 0; t < sizeof signal_tables / sizeof signal_tables[0]; t++) {
        for (i = 1; i < SIG_COUNT; i++) {
            if (!(smsrep__signals[i].tables & signal_tables[t].bit))
                continue;
            snprintf(row, sizeof row, "\n| %s | `%s` |", signal_tables[t].table,
                     smsrep__signals[i].name);
            if (strstr(text, row) == NULL)
                fail_msg("db/README.md has no row \"%s\"", row + 1);
            expected++;
        }
        snprintf(row, sizeof row, "\n| %s | `", signal_tables[t].table);
        for (p = strstr(text, row); p != NULL; p = strstr(p + 1, row)) {
            const char *name = p + strlen(row);
            size_t len = strcspn(name, "`");
            if (smsrep__signal_from_name(name, len, signal_tables[t].bit) < 0)
                fail_msg("db/README.md lists %.*s for %s, which signals.h does not allow", (int)len,
                         name, signal_tables[t].table);
            rows++;
        }
    }
    assert_int_equal(rows, expected);
    /* the alnum_rule values are listed with alnum_rules.csv */
    for (i = 1; i < SIG_COUNT; i++) {
        if (!(smsrep__signals[i].tables & IN_RULE))
            continue;
        snprintf(row, sizeof row, "`%s` (", smsrep__signals[i].name);
        if (strstr(text, row) == NULL)
            fail_msg("db/README.md does not name the alnum rule %s", smsrep__signals[i].name);
    }
    free(text);
}

/* Every CSV file's row in the format table gives the spec's columns. */
static void readme_lists_every_csv_column(void **state)
{
    char *text = readme(), row[600];
    size_t t, i;
    (void)state;

    for (t = 0; t < TABLE_COUNT; t++) {
        const smsrep__table_spec *spec = &smsrep__tables[t];
        snprintf(row, sizeof row, "\n| `%s` | `", spec->file);
        for (i = 0; spec->csv[i] != NULL; i++)
            snprintf(row + strlen(row), sizeof row - strlen(row), "%s%s", i ? "," : "",
                     spec->csv[i]);
        strcat(row, "`");
        if (strstr(text, row) == NULL)
            fail_msg("db/README.md has no row starting \"%s\"", row + 1);
    }
    free(text);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(readme_lists_every_signal),
    cmocka_unit_test(readme_lists_every_csv_column),
};

SMSREP_TEST_MAIN(tests)
