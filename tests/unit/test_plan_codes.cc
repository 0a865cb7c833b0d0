// SPDX-License-Identifier: Apache-2.0
// test_plan_codes.cc: the calling-code table of the build without
// libphonenumber (libsmsrep/plan_codes.c) says what libphonenumber says:
// every region with its code, the main region of each code, the codes of
// international networks, and nothing more.
#include <cstdio>
#include <list>
#include <set>
#include <string>

#include <phonenumbers/phonenumberutil.h>

extern "C" {
#include "plan_codes.h"
}

using i18n::phonenumbers::PhoneNumberUtil;

int main()
{
    const PhoneNumberUtil &u = *PhoneNumberUtil::GetInstance();
    std::set<std::string> regions, listed;
    std::set<int> codes, networks;
    int failures = 0;

    u.GetSupportedRegions(&regions);
    u.GetSupportedCallingCodes(&codes);
    u.GetSupportedGlobalNetworkCallingCodes(&networks);

    const char *region;
    uint32_t code;
    int main_region;
    for (size_t i = 0, n = 1; i < n; i++) {
        n = smsrep__plan_regions(&region, &code, &main_region, i);
        if (n == 0)
            break;
        listed.insert(region);
        if (static_cast<uint32_t>(u.GetCountryCodeForRegion(region)) != code) {
            std::printf("FAIL: %s has code %u in the table, %d in libphonenumber\n", region, code,
                        u.GetCountryCodeForRegion(region));
            failures++;
        }
    }
    if (listed != regions) {
        std::printf("FAIL: the table lists %zu regions, libphonenumber %zu\n", listed.size(),
                    regions.size());
        failures++;
    }
    for (const std::string &r : regions) {
        if (smsrep__plan_region_code(r.c_str()) == 0) {
            std::printf("FAIL: the lookup misses %s\n", r.c_str());
            failures++;
        }
    }
    for (int c : codes) {
        std::string want;
        int shared = 0;
        u.GetRegionCodeForCountryCode(c, &want);
        const char *got = smsrep__plan_code_region(static_cast<uint32_t>(c), &shared);
        if (got == nullptr || want != got) {
            std::printf("FAIL: code %d: main region %s in the table, %s in libphonenumber\n", c,
                        got ? got : "(none)", want.c_str());
            failures++;
        }
        std::list<std::string> users;
        u.GetRegionCodesForCountryCallingCode(c, &users);
        if (shared != (users.size() > 1)) {
            std::printf("FAIL: code %d: shared %d, but %zu regions use it\n", c, shared,
                        users.size());
            failures++;
        }
    }
    for (int c : networks) {
        int shared;
        const char *got = smsrep__plan_code_region(static_cast<uint32_t>(c), &shared);
        if (got == nullptr || std::string(got) != "001") {
            std::printf("FAIL: network code %d is not 001\n", c);
            failures++;
        }
    }
    int shared;
    if (smsrep__plan_code_region(999, &shared) != nullptr || smsrep__plan_region_code("XX") != 0) {
        std::printf("FAIL: +999 or XX found\n");
        failures++;
    }
    std::printf("%zu regions, %zu codes checked, %d failures\n", regions.size(), codes.size(),
                failures);
    return failures == 0 ? 0 : 1;
}
