/* SPDX-License-Identifier: Apache-2.0
 * main.c: the smsrep command line: dispatches "check", "burst", "db", "overlay"
 * and "version" and holds what they share (opening the database, choosing
 * the language). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_japanese(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;
    for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v != NULL && v[0] != '\0')
            return strncmp(v, "ja", 2) == 0;
    }
    return 0;
}

int cli_open(const cli_db_options *o, smsrep_db **db)
{
    char err[SMSREP_ERRBUF_SIZE];
    int status = smsrep_open(db, o->db, o->overlay, err, sizeof err);
    if (status != SMSREP_OK)
        fprintf(stderr, "smsrep: %s: %s (%s)\n", o->db ? o->db : "embedded database",
                err[0] ? err : smsrep_strerror(status), smsrep_status_name(status));
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

static void usage(void)
{
    fputs("usage: smsrep check [--region CC] [--hint H] [--text T] [--json] [--db FILE]\n"
          "                    [--overlay FILE] SENDER...\n"
          "       smsrep check --batch [--json] ...   one sender per line on stdin\n"
          "       smsrep check --smstools FILE | --gammu-env | --urldecode ... [--env]\n"
          "       smsrep burst [--window S] [--senders N] [--json] [LOG]   replay a message log\n"
          "       smsrep db info [--db FILE] [--overlay FILE] | smsrep db verify FILE\n"
          "       smsrep db import ftc-dnc|csv FILE --overlay OUT\n"
          "       smsrep overlay FILE add|remove|list ...\n"
          "       smsrep version\n"
          "exit status: 0 every sender allowed, 1 any flagged or blocked, 2 an error\n",
          stderr);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage();
        return EXIT_ERROR;
    }
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "db") == 0)
        return cmd_db(argc - 2, argv + 2);
    if (strcmp(argv[1], "burst") == 0)
        return cmd_burst(argc - 2, argv + 2);
    if (strcmp(argv[1], "overlay") == 0)
        return cmd_overlay(argc - 2, argv + 2);
    if (strcmp(argv[1], "version") == 0 && argc == 2)
        return cmd_version();
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0) {
        usage();
        return EXIT_ALLOW;
    }
    fprintf(stderr, "smsrep: unknown command \"%s\"\n", argv[1]);
    usage();
    return EXIT_ERROR;
}
