/* SPDX-License-Identifier: Apache-2.0
 * plan_metadata.h: the serialized metadata libphonenumber runs with. The
 * shared library exports these functions but no installed header declares
 * them; phone.cc hashes the bytes and smsrep-planbuild compiles them.
 * Private to libsmsrep and its plan builder. */
#ifndef SMSREP_PLAN_METADATA_H
#define SMSREP_PLAN_METADATA_H

namespace i18n {
namespace phonenumbers {
int metadata_size();
const void *metadata_get();
int short_metadata_size();
const void *short_metadata_get();
} // namespace phonenumbers
} // namespace i18n

#endif
