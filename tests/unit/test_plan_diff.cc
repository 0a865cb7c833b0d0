// SPDX-License-Identifier: Apache-2.0
// test_plan_diff.cc: the differential test of the compiled numbering plan.
// Inputs from fixed seeds (every region's example number of every type with
// random tails, one digit more and fewer, calling codes with random digits,
// random digit strings, the golden table's senders), international and
// national (with and without the national prefix, after an international
// prefix, after their own calling code without "+", dialled in their own
// region or another) go through the plan
// (plan_dfa.c) and through libphonenumber alone; wherever the plan decides,
// every field of the reading must be the same: validity, E.164, region,
// type and the reading that short-number facts are computed from; and the
// short-number facts themselves (valid, SMS service, cost) of each reading
// dialled in a region, and of short numbers (every region's examples per
// cost, with random tails, and random short digits). The build
// without libphonenumber (phone_none.c with the plan, plan_none_shim.c) must
// read every number the plan decides as libphonenumber does too, and ask for
// E.164 for the national numbers it leaves open.
//   test_plan_diff [--inputs N] [--seed S] [--golden senders.tsv]
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

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
using i18n::phonenumbers::ShortNumberInfo;

// phone_none.c, renamed by plan_none_shim.c.
extern "C" int none__phone_parse(const char *digits, int international, const char *region,
                                 phone_number *out);
extern "C" int none__phone_short(const char *digits, const char *region, phone_short *out);

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

struct Example {
    std::string e164, nsn, ndd, region;
};

// libphonenumber's example numbers of every region and type.
std::vector<Example> examples(std::vector<std::string> &regions)
{
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    const PhoneNumberUtil::PhoneNumberType types[] = {
        PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
        PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
        PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::PAGER, PhoneNumberUtil::UAN,
        PhoneNumberUtil::VOICEMAIL};
    std::vector<Example> out;
    std::set<std::string> supported;
    u.GetSupportedRegions(&supported);
    auto add = [&](const PhoneNumber &pn, const std::string &region) {
        Example e;
        u.Format(pn, PhoneNumberUtil::E164, &e.e164);
        e.e164.erase(0, 1);
        u.GetNationalSignificantNumber(pn, &e.nsn);
        u.GetNddPrefixForRegion(region, true, &e.ndd);
        e.region = region;
        out.push_back(e);
    };
    for (const std::string &r : supported) {
        regions.push_back(r);
        for (auto t : types) {
            PhoneNumber pn;
            if (u.GetExampleNumberForType(r, t, &pn))
                add(pn, r);
        }
    }
    std::set<int> codes;
    u.GetSupportedGlobalNetworkCallingCodes(&codes);
    for (int cc : codes) {
        PhoneNumber pn;
        if (u.GetExampleNumberForNonGeoEntity(cc, &pn))
            add(pn, "001");
    }
    return out;
}

// The golden table's senders as digits, with "+" kept and their region.
std::vector<std::pair<std::string, std::string>> golden(const char *path)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.compare(0, 6, "input\t") == 0)
            continue;
        size_t tab = line.find('\t');
        if (tab == std::string::npos)
            continue;
        std::string d, region = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
        for (char c : line.substr(0, tab))
            if ((c >= '0' && c <= '9') || (c == '+' && d.empty()))
                d += c;
        if (d.size() > 1 && (d[0] == '+' || region.size() == 2))
            out.emplace_back(d, region);
    }
    return out;
}

// ShortNumberInfo's example short numbers of every region, per cost.
std::vector<std::pair<std::string, std::string>> short_examples(const std::vector<std::string> &regions)
{
    ShortNumberInfo info;
    std::vector<std::pair<std::string, std::string>> out;
    const ShortNumberInfo::ShortNumberCost costs[] = {
        ShortNumberInfo::TOLL_FREE, ShortNumberInfo::STANDARD_RATE, ShortNumberInfo::PREMIUM_RATE,
        ShortNumberInfo::UNKNOWN_COST};
    for (const std::string &r : regions) {
        std::string e = info.GetExampleShortNumber(r);
        if (!e.empty())
            out.emplace_back(e, r);
        for (auto c : costs) {
            e = info.GetExampleShortNumberForCost(r, c);
            if (!e.empty())
                out.emplace_back(e, r);
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> g_shorts; // (digits, region)
std::vector<std::string> g_codes;   // every calling code, as digits
std::vector<std::string> g_regions; // every region
const char *const kIdd[] = {"00", "011", "010", "001", "0011", "810", "8", "000", "119", "99"};

void mutate(Rng &rng, std::string &s)
{
    switch (rng.below(4)) {
    case 0: case 1: { // a random tail
        size_t k = 1 + rng.below(std::min<size_t>(7, s.size() > 1 ? s.size() - 1 : 1));
        for (size_t i = s.size() > k ? s.size() - k : 0; i < s.size(); i++)
            s[i] = rng.digit();
        break;
    }
    case 2: // one digit more
        s.insert(rng.below(s.size() + 1), 1, rng.digit());
        break;
    default: // one digit fewer
        if (s.size() > 1)
            s.erase(rng.below(s.size()), 1);
    }
}

// One input: its digits, whether they are international, and the region
// they are dialled in.
struct Input {
    std::string digits;
    bool intl;
    std::string region;
};

Input make(Rng &rng, const std::vector<Example> &ex,
           const std::vector<std::pair<std::string, std::string>> &gold)
{
    Input in{"", true, "ZZ"};
    const Example &e = ex[rng.below(ex.size())];
    const std::string &other = g_regions[rng.below(g_regions.size())];
    switch (rng.below(15)) {
    case 14: // its region's own calling code without "+", then perhaps the
             // national prefix, dialled in its region
        in.digits = e.e164.substr(0, e.e164.size() - e.nsn.size()) +
                    (rng.below(2) ? e.ndd : std::string()) + e.nsn;
        if (rng.below(2))
            mutate(rng, in.digits);
        in.intl = false;
        in.region = e.region != "001" ? e.region : other;
        break;
    case 12: { // a short number, dialled in its region or another
        const auto &sh = g_shorts[rng.below(g_shorts.size())];
        in.digits = sh.first;
        if (rng.below(2))
            mutate(rng, in.digits);
        in.intl = false;
        in.region = rng.below(4) != 0 ? sh.second : other;
        break;
    }
    case 13: { // random short digits
        size_t n = 2 + rng.below(7);
        for (size_t i = 0; i < n; i++)
            in.digits += rng.digit();
        in.intl = false;
        in.region = other;
        break;
    }
    case 0: case 1: case 2: // international, now and then with the national
                            // prefix after the code ("+44 (0)20...")
        in.digits = e.e164;
        if (rng.below(4) == 0)
            in.digits.insert(e.e164.size() - e.nsn.size(), e.ndd);
        mutate(rng, in.digits);
        break;
    case 3: case 4: // national, in its region or another
        in.digits = e.nsn;
        mutate(rng, in.digits);
        in.intl = false;
        in.region = e.region != "001" && rng.below(4) != 0 ? e.region : other;
        break;
    case 5: case 6: // with the national prefix
        in.digits = e.ndd + e.nsn;
        mutate(rng, in.digits);
        in.intl = false;
        in.region = e.region != "001" && rng.below(4) != 0 ? e.region : other;
        break;
    case 7: // after an international prefix
        in.digits = std::string(kIdd[rng.below(sizeof kIdd / sizeof kIdd[0])]) + e.e164;
        if (rng.below(2))
            mutate(rng, in.digits);
        in.intl = false;
        in.region = other;
        break;
    case 8: { // a calling code and random digits
        in.digits = g_codes[rng.below(g_codes.size())];
        size_t n = 1 + rng.below(15);
        for (size_t i = 0; i < n; i++)
            in.digits += rng.digit();
        if (rng.below(2)) {
            in.intl = false;
            in.region = other;
        }
        break;
    }
    default:
        if (!gold.empty() && rng.below(4) == 0) {
            const auto &g = gold[rng.below(gold.size())];
            in.intl = g.first[0] == '+';
            in.digits = in.intl ? g.first.substr(1) : g.first;
            in.region = in.intl ? "ZZ" : g.second;
        } else { // random digits
            size_t n = 1 + rng.below(17);
            for (size_t i = 0; i < n; i++)
                in.digits += rng.digit();
            if (rng.below(2)) {
                in.intl = false;
                in.region = other;
            }
        }
    }
    return in;
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
    std::vector<Example> ex = examples(g_regions);
    g_shorts = short_examples(g_regions);
    std::vector<std::pair<std::string, std::string>> gold;
    if (gold_path != nullptr)
        gold = golden(gold_path);
    if (ex.size() < 1000 || g_shorts.size() < 500 || (gold_path != nullptr && gold.size() < 20)) {
        std::fprintf(stderr, "too few inputs: %zu examples, %zu golden\n", ex.size(), gold.size());
        return 1;
    }

    // Calling codes of regions: every two letters, and a few others.
    for (int a = 0; a < 26 * 26 + 4; a++) {
        std::string r = a < 26 * 26 ? std::string{static_cast<char>('A' + a / 26),
                                                   static_cast<char>('A' + a % 26)}
                                    : std::string(a == 676 ? "001" : a == 677 ? "us" : a == 678 ? "" : "USA");
        int want = u.GetCountryCodeForRegion(r);
        if (static_cast<uint32_t>(want > 0 ? want : 0) != smsrep__phone_region_calling_code(r.c_str())) {
            std::fprintf(stderr, "the calling code of region \"%s\" differs\n", r.c_str());
            return 1;
        }
    }

    Rng rng{seed};
    uint64_t decided = 0, valid = 0, wrong = 0, national = 0, national_decided = 0;
    uint64_t shorts = 0, shorts_decided = 0, short_valid = 0;
    for (uint64_t n = 0; n < inputs; n++) {
        Input in = make(rng, ex, gold);
        phone_number plan, lpn;
        national += in.intl ? 0 : 1;
        if (!(in.intl ? smsrep__plan_international(in.digits.c_str(), &plan)
                      : smsrep__plan_national(in.digits.c_str(), in.region.c_str(), &plan))) {
            // Left open: without libphonenumber a long national number asks
            // for E.164 (short ones may be short codes).
            phone_number none;
            if (!in.intl && in.digits.size() > 6 &&
                none__phone_parse(in.digits.c_str(), 0, in.region.c_str(), &none) !=
                    SMSREP_E_NEED_E164) {
                std::fprintf(stderr, "the build without libphonenumber reads %s in %s\n",
                             in.digits.c_str(), in.region.c_str());
                if (++wrong >= 20)
                    break;
            }
            continue;
        }
        decided++;
        national_decided += in.intl ? 0 : 1;
        if (smsrep__phone_parse_lpn(in.digits.c_str(), in.intl ? 1 : 0, in.region.c_str(), &lpn) !=
            SMSREP_OK) {
            std::fprintf(stderr, "libphonenumber failed on %s\n", in.digits.c_str());
            return 1;
        }
        valid += lpn.valid ? 1 : 0;
        phone_number none;
        if (none__phone_parse(in.digits.c_str(), in.intl ? 1 : 0, in.region.c_str(), &none) !=
                SMSREP_OK ||
            !same(none, lpn)) {
            std::fprintf(stderr, "the build without libphonenumber differs on %s%s in %s\n",
                         in.intl ? "+" : "", in.digits.c_str(), in.region.c_str());
            show("none", none);
            show("libphonenumber", lpn);
            if (++wrong >= 20)
                break;
        }
        // Short-number facts of the reading, dialled in the input's region
        // (or, international, in a region of its own or another code).
        const std::string &dial = in.intl ? (rng.below(2) && std::strlen(lpn.region) == 2
                                                 ? std::string(lpn.region)
                                                 : g_regions[rng.below(g_regions.size())])
                                          : in.region;
        phone_short ps, ls;
        shorts++;
        if (smsrep__plan_short_of(&plan, dial.c_str(), &ps)) {
            shorts_decided++;
            if (smsrep__phone_short_of_lpn(&lpn, dial.c_str(), &ls) != SMSREP_OK ||
                std::memcmp(&ps, &ls, sizeof ps) != 0) {
                std::fprintf(stderr,
                             "short-number facts differ on %s%s in %s dialled in %s: valid %d/%d "
                             "sms %d/%d cost %u/%u\n",
                             in.intl ? "+" : "", in.digits.c_str(), in.region.c_str(), dial.c_str(),
                             ps.valid, ls.valid, ps.sms_service, ls.sms_service, ps.cost, ls.cost);
                if (++wrong >= 20)
                    break;
            }
            short_valid += ls.valid ? 1 : 0;
        }
        if (!in.intl) {
            // smsrep__phone_short(): the digits read and judged at once,
            // here and in the build without libphonenumber.
            phone_short ns;
            if (smsrep__phone_short_lpn(in.digits.c_str(), in.region.c_str(), &ls) != SMSREP_OK ||
                smsrep__phone_short(in.digits.c_str(), in.region.c_str(), &ps) != SMSREP_OK ||
                none__phone_short(in.digits.c_str(), in.region.c_str(), &ns) != SMSREP_OK ||
                std::memcmp(&ps, &ls, sizeof ps) != 0 || std::memcmp(&ns, &ls, sizeof ns) != 0) {
                std::fprintf(stderr, "short numbers differ on %s in %s\n", in.digits.c_str(),
                             in.region.c_str());
                if (++wrong >= 20)
                    break;
            }
        }
        if (!same(plan, lpn)) {
            std::fprintf(stderr, "disagreement on %s%s in %s\n", in.intl ? "+" : "",
                         in.digits.c_str(), in.region.c_str());
            show("plan", plan);
            show("libphonenumber", lpn);
            if (++wrong >= 20)
                break;
        }
    }
    std::printf("%" PRIu64 " inputs from seed %" PRIu64 ": %" PRIu64 " decided by the plan (%" PRIu64
                " valid; %" PRIu64 " of %" PRIu64 " national), %" PRIu64
                " left to libphonenumber, %" PRIu64 " disagreements\n",
                inputs, seed, decided, valid, national_decided, national, inputs - decided, wrong);
    std::printf("short-number facts: %" PRIu64 " of %" PRIu64 " readings decided by the plan, %" PRIu64
                " of them valid short numbers\n", shorts_decided, shorts, short_valid);
    // The plan must decide most inputs, valid ones among them, or the test
    // would compare nothing.
    if (decided * 10 < inputs * 6 || valid * 10 < decided || national_decided * 2 < national ||
        shorts_decided * 10 < shorts * 9 || short_valid * 100 < shorts_decided)
        return 1;
    return wrong == 0 ? 0 : 1;
}
