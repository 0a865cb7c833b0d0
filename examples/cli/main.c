/* SPDX-License-Identifier: Apache-2.0
 * main.c: the smsrep command line: dispatches "check", "burst", "db", "overlay",
 * "version" and "help" and holds what they share (opening the database). */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

/* Japanese for the statuses opening a file can give; the library's own
 * sentence (English) follows as the detail. */
static const char *open_status_ja(int status)
{
    switch (status) {
    case SMSREP_E_DB_OPEN: return "データベースを開けません";
    case SMSREP_E_DB_FORMAT: return "smsrep のデータベースではありません";
    case SMSREP_E_DB_VERSION: return "このライブラリが読めないスキーマのバージョンです";
    case SMSREP_E_DB_CORRUPT: return "データベースが壊れているか、構造が想定と違います";
    case SMSREP_E_NOMEM: return "メモリが足りません";
    default: return NULL;
    }
}

int cli_open(const cli_db_options *o, smsrep_db **db)
{
    char err[SMSREP_ERRBUF_SIZE];
    int status = smsrep_open(db, o->db, o->overlay, err, sizeof err);
    const char *detail, *ja = cli_japanese() ? open_status_ja(status) : NULL;
    if (status == SMSREP_OK)
        return status;
    detail = err[0] ? err : smsrep_strerror(status);
    fputs("smsrep: ", stderr);
    cli_escape_c(stderr, o->db ? o->db : cli_text("embedded database", "組み込みデータベース"));
    if (ja != NULL)
        fprintf(stderr, ": %s（%s、%s）\n", ja, detail, smsrep_status_name(status));
    else
        fprintf(stderr, ": %s (%s)\n", detail, smsrep_status_name(status));
    return status;
}

static int cmd_version(void)
{
    smsrep_db *db = NULL;
    smsrep_db_info info = SMSREP_DB_INFO_INIT;
    cli_db_options o = { NULL, NULL };

    printf("smsrep %s\n", smsrep_version_string());
    printf("libphonenumber %s\n", smsrep_phonenumber_version());
    printf("database schema %u\n", smsrep_schema_version());
    if (cli_open(&o, &db) != SMSREP_OK)
        return EXIT_ERROR;
    smsrep_db_info_get(db, &info);
    printf("embedded data %s\n", info.data_version);
    smsrep_close(db);
    return EXIT_ALLOW;
}

/* "smsrep help [COMMAND]": the help of smsrep or of one command. */
static int cmd_help(int argc, char **argv)
{
    cli_args a;
    int cmd = CMD_MAIN, rc = cli_parse(CMD_HELP, argc, argv, &a);
    if (rc != CLI_PARSED)
        return rc == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
    if (a.operands > 1)
        return cli_usage_error(CMD_HELP, NULL);
    if (a.operands == 1 && (cmd = cli_command_of(a.operand[0])) < 0)
        return EXIT_ERROR;
    cli_help(cmd, stdout);
    return EXIT_ALLOW;
}

int main(int argc, char **argv)
{
    cli_args a;
    int cmd, rc;

    if (argc < 2)
        return cli_usage_error(CMD_MAIN, NULL);
    if (argv[1][0] == '-') {
        /* Options of smsrep itself: --help, --version; nothing else. */
        rc = cli_parse(CMD_MAIN, argc - 1, argv + 1, &a);
        if (rc != CLI_PARSED)
            return rc == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
        if (a.value[OPT_VERSION] != NULL && a.operands == 0)
            return cmd_version();
        return cli_usage_error(CMD_MAIN, NULL);
    }
    if ((cmd = cli_command_of(argv[1])) < 0)
        return EXIT_ERROR;
    switch (cmd) {
    case CMD_CHECK: return cmd_check(argc - 2, argv + 2);
    case CMD_BURST: return cmd_burst(argc - 2, argv + 2);
    case CMD_DB: return cmd_db(argc - 2, argv + 2);
    case CMD_OVERLAY: return cmd_overlay(argc - 2, argv + 2);
    case CMD_HELP: return cmd_help(argc - 2, argv + 2);
    default:
        rc = cli_parse(CMD_VERSION, argc - 2, argv + 2, &a);
        if (rc != CLI_PARSED)
            return rc == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
        if (a.operands != 0)
            return cli_usage_error(CMD_VERSION, NULL);
        return cmd_version();
    }
}
