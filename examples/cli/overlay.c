/* SPDX-License-Identifier: Apache-2.0
 * overlay.c: "smsrep overlay FILE add|remove|list": an operator's own allow
 * and deny rules, which beat the bundled data when FILE is opened with
 * --overlay. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "overlay_file.h"
#include "overlay_format.h"

static void usage(void)
{
    fputs("usage: smsrep overlay FILE add allow|deny SENDER [--region CC] [--hint H] [--note T]\n"
          "       smsrep overlay FILE add allow|deny --range PREFIX --length N[-M] [--note T]\n"
          "       smsrep overlay FILE remove SENDER [--region CC] [--hint H]\n"
          "       smsrep overlay FILE remove --range PREFIX --length N[-M]\n"
          "       smsrep overlay FILE list [--json]\n"
          "A short code needs --region; a sender ID listed without one applies everywhere.\n",
          stderr);
}

typedef struct rule_args {
    const char *sender, *region, *note, *range, *length;
    uint32_t hint;
    int json;
} rule_args;

static int parse(int argc, char **argv, rule_args *a)
{
    int i;
    memset(a, 0, sizeof *a);
    for (i = 0; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--json") == 0) {
            a->json = 1;
            continue;
        }
        if (strncmp(argv[i], "--", 2) != 0) {
            if (a->sender != NULL)
                return -1;
            a->sender = argv[i];
            continue;
        }
        if (v == NULL)
            return -1;
        if (strcmp(argv[i], "--region") == 0)
            a->region = v;
        else if (strcmp(argv[i], "--note") == 0)
            a->note = v;
        else if (strcmp(argv[i], "--range") == 0)
            a->range = v;
        else if (strcmp(argv[i], "--length") == 0)
            a->length = v;
        else if (strcmp(argv[i], "--hint") == 0) {
            int h = smsrep_hint_from_name(v, strlen(v));
            if (h < 0)
                return -1;
            a->hint = (uint32_t)h;
        } else
            return -1;
        i++;
    }
    return 0;
}

/* The rule's key from the arguments: a range, or a sender checked against
 * the embedded database so that the key is what lookups compute. */
static int key_of(const rule_args *a, rule_key *k, char *why, size_t cap)
{
    smsrep_db *ref = NULL;
    cli_db_options o = { NULL, NULL };
    int rc;
    if (a->range != NULL) {
        if (a->sender != NULL || a->length == NULL) {
            snprintf(why, cap, "--range takes --length and no SENDER");
            return -1;
        }
        return rule_key_of_range(a->range, a->length, k, why, cap);
    }
    if (a->sender == NULL) {
        snprintf(why, cap, "which sender?");
        return -1;
    }
    if (cli_open(&o, &ref) != SMSREP_OK)
        return -1;
    rc = rule_key_of_sender(ref, a->sender, strlen(a->sender), a->region, a->hint, k, why, cap);
    smsrep_close(ref);
    return rc;
}

static int list(const char *path, int json)
{
    smsrep_db *db = NULL;
    cli_db_options o = { NULL, path };
    sqlite3 *ov = NULL;
    sqlite3_stmt *st = NULL;
    int rc;

    /* Opening through the library checks the file as the library will. */
    if (cli_open(&o, &db) != SMSREP_OK)
        return EXIT_ERROR;
    smsrep_close(db);
    if (sqlite3_open_v2(path, &ov, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(ov,
                           "SELECT action, kind, region, prefix, min_len, max_len, note, added, source"
                           " FROM rule ORDER BY kind, region, prefix, min_len",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "smsrep: %s: %s\n", path, sqlite3_errmsg(ov));
        sqlite3_close(ov);
        return EXIT_ERROR;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *action = (const char *)sqlite3_column_text(st, 0);
        const char *kind = (const char *)sqlite3_column_text(st, 1);
        const char *region = (const char *)sqlite3_column_text(st, 2);
        const char *prefix = (const char *)sqlite3_column_text(st, 3);
        int minl = sqlite3_column_int(st, 4), maxl = sqlite3_column_int(st, 5);
        const char *note = (const char *)sqlite3_column_text(st, 6);
        const char *added = (const char *)sqlite3_column_text(st, 7);
        const char *source = (const char *)sqlite3_column_text(st, 8);
        char shown[200];
        if (strcmp(kind, OVERLAY_KIND_NUMBER) != 0)
            snprintf(shown, sizeof shown, "%s %s", region, prefix);
        else if ((int)strlen(prefix) == minl && minl == maxl)
            snprintf(shown, sizeof shown, "+%s", prefix);
        else if (minl == maxl)
            snprintf(shown, sizeof shown, "+%s… (%d digits)", prefix, minl);
        else
            snprintf(shown, sizeof shown, "+%s… (%d-%d digits)", prefix, minl, maxl);
        if (json) {
            printf("{\"action\":\"%s\",\"kind\":\"%s\",\"region\":", action, kind);
            json_cstring(stdout, region);
            fputs(",\"key\":", stdout);
            json_cstring(stdout, prefix);
            printf(",\"min_len\":%d,\"max_len\":%d,\"note\":", minl, maxl);
            json_cstring(stdout, note);
            printf(",\"added\":\"%s\",\"source\":", added);
            json_cstring(stdout, source);
            fputs("}\n", stdout);
        } else {
            printf("%-5s  %-10s  %-28s  %s  (%s, %s)\n", action, kind, shown, note, added, source);
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(ov);
    return rc == SQLITE_DONE ? EXIT_ALLOW : EXIT_ERROR;
}

int cmd_overlay(int argc, char **argv)
{
    overlay_file o;
    rule_args a;
    rule_key k;
    char why[512];
    const char *path, *verb;
    int removed = 0;

    if (argc < 2) {
        usage();
        return EXIT_ERROR;
    }
    path = argv[0];
    verb = argv[1];
    if (strcmp(verb, "list") == 0) {
        if (parse(argc - 2, argv + 2, &a) != 0 || a.sender != NULL) {
            usage();
            return EXIT_ERROR;
        }
        return list(path, a.json);
    }
    if (strcmp(verb, "add") == 0) {
        if (argc < 3 || (strcmp(argv[2], "allow") != 0 && strcmp(argv[2], "deny") != 0) ||
            parse(argc - 3, argv + 3, &a) != 0) {
            usage();
            return EXIT_ERROR;
        }
    } else if (strcmp(verb, "remove") == 0) {
        if (parse(argc - 2, argv + 2, &a) != 0) {
            usage();
            return EXIT_ERROR;
        }
    } else {
        usage();
        return EXIT_ERROR;
    }
    if (key_of(&a, &k, why, sizeof why) != 0) {
        fprintf(stderr, "smsrep: %s\n", why);
        return EXIT_ERROR;
    }
    if (overlay_begin(&o, path, why, sizeof why) != 0) {
        fprintf(stderr, "smsrep: %s\n", why);
        return EXIT_ERROR;
    }
    if ((strcmp(verb, "add") == 0
             ? overlay_put_rule(&o, &k, argv[2], a.note, "operator", why, sizeof why)
             : overlay_remove_rule(&o, &k, &removed, why, sizeof why)) != 0) {
        overlay_abort(&o);
        fprintf(stderr, "smsrep: %s: %s\n", path, why);
        return EXIT_ERROR;
    }
    if (strcmp(verb, "remove") == 0 && removed == 0) {
        overlay_abort(&o); /* nothing changed: the file keeps its version */
        fprintf(stderr, "smsrep: %s: no rule for %s %s\n", path, k.kind, k.shown);
        return EXIT_ERROR;
    }
    if (overlay_commit(&o, why, sizeof why) != 0) {
        fprintf(stderr, "smsrep: %s: %s\n", path, why);
        return EXIT_ERROR;
    }
    if (strcmp(verb, "add") == 0)
        printf("%s %s %s\n", argv[2], k.kind, k.shown);
    else
        printf("removed %s %s\n", k.kind, k.shown);
    return EXIT_ALLOW;
}
