/* SPDX-License-Identifier: Apache-2.0
 * report.c: one line of output per sender: a compact JSON object for
 * programs (JSON Lines) or a sentence for people, in English or Japanese. */
#include "cli.h"

#include <string.h>

static const char *class_ja(uint32_t c)
{
    static const char *const names[] = { "不明", "信頼できる", "注意", "疑わしい", "偽装", "拒否" };
    return c < sizeof names / sizeof names[0] ? names[c] : "不明";
}

static const char *recommendation_ja(uint32_t r)
{
    static const char *const names[] = { "受信可", "要確認", "ブロック推奨" };
    return r < sizeof names / sizeof names[0] ? names[r] : "不明";
}

static const char *relation_ja(uint32_t r)
{
    static const char *const names[] = { "", "正規の送信元", "なりすまし", "本文で名乗る",
                                         "名乗っているが未確認" };
    return r < sizeof names / sizeof names[0] ? names[r] : "";
}

/* Japanese for the statuses that input can cause; others stay English. */
static const char *status_ja(int status)
{
    switch (status) {
    case SMSREP_E_EMPTY: return "送信元が空です";
    case SMSREP_E_TOO_LONG: return "送信元が長すぎます";
    case SMSREP_E_ENCODING: return "送信元がUTF-8として正しくありません";
    case SMSREP_E_CHARACTER: return "送信元に制御文字があるか、文字も数字もありません";
    case SMSREP_E_REGION: return "地域コードが正しくありません";
    case SMSREP_E_NEED_REGION: return "国内形式の番号には受信者の地域（--region）が必要です";
    case SMSREP_E_NEED_E164: return "libphonenumber なしのビルドです。番号は E.164 形式（+ と国番号）で指定してください";
    default: return smsrep_strerror(status);
    }
}

static void json_verdict(FILE *f, smsrep_db *db, const char *input, size_t len,
                         const smsrep_verdict *v)
{
    smsrep_source_info src = SMSREP_SOURCE_INFO_INIT;
    uint32_t r;
    int first = 1;

    fputs("{\"input\":", f);
    json_string(f, input, len);
    fprintf(f, ",\"kind\":\"%s\",\"normalized\":", smsrep_kind_name(v->kind));
    json_cstring(f, v->normalized);
    fputs(",\"region\":", f);
    json_cstring(f, v->region);
    fprintf(f, ",\"calling_code\":%u,\"number_type\":\"%s\",\"class\":\"%s\",\"score\":%u,"
               "\"recommendation\":\"%s\",\"reasons\":[",
            v->calling_code, smsrep_number_type_name(v->number_type), smsrep_class_name(v->class_),
            v->score, smsrep_recommendation_name(v->recommendation));
    for (r = 0; r < 64; r++) {
        if (v->reasons & SMSREP_REASON_BIT(r)) {
            fprintf(f, "%s\"%s\"", first ? "" : ",", smsrep_reason_name(r));
            first = 0;
        }
    }
    fputs("],\"brand\":", f);
    json_cstring(f, v->brand);
    fprintf(f, ",\"brand_relation\":\"%s\",\"reply_cost\":\"%s\",\"source\":",
            smsrep_relation_name(v->brand_relation), smsrep_reply_cost_name(v->reply_cost));
    if (v->source[0] != '\0' && smsrep_source(db, v->source, &src) == SMSREP_OK) {
        fputs("{\"id\":", f);
        json_cstring(f, src.id);
        fputs(",\"name\":", f);
        json_cstring(f, src.name);
        fputs(",\"url\":", f);
        json_cstring(f, src.url);
        fputs(",\"licence\":", f);
        json_cstring(f, src.licence);
        fputc('}', f);
    } else {
        fputs("null", f);
    }
    fputs(",\"display\":", f);
    json_cstring(f, v->display);
    fputs(",\"text_brand\":", f);
    json_cstring(f, v->text_brand);
    fputs(",\"url_host\":", f);
    json_cstring(f, v->url_host);
    fputs(",\"text_phrase\":", f);
    json_cstring(f, v->text_phrase);
    fputs(",\"dlt\":", f);
    if (v->dlt_header[0] != '\0') {
        fputs("{\"header\":", f);
        json_cstring(f, v->dlt_header);
        fputs(",\"operator\":", f);
        json_cstring(f, v->dlt_operator);
        fputs(",\"circle\":", f);
        json_cstring(f, v->dlt_circle);
        fprintf(f, ",\"message_class\":\"%s\"}", smsrep_message_class_name(v->message_class));
    } else {
        fputs("null", f);
    }
    json_end(f);
}

static void text_verdict(FILE *f, const char *input, size_t len, const smsrep_verdict *v,
                         int ja)
{
    const char *lang = ja ? "ja" : "en";
    uint32_t r;
    int first = 1;

    /* The display form shows hidden characters as <U+XXXX> instead of
     * letting them reorder the terminal's line. */
    if (v->display[0] != '\0')
        cli_escape(f, v->display, strlen(v->display));
    else
        cli_escape(f, input, len);
    if (ja)
        fprintf(f, ": %s・%s（スコア %u）", class_ja(v->class_),
                recommendation_ja(v->recommendation), v->score);
    else
        fprintf(f, ": %s, %s (score %u)", smsrep_class_name(v->class_),
                smsrep_recommendation_name(v->recommendation), v->score);
    if (v->normalized[0] != '\0') {
        fputs(ja ? "。" : ". ", f);
        cli_escape_c(f, v->normalized);
        if (v->number_type != SMSREP_TYPE_UNKNOWN && v->region[0] != '\0') {
            fprintf(f, ja ? "（%s、" : " (%s, ", smsrep_number_type_name(v->number_type));
            cli_escape_c(f, v->region);
            fputs(ja ? "）" : ")", f);
        }
        else if (v->number_type != SMSREP_TYPE_UNKNOWN)
            fprintf(f, ja ? "（%s）" : " (%s)", smsrep_number_type_name(v->number_type));
    }
    if (v->dlt_header[0] != '\0') {
        fputs(ja ? "。DLTヘッダー " : ". DLT header ", f);
        cli_escape_c(f, v->dlt_header);
        if (ja)
            fprintf(f, "（%s）", smsrep_message_class_name(v->message_class));
        else
            fprintf(f, " (%s", smsrep_message_class_name(v->message_class));
        if (!ja && v->dlt_operator[0] != '\0') {
            fputs(", via ", f);
            cli_escape_c(f, v->dlt_operator);
        }
        if (!ja && v->dlt_circle[0] != '\0') {
            fputs(", ", f);
            cli_escape_c(f, v->dlt_circle);
        }
        if (!ja)
            fputc(')', f);
    }
    if (v->text_brand[0] != '\0' && strcmp(v->text_brand, v->brand) != 0) {
        fputs(ja ? "。本文が名乗るブランド: " : ". The text names ", f);
        cli_escape_c(f, v->text_brand);
    }
    if (v->url_host[0] != '\0') {
        fputs(ja ? "。問題のリンク先: " : ". Link host: ", f);
        cli_escape_c(f, v->url_host);
    }
    if (v->text_phrase[0] != '\0') {
        fputs(ja ? "。問題の文言: " : ". Phrase: ", f);
        cli_escape_c(f, v->text_phrase);
    }
    if (v->brand[0] != '\0') {
        fputs(ja ? "。ブランド: " : ". Brand: ", f);
        cli_escape_c(f, v->brand);
        if (ja)
            fprintf(f, "（%s）", relation_ja(v->brand_relation));
        else
            fprintf(f, " (%s)", smsrep_relation_name(v->brand_relation));
    }
    for (r = 0; r < 64; r++) {
        if (v->reasons & SMSREP_REASON_BIT(r)) {
            if (first)
                fputs(ja ? "。理由: " : ". Reasons: ", f);
            else
                fputs(ja ? "。" : "; ", f);
            fputs(smsrep_reason_text(r, lang), f);
            first = 0;
        }
    }
    if (v->source[0] != '\0')
    {
        fputs(ja ? "。出典: " : ". Source: ", f);
        cli_escape_c(f, v->source);
    }
    fputs(ja ? "。\n" : ".\n", f);
}

void report_verdict(FILE *f, smsrep_db *db, const char *input, size_t len,
                    const smsrep_verdict *v, int json, int japanese)
{
    if (json)
        json_verdict(f, db, input, len, v);
    else
        text_verdict(f, input, len, v, japanese);
}

void report_error(FILE *f, const char *input, size_t len, int status, int json, int japanese)
{
    report_error_named(f, input, len, smsrep_status_name(status),
                       japanese && !json ? status_ja(status) : smsrep_strerror(status), json,
                       japanese);
}

void report_error_named(FILE *f, const char *input, size_t len, const char *name,
                        const char *message, int json, int japanese)
{
    if (json) {
        fputs("{\"input\":", f);
        json_string(f, input, len);
        fprintf(f, ",\"error\":\"%s\",\"message\":", name);
        json_cstring(f, message);
        json_end(f);
        return;
    }
    cli_escape(f, input, len);
    if (japanese)
        fprintf(f, ": エラー: %s（%s）\n", message, name);
    else
        fprintf(f, ": error: %s (%s)\n", message, name);
}
