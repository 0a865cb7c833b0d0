/* SPDX-License-Identifier: Apache-2.0
 * db.c: "smsrep db info" (versions and row counts per table, source and
 * region) and "smsrep db verify FILE" (can this library use the file?). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void print_counts(smsrep_db *db, uint32_t group, const char *title)
{
    smsrep_count *rows = NULL;
    size_t total = 0, i;

    if (smsrep_db_counts(db, group, NULL, 0, &total) != SMSREP_OK || total == 0)
        return;
    rows = calloc(total, sizeof *rows);
    if (rows == NULL)
        return;
    for (i = 0; i < total; i++)
        rows[i].struct_size = sizeof rows[i];
    if (smsrep_db_counts(db, group, rows, total, &total) == SMSREP_OK) {
        printf("%s:\n", title);
        for (i = 0; i < total; i++) {
            if (group == SMSREP_COUNT_BY_TABLE)
                printf("  %-14s %8llu\n", rows[i].table, (unsigned long long)rows[i].rows);
            else
                printf("  %-14s %-28s %8llu\n", rows[i].table, rows[i].key[0] ? rows[i].key : "-",
                       (unsigned long long)rows[i].rows);
        }
    }
    free(rows);
}

static int info(const cli_db_options *o)
{
    smsrep_db *db = NULL;
    smsrep_db_info inf = SMSREP_DB_INFO_INIT;

    if (cli_open(o, &db) != SMSREP_OK)
        return EXIT_ERROR;
    smsrep_db_info_get(db, &inf);
    printf("database: %s\n", o->db ? o->db : "embedded");
    printf("data version: %s\n", inf.data_version);
    printf("schema version: %u\n", inf.schema_version);
    printf("libphonenumber: %s\n", smsrep_phonenumber_version());
    if (inf.has_overlay)
        printf("overlay: %s (%s)\n", o->overlay, inf.overlay_version);
    print_counts(db, SMSREP_COUNT_BY_TABLE, "rows per table");
    print_counts(db, SMSREP_COUNT_BY_SOURCE, "rows per source");
    print_counts(db, SMSREP_COUNT_BY_REGION, "rows per country");
    smsrep_close(db);
    return EXIT_ALLOW;
}

int cmd_db(int argc, char **argv)
{
    cli_db_options o = { NULL, NULL };
    int i;

    if (argc == 2 && strcmp(argv[0], "verify") == 0) {
        smsrep_db *db = NULL;
        o.db = argv[1];
        if (cli_open(&o, &db) != SMSREP_OK)
            return EXIT_ERROR;
        smsrep_close(db);
        printf("%s: ok\n", argv[1]);
        return EXIT_ALLOW;
    }
    if (argc >= 1 && strcmp(argv[0], "info") == 0) {
        for (i = 1; i + 1 < argc; i += 2) {
            if (strcmp(argv[i], "--db") == 0)
                o.db = argv[i + 1];
            else if (strcmp(argv[i], "--overlay") == 0)
                o.overlay = argv[i + 1];
            else
                break;
        }
        if (i == argc)
            return info(&o);
    }
    fputs("usage: smsrep db info [--db FILE] [--overlay FILE] | smsrep db verify FILE\n", stderr);
    return EXIT_ERROR;
}
