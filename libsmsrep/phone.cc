// SPDX-License-Identifier: Apache-2.0
// phone.cc: the only C++ file, an extern "C" shim over libphonenumber. Inputs
// arrive as short ASCII digit strings (sender.c caps them), because Parse()
// grows superlinearly with input length and turns letters into digits. The
// numbering plan compiled from the same metadata (plan_dfa.c) answers first;
// libphonenumber reads what it leaves open.
#include "phone.h"

#include "plan_dfa.h"
#include "plan_tables.h"
#include "smsrep.h"
#include "utf8.h"

#include <atomic>
#include <cstring>
#include <new>
#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using i18n::phonenumbers::ShortNumberInfo;

#include "plan_metadata.h"

namespace {

uint64_t fnv1a(const void *data, int size, uint64_t h)
{
    const auto *p = static_cast<const unsigned char *>(data);
    for (int i = 0; i < size; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

// The compiled plan is used only when it was made from the very metadata
// this libphonenumber holds (the same bytes, by size and FNV-1a hash).
bool plan_matches()
{
    namespace pn = i18n::phonenumbers;
    int size = pn::metadata_size(), short_size = pn::short_metadata_size();
    if (pn::metadata_get() == nullptr || pn::short_metadata_get() == nullptr || size < 0 ||
        short_size < 0 || static_cast<uint32_t>(size) != smsrep__plan_metadata_size ||
        static_cast<uint32_t>(short_size) != smsrep__plan_short_metadata_size)
        return false;
    uint64_t h = fnv1a(pn::metadata_get(), size, 1469598103934665603ull);
    return fnv1a(pn::short_metadata_get(), short_size, h) == smsrep__plan_metadata_hash;
}

bool plan_ok()
{
    static const bool ok = plan_matches();
    return ok;
}

// How many parses the tables decided and how many libphonenumber did. The
// first are counted per thread and added up now and then, so that threads
// parsing at once do not share a counter's cache line on every number.
std::atomic<uint64_t> g_decided{0}, g_asked{0};
constexpr uint64_t kTallyBatch = 1024;
struct Tally {
    uint64_t decided = 0;
    ~Tally() { g_decided.fetch_add(decided, std::memory_order_relaxed); }
};
thread_local Tally t_tally;

void count_decided()
{
    if (++t_tally.decided == kTallyBatch) {
        g_decided.fetch_add(kTallyBatch, std::memory_order_relaxed);
        t_tally.decided = 0;
    }
}

const PhoneNumberUtil &util()
{
    return *PhoneNumberUtil::GetInstance(); // leaky singleton behind pthread_once
}

const ShortNumberInfo &short_info()
{
    // A magic static is initialised once, thread-safely; the constructor
    // costs about a millisecond, so it is never built per call.
    static const ShortNumberInfo *info = new ShortNumberInfo();
    return *info;
}

uint32_t map_type(PhoneNumberUtil::PhoneNumberType t)
{
    switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return SMSREP_TYPE_FIXED_LINE;
    case PhoneNumberUtil::MOBILE: return SMSREP_TYPE_MOBILE;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return SMSREP_TYPE_FIXED_LINE_OR_MOBILE;
    case PhoneNumberUtil::TOLL_FREE: return SMSREP_TYPE_TOLL_FREE;
    case PhoneNumberUtil::PREMIUM_RATE: return SMSREP_TYPE_PREMIUM_RATE;
    case PhoneNumberUtil::SHARED_COST: return SMSREP_TYPE_SHARED_COST;
    case PhoneNumberUtil::VOIP: return SMSREP_TYPE_VOIP;
    case PhoneNumberUtil::PERSONAL_NUMBER: return SMSREP_TYPE_PERSONAL_NUMBER;
    case PhoneNumberUtil::PAGER: return SMSREP_TYPE_PAGER;
    case PhoneNumberUtil::UAN: return SMSREP_TYPE_UAN;
    case PhoneNumberUtil::VOICEMAIL: return SMSREP_TYPE_VOICEMAIL;
    default: return SMSREP_TYPE_UNKNOWN;
    }
}

uint32_t map_cost(ShortNumberInfo::ShortNumberCost c)
{
    switch (c) {
    case ShortNumberInfo::TOLL_FREE: return SMSREP_COST_FREE;
    case ShortNumberInfo::STANDARD_RATE: return SMSREP_COST_STANDARD;
    case ShortNumberInfo::PREMIUM_RATE: return SMSREP_COST_PREMIUM;
    default: return SMSREP_COST_UNKNOWN;
    }
}

int map_error(PhoneNumberUtil::ErrorType e)
{
    switch (e) {
    case PhoneNumberUtil::NO_PARSING_ERROR: return PHONE_PARSED;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return PHONE_BAD_CALLING_CODE;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return PHONE_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG_NSN: return PHONE_TOO_LONG;
    default: return PHONE_NOT_A_NUMBER;
    }
}

void copy(char *dst, size_t cap, const std::string &s)
{
    smsrep__copy(dst, cap, s.data(), s.size());
}

// Runs f, turning every C++ exception into a status: none crosses into C.
template <typename F>
int guarded(F f) noexcept
{
    try {
        return f();
    } catch (const std::bad_alloc &) {
        return SMSREP_E_NOMEM;
    } catch (...) {
        return SMSREP_E_INTERNAL;
    }
}

} // namespace

extern "C" int smsrep__phone_init(void)
{
    return guarded([&]() -> int {
        // With the plan, libphonenumber is built only when a number needs it
        // (its constructor runs tens of millions of instructions, most of a
        // short process's life); without, at once, as before.
        if (!plan_ok()) {
            (void)util();
            (void)short_info();
        }
        return SMSREP_OK;
    });
}

extern "C" int smsrep__phone_parse(const char *digits, int international, const char *region,
                                   phone_number *out)
{
    if (plan_ok() && (international ? smsrep__plan_international(digits, out)
                                    : smsrep__plan_national(digits, region, out))) {
        count_decided();
        return SMSREP_OK;
    }
    g_asked.fetch_add(1, std::memory_order_relaxed);
    return smsrep__phone_parse_lpn(digits, international, region, out);
}

extern "C" int smsrep__phone_parse_lpn(const char *digits, int international, const char *region,
                                       phone_number *out)
{
    return guarded([&]() -> int {
        std::memset(out, 0, sizeof *out);
        const PhoneNumberUtil &u = util();
        std::string input = international ? std::string("+") + digits : std::string(digits);
        PhoneNumber pn;
        // Plain Parse, not ParseAndKeepRawInput: the latter formats "00" as the
        // raw input rather than as E.164.
        PhoneNumberUtil::ErrorType err = u.Parse(input, international ? "ZZ" : region, &pn);
        out->parse_error = map_error(err);
        if (err != PhoneNumberUtil::NO_PARSING_ERROR)
            return SMSREP_OK;
        out->read = 1;
        out->read_cc = static_cast<uint32_t>(pn.country_code());
        out->read_national = pn.national_number();
        out->read_italian_zero = pn.italian_leading_zero();
        out->read_zeros = pn.has_number_of_leading_zeros() ? pn.number_of_leading_zeros() : 0;

        std::string e164, where;
        u.Format(pn, PhoneNumberUtil::E164, &e164);
        if (e164.size() < 2 || e164.size() > 16) {
            // E.164 allows at most 15 digits; libphonenumber keeps up to 17
            // national digits of an invalid number.
            out->parse_error = e164.size() < 2 ? PHONE_TOO_SHORT : PHONE_TOO_LONG;
            return SMSREP_OK;
        }
        copy(out->e164, sizeof out->e164, e164.substr(1));
        out->calling_code = static_cast<uint32_t>(pn.country_code());
        // GetNumberType() != UNKNOWN is exactly IsValidNumber(); calling both
        // would double the regular-expression work.
        out->type = map_type(u.GetNumberType(pn));
        out->valid = out->type != SMSREP_TYPE_UNKNOWN;
        // libphonenumber rewrites invalid numbers (it strips a "1" after +1 as a
        // trunk prefix), which means nothing for a number that does not exist
        // and would make each check of the result give another one. An invalid
        // international number keeps its digits as given.
        if (!out->valid && international) {
            if (std::strlen(digits) > 15) {
                out->e164[0] = '\0';
                out->parse_error = PHONE_TOO_LONG;
                return SMSREP_OK;
            }
            copy(out->e164, sizeof out->e164, std::string(digits));
        }
        if (out->valid)
            u.GetRegionCodeForNumber(pn, &where);
        else
            u.GetRegionCodeForCountryCode(pn.country_code(), &where);
        if (where == "ZZ") {
            where.clear();
            out->parse_error = PHONE_BAD_CALLING_CODE;
        }
        copy(out->region, sizeof out->region, where);
        return SMSREP_OK;
    });
}

namespace {

void short_of(const PhoneNumber &pn, const char *region, phone_short *out)
{
    const ShortNumberInfo &s = short_info();
    out->valid = s.IsValidShortNumberForRegion(pn, region);
    out->sms_service = s.IsSmsServiceForRegion(pn, region);
    out->cost = out->valid ? map_cost(s.GetExpectedCostForRegion(pn, region))
                           : static_cast<uint32_t>(SMSREP_COST_UNKNOWN);
}

} // namespace

extern "C" int smsrep__phone_short(const char *digits, const char *region, phone_short *out)
{
    phone_number reading;
    if (plan_ok() && smsrep__plan_national(digits, region, &reading) &&
        smsrep__plan_short_of(&reading, region, out)) {
        count_decided();
        return SMSREP_OK;
    }
    g_asked.fetch_add(1, std::memory_order_relaxed);
    return smsrep__phone_short_lpn(digits, region, out);
}

extern "C" int smsrep__phone_short_lpn(const char *digits, const char *region, phone_short *out)
{
    return guarded([&]() -> int {
        std::memset(out, 0, sizeof *out);
        PhoneNumber pn;
        if (util().Parse(digits, region, &pn) == PhoneNumberUtil::NO_PARSING_ERROR)
            short_of(pn, region, out);
        return SMSREP_OK;
    });
}

extern "C" int smsrep__phone_short_of(const phone_number *reading, const char *region,
                                      phone_short *out)
{
    if (plan_ok() && smsrep__plan_short_of(reading, region, out)) {
        count_decided();
        return SMSREP_OK;
    }
    g_asked.fetch_add(1, std::memory_order_relaxed);
    return smsrep__phone_short_of_lpn(reading, region, out);
}

extern "C" int smsrep__phone_short_of_lpn(const phone_number *reading, const char *region,
                                          phone_short *out)
{
    return guarded([&]() -> int {
        std::memset(out, 0, sizeof *out);
        if (!reading->read)
            return SMSREP_OK; // Parse() refused the digits, as smsrep__phone_short() would
        PhoneNumber pn;
        pn.set_country_code(static_cast<int>(reading->read_cc));
        pn.set_national_number(reading->read_national);
        if (reading->read_italian_zero)
            pn.set_italian_leading_zero(true);
        if (reading->read_zeros != 0)
            pn.set_number_of_leading_zeros(reading->read_zeros);
        short_of(pn, region, out);
        return SMSREP_OK;
    });
}

extern "C" int smsrep__phone_plan_active(void)
{
    return plan_ok() ? 1 : 0;
}

extern "C" void smsrep__phone_plan_tally(uint64_t *decided, uint64_t *asked)
{
    *decided = g_decided.load(std::memory_order_relaxed) + t_tally.decided;
    *asked = g_asked.load(std::memory_order_relaxed);
}

extern "C" uint32_t smsrep__phone_region_calling_code(const char *region)
try {
    // Region codes are case-sensitive in libphonenumber; callers upper-case.
    if (plan_ok())
        return smsrep__plan_table_region_code(region);
    int cc = util().GetCountryCodeForRegion(region);
    return cc > 0 ? static_cast<uint32_t>(cc) : 0u;
} catch (...) {
    return 0u;
}
