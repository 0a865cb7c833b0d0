// SPDX-License-Identifier: Apache-2.0
// plan_build.cc: compiles the linked libphonenumber's metadata into the C
// tables of plan_tables.h: per calling code one minimised automaton over the
// national significant number whose final state and length give region and
// type exactly as GetRegionCodeForNumber + GetNumberType, and one automaton
// telling when national_prefix_for_parsing could strip something.
#include <phonenumbers/phonemetadata.pb.h>

#include "plan_tables.h"
#include "smsrep.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "plan_metadata.h"

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;

namespace {

constexpr int kMaxNsn = 17;    // libphonenumber's kMaxLengthForNsn
constexpr int kLengths = kMaxNsn + 1;
// The automata read digits 0-9 and, in prefix patterns, symbol 10: the end
// of the input, which "$" matches.
constexpr int kSymbols = 11;
constexpr uint16_t kEnd = 1u << 10;
using Next = std::array<int, kSymbols>;

// ------------------------------------------------------------------ patterns
// The number patterns use digits, \d, [..], (?:..), (..), |, ?, *, + and
// {n,m}; anything else throws, and the calling code is left to libphonenumber.
struct Node {
    enum Kind { SET, CAT, ALT, REP } kind;
    uint16_t set = 0;          // SET: digits 0-9 as bits
    int min = 0, max = 0;      // REP: max < 0 is unbounded
    std::vector<std::unique_ptr<Node>> kids;
};

struct Unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Parser {
public:
    Parser(const std::string &p, bool allow_end) : s_(p), allow_end_(allow_end) {}
    std::unique_ptr<Node> parse()
    {
        auto n = alt();
        if (i_ != s_.size())
            fail("trailing");
        return n;
    }

private:
    [[noreturn]] void fail(const char *why)
    {
        throw Unsupported(std::string(why) + " at " + std::to_string(i_) + " in " + s_);
    }
    bool eat(char c)
    {
        if (i_ < s_.size() && s_[i_] == c) {
            i_++;
            return true;
        }
        return false;
    }
    std::unique_ptr<Node> alt()
    {
        auto first = cat();
        if (i_ >= s_.size() || s_[i_] != '|')
            return first;
        auto n = std::make_unique<Node>();
        n->kind = Node::ALT;
        n->kids.push_back(std::move(first));
        while (eat('|'))
            n->kids.push_back(cat());
        return n;
    }
    std::unique_ptr<Node> cat()
    {
        auto n = std::make_unique<Node>();
        n->kind = Node::CAT;
        while (i_ < s_.size() && s_[i_] != '|' && s_[i_] != ')')
            n->kids.push_back(rep());
        return n;
    }
    int number()
    {
        if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9')
            fail("count");
        int v = 0;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' && v < 1000)
            v = v * 10 + (s_[i_++] - '0');
        return v;
    }
    std::unique_ptr<Node> rep()
    {
        auto n = atom();
        for (;;) {
            int lo, hi;
            if (eat('?')) {
                lo = 0, hi = 1;
            } else if (eat('*')) {
                lo = 0, hi = -1;
            } else if (eat('+')) {
                lo = 1, hi = -1;
            } else if (eat('{')) {
                lo = hi = number();
                if (eat(',')) {
                    hi = (i_ < s_.size() && s_[i_] == '}') ? -1 : number();
                }
                if (!eat('}') || (hi >= 0 && hi < lo) || lo > 64 || hi > 64)
                    fail("bound");
            } else {
                return n;
            }
            // A lazy quantifier matches the same strings when the whole
            // match is asked for; a possessive one may not.
            eat('?');
            if (i_ < s_.size() && s_[i_] == '+')
                fail("possessive");
            auto r = std::make_unique<Node>();
            r->kind = Node::REP;
            r->min = lo;
            r->max = hi;
            r->kids.push_back(std::move(n));
            n = std::move(r);
        }
    }
    std::unique_ptr<Node> atom()
    {
        auto n = std::make_unique<Node>();
        n->kind = Node::SET;
        char c = s_[i_++];
        if (c >= '0' && c <= '9') {
            n->set = static_cast<uint16_t>(1u << (c - '0'));
        } else if (c == '\\') {
            if (!eat('d'))
                fail("escape");
            n->set = 0x3ff;
        } else if (c == '[') {
            if (i_ < s_.size() && s_[i_] == '^')
                fail("negated class");
            while (!eat(']')) {
                if (i_ >= s_.size())
                    fail("open class");
                char a = s_[i_++];
                if (a == '\\' && eat('d')) {
                    n->set |= 0x3ff;
                    continue;
                }
                if (a < '0' || a > '9')
                    fail("class member");
                char b = a;
                if (i_ + 1 < s_.size() && s_[i_] == '-' && s_[i_ + 1] != ']') {
                    b = s_[i_ + 1];
                    i_ += 2;
                    if (b < a || b > '9')
                        fail("class range");
                }
                for (char d = a; d <= b; d++)
                    n->set |= static_cast<uint16_t>(1u << (d - '0'));
            }
        } else if (c == '$' && allow_end_) {
            n->set = kEnd;
        } else if (c == '(') {
            if (eat('?') && !eat(':'))
                fail("group kind");
            n = alt();
            if (!eat(')'))
                fail("open group");
        } else {
            i_--;
            fail("character");
        }
        return n;
    }

    const std::string &s_;
    bool allow_end_;
    size_t i_ = 0;
};

// ------------------------------------------------------------------ automata
struct Nfa {
    struct State {
        std::vector<int> eps;
        std::vector<std::pair<uint16_t, int>> on; // digit set -> state
        int tag = -1;                               // accepting with this tag
    };
    std::vector<State> st;
    int add()
    {
        st.emplace_back();
        return static_cast<int>(st.size()) - 1;
    }
    // Returns (start, end) of a fragment for n.
    std::pair<int, int> build(const Node &n)
    {
        int s = add(), e;
        switch (n.kind) {
        case Node::SET:
            e = add();
            st[s].on.emplace_back(n.set, e);
            return {s, e};
        case Node::CAT:
            e = s;
            for (auto &k : n.kids) {
                auto f = build(*k);
                st[e].eps.push_back(f.first);
                e = f.second;
            }
            return {s, e};
        case Node::ALT:
            e = add();
            for (auto &k : n.kids) {
                auto f = build(*k);
                st[s].eps.push_back(f.first);
                st[f.second].eps.push_back(e);
            }
            return {s, e};
        case Node::REP: {
            e = s;
            for (int i = 0; i < n.min; i++) {
                auto f = build(*n.kids[0]);
                st[e].eps.push_back(f.first);
                e = f.second;
            }
            if (n.max < 0) {
                auto f = build(*n.kids[0]);
                int out = add();
                st[e].eps.push_back(f.first);
                st[e].eps.push_back(out);
                st[f.second].eps.push_back(f.first);
                st[f.second].eps.push_back(out);
                return {s, out};
            }
            int out = add();
            for (int i = n.min; i < n.max; i++) {
                auto f = build(*n.kids[0]);
                st[e].eps.push_back(f.first);
                st[e].eps.push_back(out);
                e = f.second;
            }
            st[e].eps.push_back(out);
            return {s, out};
        }
        }
        throw std::logic_error("node kind");
    }
    // Adds pattern as a whole-string language ending in an accepting state
    // with tag; with prefix, any digits may follow (RegExp::Consume).
    void add_pattern(int start, const std::string &pattern, int tag, bool prefix,
                     bool allow_end = false)
    {
        auto tree = Parser(pattern, allow_end).parse();
        auto f = build(*tree);
        st[start].eps.push_back(f.first);
        int end = f.second;
        if (prefix) {
            int loop = add();
            st[end].eps.push_back(loop);
            st[loop].on.emplace_back(0x3ff, loop);
            end = loop;
        }
        int acc = add();
        st[end].eps.push_back(acc);
        st[acc].tag = tag;
    }
};

struct Dfa {
    std::vector<Next> next; // -1: no state
    std::vector<std::vector<int>> tags;    // sorted tags accepted in each state
};

void closure(const Nfa &n, std::vector<int> &set)
{
    std::vector<char> seen(n.st.size(), 0);
    std::vector<int> stack(set);
    for (int s : set)
        seen[s] = 1;
    while (!stack.empty()) {
        int s = stack.back();
        stack.pop_back();
        for (int t : n.st[s].eps)
            if (!seen[t]) {
                seen[t] = 1;
                set.push_back(t);
                stack.push_back(t);
            }
    }
    std::sort(set.begin(), set.end());
}

Dfa determinise(const Nfa &n, int start)
{
    Dfa d;
    std::map<std::vector<int>, int> ids;
    std::vector<std::vector<int>> sets;
    std::vector<int> first{start};
    closure(n, first);
    ids[first] = 0;
    sets.push_back(first);
    for (size_t i = 0; i < sets.size(); i++) {
        Next row;
        std::vector<int> tags;
        for (int s : sets[i])
            if (n.st[s].tag >= 0)
                tags.push_back(n.st[s].tag);
        std::sort(tags.begin(), tags.end());
        tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
        for (int dgt = 0; dgt < kSymbols; dgt++) {
            std::vector<int> to;
            for (int s : sets[i])
                for (auto &e : n.st[s].on)
                    if (e.first & (1u << dgt))
                        to.push_back(e.second);
            if (to.empty()) {
                row[dgt] = -1;
                continue;
            }
            std::sort(to.begin(), to.end());
            to.erase(std::unique(to.begin(), to.end()), to.end());
            closure(n, to);
            auto it = ids.find(to);
            if (it == ids.end()) {
                it = ids.emplace(to, static_cast<int>(sets.size())).first;
                sets.push_back(to);
            }
            row[dgt] = it->second;
        }
        d.next.push_back(row);
        d.tags.push_back(tags);
    }
    return d;
}

// Moore's refinement: states with the same label and successors' classes
// merge. Returns the class of each state; class 0 holds state 0 (the start).
std::vector<int> minimise(const Dfa &d, const std::vector<int> &label, int &classes)
{
    size_t n = d.next.size();
    std::vector<int> cls(n);
    {
        std::map<int, int> m;
        m[label[0]] = 0;
        for (size_t i = 0; i < n; i++)
            cls[i] = m.emplace(label[i], static_cast<int>(m.size())).first->second;
    }
    for (;;) {
        std::map<std::vector<int>, int> m;
        std::vector<int> nc(n);
        for (size_t i = 0; i < n; i++) {
            std::vector<int> key{cls[i]};
            for (int t : d.next[i])
                key.push_back(t < 0 ? -1 : cls[t]);
            if (i == 0)
                m[key] = 0;
            nc[i] = m.emplace(key, static_cast<int>(m.size())).first->second;
        }
        bool same = m.size() == static_cast<size_t>(*std::max_element(cls.begin(), cls.end()) + 1);
        cls.swap(nc);
        if (same) {
            classes = static_cast<int>(m.size());
            return cls;
        }
    }
}

// The minimal automaton of d whose states keep their labels: its
// transitions and each state's label (the row of verdicts it stands for).
void minimised(const Dfa &d, const std::vector<int> &label, std::vector<Next> &next,
               std::vector<int> &row)
{
    int classes = 0;
    std::vector<int> cls = minimise(d, label, classes);
    next.assign(static_cast<size_t>(classes), {});
    row.assign(static_cast<size_t>(classes), 0);
    for (size_t i = 0; i < d.next.size(); i++) {
        auto &out = next[static_cast<size_t>(cls[i])];
        for (size_t sym = 0; sym < kSymbols; sym++)
            out[sym] = d.next[i][sym] < 0 ? -1 : cls[static_cast<size_t>(d.next[i][sym])];
        row[static_cast<size_t>(cls[i])] = label[i];
    }
}

// ------------------------------------------------------------------ metadata
// The descs GetNumberTypeHelper tries, in its order after general_desc.
enum Slot { GENERAL, PREMIUM, TOLL_FREE, SHARED, VOIP, PERSONAL, PAGER, UAN, VOICEMAIL,
            FIXED, MOBILE, LEADING, SLOTS };
const uint32_t kSlotType[] = {0, SMSREP_TYPE_PREMIUM_RATE, SMSREP_TYPE_TOLL_FREE,
                              SMSREP_TYPE_SHARED_COST, SMSREP_TYPE_VOIP,
                              SMSREP_TYPE_PERSONAL_NUMBER, SMSREP_TYPE_PAGER, SMSREP_TYPE_UAN,
                              SMSREP_TYPE_VOICEMAIL};

const PhoneNumberDesc &desc(const PhoneMetadata &m, int slot)
{
    switch (slot) {
    case GENERAL: return m.general_desc();
    case PREMIUM: return m.premium_rate();
    case TOLL_FREE: return m.toll_free();
    case SHARED: return m.shared_cost();
    case VOIP: return m.voip();
    case PERSONAL: return m.personal_number();
    case PAGER: return m.pager();
    case UAN: return m.uan();
    case VOICEMAIL: return m.voicemail();
    case FIXED: return m.fixed_line();
    default: return m.mobile();
    }
}

// IsNumberMatchingDesc's length test, as a mask over lengths 0..17.
uint32_t length_mask(const PhoneNumberDesc &d)
{
    if (d.possible_length_size() == 0)
        return (1u << kLengths) - 1;
    uint32_t m = 0;
    for (int l : d.possible_length())
        if (l >= 0 && l < kLengths)
            m |= 1u << l;
    return m;
}

// A prefix automaton (RegExp::Consume of national_prefix_for_parsing or
// international_prefix): its start in the shared table, or why it is missing.
struct Prefix {
    std::vector<Next> next;
    std::vector<int> accept;
    bool bad = false;
};

struct Code {
    int cc = 0;
    std::vector<const PhoneMetadata *> regions; // libphonenumber's order
    bool fallback = false;
    std::string why;
    // The automaton for region and type.
    std::vector<Next> next;
    std::vector<int> row; // per state, index into the rows
    // Per region: national_prefix_for_parsing and international_prefix.
    std::vector<Prefix> np, idd;
};

// Per NSN length the verdict of decide(), then the regions (bits by index in
// the code) whose general_desc pattern matches whatever the length.
using Row = std::array<uint32_t, kLengths + 1>;

// What GetRegionCodeForNumber + GetNumberType give for a number of length len
// matching exactly the tags (region * SLOTS + slot): 0 when invalid, else
// (region index + 1) << 4 | type.
uint16_t decide(const Code &c, const std::vector<uint32_t> &masks, const std::vector<int> &tags,
                int len)
{
    auto has = [&](int region, int slot) {
        int tag = region * SLOTS + slot;
        return std::binary_search(tags.begin(), tags.end(), tag) &&
               (masks[static_cast<size_t>(tag)] >> len & 1u);
    };
    auto type = [&](int r) -> uint32_t {
        const PhoneMetadata &m = *c.regions[static_cast<size_t>(r)];
        if (!has(r, GENERAL))
            return SMSREP_TYPE_UNKNOWN;
        for (int s = PREMIUM; s <= VOICEMAIL; s++)
            if (has(r, s))
                return kSlotType[s];
        if (has(r, FIXED)) {
            if (m.same_mobile_and_fixed_line_pattern() || has(r, MOBILE))
                return SMSREP_TYPE_FIXED_LINE_OR_MOBILE;
            return SMSREP_TYPE_FIXED_LINE;
        }
        if (!m.same_mobile_and_fixed_line_pattern() && has(r, MOBILE))
            return SMSREP_TYPE_MOBILE;
        return SMSREP_TYPE_UNKNOWN;
    };
    int region = -1;
    if (c.regions.size() == 1) {
        region = 0;
    } else {
        for (size_t r = 0; r < c.regions.size() && region < 0; r++) {
            int ri = static_cast<int>(r);
            if (c.regions[r]->has_leading_digits()) {
                if (has(ri, LEADING))
                    region = ri;
            } else if (type(ri) != SMSREP_TYPE_UNKNOWN) {
                region = ri;
            }
        }
    }
    if (region < 0)
        return 0;
    uint32_t t = type(region);
    if (t == SMSREP_TYPE_UNKNOWN)
        return 0;
    return static_cast<uint16_t>((region + 1) << 4 | static_cast<int>(t));
}

void compile(Code &c, std::map<Row, int> &rows, std::vector<Row> &row_list)
{
    Nfa n;
    int start = n.add();
    std::vector<uint32_t> masks(c.regions.size() * SLOTS, 0);
    for (size_t r = 0; r < c.regions.size(); r++) {
        const PhoneMetadata &m = *c.regions[r];
        for (int s = GENERAL; s <= MOBILE; s++) {
            const PhoneNumberDesc &d = desc(m, s);
            int tag = static_cast<int>(r) * SLOTS + s;
            masks[static_cast<size_t>(tag)] = length_mask(d);
            // An empty pattern matches nothing (RegexBasedMatcher::Match).
            if (!d.national_number_pattern().empty())
                n.add_pattern(start, d.national_number_pattern(), tag, false);
        }
        if (m.has_leading_digits()) {
            int tag = static_cast<int>(r) * SLOTS + LEADING;
            masks[static_cast<size_t>(tag)] = (1u << kLengths) - 1;
            n.add_pattern(start, m.leading_digits(), tag, true);
        }
    }
    Dfa d = determinise(n, start);
    std::vector<int> label(d.next.size());
    for (size_t i = 0; i < d.next.size(); i++) {
        Row row;
        for (int len = 0; len < kLengths; len++)
            row[static_cast<size_t>(len)] = decide(c, masks, d.tags[i], len);
        uint32_t gen = 0;
        for (size_t r = 0; r < c.regions.size(); r++)
            if (std::binary_search(d.tags[i].begin(), d.tags[i].end(),
                                   static_cast<int>(r) * SLOTS + GENERAL))
                gen |= 1u << r;
        row[kLengths] = gen;
        auto it = rows.emplace(row, static_cast<int>(row_list.size()));
        if (it.second)
            row_list.push_back(row);
        label[i] = it.first->second;
    }
    minimised(d, label, c.next, c.row);

}

// The lengths at which TestNumberLength(number, metadata) is TOO_LONG.
uint32_t too_long_lengths(const PhoneMetadata &m)
{
    const PhoneNumberDesc &g = m.general_desc();
    if (g.possible_length_size() == 0 || g.possible_length(0) == -1)
        return 0;
    int lo = g.possible_length(0), hi = g.possible_length(g.possible_length_size() - 1);
    uint32_t mask = 0;
    for (int len = 0; len < kLengths; len++) {
        bool local = false;
        for (int l : g.possible_length_local_only())
            local = local || l == len;
        if (!local && len != lo && len > lo && len > hi)
            mask |= 1u << len;
    }
    return mask;
}

// A prefix pattern's automaton; an accepting state is one where the digits
// read so far are a match (the runtime looks at every prefix length).
Prefix prefix_automaton(const std::string &pattern)
{
    Prefix out;
    if (pattern.empty())
        return out;
    try {
        Nfa p;
        int ps = p.add();
        p.add_pattern(ps, pattern, 0, false, true);
        Dfa pd = determinise(p, ps);
        out.next = pd.next;
        for (auto &t : pd.tags)
            out.accept.push_back(!t.empty());
    } catch (const Unsupported &e) {
        std::fprintf(stderr, "plan: prefix pattern left to libphonenumber: %s\n", e.what());
        out.bad = true;
    }
    return out;
}

// The lengths at which TestNumberLength(number, metadata) is neither
// TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY nor INVALID_LENGTH: where Parse keeps a
// number with its national prefix stripped.
uint32_t strip_lengths(const PhoneMetadata &m)
{
    const PhoneNumberDesc &g = m.general_desc();
    if (g.possible_length_size() == 0 || g.possible_length(0) == -1)
        return 0;
    uint32_t mask = 0;
    for (int len = 0; len < kLengths; len++) {
        bool local = false, possible = false;
        for (int l : g.possible_length_local_only())
            local = local || l == len;
        for (int l : g.possible_length())
            possible = possible || l == len;
        int lo = g.possible_length(0), hi = g.possible_length(g.possible_length_size() - 1);
        if (local)
            continue;
        if (len == lo || (len > hi) || (len > lo && possible))
            mask |= 1u << len;
    }
    return mask;
}

// ------------------------------------------------------------------ short numbers
// ShortNumberInfo's descs for a region dialled from itself.
enum ShortSlot { S_GENERAL, S_SHORT, S_SMS, S_PREMIUM, S_STANDARD, S_TOLL_FREE, S_EMERGENCY,
                 S_SLOTS };

struct Short {
    std::vector<Next> next;
    std::vector<int> row;  // per state, index into the short rows
    bool bad = false;
};

using ShortRow = std::array<uint8_t, kLengths>;

// Per length: bit 0 IsValidShortNumberForRegion, bit 1 IsSmsServiceForRegion,
// bits 2-3 the smsrep_reply_cost phone.cc makes of GetExpectedCostForRegion
// (unknown unless valid).
uint8_t decide_short(const PhoneMetadata &m, const std::vector<uint32_t> &masks,
                     const std::vector<int> &tags, int len)
{
    auto has = [&](int slot) {
        return std::binary_search(tags.begin(), tags.end(), slot) &&
               (masks[static_cast<size_t>(slot)] >> len & 1u);
    };
    bool valid = has(S_GENERAL) && has(S_SHORT);
    bool sms = has(S_SMS);
    unsigned cost = SMSREP_COST_UNKNOWN;
    bool general_length = false;
    for (int l : m.general_desc().possible_length())
        general_length = general_length || l == len;
    if (valid && general_length) {
        if (has(S_PREMIUM))
            cost = SMSREP_COST_PREMIUM;
        else if (has(S_STANDARD))
            cost = SMSREP_COST_STANDARD;
        else if (has(S_TOLL_FREE) || has(S_EMERGENCY))
            cost = SMSREP_COST_FREE;
    }
    return static_cast<uint8_t>((valid ? 1u : 0u) | (sms ? 2u : 0u) | cost << 2);
}

Short compile_short(const PhoneMetadata &m, std::map<ShortRow, int> &rows,
                    std::vector<ShortRow> &row_list)
{
    Short out;
    const PhoneNumberDesc *descs[S_SLOTS] = {&m.general_desc(), &m.short_code(),
                                             &m.sms_services(), &m.premium_rate(),
                                             &m.standard_rate(), &m.toll_free(), &m.emergency()};
    try {
        Nfa n;
        int start = n.add();
        std::vector<uint32_t> masks(S_SLOTS, 0);
        for (int slot = 0; slot < S_SLOTS; slot++) {
            const PhoneNumberDesc &d = *descs[slot];
            // The emergency pattern is matched whatever the length, and only
            // when the region has one.
            masks[static_cast<size_t>(slot)] =
                slot == S_EMERGENCY ? (1u << kLengths) - 1 : length_mask(d);
            if (slot == S_EMERGENCY && !m.has_emergency())
                continue;
            if (!d.national_number_pattern().empty())
                n.add_pattern(start, d.national_number_pattern(), slot, false);
        }
        Dfa d = determinise(n, start);
        std::vector<int> label(d.next.size());
        for (size_t i = 0; i < d.next.size(); i++) {
            ShortRow row;
            for (int len = 0; len < kLengths; len++)
                row[static_cast<size_t>(len)] = decide_short(m, masks, d.tags[i], len);
            auto it = rows.emplace(row, static_cast<int>(row_list.size()));
            if (it.second)
                row_list.push_back(row);
            label[i] = it.first->second;
        }
        minimised(d, label, out.next, out.row);
    } catch (const Unsupported &e) {
        std::fprintf(stderr, "plan: short numbers of %s left to libphonenumber: %s\n",
                     m.id().c_str(), e.what());
        out = Short();
        out.bad = true;
    }
    return out;
}

uint64_t fnv1a(const unsigned char *p, size_t n, uint64_t h = 1469598103934665603ull)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

int main(int argc, char **argv)
try {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT.c\n", argv[0]);
        return 2;
    }
    const void *bytes = i18n::phonenumbers::metadata_get();
    int size = i18n::phonenumbers::metadata_size();
    PhoneMetadataCollection coll;
    if (!coll.ParseFromArray(bytes, size))
        throw std::runtime_error("libphonenumber's metadata does not parse");
    const void *short_bytes = i18n::phonenumbers::short_metadata_get();
    int short_size = i18n::phonenumbers::short_metadata_size();
    PhoneMetadataCollection short_coll;
    if (!short_coll.ParseFromArray(short_bytes, short_size))
        throw std::runtime_error("libphonenumber's short-number metadata does not parse");

    // PhoneNumberUtil's constructor: regions per code in metadata order,
    // the main country first.
    std::map<int, Code> codes;
    for (const PhoneMetadata &m : coll.metadata()) {
        if (m.id() == "ZZ")
            continue;
        Code &c = codes[m.country_code()];
        c.cc = m.country_code();
        if (m.main_country_for_code() && !c.regions.empty())
            c.regions.insert(c.regions.begin(), &m);
        else
            c.regions.push_back(&m);
    }

    std::map<Row, int> rows;
    std::vector<Row> row_list;
    Row none{};
    rows[none] = 0;
    row_list.push_back(none);
    size_t states = 0, prefix_states = 0, fallbacks = 0, region_count = 0;
    for (auto &kv : codes) {
        Code &c = kv.second;
        if (c.cc <= 0 || c.cc > 999 || c.regions.size() > 31) {
            c.fallback = true;
            c.why = "code out of range or too many regions";
        } else {
            try {
                compile(c, rows, row_list);
            } catch (const Unsupported &e) {
                c.fallback = true;
                c.why = e.what();
                c.next.clear();
                c.row.clear();
            }
        }
        if (c.fallback) {
            fallbacks++;
            std::fprintf(stderr, "plan: +%d left to libphonenumber: %s\n", c.cc, c.why.c_str());
        }
        for (const PhoneMetadata *m : c.regions) {
            c.np.push_back(prefix_automaton(m->national_prefix_for_parsing()));
            c.idd.push_back(prefix_automaton(m->international_prefix()));
            // TestNumberLength reads general_desc's lengths unchecked.
            if (m->general_desc().possible_length_size() == 0)
                c.np.back().bad = true;
            prefix_states += c.np.back().next.size() + c.idd.back().next.size();
        }
        states += c.next.size();
        region_count += c.regions.size();
    }
    // Short numbers, per region dialled from (ShortNumberInfo's map).
    std::map<ShortRow, int> short_rows;
    std::vector<ShortRow> short_row_list;
    short_rows[ShortRow{}] = 0;
    short_row_list.push_back(ShortRow{});
    std::map<std::string, Short> shorts;
    size_t short_states = 0;
    for (const PhoneMetadata &m : short_coll.metadata()) {
        if (shorts.count(m.id()) != 0)
            continue; // the map keeps the first
        Short sh = compile_short(m, short_rows, short_row_list);
        short_states += sh.next.size();
        shorts.emplace(m.id(), std::move(sh));
    }

    // State 0 of every table is the dead state; indices are 16-bit.
    if (short_states + 1 > 65535 || short_row_list.size() > 65535)
        throw std::runtime_error("the short-number tables outgrew their index types");
    if (states + 1 > 65535 || prefix_states + 1 > 65535 || row_list.size() > 65535 ||
        codes.size() > 255 || region_count > 65535)
        throw std::runtime_error("the tables outgrew their index types");

    FILE *f = std::fopen(argv[1], "w");
    if (f == nullptr)
        throw std::runtime_error(std::string("cannot write ") + argv[1]);
    std::fprintf(f, "/* Generated by smsrep-planbuild from libphonenumber's metadata; do not edit. */\n"
                    "#include \"plan_tables.h\"\n\n");
    uint64_t hash = fnv1a(static_cast<const unsigned char *>(bytes), static_cast<size_t>(size));
    hash = fnv1a(static_cast<const unsigned char *>(short_bytes), static_cast<size_t>(short_size),
                 hash);
    std::fprintf(f, "const uint64_t smsrep__plan_metadata_hash = %lluull;\n",
                 static_cast<unsigned long long>(hash));
    std::fprintf(f, "const uint32_t smsrep__plan_metadata_size = %du;\n", size);
    std::fprintf(f, "const uint32_t smsrep__plan_short_metadata_size = %du;\n\n", short_size);

    // Codes, and their regions in libphonenumber's order (the main first).
    std::fprintf(f, "const plan_code smsrep__plan_codes[] = {\n");
    size_t rbase = 0, sbase = 1, ci = 0;
    std::map<std::string, size_t> region_at;
    for (auto &kv : codes) {
        Code &c = kv.second;
        std::fprintf(f, "    { %d, %u, %zu, %zu, %zu, \"%d\" },\n", c.cc, c.fallback ? 1u : 0u,
                     c.regions.size(), rbase, c.next.empty() ? 0 : sbase, c.cc);
        for (const PhoneMetadata *m : c.regions)
            region_at[m->id()] = rbase++;
        sbase += c.next.size();
    }
    std::fprintf(f, "};\nconst size_t smsrep__plan_code_count = %zu;\n\n", codes.size());
    std::fprintf(f, "const uint8_t smsrep__plan_code_at[1000] = {");
    for (size_t at = 0; at < 1000; at++) {
        auto it = codes.find(static_cast<int>(at));
        std::fprintf(f, "%s%zu,", (at % 32) ? "" : "\n    ",
                     it == codes.end() ? 0 : static_cast<size_t>(std::distance(codes.begin(), it)) + 1);
    }
    std::fprintf(f, "\n};\n\n");

    std::fprintf(f, "const plan_region smsrep__plan_region_table[] = {\n");
    size_t pbase = 1, shbase = 1;
    std::vector<const Short *> short_parts;
    ci = 0;
    for (auto &kv : codes) {
        Code &c = kv.second;
        for (size_t r = 0; r < c.regions.size(); r++) {
            const PhoneMetadata &m = *c.regions[r];
            const Prefix &np = c.np[r], &idd = c.idd[r];
            auto sh = shorts.find(m.id());
            bool short_bad = sh != shorts.end() && sh->second.bad;
            unsigned flags = (np.bad ? PLAN_NP_UNKNOWN : 0u) | (idd.bad ? PLAN_IDD_UNKNOWN : 0u) |
                             (m.national_prefix_transform_rule().empty() ? 0u : PLAN_NP_TRANSFORM) |
                             (short_bad ? PLAN_SHORT_UNKNOWN : 0u);
            size_t short_start = 0;
            if (sh != shorts.end() && !sh->second.bad && !sh->second.next.empty()) {
                short_start = shbase;
                shbase += sh->second.next.size();
                short_parts.push_back(&sh->second);
            }
            std::fprintf(f, "    { \"%s\", %zu, %zu, %u, %zu, %zu, %zu, %uu, %uu },\n",
                         m.id().c_str(), ci, r, flags, np.next.empty() ? 0 : pbase,
                         idd.next.empty() ? 0 : pbase + np.next.size(), short_start,
                         strip_lengths(m), too_long_lengths(m));
            pbase += np.next.size() + idd.next.size();
        }
        ci++;
    }
    std::fprintf(f, "};\nconst size_t smsrep__plan_region_count = %zu;\n\n", region_count);
    std::fprintf(f, "const uint16_t smsrep__plan_region_at[26 * 26] = {");
    for (size_t at = 0; at < 26 * 26; at++) {
        std::string id{static_cast<char>('A' + at / 26), static_cast<char>('A' + at % 26)};
        auto it = region_at.find(id);
        std::fprintf(f, "%s%zu,", (at % 26) ? "" : "\n    ", it == region_at.end() ? 0 : it->second + 1);
    }
    std::fprintf(f, "\n};\n\n");

    // width 10: digits; 11: digits and the end of the input.
    auto emit_next = [&](const char *name, const std::vector<const std::vector<Next> *> &parts,
                         size_t width) {
        std::fprintf(f, "const uint16_t %s[][%zu] = {\n    { 0 },\n", name, width);
        size_t base = 1;
        for (auto *next : parts) {
            for (auto &row : *next) {
                std::fprintf(f, "    {");
                for (size_t dgt = 0; dgt < width; dgt++)
                    std::fprintf(f, "%s%zu", dgt ? "," : " ",
                                 row[dgt] < 0 ? 0 : base + static_cast<size_t>(row[dgt]));
                std::fprintf(f, " },\n");
            }
            base += next->size();
        }
        std::fprintf(f, "};\n\n");
    };
    std::vector<const std::vector<Next> *> parts, prefix_parts;
    for (auto &kv : codes) {
        parts.push_back(&kv.second.next);
        for (size_t r = 0; r < kv.second.regions.size(); r++) {
            prefix_parts.push_back(&kv.second.np[r].next);
            prefix_parts.push_back(&kv.second.idd[r].next);
        }
    }
    emit_next("smsrep__plan_next", parts, 10);
    std::fprintf(f, "const uint16_t smsrep__plan_state_row[] = {\n    0,");
    size_t k = 0;
    for (auto &kv : codes)
        for (int r : kv.second.row)
            std::fprintf(f, "%s%d,", (++k % 16) ? "" : "\n    ", r);
    std::fprintf(f, "\n};\n\n");
    std::fprintf(f, "const plan_row smsrep__plan_rows[] = {\n");
    for (auto &row : row_list) {
        std::fprintf(f, "    { {");
        for (int len = 0; len < kLengths; len++)
            std::fprintf(f, "%s%u", len ? "," : " ", row[static_cast<size_t>(len)]);
        std::fprintf(f, " }, %uu },\n", row[kLengths]);
    }
    std::fprintf(f, "};\n\n");
    emit_next("smsrep__plan_prefix_next", prefix_parts, kSymbols);
    std::vector<const std::vector<Next> *> short_next;
    for (const Short *sh : short_parts)
        short_next.push_back(&sh->next);
    emit_next("smsrep__plan_short_next", short_next, 10);
    std::fprintf(f, "const uint16_t smsrep__plan_short_state_row[] = {\n    0,");
    k = 0;
    for (const Short *sh : short_parts)
        for (int r : sh->row)
            std::fprintf(f, "%s%d,", (++k % 16) ? "" : "\n    ", r);
    std::fprintf(f, "\n};\n\n");
    std::fprintf(f, "const uint8_t smsrep__plan_short_rows[][%d] = {\n", kLengths);
    for (auto &row : short_row_list) {
        std::fprintf(f, "    {");
        for (int len = 0; len < kLengths; len++)
            std::fprintf(f, "%s%u", len ? "," : " ", row[static_cast<size_t>(len)]);
        std::fprintf(f, " },\n");
    }
    std::fprintf(f, "};\n\n");
    std::fprintf(f, "const uint8_t smsrep__plan_prefix_accept[] = {\n    0,");
    k = 0;
    for (auto &kv : codes)
        for (size_t r = 0; r < kv.second.regions.size(); r++)
            for (const Prefix *p : {&kv.second.np[r], &kv.second.idd[r]})
                for (int a : p->accept)
                    std::fprintf(f, "%s%d,", (++k % 32) ? "" : "\n    ", a);
    std::fprintf(f, "\n};\n");
    if (std::fclose(f) != 0)
        throw std::runtime_error(std::string("cannot write ") + argv[1]);
    std::fprintf(stderr, "plan: %zu codes (%zu to libphonenumber), %zu regions, %zu states, "
                         "%zu rows, %zu prefix states, %zu short-number states, %zu short rows\n",
                 codes.size(), fallbacks, region_count, states, row_list.size(), prefix_states,
                 short_states, short_row_list.size());
    return 0;
} catch (const std::exception &e) {
    std::fprintf(stderr, "smsrep-planbuild: %s\n", e.what());
    return 1;
}
