/* SPDX-License-Identifier: Apache-2.0
 * test_lookalike.c: matching sender IDs against brand names: exact, alike
 * (skeleton and digit swaps), one edit away, containment only at word edges
 * or beside a country or purpose word; and the false-positive sweeps: no
 * brand's own name or registered ID, and no ordinary word
 * (tests/data/ordinary_words.txt), is ever taken for a look-alike, in the
 * real embedded database. */
#include "testing.h"

#include "alnum.h"
#include "lookalike.h"
#include "handle.h"

static lookalike_set names;

static void add(int kind, const char *region, const char *name, const char *brand)
{
    alnum_form f;
    assert_int_equal(smsrep__alnum_forms(name, strlen(name), &f), SMSREP_OK);
    assert_int_equal(smsrep__lookalike_add(&names, kind, region, f.canonical, f.skeleton, brand,
                                           "src"),
                     SMSREP_OK);
}

static int setup(void **state)
{
    (void)state;
    memset(&names, 0, sizeof names);
    add(TARGET_ORDINARY, "*", "CHASE", ""); /* before its brand, and after: either order */
    add(TARGET_BRAND_NAME, "*", "Amazon", "Amazon");
    add(TARGET_BRAND_NAME, "*", "Rakuten", "Rakuten");
    add(TARGET_BRAND_NAME, "*", "Rakuten Bank", "Rakuten Bank");
    add(TARGET_BRAND_NAME, "*", "UPS", "UPS");
    add(TARGET_BRAND_NAME, "*", "Apple", "Apple");
    add(TARGET_BRAND_NAME, "*", "au", "au");
    add(TARGET_SENDER_ID, "IN", "HDFCBK", "HDFC Bank");
    add(TARGET_GENERIC, "GB", "Verify", "");
    add(TARGET_BRAND_NAME, "*", "PayPal", "PayPal");
    add(TARGET_BRAND_NAME, "*", "PayPay", "PayPay");
    add(TARGET_AFFIX, "*", "JP", "");
    add(TARGET_AFFIX, "*", "INFO", "");
    add(TARGET_AFFIX, "*", "ALERT", "");
    add(TARGET_ORDINARY, "*", "PAYDAY", "");
    add(TARGET_BRAND_NAME, "*", "Chase", "Chase");
    add(TARGET_BRAND_NAME, "*", "Three", "Three");
    add(TARGET_ORDINARY, "*", "THREE", "");
    add(TARGET_BRAND_NAME, "*", "Royal Mail", "Royal Mail");
    add(TARGET_BRAND_NAME, "*", "DHL", "DHL");
    add(TARGET_BRAND_NAME, "*", "DHL Express", "DHL");
    add(TARGET_BRAND_NAME, "*", "HDFC Bank", "HDFC Bank");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    smsrep__lookalike_free(&names);
    return 0;
}

static int how(const char *id, const char **brand)
{
    alnum_form f;
    lookalike_match m;
    assert_int_equal(smsrep__alnum_forms(id, strlen(id), &f), SMSREP_OK);
    smsrep__lookalike_brand(&names, &f, &m);
    *brand = m.target ? m.target->brand : "";
    return m.how;
}

static void matches(void **state)
{
    static const struct { const char *id; int how; const char *brand; } rows[] = {
        { "AMAZON", LOOK_EXACT, "Amazon" },      { "amazon", LOOK_EXACT, "Amazon" },
        { "AMAZ0N", LOOK_ALIKE, "Amazon" },      { "\xD0\x90mazon", LOOK_ALIKE, "Amazon" },
        { "AMAZON-JP", LOOK_CONTAINS, "Amazon" }, { "AMAZONJP", LOOK_CONTAINS, "Amazon" },
        { "MY AMAZON", LOOK_CONTAINS, "Amazon" }, { "RAKUTEN-BANK", LOOK_EXACT, "Rakuten Bank" },
        { "RAKUTEN-BNK", LOOK_NEAR, "Rakuten Bank" }, /* a dropped letter beats an added word */
        { "UP5", LOOK_ALIKE, "UPS" },            { "MY-UPS-PARCEL", LOOK_CONTAINS, "UPS" },
        { "GROUPS", LOOK_NONE, "" },             { "UPSIDE", LOOK_NONE, "" }, /* short: words only */
        { "PINEAPPLE", LOOK_NONE, "" },          { "APPLEPAY", LOOK_CONTAINS, "Apple" },
        { "AU", LOOK_EXACT, "au" },              { "4U", LOOK_NONE, "" }, /* too short to imitate */
        { "HDFC8K", LOOK_ALIKE, "HDFC Bank" },   { "ZENITH", LOOK_NONE, "" },
        { "VERIFY", LOOK_NONE, "" },             /* generic IDs are no brand */
        /* one edit from a name of 5 or more letters */
        { "AMAZN", LOOK_NEAR, "Amazon" },        { "AMMAZON", LOOK_NEAR, "Amazon" },
        { "AMZAON", LOOK_NEAR, "Amazon" },       { "AMAXON", LOOK_NEAR, "Amazon" },
        { "ANAZON", LOOK_NEAR, "Amazon" },       { "RAKUTN", LOOK_NEAR, "Rakuten" },
        { "APPEL", LOOK_NEAR, "Apple" },         { "AMAZN-JP", LOOK_NEAR, "Amazon" },
        { "AMAZNJP", LOOK_NEAR, "Amazon" },      { "JPAMAZN", LOOK_NEAR, "Amazon" },
        { "MY AMAZN", LOOK_NEAR, "Amazon" },     { "AMAZ0NN", LOOK_NEAR, "Amazon" },
        { "AMAZONAMAZON", LOOK_CONTAINS, "Amazon" },
        { "AMAZONN JP", LOOK_NEAR, "Amazon" },
        /* a brand's name with its words joined or split otherwise is its name */
        { "RoyalMail", LOOK_EXACT, "Royal Mail" }, { "ROYAL_MAIL", LOOK_EXACT, "Royal Mail" },
        { "Royal.Mail", LOOK_EXACT, "Royal Mail" }, { "R-OYALMAIL", LOOK_EXACT, "Royal Mail" },
        { "ROYALMA1L", LOOK_ALIKE, "Royal Mail" }, { "ROYALMAILS", LOOK_NEAR, "Royal Mail" },
        { "DHL-EXPRESS", LOOK_EXACT, "DHL" },   { "HDFC-BANK", LOOK_EXACT, "HDFC Bank" },
        { "HDFCBANK", LOOK_EXACT, "HDFC Bank" },
        { "HDFC-BK", LOOK_ALIKE, "HDFC Bank" }, /* a registered ID: exact to the letter */
        { "UPZ", LOOK_NONE, "" },                /* short names: no edits */
        { "HDFCBX", LOOK_NONE, "" },             /* registered IDs: no edits */
        { "PAYDAY", LOOK_NONE, "" },             /* an ordinary word */
        /* brand names that are ordinary words get no edits */
        { "THERE", LOOK_NONE, "" },              { "TREE", LOOK_NONE, "" },
        { "CASE", LOOK_NONE, "" },               { "PHASE", LOOK_NONE, "" },
        { "THREE", LOOK_EXACT, "Three" },        { "THREE-JP", LOOK_CONTAINS, "Three" },
        { "CHASEINFO", LOOK_CONTAINS, "Chase" }, { "CHA5E", LOOK_ALIKE, "Chase" },
        { "CHASER", LOOK_NONE, "" },             { "THREESOME", LOOK_NONE, "" },
        { "JPCHASE", LOOK_CONTAINS, "Chase" },
        { "PAYPAY", LOOK_EXACT, "PayPay" },      /* a name is never another's near miss */
        { "PAYPAY-JP", LOOK_CONTAINS, "PayPay" },
        { "AMAZONS", LOOK_NEAR, "Amazon" },
        /* a name joined to a country or purpose word */
        { "JPAMAZON", LOOK_CONTAINS, "Amazon" }, { "AMAZONINFO", LOOK_CONTAINS, "Amazon" },
        { "UPSINFO", LOOK_CONTAINS, "UPS" },     { "JPUPS", LOOK_CONTAINS, "UPS" },
        { "JP-UPS", LOOK_CONTAINS, "UPS" },      { "UPS-ALERT", LOOK_CONTAINS, "UPS" },
        { "MY-AMAZONJP", LOOK_CONTAINS, "Amazon" }, /* at a word's start after a separator */
        { "MY-UPSJP", LOOK_CONTAINS, "UPS" },
        { "SNAPPLE", LOOK_NONE, "" },            { "UPSIDE", LOOK_NONE, "" },
        { "CUPS", LOOK_NONE, "" },               { "MYUPS", LOOK_NONE, "" },
        /* bidi overrides: matched in the order a reader sees */
        { "\xE2\x80\xAENOZAMA", LOOK_ALIKE, "Amazon" },
        { "AMA\xE2\x80\xAENOZ\xE2\x80\xAC", LOOK_ALIKE, "Amazon" },
        { "\xE2\x80\xAENOZAMA\xE2\x80\xAC-JP", LOOK_CONTAINS, "Amazon" },
        { "\xE2\x81\xA6" "AMAZON\xE2\x81\xA9", LOOK_EXACT, "Amazon" },
    };
    size_t i, wrong = 0;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *brand;
        int got = how(rows[i].id, &brand);
        if (got != rows[i].how || strcmp(brand, rows[i].brand) != 0) {
            print_error("%s: how %d brand \"%s\", expected %d \"%s\"\n", rows[i].id, got, brand,
                        rows[i].how, rows[i].brand);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

static void generic_variants(void **state)
{
    static const char *const variants[] = { "VERIFY", "V3RIFY", "_verify_", "V.E.R.I.F.Y",
                                            "VER1FY", "V E R I F Y" };
    alnum_form f;
    lookalike_match m;
    size_t i;
    (void)state;
    for (i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        assert_int_equal(smsrep__alnum_forms(variants[i], strlen(variants[i]), &f), SMSREP_OK);
        smsrep__lookalike_generic(&names, "GB", &f, &m);
        if (m.how == LOOK_NONE)
            fail_msg("%s is not taken for the UK's generic VERIFY", variants[i]);
        smsrep__lookalike_generic(&names, "JP", &f, &m);
        assert_int_equal(m.how, LOOK_NONE);
    }
    assert_int_equal(smsrep__alnum_forms("VERIFYME2", 9, &f), SMSREP_OK);
    smsrep__lookalike_generic(&names, "GB", &f, &m);
    assert_int_equal(m.how, LOOK_NONE); /* generic words only as the whole ID */
}

/* Checks id for a recipient and fails if it is taken for a look-alike. */
static void not_a_lookalike(smsrep_db *db, const char *id, const char *region, size_t *checked)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    q.sender = id;
    q.sender_len = strlen(id);
    q.hint = SMSREP_HINT_ALPHANUMERIC;
    snprintf(q.region, sizeof q.region, "%s", region);
    assert_int_equal(smsrep_check(db, &q, &v), SMSREP_OK);
    if (v.brand_relation == SMSREP_RELATION_IMPERSONATES ||
        (v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_BRAND_LOOKALIKE)))
        fail_msg("the brand's own \"%s\" (to %s) was taken for a look-alike of %s", id,
                 region[0] ? region : "anywhere", v.brand);
    (*checked)++;
}

/* Every name and alias of every brand, and every registered sender ID, in
 * the database the library embeds: none is flagged, in any of the
 * countries whose rules differ. Registered IDs are checked where they are
 * registered, and in India in the DLT form the network gives them. */
static void brands_own_ids_are_never_lookalikes(void **state)
{
    static const char *const regions[] = { "JP", "GB", "SG", "US", "" };
    smsrep_db *db = NULL;
    const lookalike_set *all;
    size_t i, r, checked = 0, names_checked = 0;
    (void)state;

    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    all = &db->names;
    assert_true(all->n > 100);
    for (i = 0; i < all->n; i++) {
        const lookalike_target *t = &all->t[i];
        char dlt[LOOKALIKE_KEY_SIZE + 8];
        if (t->kind == TARGET_GENERIC)
            continue;
        names_checked++;
        if (t->kind == TARGET_SENDER_ID && strcmp(t->region, "IN") == 0) {
            snprintf(dlt, sizeof dlt, "VM-%s-T", t->canonical);
            not_a_lookalike(db, dlt, "IN", &checked);
            continue;
        }
        for (r = 0; r < sizeof regions / sizeof regions[0]; r++)
            not_a_lookalike(db, t->canonical, regions[r], &checked);
    }
    print_message("checked %zu brand names and registered IDs (%zu checks): none flagged\n",
                  names_checked, checked);
    smsrep_close(db);
}

/* The words of tests/data/ordinary_words.txt, as sender IDs to each of the
 * countries whose rules differ: none is taken for a look-alike. */
static void ordinary_words_are_never_lookalikes(void **state)
{
    static const char *const regions[] = { "JP", "GB", "SG", "US", "" };
    smsrep_db *db = NULL;
    char line[128];
    size_t words = 0, checked = 0, flagged = 0, r;
    FILE *f = fopen(SMSREP_SOURCE_DIR "/tests/data/ordinary_words.txt", "r");
    (void)state;

    assert_non_null(f);
    assert_int_equal(smsrep_open(&db, NULL, NULL, NULL, 0), SMSREP_OK);
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        words++;
        for (r = 0; r < sizeof regions / sizeof regions[0]; r++) {
            smsrep_query q = SMSREP_QUERY_INIT;
            smsrep_verdict v = SMSREP_VERDICT_INIT;
            q.sender = line;
            q.sender_len = strlen(line);
            q.hint = SMSREP_HINT_ALPHANUMERIC;
            snprintf(q.region, sizeof q.region, "%s", regions[r]);
            assert_int_equal(smsrep_check(db, &q, &v), SMSREP_OK);
            if (v.brand_relation == SMSREP_RELATION_IMPERSONATES ||
                (v.reasons & SMSREP_REASON_BIT(SMSREP_REASON_BRAND_LOOKALIKE))) {
                print_error("the ordinary word \"%s\" (to %s) was taken for a look-alike of %s\n",
                            line, regions[r][0] ? regions[r] : "anywhere", v.brand);
                flagged++;
            }
            checked++;
        }
    }
    fclose(f);
    assert_int_equal(flagged, 0);
    assert_true(words >= 300);
    print_message("checked %zu ordinary words (%zu checks): none flagged\n", words, checked);
    smsrep_close(db);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(matches, setup, teardown),
    cmocka_unit_test_setup_teardown(generic_variants, setup, teardown),
    cmocka_unit_test(brands_own_ids_are_never_lookalikes),
    cmocka_unit_test(ordinary_words_are_never_lookalikes),
};

SMSREP_TEST_MAIN(tests)
