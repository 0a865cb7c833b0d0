// SPDX-License-Identifier: Apache-2.0
// test_plan_diff.cc: the differential test of the compiled numbering plan.
// Inputs from fixed seeds (every region's example number of every type with
// random tails, one digit more and fewer, calling codes with random digits,
// random digit strings, the golden table's international senders) go through
// the plan (plan_dfa.c) and through libphonenumber alone; wherever the plan
// decides, every field of the reading must be the same: validity, E.164,
// region, type and the reading that short-number facts are computed from.
//   test_plan_diff [--inputs N] [--seed S] [--golden senders.tsv]
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include "phone.h"
#include "plan_dfa.h"
#include "smsrep.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

struct Rng {
    uint64_t s;
    uint64_t next()
    {
        uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    char digit() { return static_cast<char>('0' + below(10)); }
};

// libphonenumber's example numbers of every region and type, as E.164 digits.
std::vector<std::string> examples()
{
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    const PhoneNumberUtil::PhoneNumberType types[] = {
        PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
        PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
        PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
        PhoneNumberUtil::VOICEMAIL};
    std::vector<std::string> out;
    std::set<std::string> regions;
    u.GetSupportedRegions(&regions);
    auto add = [&](const PhoneNumber &pn) {
        std::string e;
        u.Format(pn, PhoneNumberUtil::E164, &e);
        out.push_back(e.substr(1));
    };
    for (const std::string &r : regions)
        for (auto t : types) {
            PhoneNumber pn;
            if (u.GetExampleNumberForType(r, t, &pn))
                add(pn);
        }
    std::set<int> codes;
    u.GetSupportedGlobalNetworkCallingCodes(&codes);
    for (int cc : codes) {
        PhoneNumber pn;
        if (u.GetExampleNumberForNonGeoEntity(cc, &pn))
            add(pn);
    }
    return out;
}

// The international senders of the golden table ("+" and digits, spaces).
std::vector<std::string> golden(const char *path)
{
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] != '+')
            continue;
        std::string d;
        for (char c : line.substr(0, line.find('\t')))
            if (c >= '0' && c <= '9')
                d += c;
        out.push_back(d);
    }
    return out;
}

std::vector<std::string> g_codes; // every calling code, as digits

std::string make(Rng &rng, const std::vector<std::string> &ex, const std::vector<std::string> &gold)
{
    std::string s;
    switch (rng.below(8)) {
    case 0: case 1: case 2: { // an example with a random tail
        s = ex[rng.below(ex.size())];
        size_t k = 1 + rng.below(std::min<size_t>(7, s.size() - 1));
        for (size_t i = s.size() - k; i < s.size(); i++)
            s[i] = rng.digit();
        break;
    }
    case 3: // one digit more
        s = ex[rng.below(ex.size())];
        s.insert(rng.below(s.size() + 1), 1, rng.digit());
        break;
    case 4: // one digit fewer
        s = ex[rng.below(ex.size())];
        s.erase(rng.below(s.size()), 1);
        break;
    case 5: case 6: { // a calling code and random digits
        s = g_codes[rng.below(g_codes.size())];
        size_t n = 1 + rng.below(15);
        for (size_t i = 0; i < n; i++)
            s += rng.digit();
        break;
    }
    default:
        if (!gold.empty() && rng.below(8) == 0) {
            s = gold[rng.below(gold.size())];
        } else { // random digits
            size_t n = 1 + rng.below(17);
            for (size_t i = 0; i < n; i++)
                s += rng.digit();
        }
    }
    return s;
}

bool same(const phone_number &a, const phone_number &b)
{
    return a.parse_error == b.parse_error && a.valid == b.valid &&
           a.calling_code == b.calling_code && a.type == b.type &&
           std::strcmp(a.e164, b.e164) == 0 && std::strcmp(a.region, b.region) == 0 &&
           a.read == b.read && a.read_cc == b.read_cc && a.read_national == b.read_national &&
           a.read_italian_zero == b.read_italian_zero && a.read_zeros == b.read_zeros;
}

void show(const char *who, const phone_number &p)
{
    std::fprintf(stderr,
                 "  %-15s error %d valid %d cc %u type %u e164 %s region %s read %d/%u/%" PRIu64
                 "/%d/%d\n",
                 who, p.parse_error, p.valid, p.calling_code, p.type, p.e164, p.region, p.read,
                 p.read_cc, p.read_national, p.read_italian_zero, p.read_zeros);
}

} // namespace

int main(int argc, char **argv)
{
    uint64_t inputs = 200000, seed = 14;
    const char *gold_path = nullptr;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--inputs") == 0)
            inputs = std::strtoull(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--seed") == 0)
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (std::strcmp(argv[i], "--golden") == 0)
            gold_path = argv[i + 1];
    }
    if (smsrep__phone_init() != SMSREP_OK || !smsrep__phone_plan_active()) {
        std::fprintf(stderr, "the compiled plan is not active: its metadata differs\n");
        return 1;
    }
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    std::set<int> ccs;
    u.GetSupportedCallingCodes(&ccs);
    for (int cc : ccs)
        g_codes.push_back(std::to_string(cc));
    std::vector<std::string> ex = examples(), gold;
    if (gold_path != nullptr)
        gold = golden(gold_path);
    if (ex.size() < 1000 || (gold_path != nullptr && gold.empty())) {
        std::fprintf(stderr, "too few inputs: %zu examples, %zu golden\n", ex.size(), gold.size());
        return 1;
    }

    Rng rng{seed};
    uint64_t decided = 0, valid = 0, wrong = 0;
    for (uint64_t n = 0; n < inputs; n++) {
        std::string s = make(rng, ex, gold);
        phone_number plan, lpn;
        if (!smsrep__plan_international(s.c_str(), &plan))
            continue;
        decided++;
        if (smsrep__phone_parse_lpn(s.c_str(), 1, "ZZ", &lpn) != SMSREP_OK) {
            std::fprintf(stderr, "libphonenumber failed on +%s\n", s.c_str());
            return 1;
        }
        valid += lpn.valid ? 1 : 0;
        if (!same(plan, lpn)) {
            std::fprintf(stderr, "disagreement on +%s\n", s.c_str());
            show("plan", plan);
            show("libphonenumber", lpn);
            if (++wrong >= 20)
                break;
        }
    }
    std::printf("%" PRIu64 " inputs from seed %" PRIu64 ": %" PRIu64 " decided by the plan (%" PRIu64
                " valid), %" PRIu64 " left to libphonenumber, %" PRIu64 " disagreements\n",
                inputs, seed, decided, valid, inputs - decided, wrong);
    // The plan must decide most inputs, valid ones among them, or the test
    // would compare nothing.
    if (decided * 10 < inputs * 6 || valid * 10 < decided)
        return 1;
    return wrong == 0 ? 0 : 1;
}
