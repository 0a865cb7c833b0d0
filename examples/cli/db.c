/* SPDX-License-Identifier: Apache-2.0
 * db.c: "smsrep db info" (versions and row counts per table, source and
 * region), "smsrep db verify FILE" (can this library use the file?) and
 * "smsrep db import FORMAT FILE --overlay OUT" (a data set into an overlay);
 * "smsrep db build DIR OUT" is db_build.c. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
    fputs(cli_text("database: ", "データベース: "), stdout);
    cli_escape_c(stdout, o->db ? o->db : "embedded");
    putchar('\n');
    fputs(cli_text("data version: ", "データのバージョン: "), stdout);
    cli_escape_c(stdout, inf.data_version);
    putchar('\n');
    printf(cli_text("schema version: %u\n", "スキーマのバージョン: %u\n"), inf.schema_version);
    printf("libphonenumber: %s\n", smsrep_phonenumber_version());
    if (inf.has_overlay)
    {
        fputs(cli_text("overlay: ", "オーバーレイ: "), stdout);
        cli_escape_c(stdout, o->overlay);
        fputs(" (", stdout);
        cli_escape_c(stdout, inf.overlay_version);
        fputs(")\n", stdout);
    }
    print_counts(db, SMSREP_COUNT_BY_TABLE, cli_text("rows per table", "テーブルごとの行数"));
    print_counts(db, SMSREP_COUNT_BY_SOURCE, cli_text("rows per source", "出典ごとの行数"));
    print_counts(db, SMSREP_COUNT_BY_REGION, cli_text("rows per country", "国ごとの行数"));
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

/* Rows read so far, over the same terminal line; stderr is a terminal. */
static void show_progress(long rows)
{
    fprintf(stderr, cli_text("\rsmsrep: %ld rows read", "\rsmsrep: %ld 行を読みました"), rows);
    fflush(stderr);
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

    memset(&st, 0, sizeof st);
    if (strcmp(format, "ftc-dnc") == 0) {
        snprintf(source, sizeof source, "ftc-dnc");
    } else if (strcmp(format, "csv") == 0) {
        list_source_id(file, source, sizeof source);
    } else {
        fprintf(stderr, cli_text("smsrep: unknown format \"%.40s\": ftc-dnc or csv\n",
                                 "smsrep: 不明な形式「%.40s」: ftc-dnc か csv です\n"),
                format);
        return EXIT_ERROR;
    }
    if (csv_open(&r, file) != 0) {
        fprintf(stderr, "smsrep: %s: %s\n", file, r.error);
        csv_close(&r);
        return EXIT_ERROR;
    }
    digest_of(r.data, r.size, digest);
    if (isatty(STDERR_FILENO))
        import_set_progress(show_progress);
    if (cli_open(&none, &ref) != SMSREP_OK) {
        csv_close(&r);
        return EXIT_ERROR;
    }
    rc = overlay_begin(&o, out, why, sizeof why);
    if (rc == 0)
        rc = overlay_imported_before(&o, source, digest, &seen, why, sizeof why);
    if (rc == 0 && seen) {
        snprintf(why, sizeof why,
                 cli_text("%s was imported into %s before; nothing changed",
                          "%s は %s に取り込み済みです。変更はありません"),
                 file, out);
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
    if (isatty(STDERR_FILENO) && st.rows >= IMPORT_PROGRESS_ROWS)
        fputs("\r\033[K", stderr); /* the progress line gives way to the result */
    if (rc != 0) {
        fprintf(stderr, "smsrep: %s\n", why);
        return EXIT_ERROR;
    }
    printf(cli_text("%s: %ld rows read, %ld imported into %s as source %s",
                    "%s: %ld 行を読み、%ld 行を %s にソース %s として取り込みました"),
           file, st.rows, st.used, out, source);
    if (st.skipped > 0)
        printf(cli_text("; %ld skipped (%ld not a usable NANP number, %ld without a date)",
                        "。%ld 行は除外（使える NANP 番号でない %ld 行、日付のない %ld 行）"),
               st.skipped, st.not_a_number, st.bad_date);
    printf("\n");
    return EXIT_ALLOW;
}

int cmd_db(int argc, char **argv)
{
    cli_db_options o = { NULL, NULL };
    cli_args a;
    int rc = cli_parse(CMD_DB, argc, argv, &a);
    const char *verb;

    if (rc != CLI_PARSED)
        return rc == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
    verb = a.operands > 0 ? a.operand[0] : "";
    o.db = a.value[OPT_DB];
    o.overlay = a.value[OPT_OVERLAY];
    if (strcmp(verb, "verify") == 0 && a.operands == 2 && o.db == NULL && o.overlay == NULL) {
        smsrep_db *db = NULL;
        o.db = a.operand[1];
        if (cli_open(&o, &db) != SMSREP_OK)
            return EXIT_ERROR;
        smsrep_close(db);
        fputs(a.operand[1], stdout);
        puts(cli_text(": ok", ": 正常"));
        return EXIT_ALLOW;
    }
    if (strcmp(verb, "info") == 0 && a.operands == 1)
        return info(&o);
    if (strcmp(verb, "import") == 0 && a.operands == 3 && o.overlay != NULL && o.db == NULL)
        return import(a.operand[1], a.operand[2], o.overlay);
    if (strcmp(verb, "build") == 0 && a.operands == 3 && o.db == NULL && o.overlay == NULL)
        return cli_db_build(a.operand[1], a.operand[2]);
    if (strcmp(verb, "info") != 0 && strcmp(verb, "verify") != 0 && strcmp(verb, "import") != 0 &&
        strcmp(verb, "build") != 0) {
        static const char *const verbs[] = { "info", "verify", "import", "build" };
        char msg[160];
        int i;
        for (i = 0; i < 4 && verb[0] && cli_edit_distance(verb, verbs[i]) > 2; i++)
            ;
        if (verb[0] == '\0')
            snprintf(msg, sizeof msg, "%s", cli_text("which db command?", "db のどのコマンドですか？"));
        else if (i < 4)
            snprintf(msg, sizeof msg, cli_text("unknown db command \"%.40s\"; did you mean \"%s\"?",
                                               "不明な db コマンド「%.40s」。「%s」のことですか？"),
                     verb, verbs[i]);
        else
            snprintf(msg, sizeof msg, cli_text("unknown db command \"%.40s\"",
                                               "不明な db コマンド「%.40s」"),
                     verb);
        return cli_usage_error(CMD_DB, msg);
    }
    return cli_usage_error(CMD_DB, NULL);
}
