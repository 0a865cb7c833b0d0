/* SPDX-License-Identifier: Apache-2.0
 * overlay.c: "smsrep overlay FILE add|remove|list": an operator's own allow
 * and deny rules, which beat the bundled data when FILE is opened with
 * --overlay. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

#include "overlay_file.h"
#include "overlay_format.h"

typedef struct rule_args {
    const char *sender, *region, *note, *range, *length;
    uint32_t hint;
    int json;
} rule_args;

/* The options into a; operands (after FILE and the verb words, of which
 * skip are taken) are at most one sender. 0, or -1 after saying why. */
static int take(const cli_args *c, int skip, rule_args *a)
{
    const char *v;
    memset(a, 0, sizeof *a);
    if (c->operands > skip + 1)
        return -1;
    a->sender = c->operands == skip + 1 ? c->operand[skip] : NULL;
    a->region = c->value[OPT_REGION];
    a->note = c->value[OPT_NOTE];
    a->range = c->value[OPT_RANGE];
    a->length = c->value[OPT_LENGTH];
    a->json = c->value[OPT_JSON] != NULL;
    if ((v = c->value[OPT_HINT]) != NULL) {
        int h = smsrep_hint_from_name(v, strlen(v));
        if (h < 0)
            return -1;
        a->hint = (uint32_t)h;
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
            snprintf(why, cap, "%s", cli_text("--range takes --length and no SENDER",
                                              "--range には --length を付け、SENDER は付けません"));
            return -1;
        }
        return rule_key_of_range(a->range, a->length, k, why, cap);
    }
    if (a->sender == NULL) {
        snprintf(why, cap, "%s", cli_text("which sender?", "どの送信元ですか？"));
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
            json_end(stdout);
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
    cli_args c;
    rule_args a;
    rule_key k;
    char why[512];
    const char *path, *verb, *action = NULL;
    int removed = 0, rc = cli_parse(CMD_OVERLAY, argc, argv, &c);

    if (rc != CLI_PARSED)
        return rc == CLI_HELP_SHOWN ? EXIT_ALLOW : EXIT_ERROR;
    if (c.operands < 2)
        return cli_usage_error(CMD_OVERLAY, NULL);
    path = c.operand[0];
    verb = c.operand[1];
    if (strcmp(verb, "list") == 0) {
        if (take(&c, 2, &a) != 0 || a.sender != NULL)
            return cli_usage_error(CMD_OVERLAY, NULL);
        return list(path, a.json);
    }
    if (strcmp(verb, "add") == 0) {
        action = c.operands > 2 ? c.operand[2] : "";
        if ((strcmp(action, "allow") != 0 && strcmp(action, "deny") != 0) || take(&c, 3, &a) != 0)
            return cli_usage_error(CMD_OVERLAY, cli_text("add takes allow or deny, then the sender",
                                                         "add の後に allow か deny と送信元を"
                                                         "指定してください"));
    } else if (strcmp(verb, "remove") == 0) {
        if (take(&c, 2, &a) != 0)
            return cli_usage_error(CMD_OVERLAY, NULL);
    } else {
        return cli_usage_error(CMD_OVERLAY, cli_text("the verb is add, remove or list",
                                                     "add、remove、list のどれかを指定してください"));
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
             ? overlay_put_rule(&o, &k, action, a.note, "operator", why, sizeof why)
             : overlay_remove_rule(&o, &k, &removed, why, sizeof why)) != 0) {
        overlay_abort(&o);
        fprintf(stderr, "smsrep: %s: %s\n", path, why);
        return EXIT_ERROR;
    }
    if (strcmp(verb, "remove") == 0 && removed == 0) {
        overlay_abort(&o); /* nothing changed: the file keeps its version */
        fprintf(stderr, cli_text("smsrep: %s: no rule for %s %s\n", "smsrep: %s: %s %s の規則はありません\n"),
                path, k.kind, k.shown);
        return EXIT_ERROR;
    }
    if (overlay_commit(&o, why, sizeof why) != 0) {
        fprintf(stderr, "smsrep: %s: %s\n", path, why);
        return EXIT_ERROR;
    }
    if (strcmp(verb, "add") == 0)
        printf("%s %s %s\n", action, k.kind, k.shown);
    else
        printf(cli_text("removed %s %s\n", "削除しました: %s %s\n"), k.kind, k.shown);
    return EXIT_ALLOW;
}
