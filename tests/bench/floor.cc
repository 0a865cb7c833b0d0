// SPDX-License-Identifier: Apache-2.0
// floor.cc: the benchmark's floor: what libphonenumber alone costs per
// sender (Parse, Format as E.164, GetNumberType), nothing cached.
#include "floor.h"

#include <string>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

extern "C" void floor_init(void)
{
    (void)PhoneNumberUtil::GetInstance();
}

extern "C" int floor_check(const char *sender, size_t len, const char *region)
{
    const PhoneNumberUtil *u = PhoneNumberUtil::GetInstance();
    PhoneNumber pn;
    std::string e164;
    if (u->Parse(std::string(sender, len), region[0] ? region : "ZZ", &pn) !=
        PhoneNumberUtil::NO_PARSING_ERROR)
        return 0;
    u->Format(pn, PhoneNumberUtil::E164, &e164);
    return u->GetNumberType(pn) != PhoneNumberUtil::UNKNOWN;
}
