/* SPDX-License-Identifier: Apache-2.0
 * options.h (private to the smsrep command): the one table of commands and
 * options that parses every subcommand, prints its help and usage, and
 * feeds the man page and the bash completion (docgen.c). */
#ifndef SMSREP_CLI_OPTIONS_H
#define SMSREP_CLI_OPTIONS_H

#include <stdio.h>

/* Every option of every command; cli_args.value[] is indexed by these. */
enum cli_opt {
    OPT_HELP, OPT_VERSION, OPT_REGION, OPT_HINT, OPT_TOA, OPT_TEXT, OPT_TIME, OPT_LANG,
    OPT_JSON, OPT_DB, OPT_OVERLAY, OPT_BATCH, OPT_SMSTOOLS, OPT_GAMMU_ENV, OPT_URLDECODE,
    OPT_ENV, OPT_SERVER, OPT_RECIPIENT, OPT_WINDOW, OPT_SENDERS, OPT_NOTE, OPT_RANGE, OPT_LENGTH, OPT_COUNT_
};

enum cli_cmd { CMD_MAIN, CMD_CHECK, CMD_BURST, CMD_DB, CMD_OVERLAY, CMD_VERSION, CMD_HELP,
               CMD_COUNT_ };

/* What a value is, for the completion: a file, one of a list, or free. */
enum cli_value_kind { VALUE_NONE, VALUE_FREE, VALUE_FILE, VALUE_HINT, VALUE_LIST };

typedef struct cli_option {
    const char *name;        /* "--region" */
    char short_name;         /* 'h', or 0 */
    const char *value;       /* "CC"; NULL for a flag */
    int value_kind;          /* enum cli_value_kind */
    const char *choices;     /* VALUE_LIST: the words, space-separated */
    unsigned commands;       /* bit (1u << enum cli_cmd) per command that takes it */
    const char *help_en, *help_ja;
} cli_option;

typedef struct cli_command {
    const char *name;        /* "check"; "" for smsrep itself */
    const char *synopsis;    /* usage lines after "smsrep NAME ", '\n'-separated */
    const char *words;       /* subcommands and fixed operands for completion */
    const char *summary_en, *summary_ja;
} cli_command;

extern const cli_option cli_options[OPT_COUNT_];
extern const cli_command cli_commands[CMD_COUNT_];

/* What cli_parse() found: each option's value ("" for a flag given, NULL
 * when absent; a repeated option keeps the last), and the operands in order. */
typedef struct cli_args {
    const char *value[OPT_COUNT_];
    char **operand;
    int operands;
} cli_args;

/* Result of cli_parse() other than 0: help was printed (exit 0), or a usage
 * error was (exit 2). */
enum { CLI_PARSED = 0, CLI_HELP_SHOWN = -1, CLI_USAGE_ERROR = -2 };

/* Parses argv[0..argc) of command cmd: options anywhere before "--", as
 * "--name VALUE", "--name=VALUE" or a short flag; every other word and every
 * word after "--" is an operand (kept in argv, which is reordered). Prints
 * help on --help (stdout) and a usage error with a "did you mean" (stderr). */
int cli_parse(int cmd, int argc, char **argv, cli_args *out);

/* The command named s, or -1 after printing "unknown command" with the
 * nearest name and the usage. */
int cli_command_of(const char *s);

/* Help for cmd (CMD_MAIN: every command) on f, in the locale's language. */
void cli_help(int cmd, FILE *f);
/* A usage error: "smsrep: MESSAGE", the usage of cmd and a pointer to
 * --help, on stderr; returns EXIT_ERROR. */
int cli_usage_error(int cmd, const char *message);

/* The English or the Japanese of a message, by the locale (cli_japanese). */
#if defined(__GNUC__)
__attribute__((format_arg(1), format_arg(2)))
#endif
const char *cli_text(const char *en, const char *ja);

/* Levenshtein distance of two short ASCII words, capped at 9. */
int cli_edit_distance(const char *a, const char *b);

#endif
