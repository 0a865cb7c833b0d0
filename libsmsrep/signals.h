/* SPDX-License-Identifier: Apache-2.0
 * signals.h: the one list of the signals a database row can carry, which
 * tables may carry each, and what it means. The enum, the lookups' reading
 * of a signal column, the builder's checks of every row and a test of
 * db/README.md's signal table all come from it. Private to libsmsrep and
 * its builder. */
#ifndef SMSREP_SIGNALS_H
#define SMSREP_SIGNALS_H

#include <stddef.h>
#include <string.h>

/* The tables (and columns) a signal may stand in. */
#define IN_RANGE 1u      /* number_range.signal */
#define IN_SHORT 2u      /* short_code.signal */
#define IN_SENDER 4u     /* sender_id.signal */
#define IN_RULE 8u       /* alnum_rule.rule */
#define IN_OVERLAY 16u   /* overlay rule.action */

/* X(ENUM, "name", tables) */
#define SMSREP__SIGNAL_MAP(X)                                        \
    X(PLAN, "plan", IN_RANGE)                                        \
    X(IP_PHONE, "ip_phone", IN_RANGE)                                \
    X(M2M, "m2m", IN_RANGE)                                          \
    X(PREMIUM, "premium", IN_RANGE | IN_SHORT)                       \
    X(INTERNATIONAL_NETWORK, "international_network", IN_RANGE)      \
    X(FICTIONAL, "fictional", IN_RANGE)                              \
    X(CANNOT_ORIGINATE, "cannot_originate_sms", IN_RANGE)            \
    X(UNALLOCATED, "unallocated", IN_RANGE)                          \
    X(REGISTERED, "registered", IN_SHORT | IN_SENDER)                \
    X(BRAND_SENDER, "brand_sender", IN_SHORT)                        \
    X(EMERGENCY, "emergency", IN_SHORT)                              \
    X(GENERIC, "generic", IN_SENDER)                                 \
    X(SCAM_MARKER, "scam_marker", IN_SENDER)                         \
    X(ALLOW, "allow", IN_OVERLAY)                                    \
    X(DENY, "deny", IN_OVERLAY)                                      \
    X(REGISTRY_RELABELS, "registry_relabels", IN_RULE)               \
    X(DLT, "dlt", IN_RULE)                                           \
    X(OPERATOR_CHARSET, "operator_charset", IN_RULE)                 \
    X(NOT_DELIVERED, "not_delivered", IN_RULE)

#define SMSREP__SIGNAL_ENUM_(e, name, tables) SIG_##e,
enum signal { SIG_NONE = 0, SMSREP__SIGNAL_MAP(SMSREP__SIGNAL_ENUM_) SIG_COUNT };
#undef SMSREP__SIGNAL_ENUM_

typedef struct smsrep__signal_row {
    const char *name;
    unsigned tables;
} smsrep__signal_row;

/* The row of each signal, indexed by enum signal (SIG_NONE: "none", in no
 * table). */
static const smsrep__signal_row smsrep__signals[SIG_COUNT] = {
    { "none", 0 },
#define SMSREP__SIGNAL_ROW_(e, name, tables) { name, tables },
    SMSREP__SIGNAL_MAP(SMSREP__SIGNAL_ROW_)
#undef SMSREP__SIGNAL_ROW_
};

/* The signal called name[0..len) that may stand in one of tables, or -1. */
static inline int smsrep__signal_from_name(const char *name, size_t len, unsigned tables)
{
    int i;
    for (i = 1; name != NULL && i < SIG_COUNT; i++)
        if ((smsrep__signals[i].tables & tables) && strlen(smsrep__signals[i].name) == len &&
            memcmp(smsrep__signals[i].name, name, len) == 0)
            return i;
    return -1;
}

#endif
