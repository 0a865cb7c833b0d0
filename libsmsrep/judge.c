/* SPDX-License-Identifier: Apache-2.0
 * judge.c: turns the evidence about a sender into a class, a score, a
 * recommendation, reasons, a brand and the source that decided.
 *
 * Every finding names a reason, the class it argues for and its source. The
 * class is the strongest argument by this precedence:
 *     overlay deny (blocked) > overlay allow (trusted) > spoofed > suspicious
 *     > trusted > caution > unknown
 * so documented evidence (trusted) outweighs a risky route (caution), but
 * never a sign of impersonation or an impossible sender, and the operator's
 * own list beats all the bundled data. The score sits in the class's band
 * (smsrep.h) and rises with each further finding of that class. Rows with
 * low confidence name the brand but argue only for caution: a user report
 * is not a brand's word. Complaints argue for caution, or suspicious when
 * many and recent, never for spoofed: spoofers send from real people's
 * numbers, and those people get the complaints. */
#include "judge.h"

#include "utf8.h"

#include <math.h>

#include <string.h>

/* Each rank's class, score band (base and ceiling) and recommendation. */
static const struct {
    uint32_t cls, base, top, recommendation;
} ranks[RANK_COUNT] = {
    [RANK_UNKNOWN] = { SMSREP_CLASS_UNKNOWN, 25, 39, SMSREP_RECOMMEND_ALLOW },
    [RANK_CAUTION] = { SMSREP_CLASS_CAUTION, 45, 59, SMSREP_RECOMMEND_FLAG },
    [RANK_TRUSTED] = { SMSREP_CLASS_TRUSTED, 5, 19, SMSREP_RECOMMEND_ALLOW },
    [RANK_SUSPICIOUS] = { SMSREP_CLASS_SUSPICIOUS, 65, 79, SMSREP_RECOMMEND_FLAG },
    [RANK_SPOOFED] = { SMSREP_CLASS_SPOOFED, 90, 99, SMSREP_RECOMMEND_BLOCK },
    [RANK_ALLOWED] = { SMSREP_CLASS_TRUSTED, 0, 0, SMSREP_RECOMMEND_ALLOW },
    [RANK_BLOCKED] = { SMSREP_CLASS_BLOCKED, 100, 100, SMSREP_RECOMMEND_BLOCK },
};

/* Decayed complaint weight from which a number is caution (two recent
 * complaints: one may be a mistake) and suspicious. A complaint's weight
 * halves every REPORT_HALF_LIFE_DAYS after the day its data set last saw
 * the number. */
#define REPORTS_CAUTION 2.0
#define REPORTS_SUSPICIOUS 10.0
#define REPORT_HALF_LIFE_DAYS 90.0

/* The sector whose DLT headers must not arrive as promotional messages. */
#define SECTOR_BANK "bank"


static void find(judgement *j, int reason, int rank, const char *source)
{
    if (reason >= 0)
        j->reasons |= SMSREP_REASON_BIT(reason);
    j->findings[rank]++;
    if (rank > j->rank || (rank == j->rank && j->source[0] == '\0')) {
        j->rank = rank;
        smsrep__copyz(j->source, sizeof j->source, source);
    }
}

static void name_brand(judgement *j, const char *brand, uint32_t relation)
{
    if (brand != NULL && brand[0] != '\0' && j->brand[0] == '\0') {
        smsrep__copyz(j->brand, sizeof j->brand, brand);
        j->relation = relation;
    }
}

/* A row of evidence for a brand: it argues for trusted at medium or high
 * confidence; at low confidence (a user report) only for caution. */
static void find_evidence(judgement *j, int reason, const store_row *r)
{
    name_brand(j, r->brand, SMSREP_RELATION_SENDER_OF);
    if (r->confidence >= CONF_MEDIUM) {
        find(j, reason, RANK_TRUSTED, r->source);
    } else {
        find(j, reason, RANK_CAUTION, r->source);
        find(j, SMSREP_REASON_LOW_CONFIDENCE_EVIDENCE, RANK_CAUTION, r->source);
    }
}

/* The finding of a number range or short code row, by its signal. */
static void find_signal(judgement *j, const store_row *r)
{
    switch (r->signal) {
    case SIG_FICTIONAL: find(j, SMSREP_REASON_FICTIONAL_RANGE, RANK_SPOOFED, r->source); break;
    case SIG_UNALLOCATED: find(j, SMSREP_REASON_UNALLOCATED_RANGE, RANK_SPOOFED, r->source); break;
    case SIG_CANNOT_ORIGINATE:
    case SIG_EMERGENCY:
        find(j, SMSREP_REASON_CANNOT_ORIGINATE_SMS, RANK_SPOOFED, r->source);
        break;
    case SIG_IP_PHONE: find(j, SMSREP_REASON_IP_PHONE, RANK_CAUTION, r->source); break;
    case SIG_M2M: find(j, SMSREP_REASON_M2M_NUMBER, RANK_CAUTION, r->source); break;
    case SIG_PREMIUM: find(j, SMSREP_REASON_PREMIUM_REPLY_COST, RANK_CAUTION, r->source); break;
    case SIG_INTERNATIONAL_NETWORK:
        find(j, SMSREP_REASON_INTERNATIONAL_NETWORK, RANK_CAUTION, r->source);
        break;
    case SIG_REGISTERED: find(j, SMSREP_REASON_REGISTERED_SHORT_CODE, RANK_TRUSTED, r->source); break;
    case SIG_BRAND_SENDER: find_evidence(j, SMSREP_REASON_KNOWN_OTP_SENDER, r); break;
    default:
        break;
    }
}

/* Is the sender's number from another country than the recipient? Calling
 * codes decide, except within +1 (NANP) and +7, which independent countries
 * share: there the regions decide, so Jamaica's +1 876 is foreign to a US
 * phone. Other shared codes join dependencies to one national plan (Guernsey
 * and Jersey under +44) and count as domestic. */
static int foreign(const evidence *e, const char *sender_region, uint32_t sender_cc)
{
    if (e->recipient_cc == 0)
        return 0;
    if (sender_cc != e->recipient_cc)
        return 1;
    return (sender_cc == 1 || sender_cc == 7) && sender_region[0] != '\0' &&
           strcmp(sender_region, e->recipient) != 0;
}

static void judge_number(const evidence *e, judgement *j, smsrep_verdict *v)
{
    const phone_number *p = &e->phone;
    /* A designated range makes a number real even where the libphonenumber
     * metadata in use predates it (Japan's 060 mobile numbers, 2026). */
    int plan_known = e->range.found && e->range.signal != SIG_FICTIONAL &&
                     e->range.signal != SIG_UNALLOCATED;

    smsrep__copyz(v->region, sizeof v->region, p->region);
    v->calling_code = p->calling_code;
    v->number_type = p->type;
    if (e->range.found && e->range.number_type != SMSREP_TYPE_UNKNOWN)
        v->number_type = e->range.number_type;
    if (e->range.found && e->range.region[0] != '\0' && !p->valid)
        smsrep__copyz(v->region, sizeof v->region, e->range.region);
    if (e->range.found)
        v->reply_cost = e->range.reply_cost;

    if (e->range.found)
        find_signal(j, &e->range);
    if (e->known.found && e->known.carrier_display) {
        /* Outside the plan by design, and shared by many senders: it
         * names none of them. */
        find(j, SMSREP_REASON_CARRIER_RELAY, RANK_UNKNOWN, e->known.source);
        plan_known = 1;
    } else if (e->known.found && e->known.region[0] != '\0' &&
               strcmp(e->known.region, e->recipient) != 0) {
        /* A brand's sender for recipients elsewhere keeps its brand, but
         * that evidence says nothing of this country's routes. */
        name_brand(j, e->known.brand, SMSREP_RELATION_SENDER_OF);
        find(j, SMSREP_REASON_DOCUMENTED_ELSEWHERE, RANK_CAUTION, e->known.source);
    } else if (e->known.found) {
        find_signal(j, &e->known);
    }
    if (e->known.found)
        plan_known = 1; /* a data row says more than the metadata */
    /* The metadata in use calling a number invalid is no proof that it
     * cannot send: carriers show numbers outside the plan, and plans move
     * faster than metadata. A flag, not a block. */
    if (!p->valid && !plan_known)
        find(j, SMSREP_REASON_INVALID_NUMBER, RANK_SUSPICIOUS, SOURCE_LIBPHONENUMBER);
    if (foreign(e, v->region, p->calling_code))
        find(j, SMSREP_REASON_FOREIGN_ROUTE, RANK_CAUTION, SOURCE_LIBPHONENUMBER);
}

static void judge_short_code(const evidence *e, judgement *j, smsrep_verdict *v)
{
    const phone_short *s = &e->short_info;

    smsrep__copyz(v->region, sizeof v->region, e->recipient);
    v->calling_code = e->recipient_cc;
    v->number_type = SMSREP_TYPE_SHORT_CODE;
    v->reply_cost = s->cost;
    if (e->short_code.found) {
        find_signal(j, &e->short_code);
        if (e->short_code.reply_cost != SMSREP_COST_UNKNOWN)
            v->reply_cost = e->short_code.reply_cost;
    }
    /* libphonenumber's emergency flag alone is not enough: US 911 sends
     * text-to-911 bounce-backs and UK 999 answers emergencySMS, so only a
     * sourced short_code row with signal emergency makes one spoofed. */
    if (s->sms_service)
        j->reasons |= SMSREP_REASON_BIT(SMSREP_REASON_SMS_SHORT_CODE);
    if (v->reply_cost == SMSREP_COST_PREMIUM &&
        !(j->reasons & SMSREP_REASON_BIT(SMSREP_REASON_PREMIUM_REPLY_COST)))
        find(j, SMSREP_REASON_PREMIUM_REPLY_COST, RANK_CAUTION,
             e->short_code.found ? e->short_code.source : SOURCE_LIBPHONENUMBER);
}

/* The recipient country's rules for sender IDs. Returns 1 when the network
 * delivers the ID only for registered senders, which makes "unregistered"
 * no finding of ours. */
static int judge_registry(const evidence *e, judgement *j, smsrep_verdict *v)
{
    const store_row *rule = &e->alnum_rule;
    const dlt_header *d = &e->dlt;

    if (!rule->found)
        return 0;
    switch (rule->signal) {
    case SIG_REGISTRY_RELABELS:
        if (e->sender_id.found && e->sender_id.signal == SIG_SCAM_MARKER)
            return 0;
        find(j, SMSREP_REASON_REGISTRY_DELIVERED, RANK_UNKNOWN, rule->source);
        return 1;
    case SIG_DLT:
        if (!d->shaped) {
            find(j, SMSREP_REASON_NOT_DLT_HEADER, RANK_SUSPICIOUS, rule->source);
            return 0;
        }
        v->message_class = d->message_class;
        smsrep__copyz(v->dlt_header, sizeof v->dlt_header, d->header);
        smsrep__copyz(v->dlt_operator, sizeof v->dlt_operator, d->operator_name);
        smsrep__copyz(v->dlt_circle, sizeof v->dlt_circle, d->circle_name);
        /* A bank's OTPs and alerts are transactional or service messages;
         * a promotional one asks to be read with care. Numeric headers are
         * promotional by definition. */
        if (d->message_class == SMSREP_MESSAGE_PROMOTIONAL && e->sender_id.found &&
            strcmp(e->sender_id.sector, SECTOR_BANK) == 0)
            find(j, SMSREP_REASON_DLT_CLASS_MISMATCH, RANK_SUSPICIOUS, rule->source);
        else if (d->numeric && d->message_class != SMSREP_MESSAGE_NONE &&
                 d->message_class != SMSREP_MESSAGE_PROMOTIONAL)
            find(j, SMSREP_REASON_DLT_CLASS_MISMATCH, RANK_CAUTION, rule->source);
        find(j, SMSREP_REASON_REGISTRY_DELIVERED, RANK_UNKNOWN, rule->source);
        return 1;
    case SIG_OPERATOR_CHARSET:
        if (!e->alnum.basic_charset)
            find(j, SMSREP_REASON_DISALLOWED_CHARACTER, RANK_SUSPICIOUS, rule->source);
        return 0;
    case SIG_NOT_DELIVERED:
        find(j, SMSREP_REASON_ALPHANUMERIC_UNSUPPORTED, RANK_CAUTION, rule->source);
        return 0;
    default:
        return 0;
    }
}

/* An alphanumeric ID belongs to no country, so the verdict's region and
 * number fields stay empty. Hidden characters inside an ID that reads as a
 * brand's make it a look-alike, however exact the visible letters; at its
 * ends they are what a screen put there, and only named. Bidi overrides
 * have no innocent use: suspicious wherever they are, and the look-alike
 * match has read the ID in the order they make a reader see. */
static void judge_alphanumeric(const evidence *e, judgement *j, smsrep_verdict *v)
{
    const store_row *id = &e->sender_id;
    const lookalike_match *m = &e->brand;
    int delivered_registered;
    int hidden = e->alnum.invisible_inside > 0 || e->alnum.bidi_override > 0;

    if (e->kind == SMSREP_KIND_INVALID)
        find(j, SMSREP_REASON_MALFORMED_SENDER_ID, RANK_SUSPICIOUS, NULL);
    if (e->alnum.invisible > 0)
        find(j, SMSREP_REASON_INVISIBLE_CHARACTERS, RANK_CAUTION, NULL);
    if (e->alnum.bidi_override > 0)
        find(j, SMSREP_REASON_BIDI_OVERRIDE, RANK_SUSPICIOUS, NULL);
    delivered_registered = judge_registry(e, j, v);

    if (id->found && id->signal == SIG_REGISTERED && !hidden) {
        find_evidence(j, SMSREP_REASON_REGISTERED_SENDER_ID, id);
        return;
    }
    if (id->found && id->signal == SIG_SCAM_MARKER)
        find(j, SMSREP_REASON_SCAM_MARKER, RANK_SUSPICIOUS, id->source);
    if ((id->found && id->signal == SIG_GENERIC) || e->generic.how != LOOK_NONE)
        find(j, SMSREP_REASON_GENERIC_SENDER_ID, RANK_SUSPICIOUS,
             id->found && id->signal == SIG_GENERIC ? id->source : e->generic.target->source);

    if (m->how == LOOK_EXACT && !hidden) {
        name_brand(j, m->target->brand, SMSREP_RELATION_CLAIMS);
    } else if (m->how != LOOK_NONE) {
        name_brand(j, m->target->brand, SMSREP_RELATION_IMPERSONATES);
        find(j, SMSREP_REASON_BRAND_LOOKALIKE, RANK_SUSPICIOUS, m->target->source);
    }
    if (!delivered_registered)
        find(j, SMSREP_REASON_UNREGISTERED_SENDER_ID, RANK_CAUTION,
             m->how != LOOK_NONE ? m->target->source : NULL);
}

/* The complaints' weight: each data set's reports, halved per half-life
 * since it last saw the number; the source is the set that weighs most. */
static double report_weight(const report_row *r, int64_t now, const char **source)
{
    int64_t today = now / 86400;
    double total = 0.0, strongest = 0.0;
    unsigned i;
    *source = NULL;
    for (i = 0; i < r->n; i++) {
        double age = r->set[i].last_day > today ? 0.0 : (double)(today - r->set[i].last_day);
        double weight = (double)r->set[i].reports * pow(0.5, age / REPORT_HALF_LIFE_DAYS);
        total += weight;
        if (weight > strongest) {
            strongest = weight;
            *source = r->set[i].source;
        }
    }
    return total;
}

/* The operator's overlay: its rule beats everything bundled; its reports
 * add caution. */
static void judge_overlay(const evidence *e, judgement *j)
{
    const char *source;
    double weight = e->reports.found ? report_weight(&e->reports, e->now, &source) : 0.0;

    if (e->overlay.found && e->overlay.signal == SIG_DENY)
        find(j, SMSREP_REASON_OVERLAY_DENY, RANK_BLOCKED, e->overlay.source);
    else if (e->overlay.found && e->overlay.signal == SIG_ALLOW)
        find(j, SMSREP_REASON_OVERLAY_ALLOW, RANK_ALLOWED, e->overlay.source);
    if (weight >= REPORTS_SUSPICIOUS)
        find(j, SMSREP_REASON_REPORTED_NUMBER, RANK_SUSPICIOUS, source);
    else if (weight >= REPORTS_CAUTION)
        find(j, SMSREP_REASON_REPORTED_NUMBER, RANK_CAUTION, source);
}

/* Keeps the phrase or number of the text that argued, the first one. */
static void name_phrase(smsrep_verdict *v, const char *phrase)
{
    if (v->text_phrase[0] == '\0')
        smsrep__copyz(v->text_phrase, sizeof v->text_phrase, phrase);
}

static void name_host(smsrep_verdict *v, const char *host)
{
    if (v->url_host[0] == '\0')
        smsrep__copyz(v->url_host, sizeof v->url_host, host);
}

/* A message naming brand b from a sender that is not one of b's: what it
 * asks the reader to do decides (foreign: a link off b's domains, judged
 * already; shortened: a shortener that is not b's own). A declared sender
 * list that leaves this sender out decides alone. */
static void judge_unverified(const text_findings *t, int foreign, int shortened,
                             const text_brand *b, const char *declared, const char *relay,
                             judgement *j, smsrep_verdict *v)
{
    int acted = foreign >= 0;
    if (declared != NULL)
        find(j, SMSREP_REASON_UNDECLARED_SENDER, RANK_SUSPICIOUS, declared);
    if (shortened) {
        find(j, SMSREP_REASON_SHORTENED_URL, RANK_SUSPICIOUS, b->source);
        acted = 1;
    }
    if (t->masked) {
        find(j, SMSREP_REASON_MASKED_URL, RANK_SUSPICIOUS, b->source);
        acted = 1;
    }
    if (t->callback) {
        find(j, SMSREP_REASON_CALLBACK_NUMBER, RANK_SUSPICIOUS, b->source);
        name_phrase(v, t->callback_text);
        acted = 1;
    }
    if (t->demand != NULL) {
        find(j, SMSREP_REASON_SCAM_LURE, RANK_SUSPICIOUS, t->demand->source);
        name_phrase(v, t->demand->text);
        acted = 1;
    }
    if (t->app != NULL) {
        find(j, SMSREP_REASON_MESSAGING_APP, RANK_SUSPICIOUS, t->app->source);
        acted = 1;
    }
    if (!acted && relay != NULL) {
        find(j, SMSREP_REASON_BRAND_RELAY, RANK_UNKNOWN, relay);
        /* The brand's own word on the relay says more than the relay's row. */
        if (j->rank == RANK_UNKNOWN)
            smsrep__copyz(j->source, sizeof j->source, relay);
    } else if (!acted && declared == NULL)
        find(j, SMSREP_REASON_BRAND_UNVERIFIED, RANK_CAUTION, b->source);
}

/* Scam wording with no brand: with a way to act on it (a link, a number
 * to call, a messaging app to reply on) it is suspicious, alone it is
 * caution. A sender giving its own new number ("Hi Mum, this is my new
 * number") may write that number out: unless the text also demands a
 * payment or credentials, a reply to it is no way to act elsewhere, a
 * messaging app or a link is. */
static void judge_lure(const text_book *book, const text_findings *t, judgement *j,
                       smsrep_verdict *v)
{
    size_t i;
    int callback = t->callback && (!t->lure->own_number || t->demand != NULL);
    int act = callback || t->masked || t->shortened || t->hosts.n > 0 || t->app != NULL;

    find(j, SMSREP_REASON_SCAM_LURE, act ? RANK_SUSPICIOUS : RANK_CAUTION, t->lure->source);
    name_phrase(v, t->lure->text);
    if (callback)
        find(j, SMSREP_REASON_CALLBACK_NUMBER, RANK_SUSPICIOUS, t->lure->source);
    if (t->app != NULL)
        find(j, SMSREP_REASON_MESSAGING_APP, RANK_SUSPICIOUS, t->app->source);
    if (t->masked)
        find(j, SMSREP_REASON_MASKED_URL, RANK_SUSPICIOUS, t->lure->source);
    if (t->shortened)
        find(j, SMSREP_REASON_SHORTENED_URL, RANK_SUSPICIOUS, t->lure->source);
    for (i = 0; i < t->hosts.n; i++) {
        if (smsrep__text_shortener(book, t->hosts.host[i]))
            continue;
        find(j, SMSREP_REASON_TEXT_LINK, RANK_SUSPICIOUS, t->lure->source);
        name_host(v, t->hosts.host[i]);
        break;
    }
}

/* The message text against the sender. The text alone never makes a sender
 * trusted: a known sender of the brand it names, with links only to that
 * brand's domains, is. A brand named (by the text, or by a sender ID that
 * only claims it) from a sender that is not the brand's is suspicious when
 * the brand declares its senders complete, or when the text asks the
 * reader to act anywhere but at the brand (a link elsewhere, a shortened or
 * masked link, a number to call, a messaging app to reply on, a demand to
 * pay or sign in); otherwise caution. Scam wording with no brand is
 * suspicious with a link, a number or a messaging app, caution alone. */
void smsrep__judge_text(const text_book *book, const char *recipient, const text_findings *t,
                        sender_verdict *sv)
{
    judgement *j = &sv->j;
    smsrep_verdict *v = &sv->v;
    char sender_brand[SMSREP_BRAND_SIZE], sender_source[SMSREP_SOURCE_ID_SIZE];
    int sender_of = j->relation == SMSREP_RELATION_SENDER_OF && j->brand[0] != '\0';
    const text_brand *named = t->claimed;
    int foreign = t->foreign, foreign_puny = t->foreign_punycode, shortened;
    size_t i;

    if (!t->read)
        return;
    smsrep__copyz(sender_brand, sizeof sender_brand, j->brand);
    smsrep__copyz(sender_source, sizeof sender_source, j->source);
    if (t->code)
        find(j, SMSREP_REASON_ONE_TIME_CODE, RANK_UNKNOWN, NULL);
    if (t->notice)
        find(j, SMSREP_REASON_SERVICE_NOTICE, RANK_UNKNOWN, NULL);
    /* A text may name other brands beside the sender's own ("your HDFC
     * Bank card was used at Amazon"): then it speaks for the sender's. */
    for (i = 0; sender_of && named != NULL && i < t->n_named; i++) {
        if (strcmp(t->named[i]->name, sender_brand) == 0 && t->named[i] != named) {
            named = t->named[i];
            foreign = smsrep__text_off_brand(book, t, named, &foreign_puny);
        }
    }
    if (named == NULL && j->relation == SMSREP_RELATION_CLAIMS) {
        named = smsrep__text_brand_named(book, j->brand);
        foreign = smsrep__text_off_brand(book, t, named, &foreign_puny);
    }
    if (named == NULL) {
        if (t->punycode >= 0) {
            name_host(v, t->hosts.host[t->punycode]);
            find(j, SMSREP_REASON_PUNYCODE_HOST, RANK_CAUTION, NULL);
        }
        /* A brand's own sender may word its alerts as lures do; only a
         * link off its domains then argues. */
        if (t->lure != NULL && sender_of) {
            const text_brand *own = smsrep__text_brand_named(book, sender_brand);
            int puny, off = own != NULL ? smsrep__text_off_brand(book, t, own, &puny) : -1;
            if (off >= 0 || t->masked) {
                find(j, SMSREP_REASON_SCAM_LURE, RANK_SUSPICIOUS, t->lure->source);
                name_phrase(v, t->lure->text);
                if (off >= 0) {
                    find(j, SMSREP_REASON_TEXT_LINK, RANK_SUSPICIOUS, t->lure->source);
                    name_host(v, t->hosts.host[off]);
                }
                if (t->masked)
                    find(j, SMSREP_REASON_MASKED_URL, RANK_SUSPICIOUS, t->lure->source);
            }
        } else if (t->lure != NULL) {
            judge_lure(book, t, j, v);
        }
        return;
    }
    if (t->claimed != NULL) {
        smsrep__copyz(v->text_brand, sizeof v->text_brand, named->name);
        name_brand(j, named->name, SMSREP_RELATION_CLAIMED_IN_TEXT);
    }
    if (foreign >= 0) {
        name_host(v, t->hosts.host[foreign]);
        find(j, SMSREP_REASON_BRAND_URL_MISMATCH, RANK_SUSPICIOUS, named->source);
        if (foreign_puny)
            find(j, SMSREP_REASON_PUNYCODE_HOST, RANK_SUSPICIOUS, named->source);
    }
    shortened = smsrep__text_shortened(book, t, named);
    if (sender_of && strcmp(sender_brand, named->name) != 0) {
        find(j, SMSREP_REASON_BRAND_SENDER_MISMATCH, RANK_SUSPICIOUS, named->source);
    } else if (sender_of) {
        if (foreign < 0 && shortened)
            find(j, SMSREP_REASON_SHORTENED_URL, RANK_CAUTION, NULL);
        else if (foreign < 0 && !t->masked)
            find(j, SMSREP_REASON_TEXT_CONSISTENT, RANK_TRUSTED, sender_source);
    } else {
        /* A carrier's relay number names no sender, but a brand may say its
         * SMS show it: then it is one of the brand's routes, not proof. */
        const char *relay = (j->reasons & SMSREP_REASON_BIT(SMSREP_REASON_CARRIER_RELAY))
                                ? smsrep__text_relay(named, recipient)
                                : NULL;
        judge_unverified(t, foreign, shortened, named,
                         relay != NULL ? NULL : smsrep__text_declared(named, recipient, v->kind),
                         relay, j, v);
    }
}

void smsrep__judge_sender(const evidence *e, sender_verdict *sv)
{
    judgement *j = &sv->j;
    smsrep_verdict *v = &sv->v;

    memset(j, 0, sizeof *j);
    v->kind = e->kind;
    judge_overlay(e, j);
    if (e->malformed)
        find(j, SMSREP_REASON_MALFORMED, RANK_SPOOFED, NULL);
    /* Screens put bidi marks around the numbers they show, so a number
     * copied from one carries them: named, never held against it. */
    if (!e->alnum_sender && e->invisible > 0)
        find(j, SMSREP_REASON_INVISIBLE_CHARACTERS, RANK_UNKNOWN, NULL);
    /* An override inside a number shows its digits in another order. */
    if (!e->alnum_sender && e->bidi_override > 0)
        find(j, SMSREP_REASON_BIDI_OVERRIDE, RANK_SUSPICIOUS, NULL);
    if (e->alnum_sender) {
        judge_alphanumeric(e, j, v);
    } else switch (e->kind) {
    case SMSREP_KIND_NUMBER: judge_number(e, j, v); break;
    case SMSREP_KIND_SHORT_CODE: judge_short_code(e, j, v); break;
    default:
        /* Spoofed only when newer metadata confirms the code unassigned: one
         * the metadata in use merely lacks may have been assigned since. */
        if (e->phone.parse_error == PHONE_BAD_CALLING_CODE && e->calling_code.found)
            find(j, SMSREP_REASON_UNKNOWN_CALLING_CODE, RANK_SPOOFED, e->calling_code.source);
        else if (e->phone.parse_error == PHONE_BAD_CALLING_CODE)
            find(j, SMSREP_REASON_UNKNOWN_CALLING_CODE, RANK_CAUTION, SOURCE_LIBPHONENUMBER);
        else if (!e->malformed)
            find(j, SMSREP_REASON_MALFORMED, RANK_SPOOFED, SOURCE_LIBPHONENUMBER);
        break;
    }
}

void smsrep__judge_finish(const judgement *jp, smsrep_verdict *v)
{
    const judgement j = *jp;
    uint32_t score;

    /* Each further finding of the deciding class moves the score 5 points
     * into its band; for trusted, each caution finding moves it up. */
    score = ranks[j.rank].base;
    if (j.rank == RANK_TRUSTED)
        score += 5u * j.findings[RANK_CAUTION];
    else if (j.findings[j.rank] > 1)
        score += 5u * (j.findings[j.rank] - 1u);
    if (score > ranks[j.rank].top)
        score = ranks[j.rank].top;

    v->class_ = ranks[j.rank].cls;
    v->score = score;
    v->recommendation = ranks[j.rank].recommendation;
    v->reasons = j.reasons;
    smsrep__copyz(v->brand, sizeof v->brand, j.brand);
    v->brand_relation = j.brand[0] != '\0' ? j.relation : SMSREP_RELATION_NONE;
    smsrep__copyz(v->source, sizeof v->source, j.source);
}
