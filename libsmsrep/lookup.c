/* SPDX-License-Identifier: Apache-2.0
 * lookup.c: the queries a check makes: longest-prefix number ranges, exact
 * known numbers, short codes, sender IDs, the recipient country's rules for
 * alphanumeric IDs, calling codes, and the overlay's rules and reports. They
 * return facts as the database holds them. Every value read from a database
 * is treated as untrusted: text is repaired and enumerations are checked. */
#include "lookup.h"

#include "store_int.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

/* Where one row is wanted in an order of preference, the statements are
 * UNION ALL of point lookups, first preference first, with LIMIT 1: they
 * stream from the indexes. ORDER BY ... LIMIT 1 or an IN (...) list would
 * make SQLite build a temporary b-tree (and an 87 KB page buffer) on every
 * execution. Parameters: ?1 a region (or the key), ?2 the key or a prefix,
 * ?3 the length of the whole string. */
const char *const smsrep__stmt_sql[ST_COUNT] = {
    [ST_RANGE] =
        "SELECT signal, reply_cost, source, number_type, region FROM number_range"
        " WHERE prefix = ?2 AND min_len <= ?3 AND max_len >= ?3",
    [ST_KNOWN] =
        "SELECT k.confidence, k.source, b.name, k.relation, k.dest_region FROM known_number k"
        " JOIN brand b ON b.id = k.brand WHERE k.number = ?1 AND k.dest_region = ?2"
        " UNION ALL"
        " SELECT k.confidence, k.source, b.name, k.relation, k.dest_region FROM known_number k"
        " JOIN brand b ON b.id = k.brand WHERE k.number = ?1 AND k.dest_region = '*'"
        " UNION ALL"
        " SELECT k.confidence, k.source, b.name, k.relation, k.dest_region FROM known_number k"
        " JOIN brand b ON b.id = k.brand WHERE k.number = ?1"
        " LIMIT 1",
    [ST_SHORT] =
        "SELECT s.signal, s.confidence, s.source, coalesce(b.name, ''), s.reply_cost"
        " FROM short_code s LEFT JOIN brand b ON b.id = s.brand"
        " WHERE s.region = ?1 AND s.prefix = ?2 AND s.min_len <= ?3 AND s.max_len >= ?3",
    [ST_SENDER] =
        "SELECT s.signal, s.confidence, s.source, coalesce(b.name, ''), coalesce(b.sector, '')"
        " FROM sender_id s LEFT JOIN brand b ON b.id = s.brand"
        " WHERE s.region = ?1 AND s.canonical = ?2"
        " UNION ALL"
        " SELECT s.signal, s.confidence, s.source, coalesce(b.name, ''), coalesce(b.sector, '')"
        " FROM sender_id s LEFT JOIN brand b ON b.id = s.brand"
        " WHERE s.region = '*' AND s.canonical = ?2"
        " LIMIT 1",
    [ST_ALNUM_RULE] = "SELECT rule, source FROM alnum_rule WHERE region = ?1",
    [ST_SOURCE] =
        "SELECT id, name, url, licence, retrieved, credit FROM source WHERE id = ?1",
    [ST_CALLING] =
        "SELECT source FROM calling_code WHERE prefix = substr(?1, 1, 3) AND status = 'unassigned'"
        " UNION ALL"
        " SELECT source FROM calling_code WHERE prefix = substr(?1, 1, 2) AND status = 'unassigned'"
        " UNION ALL"
        " SELECT source FROM calling_code WHERE prefix = substr(?1, 1, 1) AND status = 'unassigned'"
        " LIMIT 1",
    [ST_DLT] =
        "SELECT role, name FROM dlt_letter"
        " WHERE (letter = substr(?1, 1, 1) AND role = 'operator')"
        " OR (letter = substr(?1, 2, 1) AND role = 'circle')",
    [ST_OV_NUMBER] =
        "SELECT action, source FROM overlay.rule"
        " WHERE kind = 'number' AND region = ?1 AND prefix = ?2 AND min_len <= ?3 AND max_len >= ?3",
    [ST_OV_SHORT] =
        "SELECT action, source FROM overlay.rule"
        " WHERE kind = 'short_code' AND region = ?1 AND prefix = ?2 AND min_len = 0",
    [ST_OV_SENDER] =
        "SELECT action, source FROM overlay.rule"
        " WHERE kind = 'sender_id' AND region = ?1 AND prefix = ?2 AND min_len = 0"
        " UNION ALL"
        " SELECT action, source FROM overlay.rule"
        " WHERE kind = 'sender_id' AND region = '*' AND prefix = ?2 AND min_len = 0"
        " LIMIT 1",
    [ST_OV_REPORT] =
        "SELECT reports, last_seen, source FROM overlay.report WHERE number = ?1",
    [ST_OV_SOURCE] =
        "SELECT id, name, url, licence, retrieved, credit FROM overlay.source WHERE id = ?1",
};

/* A text column's bytes, read where they lie (NULL for SQL NULL).
 * sqlite3_column_text() would copy a value that lies in a page to add its
 * NUL: an allocation, and Debian's SQLite (built without lookaside) takes a
 * process-wide mutex for every allocation, which threads checking at once
 * contend for. Databases are UTF-8 (image.c refuses others), so the blob of
 * a text value is its UTF-8. */
static const char *column(sqlite3_stmt *st, int col, size_t *len)
{
    const void *p;
    if (sqlite3_column_type(st, col) != SQLITE_TEXT) {
        const unsigned char *t = sqlite3_column_text(st, col);
        *len = t != NULL ? (size_t)sqlite3_column_bytes(st, col) : 0;
        return (const char *)t;
    }
    p = sqlite3_column_blob(st, col);
    *len = (size_t)sqlite3_column_bytes(st, col);
    return p != NULL ? (const char *)p : "";
}

/* The column as a NUL-terminated string in buf, or "" when it is NULL or
 * does not fit (no word the lookups compare is that long). */
static const char *column_word(sqlite3_stmt *st, int col, char *buf, size_t cap)
{
    size_t len;
    const char *t = column(st, col, &len);
    if (t == NULL || len >= cap)
        len = 0;
    else
        memcpy(buf, t, len);
    buf[len] = '\0';
    return buf;
}

void smsrep__column_text(sqlite3_stmt *st, int col, char *dst, size_t cap)
{
    size_t len;
    const char *t = column(st, col, &len);
    smsrep__copy_repair(dst, cap, t != NULL ? t : "", len);
}

int smsrep__query_status(int rc)
{
    return (rc & 0xFF) == SQLITE_NOMEM ? SMSREP_E_NOMEM : SMSREP_E_DB_QUERY;
}

/* A region from the database: "", "001" or two upper-case letters, else "". */
static void region_text(sqlite3_stmt *st, int col, char *dst, size_t cap)
{
    char t[4];
    column_word(st, col, t, sizeof t);
    smsrep__copyz(dst, cap,
                  strcmp(t, "001") == 0 ||
                          (t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z' && t[2] == 0)
                      ? t
                      : "");
}

static int column_enum(sqlite3_stmt *st, int col, int (*from_name)(const char *, size_t))
{
    size_t len;
    const char *t = column(st, col, &len);
    int v = t != NULL ? from_name(t, len) : -1;
    return v < 0 ? 0 : v;
}

/* A signal that may stand in the given tables; SIG_NONE for anything else. */
static int column_signal(sqlite3_stmt *st, int col, unsigned tables)
{
    size_t len;
    const char *t = column(st, col, &len);
    int v = smsrep__signal_from_name(t, len, tables);
    return v < 0 ? SIG_NONE : v;
}

static int column_confidence(sqlite3_stmt *st, int col)
{
    char buf[8];
    column_word(st, col, buf, sizeof buf);
    if (strcmp(buf, "medium") == 0)
        return CONF_MEDIUM;
    if (strcmp(buf, "high") == 0)
        return CONF_HIGH;
    return CONF_LOW;
}

/* Steps a bound statement once; returns SQLITE_ROW, SQLITE_DONE or a status
 * through *status. The statement stays un-reset until the caller reads it. */
static int step(sqlite3_stmt *st, int *status)
{
    int rc = sqlite3_step(st);
    *status = SMSREP_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        *status = smsrep__query_status(rc);
    return rc;
}

/* Reads the row a statement found into *row. */
typedef void (*row_reader)(sqlite3_stmt *st, store_row *row);

/* Finds the row with the longest prefix of digits whose length window holds
 * the whole string, asking only the prefix lengths that exist and, given a
 * filter, only the prefixes that may. */
static int longest_prefix(sqlite3_stmt *st, uint32_t lengths, const prefix_bloom *filter,
                          const char *region, const char *digits, row_reader read,
                          store_row *row)
{
    size_t n = strlen(digits), len;
    int status = SMSREP_OK;

    memset(row, 0, sizeof *row);
    if (st == NULL)
        return SMSREP_OK; /* no overlay */
    for (len = n; len >= 1; len--) {
        if (len > 31 || !(lengths & (UINT32_C(1) << len)))
            continue;
        if (filter != NULL && !smsrep__bloom_may_hold(filter, digits, len))
            continue;
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, region, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, digits, (int)len, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, (int)n);
        if (step(st, &status) == SQLITE_ROW) {
            row->found = 1;
            read(st, row);
            break;
        }
        if (status != SMSREP_OK)
            break;
    }
    sqlite3_reset(st);
    return status;
}

/* The one row a statement finds for two keys; a statement that is not
 * prepared (no overlay) finds nothing. */
static int one_row(sqlite3_stmt *st, const char *a, const char *b, row_reader read,
                   store_row *row)
{
    int status = SMSREP_OK;

    memset(row, 0, sizeof *row);
    if (st == NULL)
        return SMSREP_OK;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    if (step(st, &status) == SQLITE_ROW) {
        row->found = 1;
        read(st, row);
    }
    sqlite3_reset(st);
    return status;
}

static void read_range(sqlite3_stmt *st, store_row *row)
{
    row->signal = column_signal(st, 0, IN_RANGE);
    row->reply_cost = (uint32_t)column_enum(st, 1, smsrep_reply_cost_from_name);
    smsrep__column_text(st, 2, row->source, sizeof row->source);
    row->number_type = (uint32_t)column_enum(st, 3, smsrep_number_type_from_name);
    region_text(st, 4, row->region, sizeof row->region);
}

int smsrep__lookup_range(store_conn *c, const char *e164, store_row *row)
{
    return longest_prefix(c->st[ST_RANGE], c->owner->range_lengths, &c->owner->ranges, "",
                          e164, read_range, row);
}

/* A known number is a brand's documented sender, or a number a carrier
 * shows for the SMS it relays from businesses; region is the country of
 * the recipients it is documented for ("" for any). */
static void read_known(sqlite3_stmt *st, store_row *row)
{
    char relation[24];
    row->signal = SIG_BRAND_SENDER;
    row->confidence = column_confidence(st, 0);
    smsrep__column_text(st, 1, row->source, sizeof row->source);
    smsrep__column_text(st, 2, row->brand, sizeof row->brand);
    column_word(st, 3, relation, sizeof relation);
    row->carrier_display = strcmp(relation, "carrier_display") == 0;
    region_text(st, 4, row->region, sizeof row->region);
}

int smsrep__lookup_known_number(store_conn *c, const char *e164, const char *region,
                                store_row *row)
{
    return one_row(c->st[ST_KNOWN], e164, region, read_known, row);
}

/* Short codes and sender IDs read alike: signal, confidence, source,
 * brand, then one column of their own. */
static void read_brand_row(sqlite3_stmt *st, unsigned tables, store_row *row)
{
    row->signal = column_signal(st, 0, tables);
    row->confidence = column_confidence(st, 1);
    smsrep__column_text(st, 2, row->source, sizeof row->source);
    smsrep__column_text(st, 3, row->brand, sizeof row->brand);
}

static void read_short(sqlite3_stmt *st, store_row *row)
{
    read_brand_row(st, IN_SHORT, row);
    row->reply_cost = (uint32_t)column_enum(st, 4, smsrep_reply_cost_from_name);
}

int smsrep__lookup_short_code(store_conn *c, const char *region, const char *digits,
                              store_row *row)
{
    return longest_prefix(c->st[ST_SHORT], c->owner->short_lengths, NULL, region, digits,
                          read_short, row);
}

static void read_sender(sqlite3_stmt *st, store_row *row)
{
    read_brand_row(st, IN_SENDER, row);
    column_word(st, 4, row->sector, sizeof row->sector);
}

int smsrep__lookup_sender_id(store_conn *c, const char *region, const char *canonical,
                             store_row *row)
{
    return one_row(c->st[ST_SENDER], region, canonical, read_sender, row);
}

static void read_rule(sqlite3_stmt *st, store_row *row)
{
    row->signal = column_signal(st, 0, IN_RULE);
    smsrep__column_text(st, 1, row->source, sizeof row->source);
}

int smsrep__lookup_alnum_rule(store_conn *c, const char *region, store_row *row)
{
    return one_row(c->st[ST_ALNUM_RULE], region, NULL, read_rule, row);
}

static void read_calling(sqlite3_stmt *st, store_row *row)
{
    row->signal = SIG_UNALLOCATED;
    smsrep__column_text(st, 0, row->source, sizeof row->source);
}

int smsrep__lookup_calling_code(store_conn *c, const char *digits, store_row *row)
{
    return one_row(c->st[ST_CALLING], digits, NULL, read_calling, row);
}

int smsrep__lookup_dlt_letters(store_conn *c, const char *letters, char *operator_name,
                               size_t operator_cap, char *circle_name, size_t circle_cap)
{
    sqlite3_stmt *st = c->st[ST_DLT];
    int status = SMSREP_OK;

    operator_name[0] = '\0';
    circle_name[0] = '\0';
    sqlite3_bind_text(st, 1, letters, -1, SQLITE_STATIC);
    while (step(st, &status) == SQLITE_ROW) {
        const unsigned char *role = sqlite3_column_text(st, 0);
        if (role != NULL && strcmp((const char *)role, "operator") == 0)
            smsrep__column_text(st, 1, operator_name, operator_cap);
        else
            smsrep__column_text(st, 1, circle_name, circle_cap);
    }
    sqlite3_reset(st);
    return status;
}

/* ------------------------------------------------------------ the overlay */

static void read_overlay_rule(sqlite3_stmt *st, store_row *row)
{
    row->signal = column_signal(st, 0, IN_OVERLAY);
    smsrep__column_text(st, 1, row->source, sizeof row->source);
}

int smsrep__lookup_overlay_number(store_conn *c, const char *e164, store_row *row)
{
    return longest_prefix(c->st[ST_OV_NUMBER], c->owner->overlay_lengths, NULL, "", e164,
                          read_overlay_rule, row);
}

int smsrep__lookup_overlay_short(store_conn *c, const char *region, const char *digits,
                                 store_row *row)
{
    return one_row(c->st[ST_OV_SHORT], region, digits, read_overlay_rule, row);
}

int smsrep__lookup_overlay_sender(store_conn *c, const char *region, const char *canonical,
                                  store_row *row)
{
    return one_row(c->st[ST_OV_SENDER], region, canonical, read_overlay_rule, row);
}

/* Days since 1970-01-01 of a date "YYYY-MM-DD", or -1 when it is not one
 * (H. Hinnant's days_from_civil). */
static int64_t days_of(const char *date)
{
    int y, m, d, era;
    unsigned yoe, doy, doe;
    char tail;
    if (date == NULL || strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
        y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    y -= m <= 2;
    era = y / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int64_t)era * 146097 + (int64_t)doe - 719468;
}

int smsrep__lookup_reports(store_conn *c, const char *e164, report_row *out)
{
    sqlite3_stmt *st = c->st[ST_OV_REPORT];
    int rc, status = SMSREP_OK;

    memset(out, 0, sizeof *out);
    if (st == NULL)
        return SMSREP_OK;
    sqlite3_bind_text(st, 1, e164, -1, SQLITE_STATIC);
    while ((rc = step(st, &status)) == SQLITE_ROW) {
        sqlite3_int64 reports = sqlite3_column_int64(st, 0);
        char date[16];
        int64_t last = days_of(column_word(st, 1, date, sizeof date));
        unsigned i, slot;
        if (reports <= 0 || last < 0)
            continue; /* a row from outside that says nothing usable */
        /* Keep the most recently seen sets: older ones weigh least. */
        if (out->n < REPORT_SETS) {
            slot = out->n++;
        } else {
            for (slot = 0, i = 1; i < REPORT_SETS; i++)
                if (out->set[i].last_day < out->set[slot].last_day)
                    slot = i;
            if (out->set[slot].last_day >= last)
                continue;
        }
        out->found = 1;
        out->set[slot].reports = reports > UINT32_MAX ? UINT32_MAX : (uint32_t)reports;
        out->set[slot].last_day = last;
        smsrep__column_text(st, 2, out->set[slot].source, sizeof out->set[slot].source);
    }
    sqlite3_reset(st);
    return status;
}
