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

/* One rule for people, every field escaped (escape.c). */
static int print_rule(const char *const col[9], int minl, int maxl)
{
    char *e[9], shown[200];
    int c, ok = 1;
    for (c = 0; c < 9; c++)
        ok &= (e[c] = cli_escaped(col[c], strlen(col[c]))) != NULL;
    if (ok) {
        if (strcmp(col[1], OVERLAY_KIND_NUMBER) != 0)
            snprintf(shown, sizeof shown, "%s %s", e[2], e[3]);
        else if ((int)strlen(col[3]) == minl && minl == maxl)
            snprintf(shown, sizeof shown, "+%s", e[3]);
        else if (minl == maxl)
            snprintf(shown, sizeof shown, "+%s… (%d digits)", e[3], minl);
        else
            snprintf(shown, sizeof shown, "+%s… (%d-%d digits)", e[3], minl, maxl);
        printf("%-5s  %-10s  %-28s  %s  (%s, %s)\n", e[0], e[1], shown, e[6], e[7], e[8]);
    }
    for (c = 0; c < 9; c++)
        free(e[c]);
    return ok ? 0 : -1;
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
        /* The file may be hostile: any column may be NULL or hold any bytes. */
        const char *col[9];
        int minl = sqlite3_column_int(st, 4), maxl = sqlite3_column_int(st, 5), c;
        for (c = 0; c < 9; c++) {
            col[c] = (const char *)sqlite3_column_text(st, c);
            if (col[c] == NULL)
                col[c] = "";
        }
        if (json) {
            static const char *const names[] = { "action", "kind", "region", "key" };
            for (c = 0; c < 4; c++) {
                printf("%s\"%s\":", c == 0 ? "{" : ",", names[c]);
                json_cstring(stdout, col[c]);
            }
            printf(",\"min_len\":%d,\"max_len\":%d,\"note\":", minl, maxl);
            json_cstring(stdout, col[6]);
            fputs(",\"added\":", stdout);
            json_cstring(stdout, col[7]);
            fputs(",\"source\":", stdout);
            json_cstring(stdout, col[8]);
            fputs("}\n", stdout);
        } else if (print_rule(col, minl, maxl) != 0) {
            rc = SQLITE_NOMEM;
            break;
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
