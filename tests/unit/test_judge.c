/* SPDX-License-Identifier: Apache-2.0
 * test_judge.c: judge.c on evidence built by hand: the precedence of
 * classes, the score bands of smsrep.h, recommendations, brands and the
 * source that decided. */
#include "testing.h"

#include "judge.h"

#define BIT(r) SMSREP_REASON_BIT(SMSREP_REASON_##r)

static evidence number(const char *e164, const char *region, uint32_t cc, int valid)
{
    evidence e;
    memset(&e, 0, sizeof e);
    e.kind = SMSREP_KIND_NUMBER;
    strcpy(e.recipient, "JP");
    e.recipient_cc = 81;
    strcpy(e.phone.e164, e164);
    strcpy(e.phone.region, region);
    e.phone.calling_code = cc;
    e.phone.valid = valid;
    e.phone.type = valid ? SMSREP_TYPE_MOBILE : SMSREP_TYPE_UNKNOWN;
    return e;
}

static store_row row(int signal, int confidence, const char *source, const char *brand)
{
    store_row r;
    memset(&r, 0, sizeof r);
    r.found = 1;
    r.signal = signal;
    r.confidence = confidence;
    strcpy(r.source, source);
    strcpy(r.brand, brand);
    return r;
}

static smsrep_verdict judge(const evidence *e)
{
    sender_verdict sv;
    smsrep_verdict v;
    memset(&sv, 0, sizeof sv);
    smsrep__judge_sender(e, &sv);
    v = sv.v;
    smsrep__judge_finish(&sv.j, &v);
    /* every verdict obeys the bands and the recommendation of its class */
    switch (v.class_) {
    case SMSREP_CLASS_TRUSTED: assert_in_range(v.score, 0, 19); break;
    case SMSREP_CLASS_UNKNOWN: assert_in_range(v.score, 20, 39); break;
    case SMSREP_CLASS_CAUTION: assert_in_range(v.score, 40, 59); break;
    case SMSREP_CLASS_SUSPICIOUS: assert_in_range(v.score, 60, 79); break;
    case SMSREP_CLASS_SPOOFED: assert_in_range(v.score, 80, 99); break;
    default: assert_int_equal(v.score, 100); break;
    }
    assert_int_equal(v.recommendation,
                     v.class_ >= SMSREP_CLASS_SPOOFED ? SMSREP_RECOMMEND_BLOCK
                     : v.class_ >= SMSREP_CLASS_CAUTION ? SMSREP_RECOMMEND_FLAG
                                                        : SMSREP_RECOMMEND_ALLOW);
    return v;
}

/* A documented sender beats its IP-phone range: the story's 050 number. */
static void evidence_outweighs_a_risky_route(void **state)
{
    evidence e = number("815053704545", "JP", 81, 1);
    smsrep_verdict v;
    (void)state;
    e.range = row(SIG_IP_PHONE, CONF_HIGH, "mic", "");
    e.range.number_type = SMSREP_TYPE_VOIP;
    e.known = row(SIG_BRAND_SENDER, CONF_MEDIUM, "blog", "Amazon");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.score, 10);
    assert_int_equal(v.reasons, BIT(KNOWN_OTP_SENDER) | BIT(IP_PHONE));
    assert_string_equal(v.brand, "Amazon");
    assert_int_equal(v.brand_relation, SMSREP_RELATION_SENDER_OF);
    assert_string_equal(v.source, "blog");
    assert_int_equal(v.number_type, SMSREP_TYPE_VOIP);
}

/* A user report names the brand but leaves the class at caution. */
static void low_confidence_is_only_caution(void **state)
{
    evidence e = number("15622628360", "US", 1, 1);
    smsrep_verdict v;
    (void)state;
    e.known = row(SIG_BRAND_SENDER, CONF_LOW, "report", "Amazon");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.score, 55); /* three caution findings */
    assert_int_equal(v.reasons,
                     BIT(KNOWN_OTP_SENDER) | BIT(LOW_CONFIDENCE_EVIDENCE) | BIT(FOREIGN_ROUTE));
    assert_string_equal(v.brand, "Amazon");
    assert_string_equal(v.source, "report");
}

static void foreign_long_code_alone_is_caution_not_spoofed(void **state)
{
    evidence e = number("447911123456", "GB", 44, 1);
    smsrep_verdict v;
    (void)state;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(FOREIGN_ROUTE));
    assert_string_equal(v.source, "libphonenumber");
    e.recipient_cc = 0; /* no recipient region: no route to judge */
    e.recipient[0] = '\0';
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, 0);
}

/* +1 and +7 are shared by independent countries: there regions decide. */
static void shared_calling_codes(void **state)
{
    evidence e = number("18769271234", "JM", 1, 1);
    smsrep_verdict v;
    (void)state;
    strcpy(e.recipient, "US");
    e.recipient_cc = 1;
    v = judge(&e);
    assert_int_equal(v.reasons, BIT(FOREIGN_ROUTE)); /* Jamaica is not the US */
    e = number("12025550199", "US", 1, 1);
    strcpy(e.recipient, "US");
    e.recipient_cc = 1;
    v = judge(&e);
    assert_int_equal(v.reasons, 0);
    e = number("447911123456", "GG", 44, 1);
    strcpy(e.recipient, "GB");
    e.recipient_cc = 44;
    v = judge(&e);
    assert_int_equal(v.reasons, 0); /* Guernsey shares the UK's plan */
}

static void fictional_range_is_spoofed(void **state)
{
    evidence e = number("12025550123", "US", 1, 1);
    smsrep_verdict v;
    (void)state;
    e.range = row(SIG_FICTIONAL, CONF_HIGH, "nanpa", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_int_equal(v.score, 90);
    assert_int_equal(v.reasons, BIT(FICTIONAL_RANGE) | BIT(FOREIGN_ROUTE));
    assert_string_equal(v.source, "nanpa");
}

/* libphonenumber's verdict of invalid stands unless a designated range says
 * the number exists (metadata older than the numbering plan). */
static void invalid_unless_the_plan_knows_it(void **state)
{
    evidence e = number("816012345678", "JP", 81, 0);
    smsrep_verdict v;
    (void)state;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS); /* a flag, not a block (issue 13) */
    assert_int_equal(v.reasons, BIT(INVALID_NUMBER));
    assert_string_equal(v.source, "libphonenumber");

    e.range = row(SIG_PLAN, CONF_HIGH, "mic", "");
    e.range.number_type = SMSREP_TYPE_MOBILE;
    strcpy(e.range.region, "JP");
    e.phone.region[0] = '\0';
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, 0);
    assert_int_equal(v.number_type, SMSREP_TYPE_MOBILE);
    assert_string_equal(v.region, "JP");
}

static void short_codes(void **state)
{
    evidence e;
    smsrep_verdict v;
    (void)state;
    memset(&e, 0, sizeof e);
    e.kind = SMSREP_KIND_SHORT_CODE;
    strcpy(e.recipient, "JP");
    e.recipient_cc = 81;
    e.short_code = row(SIG_REGISTERED, CONF_HIGH, "carriers", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.score, 5);
    assert_int_equal(v.number_type, SMSREP_TYPE_SHORT_CODE);
    assert_string_equal(v.region, "JP");
    assert_int_equal(v.calling_code, 81);

    e.short_code = row(SIG_EMERGENCY, CONF_HIGH, "mic", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_int_equal(v.reasons, BIT(CANNOT_ORIGINATE_SMS));

    memset(&e.short_code, 0, sizeof e.short_code);
    e.short_info.valid = 1;
    e.short_info.cost = SMSREP_COST_PREMIUM;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(PREMIUM_REPLY_COST));
    assert_int_equal(v.reply_cost, SMSREP_COST_PREMIUM);

    memset(&e.short_info, 0, sizeof e.short_info);
    e.short_info.sms_service = 1; /* informative only */
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, BIT(SMS_SHORT_CODE));
}

static evidence alnum(size_t chars, int gsm)
{
    evidence e;
    memset(&e, 0, sizeof e);
    e.alnum_sender = 1;
    /* check.c decides what no network could have delivered */
    e.kind = gsm && chars <= ALNUM_GSM_MAX_CHARS ? SMSREP_KIND_ALPHANUMERIC : SMSREP_KIND_INVALID;
    strcpy(e.recipient, "JP");
    e.recipient_cc = 81;
    e.alnum.chars = chars;
    e.alnum.gsm_encodable = gsm;
    e.alnum.basic_charset = 1;
    return e;
}

static const lookalike_target acme_name = { TARGET_BRAND_NAME, "*", "ACME", "ACME", "ACME",
                                            "Acme", "brands", "", 4, 0, 0 };

static void alphanumerics(void **state)
{
    evidence e = alnum(6, 1);
    smsrep_verdict v;
    (void)state;

    e.sender_id = row(SIG_REGISTERED, CONF_HIGH, "brand-page", "Acme");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.reasons, BIT(REGISTERED_SENDER_ID));
    assert_string_equal(v.region, ""); /* an ID belongs to no country */

    e.sender_id.confidence = CONF_LOW;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_true(v.reasons & BIT(LOW_CONFIDENCE_EVIDENCE));

    e.sender_id = row(SIG_GENERIC, CONF_MEDIUM, "ofcom", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(GENERIC_SENDER_ID));

    e.sender_id = row(SIG_SCAM_MARKER, CONF_HIGH, "imda", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(SCAM_MARKER));
    assert_string_equal(v.source, "imda");

    memset(&e.sender_id, 0, sizeof e.sender_id);
    e.brand.how = LOOK_EXACT;
    e.brand.target = &acme_name;
    v = judge(&e); /* the brand's own name, but not documented as its sender */
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(UNREGISTERED_SENDER_ID));
    assert_int_equal(v.brand_relation, SMSREP_RELATION_CLAIMS);

    e.alnum.invisible = 2;
    v = judge(&e); /* the brand's name wrapped in bidi marks, as a screen shows it */
    assert_int_equal(v.brand_relation, SMSREP_RELATION_CLAIMS);
    assert_int_equal(v.reasons, BIT(UNREGISTERED_SENDER_ID) | BIT(INVISIBLE_CHARACTERS));
    e.alnum.invisible_inside = 1;
    v = judge(&e); /* the brand's name with hidden characters in it */
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
    assert_int_equal(v.reasons, BIT(BRAND_LOOKALIKE) | BIT(UNREGISTERED_SENDER_ID) |
                                    BIT(INVISIBLE_CHARACTERS));
    e.alnum.invisible = e.alnum.invisible_inside = 0;

    e.brand.how = LOOK_ALIKE;
    v = judge(&e); /* a look-alike of the brand */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(BRAND_LOOKALIKE) | BIT(UNREGISTERED_SENDER_ID));
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
    assert_string_equal(v.source, "brands");
    e.brand.how = LOOK_CONTAINS;
    v = judge(&e); /* the brand's name with other words */
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
    e.brand.how = LOOK_NEAR;
    v = judge(&e); /* one letter from the brand's name */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(BRAND_LOOKALIKE) | BIT(UNREGISTERED_SENDER_ID));
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);

    e.brand.how = LOOK_CONTAINS; /* "ACME-JP", documented as Acme's own ID */
    e.sender_id = row(SIG_REGISTERED, CONF_HIGH, "brand-page", "Acme");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.brand_relation, SMSREP_RELATION_SENDER_OF);
    e.alnum.invisible = 1;
    e.alnum.bidi_override = 1;
    v = judge(&e); /* the same ID under a bidi override is not the documented one */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(BIDI_OVERRIDE));
    assert_false(v.reasons & BIT(REGISTERED_SENDER_ID));
    memset(&e.sender_id, 0, sizeof e.sender_id);
    e.brand.how = LOOK_EXACT;
    v = judge(&e); /* the brand's exact name, reordered by an override */
    assert_int_equal(v.brand_relation, SMSREP_RELATION_IMPERSONATES);
    assert_int_equal(v.reasons, BIT(BRAND_LOOKALIKE) | BIT(UNREGISTERED_SENDER_ID) |
                                    BIT(INVISIBLE_CHARACTERS) | BIT(BIDI_OVERRIDE));
    e.alnum.invisible = e.alnum.bidi_override = 0;

    e = alnum(12, 1); /* longer than GSM allows */
    v = judge(&e);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(MALFORMED_SENDER_ID));
    e = alnum(2, 0); /* not in the GSM alphabet */
    v = judge(&e);
    assert_int_equal(v.kind, SMSREP_KIND_INVALID);
    assert_true(v.reasons & BIT(MALFORMED_SENDER_ID));
}

static store_row rule(int signal)
{
    return row(signal, CONF_HIGH, "regulator", "");
}

static void national_rules(void **state)
{
    evidence e = alnum(8, 1);
    smsrep_verdict v;
    (void)state;

    /* Singapore: what arrives unchanged is registered; the marker is not. */
    e.alnum_rule = rule(SIG_REGISTRY_RELABELS);
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, BIT(REGISTRY_DELIVERED));
    e.sender_id = row(SIG_SCAM_MARKER, CONF_HIGH, "imda", "");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(SCAM_MARKER) | BIT(UNREGISTERED_SENDER_ID));

    /* India: not a DLT header at all */
    e = alnum(8, 1);
    e.alnum_rule = rule(SIG_DLT);
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(NOT_DLT_HEADER));
    /* a bank's header sent as promotional */
    smsrep__dlt_parse("AD-EXBANK-P", &e.dlt);
    strcpy(e.dlt.operator_name, "Airtel"); /* what the lookup of "AD" finds */
    strcpy(e.dlt.circle_name, "Delhi");
    e.sender_id = row(SIG_REGISTERED, CONF_MEDIUM, "bank-page", "ExampleBank");
    strcpy(e.sender_id.sector, "bank");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(REGISTERED_SENDER_ID) | BIT(REGISTRY_DELIVERED) |
                                    BIT(DLT_CLASS_MISMATCH));
    assert_string_equal(v.dlt_header, "EXBANK");
    assert_string_equal(v.dlt_operator, "Airtel");
    assert_string_equal(v.dlt_circle, "Delhi");
    assert_int_equal(v.message_class, SMSREP_MESSAGE_PROMOTIONAL);
    smsrep__dlt_parse("AD-EXBANK-T", &e.dlt); /* the same as a transaction */
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    e.sender_id.sector[0] = '\0'; /* a shop's promotion is what -P is for */
    smsrep__dlt_parse("AD-EXBANK-P", &e.dlt);
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    memset(&e.sender_id, 0, sizeof e.sender_id);
    smsrep__dlt_parse("AD-123456-T", &e.dlt); /* numeric headers are promotional */
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(REGISTRY_DELIVERED) | BIT(DLT_CLASS_MISMATCH));

    /* United Kingdom: characters the operators block */
    e = alnum(5, 1);
    e.alnum_rule = rule(SIG_OPERATOR_CHARSET);
    v = judge(&e);
    assert_int_equal(v.reasons, BIT(UNREGISTERED_SENDER_ID));
    e.alnum.basic_charset = 0;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(DISALLOWED_CHARACTER));

    /* United States: no alphanumeric senders at all */
    e = alnum(5, 1);
    e.alnum_rule = rule(SIG_NOT_DELIVERED);
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(ALPHANUMERIC_UNSUPPORTED) | BIT(UNREGISTERED_SENDER_ID));
}

static void numbers_copied_with_bidi_marks(void **state)
{
    evidence e;
    smsrep_verdict v;
    (void)state;
    memset(&e, 0, sizeof e);
    e.kind = SMSREP_KIND_NUMBER;
    e.phone.valid = 1;
    e.phone.calling_code = 81;
    e.recipient_cc = 81;
    e.invisible = 2;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN); /* named, not held against it */
    assert_int_equal(v.reasons, BIT(INVISIBLE_CHARACTERS));
    e.bidi_override = 1;
    v = judge(&e); /* an override shows the digits in another order: no screen does that */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(INVISIBLE_CHARACTERS) | BIT(BIDI_OVERRIDE));
}

static void invalid_senders(void **state)
{
    evidence e;
    smsrep_verdict v;
    (void)state;
    memset(&e, 0, sizeof e);
    e.kind = SMSREP_KIND_INVALID;
    e.malformed = 1;
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_SPOOFED);
    assert_int_equal(v.reasons, BIT(MALFORMED));
    assert_string_equal(v.source, "");

    e.malformed = 0;
    e.phone.parse_error = PHONE_BAD_CALLING_CODE;
    v = judge(&e);
    assert_int_equal(v.reasons, BIT(UNKNOWN_CALLING_CODE));
    assert_string_equal(v.source, "libphonenumber");

    e.phone.parse_error = PHONE_TOO_SHORT;
    v = judge(&e);
    assert_int_equal(v.reasons, BIT(MALFORMED));
}

/* A carrier's relay display number is outside the plan by design and
 * names no sender: never spoofed, never invalid, no brand. */
static void carrier_relay_is_no_proof(void **state)
{
    evidence e = number("810032069000", "JP", 81, 0);
    smsrep_verdict v;
    (void)state;
    e.known = row(SIG_BRAND_SENDER, CONF_HIGH, "carrier-page", "SoftBank");
    e.known.carrier_display = 1;
    strcpy(e.known.region, "JP");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, BIT(CARRIER_RELAY));
    assert_string_equal(v.brand, "");
    assert_string_equal(v.source, "carrier-page");
}

/* A brand's number documented for recipients elsewhere keeps its brand;
 * that evidence argues only for caution here. */
static void documented_elsewhere_keeps_the_brand(void **state)
{
    evidence e = number("15622628360", "US", 1, 1);
    smsrep_verdict v;
    (void)state;
    strcpy(e.recipient, "US");
    e.recipient_cc = 1;
    e.known = row(SIG_BRAND_SENDER, CONF_MEDIUM, "report", "Amazon");
    strcpy(e.known.region, "JP");
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(DOCUMENTED_ELSEWHERE));
    assert_string_equal(v.brand, "Amazon");
    assert_int_equal(v.brand_relation, SMSREP_RELATION_SENDER_OF);
    strcpy(e.known.region, "US"); /* for these recipients: trusted */
    v = judge(&e);
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
}

static text_book book;

static int book_setup(void **state)
{
    (void)state;
    memset(&book, 0, sizeof book);
    if (smsrep__text_add_brand(&book, "Bank", "", "bank.example", "bank-src") != SMSREP_OK ||
        smsrep__text_add_brand(&book, "Shop", "", "shop.example", "shop-src") != SMSREP_OK ||
        smsrep__text_add_declaration(&book, "Bank", "GB", "all", "bank-decl") != SMSREP_OK ||
        smsrep__text_add_phrase(&book, PHRASE_SHORTENER, "", "bit.ly", "p") != SMSREP_OK ||
        smsrep__text_add_phrase(&book, PHRASE_LURE, "parcel_held", "parcel is held", "lure-src") !=
            SMSREP_OK ||
        smsrep__text_add_phrase(&book, PHRASE_LURE, "payment", "pay now", "pay-src") != SMSREP_OK ||
        smsrep__text_add_phrase(&book, PHRASE_LURE, "new_number", "my new number", "mum-src") !=
            SMSREP_OK ||
        smsrep__text_add_phrase(&book, PHRASE_APP, "", "whatsapp", "app-src") != SMSREP_OK)
        return -1;
    return 0;
}

static int book_teardown(void **state)
{
    (void)state;
    smsrep__text_free(&book);
    return 0;
}

/* The sender's judgement, then the text on top, as finish() does. */
static smsrep_verdict judge_message(const evidence *e, const char *text)
{
    sender_verdict sv;
    text_findings t;
    smsrep_verdict v;
    memset(&sv, 0, sizeof sv);
    smsrep__judge_sender(e, &sv);
    smsrep__text_scan(&book, text, strlen(text), &t);
    smsrep__judge_text(&book, e->recipient, &t, &sv);
    v = sv.v;
    smsrep__judge_finish(&sv.j, &v);
    return v;
}

/* A brand named from a sender that is not the brand's: what the text asks
 * decides, and a declaration decides alone. */
static void brand_named_by_an_undocumented_sender(void **state)
{
    evidence e = number("819012345678", "JP", 81, 1);
    smsrep_verdict v;
    (void)state;
    v = judge_message(&e, "Bank: your statement is ready");
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(BRAND_UNVERIFIED));
    assert_string_equal(v.text_brand, "Bank");
    assert_string_equal(v.text_phrase, "");
    v = judge_message(&e, "Bank: your statement is ready https://bank.example/s");
    assert_int_equal(v.reasons, BIT(BRAND_UNVERIFIED)); /* the link leads to the brand */
    v = judge_message(&e, "Bank: your statement https://bit.ly/x");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(SHORTENED_URL));
    v = judge_message(&e, "Bank: your statement https://~");
    assert_int_equal(v.reasons, BIT(MASKED_URL));
    v = judge_message(&e, "Bank: call 0120-123-456 today");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(CALLBACK_NUMBER));
    assert_string_equal(v.text_phrase, "0120-123-456");
    v = judge_message(&e, "Bank: pay now or lose access");
    assert_int_equal(v.reasons, BIT(SCAM_LURE));
    assert_string_equal(v.text_phrase, "pay now");
    assert_string_equal(v.source, "pay-src");
    v = judge_message(&e, "Bank: sign in at https://bank-login.top");
    assert_int_equal(v.reasons, BIT(BRAND_URL_MISMATCH));
    assert_string_equal(v.url_host, "bank-login.top");

    /* Bank declares its GB senders complete: suspicious whatever the text */
    strcpy(e.recipient, "GB");
    e.recipient_cc = 44;
    strcpy(e.phone.e164, "447911123456");
    strcpy(e.phone.region, "GB");
    e.phone.calling_code = 44;
    v = judge_message(&e, "Bank: your statement is ready");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(UNDECLARED_SENDER));
    assert_string_equal(v.source, "bank-decl");
}

/* From the brand's own sender, as before: consistent links are trusted; a
 * text that also names another brand still speaks for the sender's. */
static void brand_named_by_its_own_sender(void **state)
{
    evidence e = number("819012345678", "JP", 81, 1);
    smsrep_verdict v;
    (void)state;
    e.known = row(SIG_BRAND_SENDER, CONF_HIGH, "bank-page", "Bank");
    v = judge_message(&e, "Bank: call 0120-123-456 https://bank.example/x");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_int_equal(v.reasons, BIT(KNOWN_OTP_SENDER) | BIT(TEXT_CONSISTENT));
    v = judge_message(&e, "Your Shop purchase on your Bank card: code 4821");
    assert_int_equal(v.class_, SMSREP_CLASS_TRUSTED);
    assert_false(v.reasons & BIT(BRAND_SENDER_MISMATCH));
    assert_string_equal(v.text_brand, "Bank");
    v = judge_message(&e, "Shop: your order");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(BRAND_SENDER_MISMATCH));
}

/* Scam wording with no brand: with a link or a number, suspicious; alone,
 * caution. The phrase and host that argued are named. */
static void lures_without_a_brand(void **state)
{
    evidence e = number("819012345678", "JP", 81, 1);
    smsrep_verdict v;
    (void)state;
    v = judge_message(&e, "Your parcel is held, ask at the counter");
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(SCAM_LURE));
    assert_string_equal(v.text_phrase, "parcel is held");
    assert_string_equal(v.source, "lure-src");
    v = judge_message(&e, "Your parcel is held: https://parcel-help.top/x");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(TEXT_LINK));
    assert_string_equal(v.url_host, "parcel-help.top");
    v = judge_message(&e, "Your parcel is held, call +44 20 7946 0000");
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(CALLBACK_NUMBER));
    assert_string_equal(v.text_phrase, "parcel is held");
    v = judge_message(&e, "See you at https://example.org tonight");
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN); /* a link alone argues nothing */
    assert_int_equal(v.reasons, 0);
}

/* A messaging app to reply on is a way to act, as a link or a number is,
 * but never a lure by itself. A sender giving its own new number may write
 * it out: that number is no call-back, an app or a link still is. */
static void messaging_apps_and_new_numbers(void **state)
{
    evidence e = number("819012345678", "JP", 81, 1);
    smsrep_verdict v;
    (void)state;
    v = judge_message(&e, "Message me on WhatsApp when you land");
    assert_int_equal(v.class_, SMSREP_CLASS_UNKNOWN);
    assert_int_equal(v.reasons, 0);
    v = judge_message(&e, "Your parcel is held, reply on WhatsApp");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(MESSAGING_APP));
    assert_string_equal(v.text_phrase, "parcel is held");
    v = judge_message(&e, "Hi Mum, this is my new number");
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION);
    assert_int_equal(v.reasons, BIT(SCAM_LURE));
    assert_string_equal(v.source, "mum-src");
    v = judge_message(&e, "Hi, it's Jo, my new number is 090-1234-5679");
    assert_int_equal(v.class_, SMSREP_CLASS_CAUTION); /* its own number, not a call-back */
    assert_false(v.reasons & BIT(CALLBACK_NUMBER));
    v = judge_message(&e, "Hi Mum, my new number. Pay now, call 090-1234-5679");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS); /* a demand: the number is to act on */
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(CALLBACK_NUMBER));
    v = judge_message(&e, "Hi Mum, my new number, text me on WhatsApp 090-1234-5679");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(MESSAGING_APP));
    v = judge_message(&e, "Hi Mum, my new number: https://wa.me/819012345679");
    assert_int_equal(v.reasons, BIT(SCAM_LURE) | BIT(TEXT_LINK));
    assert_string_equal(v.url_host, "wa.me");
    v = judge_message(&e, "Shop: chat with us on WhatsApp"); /* a brand, an undocumented sender */
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_int_equal(v.reasons, BIT(MESSAGING_APP));
    assert_string_equal(v.source, "app-src");
}

/* A sender ID that only claims a brand names it as a text would. */
static void a_claiming_id_names_the_brand(void **state)
{
    evidence e;
    lookalike_target target;
    smsrep_verdict v;
    (void)state;
    memset(&e, 0, sizeof e);
    memset(&target, 0, sizeof target);
    e.kind = SMSREP_KIND_ALPHANUMERIC;
    e.alnum_sender = 1;
    strcpy(e.recipient, "JP");
    e.recipient_cc = 81;
    strcpy(target.brand, "Bank");
    strcpy(target.source, "bank-src");
    e.brand.how = LOOK_EXACT;
    e.brand.target = &target;
    v = judge_message(&e, "pay now at https://pay-help.top");
    assert_int_equal(v.class_, SMSREP_CLASS_SUSPICIOUS);
    assert_true(v.reasons & BIT(BRAND_URL_MISMATCH));
    assert_true(v.reasons & BIT(SCAM_LURE));
    assert_string_equal(v.brand, "Bank");
    assert_int_equal(v.brand_relation, SMSREP_RELATION_CLAIMS);
    assert_string_equal(v.text_brand, ""); /* the text itself names none */
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(carrier_relay_is_no_proof),
    cmocka_unit_test(documented_elsewhere_keeps_the_brand),
    cmocka_unit_test_setup_teardown(brand_named_by_an_undocumented_sender, book_setup, book_teardown),
    cmocka_unit_test_setup_teardown(brand_named_by_its_own_sender, book_setup, book_teardown),
    cmocka_unit_test_setup_teardown(lures_without_a_brand, book_setup, book_teardown),
    cmocka_unit_test_setup_teardown(messaging_apps_and_new_numbers, book_setup, book_teardown),
    cmocka_unit_test_setup_teardown(a_claiming_id_names_the_brand, book_setup, book_teardown),
    cmocka_unit_test(national_rules),
    cmocka_unit_test(numbers_copied_with_bidi_marks),
    cmocka_unit_test(evidence_outweighs_a_risky_route),
    cmocka_unit_test(low_confidence_is_only_caution),
    cmocka_unit_test(foreign_long_code_alone_is_caution_not_spoofed),
    cmocka_unit_test(shared_calling_codes),
    cmocka_unit_test(fictional_range_is_spoofed),
    cmocka_unit_test(invalid_unless_the_plan_knows_it),
    cmocka_unit_test(short_codes),
    cmocka_unit_test(alphanumerics),
    cmocka_unit_test(invalid_senders),
};

SMSREP_TEST_MAIN(tests)
