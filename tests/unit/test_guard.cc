// SPDX-License-Identifier: Apache-2.0
// test_guard.cc: the guard against the worst mistake, a wrong "spoofed" on a
// real person's number. libphonenumber gives every region's example number of
// every type; with numbers near each (the last digits stepped), every number
// it calls valid is checked, as sent from its own country, against the real
// embedded database. None may be spoofed, except inside the fictional ranges
// regulators publish, which this file lists itself (not from the database),
// so that a database row broader than its regulator's range fails here.
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "smsrep.h"

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// Published fictional ranges, as E.164 prefixes with their exact lengths.
struct fictional {
    const char *prefix;
    size_t length;
};
const fictional published[] = {
    // Ofcom, numbers for drama
    { "441134960", 12 }, { "441144960", 12 }, { "441154960", 12 }, { "441164960", 12 },
    { "441174960", 12 }, { "441184960", 12 }, { "441214960", 12 }, { "441314960", 12 },
    { "441414960", 12 }, { "441514960", 12 }, { "441614960", 12 }, { "442079460", 12 },
    { "441914980", 12 }, { "442896496", 12 }, { "442920180", 12 }, { "441632960", 12 },
    { "447700900", 12 }, { "448081570", 12 }, { "449098790", 12 }, { "443069990", 12 },
};

bool in_published_fictional(const std::string &e164) {
    // NANPA: 555-0100..0199 in any area code
    if (e164.size() == 11 && e164[0] == '1' && e164.compare(4, 5, "55501") == 0)
        return true;
    for (const fictional &f : published)
        if (e164.size() == f.length && e164.compare(0, std::strlen(f.prefix), f.prefix) == 0)
            return true;
    return false;
}

int failures = 0;

void check(smsrep_db *db, const std::string &region, const std::string &e164, long *checked) {
    if (in_published_fictional(e164))
        return;
    std::string sender = "+" + e164;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    q.sender = sender.c_str();
    q.sender_len = sender.size();
    std::snprintf(q.region, sizeof q.region, "%s", region.c_str());
    int status = smsrep_check(db, &q, &v);
    ++*checked;
    if (status != SMSREP_OK || v.class_ == SMSREP_CLASS_SPOOFED) {
        if (++failures <= 20) {
            std::printf("FAIL %s +%s: %s", region.c_str(), e164.c_str(),
                        status != SMSREP_OK ? smsrep_status_name(status) : "spoofed by");
            for (unsigned r = 0; r < 64; r++)
                if (v.reasons & SMSREP_REASON_BIT(r))
                    std::printf(" %s", smsrep_reason_name(r));
            std::printf(" (source %s)\n", v.source);
        }
    }
}

}  // namespace

int main() {
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    static const PhoneNumberUtil::PhoneNumberType types[] = {
        PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE,   PhoneNumberUtil::TOLL_FREE,
        PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
        PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
        PhoneNumberUtil::VOICEMAIL,
    };
    std::set<std::string> regions, regions_checked;
    smsrep_db *db = nullptr;
    char err[SMSREP_ERRBUF_SIZE];
    long checked = 0;

    if (smsrep_open(&db, nullptr, nullptr, err, sizeof err) != SMSREP_OK) {
        std::printf("cannot open the embedded database: %s\n", err);
        return 1;
    }
    u.GetSupportedRegions(&regions);
    for (const std::string &region : regions) {
        for (PhoneNumberUtil::PhoneNumberType type : types) {
            PhoneNumber example;
            if (!u.GetExampleNumberForType(region, type, &example))
                continue;
            // the example and numbers near it: the last digits stepped
            for (long step = -50; step <= 50; step += 5) {
                PhoneNumber near = example;
                long long nsn = static_cast<long long>(example.national_number()) + step;
                if (nsn <= 0)
                    continue;
                near.set_national_number(static_cast<unsigned long long>(nsn));
                if (u.GetNumberType(near) == PhoneNumberUtil::UNKNOWN)
                    continue; // only numbers libphonenumber calls valid
                std::string e164;
                u.Format(near, PhoneNumberUtil::E164, &e164);
                long before = checked;
                check(db, region, e164.substr(1), &checked);
                if (checked > before)
                    regions_checked.insert(region);
            }
        }
    }
    // The neighbours of each published fictional range, just outside it:
    // what a database row broader than its regulator's range would spoof.
    long before_edges = checked;
    for (const fictional &f : published) {
        std::string prefix(f.prefix);
        for (int delta : { -1, +1 }) {
            std::string next = prefix;
            char &last = next[next.size() - 1];
            if ((delta < 0 && last == '0') || (delta > 0 && last == '9'))
                continue;
            last = static_cast<char>(last + delta);
            for (const char *tail : { "000000", "123456", "999999", "500500" }) {
                std::string e164 = next + std::string(tail).substr(0, f.length - next.size());
                PhoneNumber pn;
                if (u.Parse("+" + e164, "ZZ", &pn) != PhoneNumberUtil::NO_PARSING_ERROR ||
                    u.GetNumberType(pn) == PhoneNumberUtil::UNKNOWN)
                    continue;
                check(db, "GB", e164, &checked);
            }
        }
    }
    // NANP: 555 lines just outside 0100-0199, in the area codes of the examples
    for (const char *npa : { "201", "212", "310", "415", "604", "876" }) {
        for (const char *line : { "0099", "0200", "0299", "1212", "5555" }) {
            std::string e164 = std::string("1") + npa + "555" + line;
            PhoneNumber pn;
            if (u.Parse("+" + e164, "ZZ", &pn) != PhoneNumberUtil::NO_PARSING_ERROR ||
                u.GetNumberType(pn) == PhoneNumberUtil::UNKNOWN)
                continue;
            std::string where;
            u.GetRegionCodeForNumber(pn, &where);
            check(db, where, e164, &checked);
        }
    }
    smsrep_close(db);
    std::printf("%ld more just outside published fictional ranges\n", checked - before_edges);
    std::printf("%ld valid numbers from %zu regions checked; %d spoofed\n", checked,
                regions_checked.size(), failures);
    if (regions_checked.size() < 30 || checked < 1000) {
        std::printf("FAIL: too few numbers or regions to guard anything\n");
        return 1;
    }
    return failures == 0 ? 0 : 1;
}
