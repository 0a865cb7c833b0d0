/* SPDX-License-Identifier: Apache-2.0
 * catalogue.c: what a database says about itself: the source behind a row
 * (name, URL, licence, date, credit), its versions, and its row counts per
 * table, source and country. */
#include "catalogue.h"

#include "store_int.h"
#include "tables.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

int smsrep__catalogue_source(store_conn *c, const char *id, smsrep_source_info *out)
{
    static const enum stmt where[] = { ST_SOURCE, ST_OV_SOURCE };
    smsrep_source_info info;
    size_t i;
    int found = 0, status = SMSREP_OK, rc;

    for (i = 0; i < SOURCE_MEMO; i++) {
        if (c->sources[i].id[0] != '\0' && strcmp(c->sources[i].id, id) == 0) {
            *out = c->sources[i].info;
            return SMSREP_OK;
        }
    }
    memset(&info, 0, sizeof info);
    for (i = 0; i < sizeof where / sizeof where[0] && !found && status == SMSREP_OK; i++) {
        sqlite3_stmt *st = c->st[where[i]];
        if (st == NULL)
            continue; /* no overlay */
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            found = 1;
            smsrep__column_text(st, 0, info.id, sizeof info.id);
            smsrep__column_text(st, 1, info.name, sizeof info.name);
            smsrep__column_text(st, 2, info.url, sizeof info.url);
            smsrep__column_text(st, 3, info.licence, sizeof info.licence);
            smsrep__column_text(st, 4, info.retrieved, sizeof info.retrieved);
            smsrep__column_text(st, 5, info.credit, sizeof info.credit);
        } else if (rc != SQLITE_DONE) {
            status = smsrep__query_status(rc);
        }
        sqlite3_reset(st);
    }
    if (status != SMSREP_OK)
        return status;
    if (!found)
        return SMSREP_E_NOT_FOUND;
    if (id[0] != '\0' && strlen(id) < sizeof c->sources[0].id) {
        unsigned slot = c->next_source++ % SOURCE_MEMO;
        strcpy(c->sources[slot].id, id);
        c->sources[slot].info = info;
    }
    *out = info;
    return SMSREP_OK;
}

void smsrep__catalogue_info(const store *s, smsrep_db_info *out)
{
    memset(out, 0, sizeof *out);
    out->schema_version = SMSREP__SCHEMA_VERSION;
    out->embedded = (uint32_t)s->embedded;
    out->has_overlay = s->overlay.size > 0;
    smsrep__copyz(out->data_version, sizeof out->data_version, s->data_version);
    smsrep__copyz(out->overlay_version, sizeof out->overlay_version, s->overlay_version);
}

/* Every data table, the name counts give it, and the column each grouping
 * reads ("''" when it has none). */
static const struct {
    const char *table, *name, *region, *source;
    int overlay;
} count_tables[] = {
    { "alnum_rule", "alnum_rule", "region", "source", 0 },
    { "brand", "brand", "''", "source", 0 },
    { "calling_code", "calling_code", "''", "source", 0 },
    { "declaration", "declaration", "region", "source", 0 },
    { "known_number", "known_number", "dest_region", "source", 0 },
    { "lookalike_word", "lookalike_word", "''", "source", 0 },
    { "number_range", "number_range", "region", "source", 0 },
    { "phrase", "phrase", "''", "source", 0 },
    { "sender_id", "sender_id", "region", "source", 0 },
    { "short_code", "short_code", "region", "source", 0 },
    { "source", "source", "''", "''", 0 },
    { "overlay.rule", "overlay_rule", "region", "source", 1 },
    { "overlay.report", "overlay_report", "''", "source", 1 },
    { "overlay.source", "overlay_source", "''", "''", 1 },
};

int smsrep__catalogue_counts(const store *s, store_conn *c, uint32_t group,
                             void (*put)(void *ctx, size_t i, const smsrep_count *row),
                             void *ctx, size_t *total)
{
    char sql[4096];
    size_t i, len = 0, n = 0;
    sqlite3_stmt *st = NULL;
    int rc;

    for (i = 0; i < sizeof count_tables / sizeof count_tables[0]; i++) {
        const char *key = group == SMSREP_COUNT_BY_TABLE    ? "''"
                          : group == SMSREP_COUNT_BY_SOURCE ? count_tables[i].source
                                                            : count_tables[i].region;
        if ((count_tables[i].overlay && s->overlay.size == 0) ||
            (group != SMSREP_COUNT_BY_TABLE && strcmp(key, "''") == 0))
            continue;
        len += (size_t)snprintf(sql + len, sizeof sql - len,
                                "%sSELECT '%s', %s, count(*) FROM %s GROUP BY 2",
                                len ? " UNION ALL " : "", count_tables[i].name, key,
                                count_tables[i].table);
    }
    snprintf(sql + len, sizeof sql - len, " ORDER BY 1, 2");

    rc = sqlite3_prepare_v2(c->db, sql, -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        smsrep_count row;
        memset(&row, 0, sizeof row);
        smsrep__column_text(st, 0, row.table, sizeof row.table);
        smsrep__column_text(st, 1, row.key, sizeof row.key);
        row.rows = (uint64_t)sqlite3_column_int64(st, 2);
        put(ctx, n++, &row);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    *total = n;
    return rc == SQLITE_DONE ? SMSREP_OK : smsrep__query_status(rc);
}
