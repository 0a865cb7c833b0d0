/* SPDX-License-Identifier: Apache-2.0
 * db.c: "smsrep db info" (versions and row counts per table, source and
 * region), "smsrep db verify FILE" (can this library use the file?) and
 * "smsrep db import FORMAT FILE --overlay OUT" (a data set into an overlay);
 * "smsrep db build DIR OUT" is db_build.c. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "import.h"

/* A source id or region from the database, escaped (escape.c), padded. */
static void print_count_row(const char *table, const char *key, uint64_t rows)
{
    char *e = cli_escaped(key, strlen(key));
    printf("  %-14s %-28s %8llu\n", table, e != NULL ? e : "?", (unsigned long long)rows);
    free(e);
}

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
                print_count_row(rows[i].table, rows[i].key[0] ? rows[i].key : "-", rows[i].rows);
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
    fputs("database: ", stdout);
    cli_escape_c(stdout, o->db ? o->db : "embedded");
    putchar('\n');
    fputs("data version: ", stdout);
    cli_escape_c(stdout, inf.data_version);
    putchar('\n');
    printf("schema version: %u\n", inf.schema_version);
    printf("libphonenumber: %s\n", smsrep_phonenumber_version());
    if (inf.has_overlay)
    {
        fputs("overlay: ", stdout);
        cli_escape_c(stdout, o->overlay);
        fputs(" (", stdout);
        cli_escape_c(stdout, inf.overlay_version);
        fputs(")\n", stdout);
    }
    print_counts(db, SMSREP_COUNT_BY_TABLE, "rows per table");
    print_counts(db, SMSREP_COUNT_BY_SOURCE, "rows per source");
    print_counts(db, SMSREP_COUNT_BY_REGION, "rows per country");
    smsrep_close(db);
    return EXIT_ALLOW;
}

/* FNV-1a, 64 bits, as hex: enough to know a file was imported before. */
static void digest_of(const char *data, size_t n, char out[17])
{
    uint64_t h = smsrep__fnv1a(SMSREP__FNV_OFFSET, data, n);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* "list-" and the file's name in lower-case letters, digits, '_' and '-'. */
static void list_source_id(const char *file, char *out, size_t cap)
{
    const char *base = strrchr(file, '/');
    size_t n = 0;
    base = base ? base + 1 : file;
    n = (size_t)snprintf(out, cap, "list-");
    for (; *base && *base != '.' && n + 1 < cap && n < 40; base++) {
        char c = *base;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        out[n++] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '-';
    }
    out[n] = '\0';
}

static int import(const char *format, const char *file, const char *out)
{
    cli_db_options none = { NULL, NULL };
    smsrep_db *ref = NULL;
    overlay_file o;
    csv_reader r;
    import_stats st;
    char why[600], digest[17], source[64];
    int seen = 0, rc;

    if (strcmp(format, "ftc-dnc") == 0) {
        snprintf(source, sizeof source, "ftc-dnc");
    } else if (strcmp(format, "csv") == 0) {
        list_source_id(file, source, sizeof source);
    } else {
        fprintf(stderr, "smsrep: unknown format \"%s\": ftc-dnc or csv\n", format);
        return EXIT_ERROR;
    }
    if (csv_open(&r, file) != 0) {
        fprintf(stderr, "smsrep: %s: %s\n", file, r.error);
        csv_close(&r);
        return EXIT_ERROR;
    }
    digest_of(r.data, r.size, digest);
    if (cli_open(&none, &ref) != SMSREP_OK) {
        csv_close(&r);
        return EXIT_ERROR;
    }
    rc = overlay_begin(&o, out, why, sizeof why);
    if (rc == 0)
        rc = overlay_imported_before(&o, source, digest, &seen, why, sizeof why);
    if (rc == 0 && seen) {
        snprintf(why, sizeof why, "%s was imported into %s before; nothing changed", file, out);
        rc = -1;
    }
    if (rc == 0 && strcmp(format, "csv") == 0) {
        char name[200];
        snprintf(name, sizeof name, "Operator list %s", file);
        rc = overlay_put_source(&o, source, name, "", "", "", why, sizeof why);
        if (rc == 0)
            rc = import_list(&o, ref, &r, source, &st, why, sizeof why);
    } else if (rc == 0) {
        rc = import_ftc_dnc(&o, ref, &r, &st, why, sizeof why);
    }
    if (rc == 0)
        rc = overlay_note_import(&o, source, digest, file, st.rows, why, sizeof why);
    if (rc == 0)
        rc = overlay_commit(&o, why, sizeof why);
    else
        overlay_abort(&o);
    smsrep_close(ref);
    csv_close(&r);
    if (rc != 0) {
        fprintf(stderr, "smsrep: %s\n", why);
        return EXIT_ERROR;
    }
    printf("%s: %ld rows read, %ld imported into %s as source %s", file, st.rows, st.used, out,
           source);
    if (st.skipped > 0)
        printf("; %ld skipped (%ld not a usable NANP number, %ld without a date)", st.skipped,
               st.not_a_number, st.bad_date);
    printf("\n");
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
    if (argc == 3 && strcmp(argv[0], "build") == 0)
        return cli_db_build(argv[1], argv[2]);
    if (argc == 5 && strcmp(argv[0], "import") == 0 && strcmp(argv[3], "--overlay") == 0)
        return import(argv[1], argv[2], argv[4]);
    fputs("usage: smsrep db info [--db FILE] [--overlay FILE] | smsrep db verify FILE\n"
          "       smsrep db import ftc-dnc|csv FILE --overlay OUT | smsrep db build DIR OUT\n",
          stderr);
    return EXIT_ERROR;
}
