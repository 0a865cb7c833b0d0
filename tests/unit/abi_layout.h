/* SPDX-License-Identifier: Apache-2.0
 * abi_layout.h: the first published layout of every caller-owned struct,
 * pinned at compile time. test_abi.c includes it (the host, LP64); CTest
 * also compiles it alone with -m32 (ILP32, where the query's pointers and
 * size_t shrink and i386 aligns int64_t to 4 bytes). */
#include <stddef.h>
#include <stdint.h>

#include "smsrep.h"

#define PIN(type, field, offset) \
    _Static_assert(offsetof(type, field) == (offset), #type "." #field " moved")
#define PIN_SIZE(macro, size) _Static_assert((macro) == (size), #macro " changed")

/* Fixed-width members only: the same on every platform. */
PIN(smsrep_verdict, kind, 4);
PIN(smsrep_verdict, calling_code, 32);
PIN(smsrep_verdict, reasons, 40);
PIN(smsrep_verdict, normalized, 48);
PIN(smsrep_verdict, region, 176);
PIN(smsrep_verdict, brand, 180);
PIN(smsrep_verdict, source, 244);
PIN_SIZE(SMSREP_VERDICT_SIZE_0_1, 292);
PIN(smsrep_verdict, display, 292);
PIN(smsrep_verdict, message_class, 484);
PIN(smsrep_verdict, dlt_header, 492);
PIN(smsrep_verdict, text_brand, 564);
PIN(smsrep_verdict, url_host, 628);
PIN_SIZE(SMSREP_VERDICT_SIZE_0_2, 756);
PIN(smsrep_verdict, text_phrase, 756);
PIN_SIZE(SMSREP_VERDICT_SIZE_0_3, 820);

PIN(smsrep_source_info, name, 52);
PIN(smsrep_source_info, url, 212);
PIN(smsrep_source_info, credit, 548);
PIN_SIZE(SMSREP_SOURCE_INFO_SIZE_0_1, 804);
PIN(smsrep_db_info, data_version, 16);
PIN(smsrep_db_info, overlay_version, 48);
PIN_SIZE(SMSREP_DB_INFO_SIZE_0_1, 80);
PIN(smsrep_count, rows, 8);
PIN(smsrep_count, table, 16);
PIN(smsrep_count, key, 48);
PIN_SIZE(SMSREP_COUNT_SIZE_0_1, 96);
PIN(smsrep_burst_config, max_senders, 16);
PIN_SIZE(SMSREP_BURST_CONFIG_SIZE_0_2, 20);
PIN(smsrep_burst_state, since, 24);
PIN_SIZE(SMSREP_BURST_STATE_SIZE_0_2, 32);
PIN(smsrep_burst_state, degraded, 32);
PIN_SIZE(SMSREP_BURST_STATE_SIZE_0_3, 40);

/* The query holds pointers and size_t: one layout per data model. */
PIN(smsrep_query, hint, 4);
PIN(smsrep_query, sender, 8);
#if UINTPTR_MAX == UINT64_MAX
PIN(smsrep_query, sender_len, 16);
PIN(smsrep_query, region, 24);
PIN(smsrep_query, text, 32);
PIN(smsrep_query, text_len, 40);
PIN(smsrep_query, time, 48);
PIN_SIZE(SMSREP_QUERY_SIZE_0_1, 56);
#elif UINTPTR_MAX == UINT32_MAX
PIN(smsrep_query, sender_len, 12);
PIN(smsrep_query, region, 16);
PIN(smsrep_query, text, 20);
PIN(smsrep_query, text_len, 24);
#  if defined(__i386__)
PIN(smsrep_query, time, 28);   /* i386 aligns int64_t to 4 */
PIN_SIZE(SMSREP_QUERY_SIZE_0_1, 36);
#  else
PIN(smsrep_query, time, 32);   /* ARM and most others align it to 8 */
PIN_SIZE(SMSREP_QUERY_SIZE_0_1, 40);
#  endif
#endif

/* The burst store: a pointer and a function pointer after two uint32_t. */
PIN(smsrep_burst_store, ctx, 8);
#if UINTPTR_MAX == UINT64_MAX
PIN(smsrep_burst_store, observe, 16);
PIN_SIZE(SMSREP_BURST_STORE_SIZE_0_3, 24);
#elif UINTPTR_MAX == UINT32_MAX
PIN(smsrep_burst_store, observe, 12);
PIN_SIZE(SMSREP_BURST_STORE_SIZE_0_3, 16);
#endif
