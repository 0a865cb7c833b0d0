/* SPDX-License-Identifier: Apache-2.0
 * test_lookalike.c: matching sender IDs against brand names: exact, alike
 * (skeleton and digit swaps), containment only at word edges; and the
 * false-positive sweep: no brand's own name or registered ID is ever taken
 * for a look-alike, in the real embedded database. */
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
    add(TARGET_BRAND_NAME, "*", "Amazon", "Amazon");
    add(TARGET_BRAND_NAME, "*", "Rakuten", "Rakuten");
    add(TARGET_BRAND_NAME, "*", "Rakuten Bank", "Rakuten Bank");
    add(TARGET_BRAND_NAME, "*", "UPS", "UPS");
    add(TARGET_BRAND_NAME, "*", "Apple", "Apple");
    add(TARGET_BRAND_NAME, "*", "au", "au");
    add(TARGET_SENDER_ID, "IN", "HDFCBK", "HDFC Bank");
    add(TARGET_GENERIC, "GB", "Verify", "");
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
        { "MY AMAZON", LOOK_CONTAINS, "Amazon" }, { "RAKUTEN-BANK", LOOK_ALIKE, "Rakuten Bank" },
        { "RAKUTEN-BNK", LOOK_CONTAINS, "Rakuten" }, /* the longer name wins when both fit */
        { "UP5", LOOK_ALIKE, "UPS" },            { "MY-UPS-PARCEL", LOOK_CONTAINS, "UPS" },
        { "GROUPS", LOOK_NONE, "" },             { "UPSIDE", LOOK_NONE, "" }, /* short: words only */
        { "PINEAPPLE", LOOK_NONE, "" },          { "APPLEPAY", LOOK_CONTAINS, "Apple" },
        { "AU", LOOK_EXACT, "au" },              { "4U", LOOK_NONE, "" }, /* too short to imitate */
        { "HDFC8K", LOOK_ALIKE, "HDFC Bank" },   { "ZENITH", LOOK_NONE, "" },
        { "VERIFY", LOOK_NONE, "" },             /* generic IDs are no brand */
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *brand;
        int got = how(rows[i].id, &brand);
        if (got != rows[i].how || strcmp(brand, rows[i].brand) != 0)
            fail_msg("%s: how %d brand \"%s\", expected %d \"%s\"", rows[i].id, got, brand,
                     rows[i].how, rows[i].brand);
    }
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

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(matches, setup, teardown),
    cmocka_unit_test_setup_teardown(generic_variants, setup, teardown),
    cmocka_unit_test(brands_own_ids_are_never_lookalikes),
};

SMSREP_TEST_MAIN(tests)
