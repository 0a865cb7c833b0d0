/* SPDX-License-Identifier: Apache-2.0
 * build.c: the database builder. Creates the reputation database from
 * schema.sql and the CSV files, validating every row and stopping at the
 * first bad one with "file:line: what is wrong".
 *
 * Usage: smsrep-dbbuild --schema db/schema.sql --data db --out smsrep.sqlite
 *
 * The guard that matters most: a wrong "spoofed" on a real person's number is
 * the worst mistake the library can make, so rows that make numbers spoofed
 * must carry an exact length and may leave only a few digits free
 * (range_limits below). Each CSV is loaded in one transaction; the output
 * is written beside its final name and renamed into place, so a failed build
 * never leaves a half-made database behind. */
#include "csv.h"

#include "alnum.h"
#include "signals.h"
#include "smsrep.h"
#include "tables.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

/* How broad a range of each signal may be. exact: min_len must equal
 * max_len. free: the most digits a row may leave after its prefix (at the
 * longest length), so a fictional row covers at most 10^4 numbers. */
static const struct range_limit {
    const char *signal;
    int exact;
    int free;
} range_limits[] = {
    { "fictional", 1, 4 },             /* Ofcom and NANP drama ranges: 10^2 to 10^3 */
    { "cannot_originate_sms", 1, 7 },  /* a whole free-dial service, e.g. JP 0800 */
    { "unallocated", 1, 7 },           /* a whole unallocated area code */
    { "plan", 0, 12 },
    { "ip_phone", 0, 12 },
    { "m2m", 0, 12 },
    { "premium", 0, 12 },
    { "international_network", 0, 12 },
};

typedef struct builder {
    sqlite3 *db;
    const char *file;  /* for messages */
    unsigned line;
} builder;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3), noreturn))
#endif
static void fail(const builder *b, const char *fmt, ...)
{
    va_list ap;
    if (b != NULL && b->file != NULL)
        fprintf(stderr, "%s:%u: ", b->file, b->line);
    else
        fprintf(stderr, "smsrep-dbbuild: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void exec(builder *b, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(b->db, sql, NULL, NULL, &err) != SQLITE_OK)
        fail(b, "SQLite: %s", err ? err : "unknown error");
}

/* ------------------------------------------------------------ field checks */

static int all_digits(const char *s)
{
    if (*s == '\0')
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int is_region(const char *s, int allow_any, int allow_nongeo)
{
    if (allow_any && strcmp(s, "*") == 0)
        return 1;
    if (allow_nongeo && strcmp(s, "001") == 0)
        return 1;
    return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

static int is_id(const char *s)
{
    if (*s == '\0' || strlen(s) >= SMSREP_SOURCE_ID_SIZE)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

static int is_date(const char *s)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return 0;
    return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && s[4] == '-' &&
           s[7] == '-';
}

static int number_of(const builder *b, const char *s, int lo, int hi, const char *what)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi)
        fail(b, "%s must be a whole number from %d to %d, not \"%s\"", what, lo, hi, s);
    return (int)v;
}

static void check_text(const builder *b, const char *s, const char *what, int required)
{
    if (required && *s == '\0')
        fail(b, "%s is empty", what);
    if (!smsrep__utf8_valid(s, strlen(s)))
        fail(b, "%s is not valid UTF-8", what);
}

static void check_enum(const builder *b, const char *value, const char *what,
                       const char *const *allowed)
{
    const char *const *a;
    for (a = allowed; *a; a++)
        if (strcmp(value, *a) == 0)
            return;
    fail(b, "%s \"%s\" is not one of the allowed names", what, value);
}

/* A signal that db/README.md and signals.h allow in this table. */
static void check_signal(const builder *b, const char *value, const char *what, unsigned table)
{
    if (smsrep__signal_from_name(value, strlen(value), table) < 0)
        fail(b, "%s \"%s\" is not one of the allowed names", what, value);
}

/* Does a row of table with this key exist? */
static int exists(builder *b, const char *sql, const char *key)
{
    sqlite3_stmt *st;
    int found;
    if (sqlite3_prepare_v2(b->db, sql, -1, &st, NULL) != SQLITE_OK)
        fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

static void check_source(builder *b, const char *id)
{
    if (!exists(b, "SELECT 1 FROM source WHERE id = ?1", id))
        fail(b, "source \"%s\" is not defined in sources.csv", id);
}

static void check_brand(builder *b, const char *id, int required)
{
    if (*id == '\0') {
        if (required)
            fail(b, "brand is empty");
        return;
    }
    if (!exists(b, "SELECT 1 FROM brand WHERE id = ?1", id))
        fail(b, "brand \"%s\" is not defined in brands.csv", id);
}

/* ------------------------------------------------------------ loading */

typedef void (*row_loader)(builder *b, sqlite3_stmt *insert, char **f);

static void bind_all(sqlite3_stmt *st, char **values, int n)
{
    int i;
    for (i = 0; i < n; i++)
        sqlite3_bind_text(st, i + 1, values[i], -1, SQLITE_TRANSIENT);
}

static void insert_row(builder *b, sqlite3_stmt *st, char **values, int n)
{
    int rc;
    sqlite3_reset(st);
    bind_all(st, values, n);
    rc = sqlite3_step(st);
    if (rc == SQLITE_CONSTRAINT)
        fail(b, "duplicate row: %s", sqlite3_errmsg(b->db));
    if (rc != SQLITE_DONE)
        fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
}

/* Joins a NULL-terminated list of names with sep into out[cap]. */
static void join(const char *const *names, const char *sep, char *out, size_t cap)
{
    size_t i;
    out[0] = '\0';
    for (i = 0; names[i] != NULL; i++) {
        if (i)
            strncat(out, sep, cap - strlen(out) - 1);
        strncat(out, names[i], cap - strlen(out) - 1);
    }
}

/* Loads one CSV file: checks the header against the table's spec, then
 * hands each row to load(), which inserts by the spec's column names. */
static void load_csv(builder *b, const char *dir, const smsrep__table_spec *spec, row_loader load)
{
    char path[4096], header[512], columns[512], params[256], insert_sql[1400];
    csv_reader r;
    csv_record rec;
    sqlite3_stmt *insert;
    const char *const *cols = spec->columns != NULL ? spec->columns : spec->csv;
    int columns_n = 0, i, got;

    for (i = 0; spec->csv[i] != NULL; i++)
        columns_n++;
    join(spec->csv, ",", header, sizeof header);
    join(cols, ", ", columns, sizeof columns);
    params[0] = '\0';
    for (i = 0; cols[i] != NULL; i++)
        snprintf(params + strlen(params), sizeof params - strlen(params), "%s?%d", i ? ", " : "",
                 i + 1);
    snprintf(insert_sql, sizeof insert_sql, "INSERT INTO %s (%s) VALUES (%s)", spec->table, columns,
             params);
    snprintf(path, sizeof path, "%s/%s", dir, spec->file);
    b->file = path;
    b->line = 0;
    if (csv_open(&r, path) != 0)
        fail(b, "%s", r.error);
    if (sqlite3_prepare_v2(b->db, insert_sql, -1, &insert, NULL) != SQLITE_OK)
        fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
    exec(b, "BEGIN");

    got = csv_next(&r, &rec);
    b->line = rec.line ? rec.line : 1;
    if (got <= 0)
        fail(b, "%s", got < 0 ? r.error : "the header row is missing");
    {
        char joined[512] = "";
        for (i = 0; i < rec.count; i++) {
            if (i)
                strncat(joined, ",", sizeof joined - strlen(joined) - 1);
            strncat(joined, rec.field[i], sizeof joined - strlen(joined) - 1);
        }
        if (strcmp(joined, header) != 0)
            fail(b, "the header must be \"%s\", not \"%s\"", header, joined);
    }
    while ((got = csv_next(&r, &rec)) == 1) {
        b->line = rec.line;
        if (rec.count != columns_n)
            fail(b, "%d fields; the header has %d", rec.count, columns_n);
        for (i = 0; i < rec.count; i++)
            check_text(b, rec.field[i], "a field", 0);
        load(b, insert, rec.field);
    }
    if (got < 0) {
        b->line = rec.line ? rec.line : r.line; /* where the bad record starts */
        fail(b, "%s", r.error);
    }
    exec(b, "COMMIT");
    sqlite3_finalize(insert);
    csv_close(&r);
    b->file = NULL;
}

static void load_meta(builder *b, sqlite3_stmt *insert, char **f)
{
    int y, m, d;
    char tail;
    check_text(b, f[META_KEY], "key", 1);
    check_text(b, f[META_VALUE], "value", 1);
    if (strcmp(f[META_KEY], "data_version") == 0 &&
        (strlen(f[META_VALUE]) != 10 || sscanf(f[META_VALUE], "%4d.%2d.%2d%c", &y, &m, &d, &tail) != 3))
        fail(b, "data_version must be YYYY.MM.DD, not \"%s\"", f[META_VALUE]);
    insert_row(b, insert, f, META_NCOLS);
}

static void load_source(builder *b, sqlite3_stmt *insert, char **f)
{
    if (!is_id(f[SOURCE_ID]))
        fail(b, "source id \"%s\" must be [a-z0-9_-]+, shorter than %d bytes", f[SOURCE_ID],
             SMSREP_SOURCE_ID_SIZE);
    check_text(b, f[SOURCE_NAME], "name", 1);
    if (strncmp(f[SOURCE_URL], "https://", 8) != 0 && strncmp(f[SOURCE_URL], "http://", 7) != 0)
        fail(b, "url \"%s\" must start with https:// or http://", f[SOURCE_URL]);
    check_text(b, f[SOURCE_LICENCE], "licence", 1);
    if (!is_date(f[SOURCE_RETRIEVED]))
        fail(b, "retrieved \"%s\" must be a date YYYY-MM-DD", f[SOURCE_RETRIEVED]);
    check_text(b, f[SOURCE_CREDIT], "credit", 1);
    insert_row(b, insert, f, SOURCE_NCOLS);
}

/* Every name of a brand goes into brand_name in the library's own forms. */
static void add_brand_name(builder *b, const char *brand, const char *name, size_t len)
{
    static sqlite3_stmt *st;
    alnum_form form;
    char *values[3];
    int status;

    if (len == 0)
        fail(b, "an empty brand name or alias");
    status = smsrep__alnum_forms(name, len, &form);
    if (status != SMSREP_OK)
        fail(b, "cannot canonicalise \"%.*s\": %s", (int)len, name, smsrep_strerror(status));
    if (st == NULL &&
        sqlite3_prepare_v2(b->db,
                           "INSERT OR IGNORE INTO brand_name (canonical, skeleton, brand)"
                           " VALUES (?1, ?2, ?3)",
                           -1, &st, NULL) != SQLITE_OK)
        fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
    {
        sqlite3_stmt *other;
        if (sqlite3_prepare_v2(b->db, "SELECT brand FROM brand_name WHERE canonical = ?1 AND brand != ?2",
                               -1, &other, NULL) != SQLITE_OK)
            fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
        sqlite3_bind_text(other, 1, form.canonical, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(other, 2, brand, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(other) == SQLITE_ROW)
            fail(b, "the name \"%s\" already belongs to brand \"%s\"", form.canonical,
                 (const char *)sqlite3_column_text(other, 0));
        sqlite3_finalize(other);
    }
    values[0] = form.canonical;
    values[1] = form.skeleton;
    values[2] = (char *)(uintptr_t)brand;
    insert_row(b, st, values, 3);
}

static void check_domain(const builder *b, const char *d, size_t len)
{
    size_t i;
    int dot = 0;
    if (len == 0 || len > 253)
        fail(b, "an empty or over-long domain");
    for (i = 0; i < len; i++) {
        char c = d[i];
        dot |= c == '.';
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'))
            fail(b, "domain \"%.*s\" must be lower-case letters, digits, '-' and '.'", (int)len, d);
    }
    if (!dot)
        fail(b, "domain \"%.*s\" has no dot", (int)len, d);
}

static const char *const sectors[] = { "bank", "card", "payments", "retail", "tech", "carrier",
                                       "post", "logistics", "government", "toll", "streaming",
                                       "travel", NULL };

static void load_brand(builder *b, sqlite3_stmt *insert, char **f)
{
    const char *p, *bar;
    if (!is_id(f[BRAND_ID]))
        fail(b, "brand id \"%s\" must be [a-z0-9_-]+", f[BRAND_ID]);
    check_text(b, f[BRAND_NAME], "name", 1);
    if (strlen(f[BRAND_NAME]) >= SMSREP_BRAND_SIZE)
        fail(b, "name is longer than %d bytes", SMSREP_BRAND_SIZE - 1);
    check_enum(b, f[BRAND_SECTOR], "sector", sectors);
    check_source(b, f[BRAND_SOURCE]);
    insert_row(b, insert, f, BRAND_NCOLS);
    add_brand_name(b, f[BRAND_ID], f[BRAND_NAME], strlen(f[BRAND_NAME]));
    for (p = f[BRAND_ALIASES]; *p; p = *bar ? bar + 1 : bar) {
        bar = strchr(p, '|');
        if (bar == NULL)
            bar = p + strlen(p);
        add_brand_name(b, f[BRAND_ID], p, (size_t)(bar - p));
    }
    for (p = f[BRAND_DOMAINS]; *p; p = *bar ? bar + 1 : bar) {
        bar = strchr(p, '|');
        if (bar == NULL)
            bar = p + strlen(p);
        check_domain(b, p, (size_t)(bar - p));
    }
}

static const char *const reply_costs[] = { "unknown", "free", "standard", "premium", NULL };
static const char *const confidences[] = { "low", "medium", "high", NULL };

static const struct range_limit *limit_of(const char *signal)
{
    size_t i;
    for (i = 0; i < sizeof range_limits / sizeof range_limits[0]; i++)
        if (strcmp(range_limits[i].signal, signal) == 0)
            return &range_limits[i];
    return NULL;
}

/* Expands every digit class "[a-b]" in a prefix into out[]; returns the
 * count. A row may expand into at most MAX_EXPANSION prefixes. */
#define MAX_EXPANSION 1000
static int expand_prefix(const builder *b, const char *pattern, char (*out)[16], int n, int max)
{
    const char *open = strchr(pattern, '[');
    char head[16], rest[64];
    size_t h;
    char c;

    if (open == NULL) {
        if (strlen(pattern) >= 16)
            fail(b, "prefix \"%s\" is longer than 15 digits", pattern);
        if (n >= max)
            fail(b, "prefix expands into more than %d prefixes", max);
        strcpy(out[n], pattern);
        return n + 1;
    }
    h = (size_t)(open - pattern);
    if (h >= sizeof head || strlen(open) < 5 || open[2] != '-' || open[4] != ']' ||
        open[1] < '0' || open[3] > '9' || open[1] > open[3])
        fail(b, "prefix \"%s\": a digit class must read [a-b] with a <= b", pattern);
    memcpy(head, pattern, h);
    for (c = open[1]; c <= open[3]; c++) {
        if (snprintf(rest, sizeof rest, "%.*s%c%s", (int)h, head, c, open + 5) >= (int)sizeof rest)
            fail(b, "prefix \"%s\" is too long", pattern);
        n = expand_prefix(b, rest, out, n, max);
    }
    return n;
}

static void load_number_range(builder *b, sqlite3_stmt *insert, char **f)
{
    static char prefixes[MAX_EXPANSION][16];
    int n, i, min_len, max_len;
    const struct range_limit *limit;
    char *values[RANGE_NCOLS];

    n = expand_prefix(b, f[RANGE_PREFIX], prefixes, 0, MAX_EXPANSION);
    min_len = number_of(b, f[RANGE_MIN_LEN], 2, 15, "min_len");
    max_len = number_of(b, f[RANGE_MAX_LEN], 2, 15, "max_len");
    if (min_len > max_len)
        fail(b, "min_len %d is greater than max_len %d", min_len, max_len);
    if (!is_region(f[RANGE_REGION], 0, 1))
        fail(b, "region \"%s\" must be an upper-case ISO 3166 alpha-2 code or 001", f[RANGE_REGION]);
    if (f[RANGE_NUMBER_TYPE][0] != '\0' && smsrep_number_type_from_name(f[RANGE_NUMBER_TYPE], strlen(f[RANGE_NUMBER_TYPE])) < 0)
        fail(b, "number_type \"%s\" is not a name smsrep.h defines", f[RANGE_NUMBER_TYPE]);
    check_signal(b, f[RANGE_SIGNAL], "signal", IN_RANGE);
    check_enum(b, f[RANGE_REPLY_COST], "reply_cost", reply_costs);
    check_source(b, f[RANGE_SOURCE]);
    limit = limit_of(f[RANGE_SIGNAL]);
    if (limit->exact && min_len != max_len)
        fail(b, "a %s range needs an exact length (min_len == max_len), not %d..%d", f[RANGE_SIGNAL],
             min_len, max_len);
    for (i = 0; i < n; i++) {
        int plen = (int)strlen(prefixes[i]);
        if (!all_digits(prefixes[i]) || prefixes[i][0] == '0')
            fail(b, "prefix \"%s\" must be E.164 digits (no '+', no leading 0)", prefixes[i]);
        if (plen > min_len)
            fail(b, "prefix \"%s\" is longer than min_len %d", prefixes[i], min_len);
        if (max_len - plen > limit->free)
            fail(b, "%s range %s with length %d leaves %d digits free; the limit is %d",
                 f[RANGE_SIGNAL], prefixes[i], max_len, max_len - plen, limit->free);
        {
            sqlite3_stmt *st;
            if (sqlite3_prepare_v2(b->db,
                                   "SELECT min_len, max_len FROM number_range WHERE prefix = ?1"
                                   " AND min_len <= ?3 AND max_len >= ?2",
                                   -1, &st, NULL) != SQLITE_OK)
                fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
            sqlite3_bind_text(st, 1, prefixes[i], -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 2, min_len);
            sqlite3_bind_int(st, 3, max_len);
            if (sqlite3_step(st) == SQLITE_ROW)
                fail(b, "prefix %s with lengths %d..%d overlaps an earlier row with %d..%d",
                     prefixes[i], min_len, max_len, sqlite3_column_int(st, 0),
                     sqlite3_column_int(st, 1));
            sqlite3_finalize(st);
        }
        memcpy(values, f, sizeof values);
        values[RANGE_PREFIX] = prefixes[i];
        insert_row(b, insert, values, RANGE_NCOLS);
    }
}

/* The signal of the longest number_range row that covers a number. */
static const char *range_signal(builder *b, const char *number, char *buf, size_t cap)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(b->db,
                           "SELECT signal FROM number_range WHERE ?1 LIKE prefix || '%'"
                           " AND min_len <= length(?1) AND max_len >= length(?1)"
                           " ORDER BY length(prefix) DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
    sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
    buf[0] = '\0';
    if (sqlite3_step(st) == SQLITE_ROW)
        smsrep__copyz(buf, cap, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static void load_known_number(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const relations[] = { "sender_of", "carrier_display", NULL };
    static const char *const purposes[] = { "otp", "notifications", "marketing", "relay",
                                            NULL };
    char signal[32];
    const struct range_limit *limit;

    if (!all_digits(f[KNOWN_NUMBER]) || f[KNOWN_NUMBER][0] == '0' || strlen(f[KNOWN_NUMBER]) < 7 || strlen(f[KNOWN_NUMBER]) > 15)
        fail(b, "number \"%s\" must be 7 to 15 E.164 digits (no '+', no leading 0)", f[KNOWN_NUMBER]);
    if (!is_region(f[KNOWN_DEST_REGION], 1, 0))
        fail(b, "dest_region \"%s\" must be an ISO 3166 alpha-2 code or *", f[KNOWN_DEST_REGION]);
    check_brand(b, f[KNOWN_BRAND], 1);
    check_enum(b, f[KNOWN_RELATION], "relation", relations);
    check_enum(b, f[KNOWN_PURPOSE], "purpose", purposes);
    check_enum(b, f[KNOWN_CONFIDENCE], "confidence", confidences);
    check_source(b, f[KNOWN_SOURCE]);
    range_signal(b, f[KNOWN_NUMBER], signal, sizeof signal);
    limit = signal[0] ? limit_of(signal) : NULL;
    if (limit != NULL && limit->exact)
        fail(b, "number %s lies in a %s range; a documented sender cannot", f[KNOWN_NUMBER], signal);
    insert_row(b, insert, f, KNOWN_NCOLS);
}

static void load_short_code(builder *b, sqlite3_stmt *insert, char **f)
{
    int min_len, max_len, plen = (int)strlen(f[SHORT_PREFIX]);

    if (!is_region(f[SHORT_REGION], 0, 0))
        fail(b, "region \"%s\" must be an upper-case ISO 3166 alpha-2 code", f[SHORT_REGION]);
    if (!all_digits(f[SHORT_PREFIX]))
        fail(b, "prefix \"%s\" must be digits", f[SHORT_PREFIX]);
    min_len = number_of(b, f[SHORT_MIN_LEN], 2, 15, "min_len");
    max_len = number_of(b, f[SHORT_MAX_LEN], 2, 15, "max_len");
    if (plen > min_len || min_len > max_len)
        fail(b, "need length(prefix) <= min_len <= max_len, not %d, %d, %d", plen, min_len,
             max_len);
    check_signal(b, f[SHORT_SIGNAL], "signal", IN_SHORT);
    if (strcmp(f[SHORT_SIGNAL], "emergency") == 0 && (plen != min_len || min_len != max_len))
        fail(b, "an emergency short code must be exact: min_len = max_len = length(prefix)");
    if (max_len - plen > 6)
        fail(b, "a short-code shape may leave at most 6 digits free, not %d", max_len - plen);
    check_brand(b, f[SHORT_BRAND], strcmp(f[SHORT_SIGNAL], "brand_sender") == 0);
    check_enum(b, f[SHORT_REPLY_COST], "reply_cost", reply_costs);
    check_enum(b, f[SHORT_CONFIDENCE], "confidence", confidences);
    check_source(b, f[SHORT_SOURCE]);
    insert_row(b, insert, f, SHORT_NCOLS);
}

static void load_sender_id(builder *b, sqlite3_stmt *insert, char **f)
{
    alnum_form form;
    char *values[8];
    int status;

    if (!is_region(f[SENDER_REGION], 1, 0))
        fail(b, "region \"%s\" must be an ISO 3166 alpha-2 code or *", f[SENDER_REGION]);
    check_text(b, f[SENDER_ID], "sender_id", 1);
    status = smsrep__alnum_forms(f[SENDER_ID], strlen(f[SENDER_ID]), &form);
    if (status != SMSREP_OK || form.canonical[0] == '\0')
        fail(b, "sender_id \"%s\" has no canonical form", f[SENDER_ID]);
    check_brand(b, f[SENDER_BRAND], strcmp(f[SENDER_SIGNAL], "registered") == 0);
    check_signal(b, f[SENDER_SIGNAL], "signal", IN_SENDER);
    check_enum(b, f[SENDER_CONFIDENCE], "confidence", confidences);
    check_source(b, f[SENDER_SOURCE]);
    /* in the order of smsrep__sender_id_columns */
    values[0] = f[SENDER_REGION];
    values[1] = form.canonical;
    values[2] = form.skeleton;
    values[3] = f[SENDER_BRAND];
    values[4] = f[SENDER_SIGNAL];
    values[5] = f[SENDER_CONFIDENCE];
    values[6] = f[SENDER_SOURCE];
    values[7] = f[SENDER_NOTE];
    insert_row(b, insert, values, 8);
}

static void load_alnum_rule(builder *b, sqlite3_stmt *insert, char **f)
{
    if (!is_region(f[RULE_REGION], 0, 0))
        fail(b, "region \"%s\" must be an upper-case ISO 3166 alpha-2 code", f[RULE_REGION]);
    check_signal(b, f[RULE_RULE], "rule", IN_RULE);
    check_source(b, f[RULE_SOURCE]);
    insert_row(b, insert, f, RULE_NCOLS);
}

static void load_calling_code(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const statuses[] = { "unassigned", NULL };
    if (!all_digits(f[CALLING_PREFIX]) || f[CALLING_PREFIX][0] == '0' || strlen(f[CALLING_PREFIX]) > 3)
        fail(b, "prefix \"%s\" must be 1 to 3 digits, not starting with 0", f[CALLING_PREFIX]);
    check_enum(b, f[CALLING_STATUS], "status", statuses);
    check_source(b, f[CALLING_SOURCE]);
    insert_row(b, insert, f, CALLING_NCOLS);
}

static void load_lookalike_word(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const roles[] = { "country", "purpose", "ordinary", NULL };
    alnum_form form;
    char *values[5];
    const char *c;
    int status;

    for (c = f[WORD_WORD]; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
            fail(b, "word \"%s\" must be upper-case ASCII letters and digits", f[WORD_WORD]);
    if (strlen(f[WORD_WORD]) < 2 || strlen(f[WORD_WORD]) > 11)
        fail(b, "word \"%s\" must have 2 to 11 characters, as a sender ID", f[WORD_WORD]);
    check_enum(b, f[WORD_ROLE], "role", roles);
    check_source(b, f[WORD_SOURCE]);
    status = smsrep__alnum_forms(f[WORD_WORD], strlen(f[WORD_WORD]), &form);
    if (status != SMSREP_OK)
        fail(b, "cannot canonicalise \"%s\": %s", f[WORD_WORD], smsrep_strerror(status));
    /* in the order of smsrep__lookalike_word_columns */
    values[0] = form.canonical;
    values[1] = form.skeleton;
    values[2] = f[WORD_ROLE];
    values[3] = f[WORD_SOURCE];
    values[4] = f[WORD_NOTE];
    insert_row(b, insert, values, 5);
}

static void load_declaration(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const scopes[] = { "all",       "number",        "short_code",
                                          "sender_id", "carrier_relay", NULL };
    check_brand(b, f[DECL_BRAND], 1);
    if (!is_region(f[DECL_REGION], 0, 0))
        fail(b, "region \"%s\" must be an upper-case ISO 3166 alpha-2 code", f[DECL_REGION]);
    check_enum(b, f[DECL_SCOPE], "scope", scopes);
    check_source(b, f[DECL_SOURCE]);
    insert_row(b, insert, f, DECL_NCOLS);
}

/* A phrase is matched as a substring, ASCII letters folded: a lure names
 * what it asks for (its category) and its language; a shortener is a
 * lower-case host name, matched as a link's host or a name under it; a
 * messaging app (matched as a word) has a lang and no category. */
static void load_phrase(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const kinds[] = { "lure", "code_word", "service_notice", "shortener",
                                         "messaging_app", NULL };
    static const char *const categories[] = { "unpaid_fee", "toll_unpaid", "parcel_held",
                                              "account_locked", "tax_refund", "prize",
                                              "legal_action", "service_cutoff", "call_number",
                                              "credentials", "payment", "payment_failed",
                                              "new_number", "job_offer", NULL };
    static const char *const langs[] = { "en", "ja", NULL };
    const char *c;

    check_enum(b, f[PHRASE_KIND], "kind", kinds);
    check_source(b, f[PHRASE_SOURCE]);
    check_text(b, f[PHRASE_PHRASE], "phrase", 1);
    if (strlen(f[PHRASE_PHRASE]) < 2 || strlen(f[PHRASE_PHRASE]) >= SMSREP_PHRASE_SIZE)
        fail(b, "phrase \"%s\" must have 2 to %d bytes", f[PHRASE_PHRASE], SMSREP_PHRASE_SIZE - 1);
    if (strcmp(f[PHRASE_KIND], "shortener") == 0) {
        if (f[PHRASE_CATEGORY][0] != '\0' || f[PHRASE_LANG][0] != '\0')
            fail(b, "a shortener has no category and no lang");
        for (c = f[PHRASE_PHRASE]; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '.'))
                fail(b, "shortener \"%s\" must be a lower-case host name", f[PHRASE_PHRASE]);
        if (strchr(f[PHRASE_PHRASE], '.') == NULL || f[PHRASE_PHRASE][0] == '.')
            fail(b, "shortener \"%s\" must be a host name with a dot", f[PHRASE_PHRASE]);
    } else {
        check_enum(b, f[PHRASE_LANG], "lang", langs);
        if (strcmp(f[PHRASE_KIND], "lure") == 0)
            check_enum(b, f[PHRASE_CATEGORY], "category", categories);
        else if (f[PHRASE_CATEGORY][0] != '\0')
            fail(b, "only a lure has a category");
    }
    insert_row(b, insert, f, PHRASE_NCOLS);
}

/* A DLT header letter: one upper-case letter naming an access provider or a
 * licensed service area. */
static void load_dlt_letter(builder *b, sqlite3_stmt *insert, char **f)
{
    static const char *const roles[] = { "operator", "circle", NULL };
    const char *l = f[DLT_LETTER];
    if (!(l[0] >= 'A' && l[0] <= 'Z' && l[1] == '\0'))
        fail(b, "letter \"%s\" must be one upper-case letter A-Z", l);
    check_enum(b, f[DLT_ROLE], "role", roles);
    check_text(b, f[DLT_NAME], "name", 1);
    if (strlen(f[DLT_NAME]) >= sizeof ((smsrep_verdict *)0)->dlt_operator)
        fail(b, "name \"%s\" must have fewer than %zu bytes", f[DLT_NAME],
             sizeof ((smsrep_verdict *)0)->dlt_operator);
    check_source(b, f[DLT_SOURCE]);
    insert_row(b, insert, f, DLT_NCOLS);
}

/* Each table's loader, in the order of smsrep__tables. */
static const row_loader loaders[TABLE_COUNT] = {
    [TABLE_META] = load_meta,       [TABLE_SOURCE] = load_source,
    [TABLE_BRAND] = load_brand,     [TABLE_RANGE] = load_number_range,
    [TABLE_KNOWN] = load_known_number, [TABLE_SHORT] = load_short_code,
    [TABLE_SENDER] = load_sender_id, [TABLE_RULE] = load_alnum_rule,
    [TABLE_CALLING] = load_calling_code, [TABLE_WORD] = load_lookalike_word,
    [TABLE_DECL] = load_declaration, [TABLE_PHRASE] = load_phrase,
    [TABLE_DLT] = load_dlt_letter,
};

/* schema.sql must make every table with exactly the columns of its spec,
 * in the spec's order. */
static void check_schema(builder *b)
{
    size_t t;
    for (t = 0; t < TABLE_COUNT; t++) {
        const smsrep__table_spec *spec = &smsrep__tables[t];
        const char *const *want = spec->columns != NULL ? spec->columns : spec->csv;
        char have[512] = "", expected[512];
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(b->db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid", -1,
                               &st, NULL) != SQLITE_OK)
            fail(b, "SQLite: %s", sqlite3_errmsg(b->db));
        sqlite3_bind_text(st, 1, spec->table, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (have[0])
                strncat(have, ",", sizeof have - strlen(have) - 1);
            strncat(have, (const char *)sqlite3_column_text(st, 0), sizeof have - strlen(have) - 1);
        }
        sqlite3_finalize(st);
        join(want, ",", expected, sizeof expected);
        if (strcmp(have, expected) != 0)
            fail(b, "table %s has columns \"%s\"; libsmsrep/tables.h says \"%s\"", spec->table,
                 have, expected);
    }
}

/* A word that qualifies look-alike matching, in the library's own forms
 * (as brand names are): a country or purpose word beside a brand's name, or
 * an ordinary word never taken for a brand's near miss. */

/* ------------------------------------------------------------ main */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
        exit(1);
    }
    buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(1);
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    const char *schema = NULL, *data = NULL, *out = NULL;
    char tmp[4096];
    builder b = { 0 };
    char *sql;
    int i;
    sqlite3_stmt *st;

    for (i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--schema") == 0)
            schema = argv[i + 1];
        else if (strcmp(argv[i], "--data") == 0)
            data = argv[i + 1];
        else if (strcmp(argv[i], "--out") == 0)
            out = argv[i + 1];
        else
            break;
    }
    if (i != argc || schema == NULL || data == NULL || out == NULL) {
        fprintf(stderr, "usage: smsrep-dbbuild --schema FILE --data DIR --out FILE\n");
        return 2;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    remove(tmp);
    if (sqlite3_open_v2(tmp, &b.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        fail(NULL, "cannot create %s: %s", tmp, sqlite3_errmsg(b.db));

    sql = read_text(schema);
    b.file = schema;
    exec(&b, sql);
    free(sql);
    if (sqlite3_prepare_v2(b.db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW ||
        (unsigned)sqlite3_column_int(st, 0) != SMSREP__SCHEMA_VERSION)
        fail(&b, "schema.sql sets a user_version other than the library's %u",
             SMSREP__SCHEMA_VERSION);
    sqlite3_finalize(st);
    b.file = NULL;

    check_schema(&b);
    for (i = 0; i < TABLE_COUNT; i++)
        load_csv(&b, data, &smsrep__tables[i], loaders[i]);

    if (!exists(&b, "SELECT 1 FROM meta WHERE key = ?1", "data_version"))
        fail(NULL, "meta.csv lacks data_version");
    exec(&b, "ANALYZE; VACUUM;");
    sqlite3_close(b.db);
    if (rename(tmp, out) != 0)
        fail(NULL, "cannot rename %s to %s: %s", tmp, out, strerror(errno));
    return 0;
}
