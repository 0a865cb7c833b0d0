/* SPDX-License-Identifier: Apache-2.0
 * options.c: the table of smsrep's commands and options, the one parser
 * every command uses, its help and usage text in English and Japanese, and
 * "did you mean" by edit distance, and the choice of language by the locale. docgen.c writes the man page and the
 * completion from the same table. */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

#define C(cmd) (1u << (cmd))
#define ALL_CMDS (C(CMD_MAIN) | C(CMD_CHECK) | C(CMD_BURST) | C(CMD_DB) | C(CMD_OVERLAY) | \
                  C(CMD_VERSION) | C(CMD_HELP))

const cli_option cli_options[OPT_COUNT_] = {
    [OPT_HELP] = { "--help", 'h', NULL, VALUE_NONE, NULL, ALL_CMDS,
                   "print this help and exit", "このヘルプを表示して終了する" },
    [OPT_VERSION] = { "--version", 'V', NULL, VALUE_NONE, NULL, C(CMD_MAIN),
                      "print the versions and exit", "バージョンを表示して終了する" },
    [OPT_REGION] = { "--region", 0, "CC", VALUE_FREE, NULL,
                     C(CMD_CHECK) | C(CMD_BURST) | C(CMD_OVERLAY),
                     "the recipient's country, ISO 3166 alpha-2 (JP); national numbers need it",
                     "受信者の国（ISO 3166 の2文字、例 JP）。国内形式の番号に必要" },
    [OPT_HINT] = { "--hint", 0, "H", VALUE_HINT, NULL, C(CMD_CHECK) | C(CMD_OVERLAY),
                   "what the gateway says the sender is",
                   "ゲートウェイが伝える送信元の種類" },
    [OPT_TOA] = { "--toa", 0, "HEX", VALUE_FREE, NULL, C(CMD_CHECK),
                  "the GSM type of address octet (91, D0) as the hint",
                  "GSM のアドレス種別オクテット（91、D0）をヒントにする" },
    [OPT_TEXT] = { "--text", 0, "T", VALUE_FREE, NULL, C(CMD_CHECK),
                   "the message text, judged with the sender and never printed (beats the "
                   "text --smstools or --gammu-env read)",
                   "本文。送信元と合わせて判定し、表示はしない（--smstools、--gammu-env が"
                   "読む本文より優先）" },
    [OPT_TIME] = { "--time", 0, "T", VALUE_FREE, NULL, C(CMD_CHECK),
                   "when the message arrived: YYYY-MM-DD[THH:MM[:SS]] (UTC) or Unix seconds",
                   "受信時刻: YYYY-MM-DD[THH:MM[:SS]]（UTC）または Unix 秒" },
    [OPT_LANG] = { "--lang", 0, "LANG", VALUE_LIST, "en ja", C(CMD_CHECK),
                   "language of the text output (default: the locale)",
                   "テキスト出力の言語（既定はロケール）" },
    [OPT_JSON] = { "--json", 0, NULL, VALUE_NONE, NULL,
                   C(CMD_CHECK) | C(CMD_BURST) | C(CMD_OVERLAY),
                   "one JSON object per line (JSON Lines) instead of text",
                   "テキストの代わりに1行1つの JSON オブジェクト" },
    [OPT_DB] = { "--db", 0, "FILE", VALUE_FILE, NULL, C(CMD_CHECK) | C(CMD_BURST) | C(CMD_DB),
                 "read this database instead of the embedded one",
                 "組み込みの代わりにこのデータベースを読む" },
    [OPT_OVERLAY] = { "--overlay", 0, "FILE", VALUE_FILE, NULL,
                      C(CMD_CHECK) | C(CMD_BURST) | C(CMD_DB),
                      "the operator's overlay, whose rules beat the data (db import: the output)",
                      "運用者のオーバーレイ（規則がデータに優先。db import では出力先）" },
    [OPT_BATCH] = { "--batch", 0, NULL, VALUE_NONE, NULL, C(CMD_CHECK),
                    "one sender per line of standard input, one result per line out",
                    "標準入力の1行ごとに1送信元を判定する" },
    [OPT_SMSTOOLS] = { "--smstools", 0, "FILE", VALUE_FILE, NULL, C(CMD_CHECK),
                       "the sender (From:, From_TOA:) and text (the body, in its Alphabet:) "
                       "of an smstools3 message file",
                       "smstools3 のメッセージファイルの送信元（From:、From_TOA:）と本文"
                       "（Alphabet: に従って読む）" },
    [OPT_GAMMU_ENV] = { "--gammu-env", 0, NULL, VALUE_NONE, NULL, C(CMD_CHECK),
                        "the senders gammu-smsd's RunOnReceive sets (SMS_n_NUMBER), each "
                        "judged with the message's one text (DECODED_1_TEXT, or SMS_n_TEXT joined)",
                        "gammu-smsd の RunOnReceive が設定する送信元（SMS_n_NUMBER）。それぞれ"
                        "メッセージ全体の本文（DECODED_1_TEXT か SMS_n_TEXT を連結）と合わせて判定" },
    [OPT_URLDECODE] = { "--urldecode", 0, NULL, VALUE_NONE, NULL, C(CMD_CHECK),
                        "senders and --text are URL-encoded (Kannel's %p and %a)",
                        "送信元と --text は URL エンコード済み（Kannel の %p と %a）" },
    [OPT_ENV] = { "--env", 0, NULL, VALUE_NONE, NULL, C(CMD_CHECK),
                  "shell assignments SMSREP_n_FIELD='value' for a handler to eval",
                  "ハンドラーが eval するシェル代入 SMSREP_n_FIELD='値'" },
    [OPT_SERVER] = { "--server", 0, "SOCKET", VALUE_FILE, NULL, C(CMD_CHECK),
                     "ask smsrepd on its Unix socket, which adds the recipient's burst state; "
                     "checked here, and said on stderr, when it does not answer",
                     "smsrepd にその Unix ソケットで問い合わせる（受信者のバースト状態が加わる）。"
                     "応答がなければこのプロセスで判定し、標準エラーにそう書く" },
    [OPT_RECIPIENT] = { "--recipient", 0, "R", VALUE_FREE, NULL, C(CMD_CHECK),
                        "with --server: the receiving line, whose burst state is tracked",
                        "--server と使う: 受信した回線。そのバースト状態を追跡する" },
    [OPT_WINDOW] = { "--window", 0, "SECONDS", VALUE_FREE, NULL, C(CMD_BURST),
                     "how long a message counts towards a burst (600)",
                     "メッセージがバーストに数えられる秒数（600）" },
    [OPT_SENDERS] = { "--senders", 0, "N", VALUE_FREE, NULL, C(CMD_BURST),
                      "distinct senders of codes or junk within the window that make a burst (5)",
                      "ウィンドウ内でバーストとみなす、コードや迷惑送信元の数（5）" },
    [OPT_NOTE] = { "--note", 0, "T", VALUE_FREE, NULL, C(CMD_OVERLAY),
                   "a note kept with the rule", "規則に添えるメモ" },
    [OPT_RANGE] = { "--range", 0, "PREFIX", VALUE_FREE, NULL, C(CMD_OVERLAY),
                    "an E.164 prefix (+8190) instead of one sender",
                    "1つの送信元の代わりに E.164 の前方一致（+8190）" },
    [OPT_LENGTH] = { "--length", 0, "N[-M]", VALUE_FREE, NULL, C(CMD_OVERLAY),
                     "the digits of the numbers a --range covers",
                     "--range が対象とする番号の桁数" },
};

const cli_command cli_commands[CMD_COUNT_] = {
    [CMD_MAIN] = { "", "COMMAND [OPTION]... [ARGUMENT]...", "check burst db overlay version help",
                   "judge SMS senders by their reputation",
                   "SMS の送信元を評判で判定する" },
    [CMD_CHECK] = { "check", "[OPTION]... SENDER...\n"
                             "--batch [OPTION]...\n"
                             "--smstools FILE [OPTION]...\n"
                             "--gammu-env [OPTION]...\n"
                             "--server SOCKET [--recipient R] [OPTION]... SENDER...",
                    NULL,
                    "judge senders; exit 0 all allowed, 1 any flagged or blocked, 2 an error",
                    "送信元を判定する。終了コード 0 すべて受信可、1 要確認かブロック推奨あり、2 エラー" },
    [CMD_BURST] = { "burst", "[OPTION]... [LOG]", NULL,
                    "replay a log (LOG or standard input) of TIME RECIPIENT SENDER TEXT lines, "
                    "tab-separated, TIME as Unix seconds or YYYY-MM-DDTHH:MM:SS (UTC), and name "
                    "SMS bombs; --region is the recipients' country when RECIPIENT is not E.164; "
                    "exit 0 none, 1 a burst, 2 an error",
                    "TIME RECIPIENT SENDER TEXT（タブ区切り、TIME は Unix 秒か "
                    "YYYY-MM-DDTHH:MM:SS（UTC））のログ（LOG か標準入力）を再生して SMS 爆撃を報告"
                    "する。RECIPIENT が E.164 でなければ --region が受信者の国。"
                    "終了コード 0 なし、1 バーストあり、2 エラー" },
    [CMD_DB] = { "db", "info [--db FILE] [--overlay FILE]\n"
                       "verify FILE\n"
                       "import ftc-dnc|csv FILE --overlay OUT\n"
                       "build DIR OUT",
                 "info verify import build ftc-dnc csv",
                 "show the database's versions and row counts, verify a file, import a data "
                 "set into an overlay, or build a database from CSV data (db/ of the source tree)",
                 "データベースのバージョンと行数の表示、ファイルの検証、データセットのオーバーレイへの取り込み、"
                 "CSV データ（ソースツリーの db/）からのデータベースの構築" },
    [CMD_OVERLAY] = { "overlay", "FILE add allow|deny SENDER [--region CC] [--hint H] [--note T]\n"
                                 "FILE add allow|deny --range PREFIX --length N[-M] [--note T]\n"
                                 "FILE remove SENDER [--region CC] [--hint H]\n"
                                 "FILE remove --range PREFIX --length N[-M]\n"
                                 "FILE list [--json]",
                      "add remove list allow deny",
                      "edit the operator's own allow and deny rules; a short code needs --region",
                      "運用者の許可・拒否規則を編集する。ショートコードには --region が必要" },
    [CMD_VERSION] = { "version", "", NULL,
                      "print the versions of smsrep, libphonenumber and the data",
                      "smsrep、libphonenumber、データのバージョンを表示する" },
    [CMD_HELP] = { "help", "[COMMAND]", "check burst db overlay version",
                   "print the help of a command", "コマンドのヘルプを表示する" },
};

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

const char *cli_text(const char *en, const char *ja)
{
    return cli_japanese() ? ja : en;
}

int cli_edit_distance(const char *a, const char *b)
{
    int row[32], i, j, la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 30 || lb > 30)
        return 9;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb] > 9 ? 9 : row[lb];
}

/* The nearest of candidates to word, when near enough to be a slip. */
static const char *nearest(const char *word, const char *const *cand, int n)
{
    const char *best = NULL;
    int i, d, bestd = 3;
    for (i = 0; i < n; i++) {
        if (cand[i] == NULL)
            continue;
        d = cli_edit_distance(word, cand[i]);
        if (d < bestd) {
            bestd = d;
            best = cand[i];
        }
    }
    return best;
}

static void print_usage_lines(int cmd, FILE *f)
{
    const char *s = cli_commands[cmd].synopsis, *nl;
    const char *name = cli_commands[cmd].name;
    int first = 1;
    do {
        nl = strchr(s, '\n');
        fprintf(f, "%s smsrep%s%s%s%.*s\n", first ? cli_text("usage:", "使い方:") : cli_text("      ", "       "),
                name[0] ? " " : "", name, s[0] ? " " : "", nl ? (int)(nl - s) : (int)strlen(s), s);
        first = 0;
        s = nl ? nl + 1 : NULL;
    } while (s != NULL);
}

static void print_options(int cmd, FILE *f)
{
    int i;
    for (i = 0; i < OPT_COUNT_; i++) {
        const cli_option *o = &cli_options[i];
        char head[48];
        if (!(o->commands & C(cmd)))
            continue;
        if (o->short_name)
            snprintf(head, sizeof head, "-%c, %s%s%s", o->short_name, o->name, o->value ? " " : "",
                     o->value ? o->value : "");
        else
            snprintf(head, sizeof head, "    %s%s%s", o->name, o->value ? " " : "",
                     o->value ? o->value : "");
        fprintf(f, "  %-24s %s", head, cli_text(o->help_en, o->help_ja));
        if (o->value_kind == VALUE_LIST)
            fprintf(f, " [%s]", o->choices);
        if (o->value_kind == VALUE_HINT) {
            uint32_t h;
            fputs(" [", f);
            for (h = 0; h < SMSREP_HINT_LAST_; h++)
                fprintf(f, "%s%s", h ? " " : "", smsrep_hint_name(h));
            fputc(']', f);
        }
        fputc('\n', f);
    }
}

void cli_help(int cmd, FILE *f)
{
    int c;
    print_usage_lines(cmd, f);
    fprintf(f, "%s\n", cli_text(cli_commands[cmd].summary_en, cli_commands[cmd].summary_ja));
    if (cmd == CMD_MAIN) {
        fputs(cli_text("\ncommands:\n", "\nコマンド:\n"), f);
        for (c = CMD_CHECK; c < CMD_COUNT_; c++)
            fprintf(f, "  %-9s %s\n", cli_commands[c].name,
                    cli_text(cli_commands[c].summary_en, cli_commands[c].summary_ja));
    }
    fputs(cli_text("\noptions:\n", "\nオプション:\n"), f);
    print_options(cmd, f);
    if (cmd == CMD_MAIN)
        fputs(cli_text("\n\"smsrep COMMAND --help\" or \"smsrep help COMMAND\" shows a command's "
                       "options; \"man smsrep\" says more.\n",
                       "\n各コマンドのオプションは「smsrep COMMAND --help」または「smsrep help "
                       "COMMAND」、詳しくは「man smsrep」。\n"),
              f);
}

int cli_usage_error(int cmd, const char *message)
{
    if (message != NULL)
        fprintf(stderr, "smsrep: %s\n", message);
    print_usage_lines(cmd, stderr);
    if (cmd == CMD_MAIN)
        fprintf(stderr, cli_text("commands: %s\n", "コマンド: %s\n"), cli_commands[CMD_MAIN].words);
    fprintf(stderr, cli_text("\"smsrep %s%s--help\" lists the options.\n",
                             "オプションの一覧は「smsrep %s%s--help」。\n"),
            cli_commands[cmd].name, cli_commands[cmd].name[0] ? " " : "");
    return EXIT_ERROR;
}

int cli_command_of(const char *s)
{
    const char *names[CMD_COUNT_], *near;
    char msg[200], *e;
    int c;
    for (c = 0; c < CMD_COUNT_; c++) {
        names[c] = c == CMD_MAIN ? NULL : cli_commands[c].name;
        if (names[c] != NULL && strcmp(s, names[c]) == 0)
            return c;
    }
    near = nearest(s, names, CMD_COUNT_);
    e = cli_escaped(s, strlen(s) < 60 ? strlen(s) : 60);
    if (near != NULL)
        snprintf(msg, sizeof msg, cli_text("unknown command \"%s\"; did you mean \"%s\"?",
                                           "不明なコマンド「%s」。「%s」のことですか？"),
                 e != NULL ? e : "?", near);
    else
        snprintf(msg, sizeof msg, cli_text("unknown command \"%s\"", "不明なコマンド「%s」"),
                 e != NULL ? e : "?");
    free(e);
    cli_usage_error(CMD_MAIN, msg);
    return -1;
}

static void unknown_option(int cmd, const char *word, size_t len)
{
    const char *names[OPT_COUNT_], *near;
    char msg[300], w[64], *e;
    int i;
    snprintf(w, sizeof w, "%.*s", (int)(len < 60 ? len : 60), word);
    e = cli_escaped(w, strlen(w));
    for (i = 0; i < OPT_COUNT_; i++)
        names[i] = cli_options[i].commands & C(cmd) ? cli_options[i].name : NULL;
    near = nearest(w, names, OPT_COUNT_);
    if (near != NULL)
        snprintf(msg, sizeof msg, cli_text("unknown option %s; did you mean %s?",
                                           "不明なオプション %s。%s のことですか？"),
                 e != NULL ? e : "?", near);
    else
        snprintf(msg, sizeof msg, cli_text("unknown option %s", "不明なオプション %s"),
                 e != NULL ? e : "?");
    free(e);
    cli_usage_error(cmd, msg);
}

/* The option that word (without any "=VALUE") names for cmd, or -1. */
static int option_of(int cmd, const char *word, size_t len)
{
    int i;
    for (i = 0; i < OPT_COUNT_; i++) {
        const cli_option *o = &cli_options[i];
        if (!(o->commands & C(cmd)))
            continue;
        if (len == 2 && word[0] == '-' && word[1] == o->short_name)
            return i;
        if (strlen(o->name) == len && memcmp(o->name, word, len) == 0)
            return i;
    }
    return -1;
}

int cli_parse(int cmd, int argc, char **argv, cli_args *out)
{
    int i, n = 0;
    memset(out, 0, sizeof *out);
    out->operand = argv;
    for (i = 0; i < argc; i++) {
        char *a = argv[i];
        const char *eq;
        size_t len;
        int opt;
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                argv[n++] = argv[i];
            break;
        }
        if (a[0] != '-' || a[1] == '\0') { /* "-" is standard input, an operand */
            argv[n++] = a;
            continue;
        }
        eq = a[1] == '-' ? strchr(a, '=') : NULL;
        len = eq ? (size_t)(eq - a) : strlen(a);
        if ((opt = option_of(cmd, a, len)) < 0)
        {
            unknown_option(cmd, a, len);
            return CLI_USAGE_ERROR;
        }
        if (opt == OPT_HELP) {
            cli_help(cmd, stdout);
            return CLI_HELP_SHOWN;
        }
        if (cli_options[opt].value == NULL) {
            if (eq != NULL) {
                char msg[120];
                snprintf(msg, sizeof msg, cli_text("%s takes no value", "%s は値を取りません"),
                         cli_options[opt].name);
                cli_usage_error(cmd, msg);
                return CLI_USAGE_ERROR;
            }
            out->value[opt] = "";
        } else if (eq != NULL) {
            out->value[opt] = eq + 1;
        } else if (i + 1 < argc) {
            out->value[opt] = argv[++i];
        } else {
            char msg[120];
            snprintf(msg, sizeof msg, cli_text("%s needs a value", "%s には値が必要です"),
                     cli_options[opt].name);
            cli_usage_error(cmd, msg);
            return CLI_USAGE_ERROR;
        }
    }
    out->operands = n;
    return CLI_PARSED;
}
