/* SPDX-License-Identifier: Apache-2.0
 * import.c: reads data sets in their published formats into an overlay: the
 * FTC's Do Not Call complaints (aggregated per number: a complaint alone
 * never makes a number spoofed, since many reported numbers were spoofed
 * themselves) and an operator's own allow and deny list. */
#include "import.h"
#include "overlay_format.h"

#include <stdio.h>
#include <string.h>

/* Index of the column named name in the header record, or -1. */
/* The process's one progress hook: set once by the command before it imports. */
static void (*progress)(long rows);

void import_set_progress(void (*fn)(long rows))
{
    progress = fn;
}

static int column(const csv_record *header, const char *name)
{
    int i;
    for (i = 0; i < header->count; i++)
        if (strcmp(header->field[i], name) == 0)
            return i;
    return -1;
}

/* Reads the header record; 0, or -1 with why set. */
static int read_header(csv_reader *r, csv_record *header, char *why, size_t cap)
{
    int got = csv_next(r, header);
    if (got <= 0) {
        snprintf(why, cap, "%s:%u: %s", r->path, r->line, got < 0 ? r->error : "no header row");
        return -1;
    }
    return 0;
}

/* How the row loop ended: 0 at the end of the file, -1 with why set when the
 * CSV itself is malformed. */
static int finish(const csv_reader *r, int got, char *why, size_t cap)
{
    if (got < 0) {
        snprintf(why, cap, "%s:%u: %s", r->path, r->line, r->error);
        return -1;
    }
    return 0;
}

/* Does s start with a date YYYY-MM-DD (then its end, a space or a 'T')? */
static int is_date(const char *s)
{
    int i, month, day;
    for (i = 0; i < 10; i++) /* stops at the NUL of a shorter string */
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    if (s[10] != '\0' && s[10] != ' ' && s[10] != 'T')
        return 0;
    month = (s[5] - '0') * 10 + (s[6] - '0');
    day = (s[8] - '0') * 10 + (s[9] - '0');
    return s[0] != '0' && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

int import_ftc_dnc(overlay_file *o, smsrep_db *ref, csv_reader *r, import_stats *st, char *why,
                   size_t cap)
{
    csv_record rec;
    int phone, created, robo, got;
    char date[11];

    memset(st, 0, sizeof *st);
    if (read_header(r, &rec, why, cap) != 0)
        return -1;
    phone = column(&rec, "Company_Phone_Number");
    created = column(&rec, "Created_Date");
    robo = column(&rec, "Recorded_Message_Or_Robocall");
    if (phone < 0 || created < 0) {
        snprintf(why, cap, "%s:%u: not the FTC's Do Not Call format (no Company_Phone_Number and "
                           "Created_Date columns)", r->path, rec.line);
        return -1;
    }
    if (overlay_put_source(o, "ftc-dnc",
                           "FTC Do Not Call Registry: reported calls (consumer complaints, unverified)",
                           "https://www.ftc.gov/policy-notices/open-government/data-sets/do-not-call-data",
                           "Public domain (US government work)",
                           "Federal Trade Commission, Do Not Call complaint data", why, cap) != 0)
        return -1;

    while ((got = csv_next(r, &rec)) == 1) {
        char digits[24], number[32];
        size_t n = 0;
        const char *p;
        rule_key k;

        st->rows++;
        if (progress != NULL && st->rows % IMPORT_PROGRESS_ROWS == 0)
            progress(st->rows);
        if (phone >= rec.count || created >= rec.count) {
            st->skipped++;
            st->not_a_number++;
            continue;
        }
        for (p = rec.field[phone]; *p && n < sizeof digits - 1; p++)
            if (*p >= '0' && *p <= '9')
                digits[n++] = *p;
        digits[n] = '\0';
        /* the FTC writes US numbers as 10 digits without the 1 */
        if (n == 10)
            snprintf(number, sizeof number, "+1%s", digits);
        else if (n == 11 && digits[0] == '1')
            snprintf(number, sizeof number, "+%s", digits);
        else
            number[0] = '\0';
        if (number[0] == '\0' ||
            rule_key_of_sender(ref, number, strlen(number), NULL, SMSREP_HINT_INTERNATIONAL, &k,
                               NULL, 0) != 0 ||
            strcmp(k.kind, OVERLAY_KIND_NUMBER) != 0) {
            st->skipped++;
            st->not_a_number++;
            continue;
        }
        if (!is_date(rec.field[created])) {
            st->skipped++;
            st->bad_date++;
            continue;
        }
        snprintf(date, sizeof date, "%.10s", rec.field[created]);
        if (overlay_add_report(o, k.prefix, "ftc-dnc", date,
                               robo >= 0 && robo < rec.count && strcmp(rec.field[robo], "Y") == 0,
                               why, cap) != 0)
            return -1;
        st->used++;
    }
    return finish(r, got, why, cap);
}

int import_list(overlay_file *o, smsrep_db *ref, csv_reader *r, const char *source,
                import_stats *st, char *why, size_t cap)
{
    static const char header[] = "action,sender,region,length,note";
    csv_record rec;
    char line_why[200];
    int got, i;

    memset(st, 0, sizeof *st);
    if (read_header(r, &rec, why, cap) != 0)
        return -1;
    {
        char joined[128] = "";
        for (i = 0; i < rec.count; i++)
            snprintf(joined + strlen(joined), sizeof joined - strlen(joined), "%s%s", i ? "," : "",
                     rec.field[i]);
        if (strcmp(joined, header) != 0) {
            snprintf(why, cap, "%s:%u: the header must be \"%s\"", r->path, rec.line, header);
            return -1;
        }
    }
    while ((got = csv_next(r, &rec)) == 1) {
        rule_key k;
        int ok;
        st->rows++;
        if (progress != NULL && st->rows % IMPORT_PROGRESS_ROWS == 0)
            progress(st->rows);
        if (rec.count != 5) {
            snprintf(why, cap, "%s:%u: %d fields; the header has 5", r->path, rec.line, rec.count);
            return -1;
        }
        if (strcmp(rec.field[0], "allow") != 0 && strcmp(rec.field[0], "deny") != 0) {
            snprintf(why, cap, "%s:%u: action must be allow or deny, not \"%s\"", r->path, rec.line,
                     rec.field[0]);
            return -1;
        }
        if (rec.field[3][0] != '\0')
            ok = rule_key_of_range(rec.field[1], rec.field[3], &k, line_why, sizeof line_why);
        else
            ok = rule_key_of_sender(ref, rec.field[1], strlen(rec.field[1]), rec.field[2], 0, &k,
                                    line_why, sizeof line_why);
        if (ok != 0) {
            snprintf(why, cap, "%s:%u: %s: %s", r->path, rec.line, rec.field[1], line_why);
            return -1;
        }
        if (overlay_put_rule(o, &k, rec.field[0], rec.field[4], source, why, cap) != 0)
            return -1;
        st->used++;
    }
    return finish(r, got, why, cap);
}
