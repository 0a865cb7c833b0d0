/* SPDX-License-Identifier: Apache-2.0
 * tables.h: one spec of the bundled database: its identity, and each CSV
 * file's columns and the table they fill. The builder reads, checks and
 * inserts by it, checks schema.sql against it, and a test checks that
 * db/README.md lists the same columns. Private to libsmsrep and its builder. */
#ifndef SMSREP_TABLES_H
#define SMSREP_TABLES_H

/* The database schema the library reads: PRAGMA user_version, which
 * db/schema.sql sets and the builder checks against this value. */
#define SMSREP__SCHEMA_VERSION 5u
#define SMSREP__APPLICATION_ID 0x534D5352 /* "SMSR" */

/* Each CSV file's columns in order: X(INDEX, "name"). The INDEX names are
 * what the builder's row loaders read fields by. */
#define SMSREP__META_CSV(X) X(META_KEY, "key") X(META_VALUE, "value")
#define SMSREP__SOURCE_CSV(X)                                                          \
    X(SOURCE_ID, "id") X(SOURCE_NAME, "name") X(SOURCE_URL, "url")                     \
    X(SOURCE_LICENCE, "licence") X(SOURCE_RETRIEVED, "retrieved") X(SOURCE_CREDIT, "credit")
#define SMSREP__BRAND_CSV(X)                                                           \
    X(BRAND_ID, "id") X(BRAND_NAME, "name") X(BRAND_ALIASES, "aliases")                \
    X(BRAND_DOMAINS, "domains") X(BRAND_SECTOR, "sector") X(BRAND_SOURCE, "source")
#define SMSREP__RANGE_CSV(X)                                                           \
    X(RANGE_PREFIX, "prefix") X(RANGE_MIN_LEN, "min_len") X(RANGE_MAX_LEN, "max_len")  \
    X(RANGE_REGION, "region") X(RANGE_NUMBER_TYPE, "number_type")                      \
    X(RANGE_SIGNAL, "signal") X(RANGE_REPLY_COST, "reply_cost")                        \
    X(RANGE_SOURCE, "source") X(RANGE_NOTE, "note")
#define SMSREP__KNOWN_CSV(X)                                                           \
    X(KNOWN_NUMBER, "number") X(KNOWN_DEST_REGION, "dest_region")                      \
    X(KNOWN_BRAND, "brand") X(KNOWN_RELATION, "relation") X(KNOWN_PURPOSE, "purpose")  \
    X(KNOWN_CONFIDENCE, "confidence") X(KNOWN_SOURCE, "source") X(KNOWN_NOTE, "note")
#define SMSREP__SHORT_CSV(X)                                                           \
    X(SHORT_REGION, "region") X(SHORT_PREFIX, "prefix") X(SHORT_MIN_LEN, "min_len")    \
    X(SHORT_MAX_LEN, "max_len") X(SHORT_SIGNAL, "signal") X(SHORT_BRAND, "brand")      \
    X(SHORT_REPLY_COST, "reply_cost") X(SHORT_CONFIDENCE, "confidence")                \
    X(SHORT_SOURCE, "source") X(SHORT_NOTE, "note")
#define SMSREP__SENDER_CSV(X)                                                          \
    X(SENDER_REGION, "region") X(SENDER_ID, "sender_id") X(SENDER_BRAND, "brand")      \
    X(SENDER_SIGNAL, "signal") X(SENDER_CONFIDENCE, "confidence")                      \
    X(SENDER_SOURCE, "source") X(SENDER_NOTE, "note")
#define SMSREP__RULE_CSV(X)                                                            \
    X(RULE_REGION, "region") X(RULE_RULE, "rule") X(RULE_SOURCE, "source") X(RULE_NOTE, "note")
#define SMSREP__WORD_CSV(X)                                                            \
    X(WORD_WORD, "word") X(WORD_ROLE, "role") X(WORD_SOURCE, "source") X(WORD_NOTE, "note")
#define SMSREP__CALLING_CSV(X)                                                         \
    X(CALLING_PREFIX, "prefix") X(CALLING_STATUS, "status") X(CALLING_SOURCE, "source") \
    X(CALLING_NOTE, "note")

#define SMSREP__DECLARATION_CSV(X)                                                     \
    X(DECL_BRAND, "brand") X(DECL_REGION, "region") X(DECL_SCOPE, "scope")             \
    X(DECL_SOURCE, "source") X(DECL_NOTE, "note")
#define SMSREP__PHRASE_CSV(X)                                                          \
    X(PHRASE_KIND, "kind") X(PHRASE_CATEGORY, "category") X(PHRASE_LANG, "lang")       \
    X(PHRASE_PHRASE, "phrase") X(PHRASE_SOURCE, "source") X(PHRASE_NOTE, "note")
#define SMSREP__DLT_CSV(X)                                                             \
    X(DLT_LETTER, "letter") X(DLT_ROLE, "role") X(DLT_NAME, "name") X(DLT_SOURCE, "source") \
    X(DLT_NOTE, "note")

/* A CSV file, the table it fills, and the table's columns in the order the
 * builder binds them: the CSV's own, except where the builder computes
 * columns (sender_id's canonical and skeleton stand for its sender_id). */
typedef struct smsrep__table_spec {
    const char *file;
    const char *table;
    const char *const *csv;      /* NULL-terminated */
    const char *const *columns;  /* NULL-terminated */
} smsrep__table_spec;

#define SMSREP__CSV_NAME_(index, name) name,
/* Every table: SPEC(ID, file, table, CSV columns, table columns or NULL
 * when they are the CSV's), in the order the builder loads them (sources
 * and brands before the rows that name them). */
#define SMSREP__TABLE_SPECS_(SPEC)                                                            \
    SPEC(META, "meta.csv", "meta", SMSREP__META_CSV, NULL)                                    \
    SPEC(SOURCE, "sources.csv", "source", SMSREP__SOURCE_CSV, NULL)                           \
    SPEC(BRAND, "brands.csv", "brand", SMSREP__BRAND_CSV, NULL)                               \
    SPEC(RANGE, "number_ranges.csv", "number_range", SMSREP__RANGE_CSV, NULL)                 \
    SPEC(KNOWN, "known_numbers.csv", "known_number", SMSREP__KNOWN_CSV, NULL)                 \
    SPEC(SHORT, "short_codes.csv", "short_code", SMSREP__SHORT_CSV, NULL)                     \
    SPEC(SENDER, "sender_ids.csv", "sender_id", SMSREP__SENDER_CSV, smsrep__sender_id_columns) \
    SPEC(RULE, "alnum_rules.csv", "alnum_rule", SMSREP__RULE_CSV, NULL)                       \
    SPEC(CALLING, "calling_codes.csv", "calling_code", SMSREP__CALLING_CSV, NULL)             \
    SPEC(WORD, "lookalike_words.csv", "lookalike_word", SMSREP__WORD_CSV,                     \
         smsrep__lookalike_word_columns)                                                      \
    SPEC(DECL, "declarations.csv", "declaration", SMSREP__DECLARATION_CSV, NULL)              \
    SPEC(PHRASE, "phrases.csv", "phrase", SMSREP__PHRASE_CSV, NULL)                           \
    SPEC(DLT, "dlt_letters.csv", "dlt_letter", SMSREP__DLT_CSV, NULL)

/* Per table, its CSV field indices (the X names) and ID_NCOLS, their count. */
#define SMSREP__CSV_INDEX_(index, name) index,
#define SMSREP__NCOLS_(id, file, table, CSV, columns) enum { CSV(SMSREP__CSV_INDEX_) id##_NCOLS };
SMSREP__TABLE_SPECS_(SMSREP__NCOLS_)
#undef SMSREP__NCOLS_
#undef SMSREP__CSV_INDEX_

/* TABLE_ID: a table's place in smsrep__tables[], which tables.c, the one
 * file that defines SMSREP__TABLES_DEFINE, makes. */
#define SMSREP__TABLE_ID_(id, file, table, CSV, columns) TABLE_##id,
enum smsrep__table_id { SMSREP__TABLE_SPECS_(SMSREP__TABLE_ID_) TABLE_COUNT };
#undef SMSREP__TABLE_ID_
extern const smsrep__table_spec smsrep__tables[TABLE_COUNT];

#ifdef SMSREP__TABLES_DEFINE
static const char *const smsrep__sender_id_columns[] = {
    "region", "canonical", "skeleton", "brand", "signal", "confidence", "source", "note", NULL
};
static const char *const smsrep__lookalike_word_columns[] = {
    "canonical", "skeleton", "role", "source", "note", NULL
};
#define SMSREP__SPEC_(id, file, table, CSV, columns)                                  \
    { file, table, (const char *const[]){ CSV(SMSREP__CSV_NAME_) NULL }, columns },
const smsrep__table_spec smsrep__tables[TABLE_COUNT] = { SMSREP__TABLE_SPECS_(SMSREP__SPEC_) };
#undef SMSREP__SPEC_
#endif

#endif
