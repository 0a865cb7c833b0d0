/* SPDX-License-Identifier: Apache-2.0
 * smsrep.h: the whole public contract of libsmsrep, which judges whether an SMS
 * sender is who it appears to be. What is not in this file is not API. */
#ifndef SMSREP_H
#define SMSREP_H

/*
 * CONVENTIONS (stated once; declarations below only note exceptions)
 *
 * Names     Functions and types start with smsrep_, macros and constants with
 *           SMSREP_. Enum values are pinned and never reused.
 * Errors    Fallible functions return an int status: SMSREP_OK (0) or a
 *           positive SMSREP_E_* code from SMSREP_STATUS_MAP. smsrep_strerror()
 *           and smsrep_status_name() describe any int and never return NULL.
 *           Open failures also write a sentence into a caller buffer (errbuf,
 *           up to errbuf_size bytes, always NUL-terminated when errbuf_size > 0;
 *           SMSREP_ERRBUF_SIZE is enough). There is no global, thread-local or
 *           per-handle "last error".
 * Memory    The library never hands the caller memory to free. Results go into
 *           caller-owned structs that hold no pointer into library memory. The
 *           strings returned by the *_name() and *_string() functions are
 *           static and live for the whole process.
 * Structs   Every struct the caller passes in begins with uint32_t struct_size,
 *           which the caller sets (use the *_INIT macros). Fields are only ever
 *           appended; the library reads and writes no more than struct_size
 *           bytes, accepts any size from the first published layout on (its
 *           SMSREP_*_SIZE_x_y macro) and refuses a smaller one with
 *           SMSREP_E_STRUCT_SIZE. A call that fills an array of structs steps
 *           through it by the struct_size of its elements. Output structs hold
 *           only fixed-width integers and inline character arrays; enum values
 *           travel as uint32_t. The query is the one input struct that also
 *           holds pointers to the caller's bytes and their size_t lengths,
 *           read during the call only; its layout therefore differs between
 *           32- and 64-bit platforms (each platform's layout is pinned).
 * Strings   Input text is UTF-8 given as pointer + length; it need not be
 *           NUL-terminated. Output strings are NUL-terminated UTF-8 in inline
 *           arrays. Region codes are ISO 3166-1 alpha-2, any case on input,
 *           upper case on output.
 * NULL      A NULL handle, struct or required pointer gives SMSREP_E_ARGUMENT,
 *           never a crash. smsrep_close(NULL) is a no-op.
 * Threads   Every function may be called from any thread. One smsrep_db may be
 *           shared by any number of threads at once: it is immutable after
 *           smsrep_open*() returns, and each check borrows its own SQLite
 *           connection, so concurrent checks do not wait for one another.
 *           The only rule: do not call smsrep_close() while another thread may
 *           still use that handle.
 * Output    The library never prints, exits, aborts or lets a C++ exception
 *           escape. It exports only smsrep_* symbols.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SMSREP_STATIC)
#  define SMSREP_API
#elif defined(_WIN32)
#  if defined(SMSREP_BUILDING)
#    define SMSREP_API __declspec(dllexport)
#  else
#    define SMSREP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define SMSREP_API __attribute__((visibility("default")))
#else
#  define SMSREP_API
#endif

/* ---------------------------------------------------------------- versions
 * The macros give the version of the header you compiled against; the
 * functions give the library you run with. CMake reads these three lines. */
#define SMSREP_VERSION_MAJOR 0
#define SMSREP_VERSION_MINOR 3
#define SMSREP_VERSION_PATCH 0
#define SMSREP_VERSION_NUMBER \
    (SMSREP_VERSION_MAJOR * 10000 + SMSREP_VERSION_MINOR * 100 + SMSREP_VERSION_PATCH)
#define SMSREP_STR_(x) #x
#define SMSREP_STR(x) SMSREP_STR_(x)
#define SMSREP_VERSION_STRING \
    SMSREP_STR(SMSREP_VERSION_MAJOR) "." SMSREP_STR(SMSREP_VERSION_MINOR) "." SMSREP_STR(SMSREP_VERSION_PATCH)

/* Returns SMSREP_VERSION_NUMBER of the running library. Since 0.1. */
SMSREP_API uint32_t smsrep_version_number(void);
/* Returns "MAJOR.MINOR.PATCH" of the running library. Since 0.1. */
SMSREP_API const char *smsrep_version_string(void);
/* Returns the version of libphonenumber (and so of its numbering metadata)
 * that this library was built against, e.g. "8.12.57", or "none" when it was
 * built without (then only E.164 numbers are read). Since 0.1. */
SMSREP_API const char *smsrep_phonenumber_version(void);
/* Returns the database schema version this library reads (the DB's
 * PRAGMA user_version). Since 0.1. */
SMSREP_API uint32_t smsrep_schema_version(void);

/* ---------------------------------------------------------------- statuses
 * X(NAME, value, name printed by the CLI, sentence). Values are pinned;
 * codes are only appended (E_NEED_E164, 17, came in 0.2). */
#define SMSREP_STATUS_MAP(X)                                                        \
    X(OK,              0, "ok",              "success")                             \
    X(E_ARGUMENT,      1, "bad_argument",    "a required argument is NULL or out of range") \
    X(E_STRUCT_SIZE,   2, "bad_struct_size", "struct_size is smaller than the first published layout") \
    X(E_NOMEM,         3, "out_of_memory",   "out of memory")                       \
    X(E_INTERNAL,      4, "internal_error",  "internal error in libsmsrep or a library it uses") \
    X(E_EMPTY,         5, "empty_sender",    "the sender is empty")                 \
    X(E_TOO_LONG,      6, "sender_too_long", "the sender is longer than SMSREP_SENDER_MAX bytes") \
    X(E_ENCODING,      7, "bad_encoding",    "the sender is not valid UTF-8")       \
    X(E_CHARACTER,     8, "bad_character",   "the sender holds a control character or no letter or digit at all") \
    X(E_REGION,        9, "bad_region",      "the region is not an ISO 3166 alpha-2 code known to the numbering plan") \
    X(E_NEED_REGION,  10, "region_required", "a national number or short code needs the recipient's region") \
    X(E_DB_OPEN,      11, "db_open_failed",  "the database could not be opened")    \
    X(E_DB_FORMAT,    12, "db_not_smsrep",   "the file is not a libsmsrep database") \
    X(E_DB_VERSION,   13, "db_wrong_schema", "the database has a schema version this library cannot read") \
    X(E_DB_CORRUPT,   14, "db_corrupt",      "the database is corrupt")             \
    X(E_DB_QUERY,     15, "db_query_failed", "a database lookup failed")            \
    X(E_NOT_FOUND,    16, "not_found",       "no such entry")                       \
    X(E_NEED_E164,    17, "e164_required",   "this build has no libphonenumber: give the number in E.164 form, + and country code")

typedef enum smsrep_status {
#define SMSREP_X_(n, v, name, text) SMSREP_##n = v,
    SMSREP_STATUS_MAP(SMSREP_X_)
#undef SMSREP_X_
    SMSREP_STATUS_LAST_ /* one past the highest code; for tests only */
} smsrep_status;

/* Returns the sentence for a status; "unknown status" for any other int.
 * Never NULL. Since 0.1. */
SMSREP_API const char *smsrep_strerror(int status);
/* Returns the stable name of a status (the CLI's JSON "error" value);
 * "unknown" for any other int. Never NULL. Since 0.1. */
SMSREP_API const char *smsrep_status_name(int status);

/* ---------------------------------------------------------------- enums
 * Every enum has a *_name() function returning a stable lowercase
 * identifier, the same word the CLI prints, or "unknown" for values outside
 * the enum. Each also has a *_from_name() that takes such a word (pointer +
 * length, case-insensitive) and returns its value or -1. Since 0.1. */

/* What the sender is. */
#define SMSREP_KIND_MAP(X)        \
    X(INVALID,      0, "invalid") \
    X(NUMBER,       1, "number")  \
    X(SHORT_CODE,   2, "short_code") \
    X(ALPHANUMERIC, 3, "alphanumeric")

/* How far the sender can be trusted. Bands of score are given with each. */
#define SMSREP_CLASS_MAP(X)          \
    X(UNKNOWN,    0, "unknown")      /* 20-39: no evidence either way */            \
    X(TRUSTED,    1, "trusted")      /*  0-19: documented sender, registry code  */ \
    X(CAUTION,    2, "caution")      /* 40-59: legitimate but risky route        */ \
    X(SUSPICIOUS, 3, "suspicious")   /* 60-79: signs of impersonation            */ \
    X(SPOOFED,    4, "spoofed")      /* 80-99: cannot be a genuine originator    */ \
    X(BLOCKED,    5, "blocked")      /*  100 : the operator's overlay denies it  */

/* What a program should do with the message. */
#define SMSREP_RECOMMENDATION_MAP(X) \
    X(ALLOW, 0, "allow")             \
    X(FLAG,  1, "flag")              \
    X(BLOCK, 2, "block")

/* The type of number: libphonenumber's types, plus short_code and m2m. */
#define SMSREP_NUMBER_TYPE_MAP(X)                       \
    X(UNKNOWN,              0, "unknown")               \
    X(FIXED_LINE,           1, "fixed_line")            \
    X(MOBILE,               2, "mobile")                \
    X(FIXED_LINE_OR_MOBILE, 3, "fixed_line_or_mobile")  \
    X(TOLL_FREE,            4, "toll_free")             \
    X(PREMIUM_RATE,         5, "premium_rate")          \
    X(SHARED_COST,          6, "shared_cost")           \
    X(VOIP,                 7, "voip")                  \
    X(PERSONAL_NUMBER,      8, "personal_number")       \
    X(PAGER,                9, "pager")                 \
    X(UAN,                 10, "uan")                   \
    X(VOICEMAIL,           11, "voicemail")             \
    X(SHORT_CODE,          12, "short_code")            \
    X(M2M,                 13, "m2m")

/* How the verdict's brand relates to the sender. */
#define SMSREP_RELATION_MAP(X)             \
    X(NONE,            0, "none")          \
    X(SENDER_OF,       1, "sender_of")     /* documented sender of the brand     */ \
    X(IMPERSONATES,    2, "impersonates")  /* looks like the brand but is not it */ \
    X(CLAIMED_IN_TEXT, 3, "claimed_in_text") /* the message names the brand      */ \
    X(CLAIMS,          4, "claims")        /* the sender ID is the brand's name, \
                                              with no evidence it is theirs     */

/* What a reply to the sender costs. */
#define SMSREP_REPLY_COST_MAP(X) \
    X(UNKNOWN,  0, "unknown")    \
    X(FREE,     1, "free")       \
    X(STANDARD, 2, "standard")   \
    X(PREMIUM,  3, "premium")

/* The address type the gateway reported with the sender, if any. */
#define SMSREP_HINT_MAP(X)                 \
    X(UNKNOWN,       0, "unknown")         \
    X(INTERNATIONAL, 1, "international")   /* digits lack only the '+' (smstools) */ \
    X(NATIONAL,      2, "national")        \
    X(ALPHANUMERIC,  3, "alphanumeric")    \
    X(SHORT_CODE,    4, "short_code")

/* The class of message an Indian DLT header's suffix declares (TRAI, from
 * 2025-05-06: XY-HEADER-P/S/T/G). Since 0.2. */
#define SMSREP_MESSAGE_CLASS_MAP(X)          \
    X(NONE,          0, "none")              /* no suffix, or not a DLT header */ \
    X(PROMOTIONAL,   1, "promotional")       \
    X(SERVICE,       2, "service")           \
    X(TRANSACTIONAL, 3, "transactional")     \
    X(GOVERNMENT,    4, "government")

/* Why: bit numbers of smsrep_verdict.reasons. Name and bit are pinned. */
#define SMSREP_REASON_MAP(X)                                  \
    X(KNOWN_OTP_SENDER,        0, "known_otp_sender")         \
    X(REGISTERED_SHORT_CODE,   1, "registered_short_code")    \
    X(REGISTERED_SENDER_ID,    2, "registered_sender_id")     \
    X(LOW_CONFIDENCE_EVIDENCE, 3, "low_confidence_evidence")  \
    X(MALFORMED,               4, "malformed")                \
    X(INVALID_NUMBER,          5, "invalid_number")           \
    X(UNKNOWN_CALLING_CODE,    6, "unknown_calling_code")     \
    X(UNALLOCATED_RANGE,       7, "unallocated_range")        \
    X(FICTIONAL_RANGE,         8, "fictional_range")          \
    X(CANNOT_ORIGINATE_SMS,    9, "cannot_originate_sms")     \
    X(FOREIGN_ROUTE,          10, "foreign_route")            \
    X(IP_PHONE,               11, "ip_phone")                 \
    X(M2M_NUMBER,             12, "m2m_number")               \
    X(PREMIUM_REPLY_COST,     13, "premium_reply_cost")       \
    X(BRAND_LOOKALIKE,        14, "brand_lookalike")          \
    X(UNREGISTERED_SENDER_ID, 15, "unregistered_sender_id")   \
    X(MALFORMED_SENDER_ID,    16, "malformed_sender_id")      \
    X(OVERLAY_ALLOW,          17, "overlay_allow")            \
    X(OVERLAY_DENY,           18, "overlay_deny")             \
    X(INTERNATIONAL_NETWORK,  19, "international_network")    \
    X(SMS_SHORT_CODE,         20, "sms_short_code")           \
    X(GENERIC_SENDER_ID,      21, "generic_sender_id")        \
    X(SCAM_MARKER,            22, "scam_marker")              \
    X(REPORTED_NUMBER,        23, "reported_number")          \
    X(INVISIBLE_CHARACTERS,   24, "invisible_characters")     \
    X(REGISTRY_DELIVERED,     25, "registry_delivered")       \
    X(NOT_DLT_HEADER,         26, "not_dlt_header")           \
    X(DLT_CLASS_MISMATCH,     27, "dlt_class_mismatch")       \
    X(ALPHANUMERIC_UNSUPPORTED, 28, "alphanumeric_unsupported") \
    X(DISALLOWED_CHARACTER,   29, "disallowed_character")     \
    X(BRAND_URL_MISMATCH,     30, "brand_url_mismatch")       \
    X(BRAND_SENDER_MISMATCH,  31, "brand_sender_mismatch")    \
    X(TEXT_CONSISTENT,        32, "text_consistent")          \
    X(PUNYCODE_HOST,          33, "punycode_host")            \
    X(SHORTENED_URL,          34, "shortened_url")            \
    X(SERVICE_NOTICE,         35, "service_notice")           \
    X(ONE_TIME_CODE,          36, "one_time_code")          \
    X(BIDI_OVERRIDE,          37, "bidi_override")          /* since 0.3 */ \
    X(UNDECLARED_SENDER,      38, "undeclared_sender")      /* since 0.3 */ \
    X(BRAND_UNVERIFIED,       39, "brand_unverified")       /* since 0.3 */ \
    X(SCAM_LURE,              40, "scam_lure")              /* since 0.3 */ \
    X(CALLBACK_NUMBER,        41, "callback_number")        /* since 0.3 */ \
    X(MASKED_URL,             42, "masked_url")             /* since 0.3 */ \
    X(TEXT_LINK,              43, "text_link")              /* since 0.3 */ \
    X(CARRIER_RELAY,          44, "carrier_relay")          /* since 0.3 */ \
    X(DOCUMENTED_ELSEWHERE,   45, "documented_elsewhere")   /* since 0.3 */ \
    X(BRAND_RELAY,            46, "brand_relay")            /* since 0.3.1 */ \
    X(MESSAGING_APP,          47, "messaging_app")          /* since 0.3.1*/

#define SMSREP_X_(n, v, name) SMSREP_KIND_##n = v,
enum smsrep_kind { SMSREP_KIND_MAP(SMSREP_X_) SMSREP_KIND_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_CLASS_##n = v,
enum smsrep_class { SMSREP_CLASS_MAP(SMSREP_X_) SMSREP_CLASS_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_RECOMMEND_##n = v,
enum smsrep_recommendation { SMSREP_RECOMMENDATION_MAP(SMSREP_X_) SMSREP_RECOMMEND_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_TYPE_##n = v,
enum smsrep_number_type { SMSREP_NUMBER_TYPE_MAP(SMSREP_X_) SMSREP_TYPE_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_RELATION_##n = v,
enum smsrep_relation { SMSREP_RELATION_MAP(SMSREP_X_) SMSREP_RELATION_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_COST_##n = v,
enum smsrep_reply_cost { SMSREP_REPLY_COST_MAP(SMSREP_X_) SMSREP_COST_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_HINT_##n = v,
enum smsrep_hint { SMSREP_HINT_MAP(SMSREP_X_) SMSREP_HINT_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_MESSAGE_##n = v,
enum smsrep_message_class { SMSREP_MESSAGE_CLASS_MAP(SMSREP_X_) SMSREP_MESSAGE_LAST_ };
#undef SMSREP_X_
#define SMSREP_X_(n, v, name) SMSREP_REASON_##n = v,
enum smsrep_reason { SMSREP_REASON_MAP(SMSREP_X_) SMSREP_REASON_LAST_ };
#undef SMSREP_X_

/* The bit of a reason in smsrep_verdict.reasons. */
#define SMSREP_REASON_BIT(r) (UINT64_C(1) << (r))

SMSREP_API const char *smsrep_kind_name(uint32_t kind);
SMSREP_API const char *smsrep_class_name(uint32_t cls);
SMSREP_API const char *smsrep_recommendation_name(uint32_t recommendation);
SMSREP_API const char *smsrep_number_type_name(uint32_t number_type);
SMSREP_API const char *smsrep_relation_name(uint32_t relation);
SMSREP_API const char *smsrep_reply_cost_name(uint32_t reply_cost);
SMSREP_API const char *smsrep_hint_name(uint32_t hint);
/* Since 0.2. */
SMSREP_API const char *smsrep_message_class_name(uint32_t message_class);
/* Takes a bit number (enum smsrep_reason), not a mask. */
SMSREP_API const char *smsrep_reason_name(uint32_t reason);

SMSREP_API int smsrep_kind_from_name(const char *name, size_t len);
SMSREP_API int smsrep_class_from_name(const char *name, size_t len);
SMSREP_API int smsrep_recommendation_from_name(const char *name, size_t len);
SMSREP_API int smsrep_number_type_from_name(const char *name, size_t len);
SMSREP_API int smsrep_relation_from_name(const char *name, size_t len);
SMSREP_API int smsrep_reply_cost_from_name(const char *name, size_t len);
SMSREP_API int smsrep_hint_from_name(const char *name, size_t len);
/* Since 0.2. */
SMSREP_API int smsrep_message_class_from_name(const char *name, size_t len);
SMSREP_API int smsrep_reason_from_name(const char *name, size_t len);

/* A sentence explaining a reason for people, in English ("en") or Japanese
 * ("ja"); any other lang, or NULL, gives English. Static, never NULL; an
 * unknown reason gives a generic sentence. Since 0.1. */
SMSREP_API const char *smsrep_reason_text(uint32_t reason, const char *lang);

/* Maps the GSM 03.40 type-of-address octet (smstools' From_TOA, e.g. 0x91)
 * to a hint. Since 0.1. */
SMSREP_API uint32_t smsrep_hint_from_gsm_toa(uint32_t toa);
/* Maps an SMPP source_addr_ton (0-6) to a hint. Since 0.1. */
SMSREP_API uint32_t smsrep_hint_from_smpp_ton(uint32_t ton);

/* Initialiser for a struct whose first member is struct_size, with every
 * other member zero, written so that -Wextra stays quiet: designated in C,
 * value-initialised in C++ (C++11 or later). */
#ifdef __cplusplus
#  define SMSREP_INIT_(type) ([]() { type init_{}; init_.struct_size = sizeof(type); return init_; }())
#else
#  define SMSREP_INIT_(type) { .struct_size = sizeof(type) }
#endif

/* ---------------------------------------------------------------- limits */
#define SMSREP_ERRBUF_SIZE 256   /* enough for any open error sentence */
#define SMSREP_SENDER_MAX 128    /* longest sender accepted, in bytes */
#define SMSREP_TEXT_MAX 4096     /* message text beyond this is not read */

/* ---------------------------------------------------------------- the handle */
typedef struct smsrep_db smsrep_db;

/* CONSTRUCTOR. Opens a reputation database read-only.
 *   path          the database file; NULL opens the copy embedded in the
 *                 library, which needs no file at all.
 *   overlay_path  an operator's overlay database (made by "smsrep overlay" or
 *                 "smsrep db import"), or NULL for none. Its rules beat the
 *                 bundled data: deny makes a sender blocked, allow trusted.
 *                 Its complaint reports make a number caution or suspicious,
 *                 never spoofed.
 * A file is read into memory once, so the handle is a consistent snapshot
 * that later changes to the file do not touch. On success *db is a new
 * handle for smsrep_close();
 * on failure *db is NULL, the status says why (E_DB_OPEN, E_DB_FORMAT,
 * E_DB_VERSION, E_DB_CORRUPT, E_NOMEM) and errbuf says more. A database from
 * outside is untrusted: it is checked, never trusted to be well-formed.
 * Since 0.1. */
SMSREP_API int smsrep_open(smsrep_db **db, const char *path, const char *overlay_path,
                           char *errbuf, size_t errbuf_size);

/* CONSTRUCTOR. As smsrep_open(), from a database image in memory (e.g. an
 * Android asset). The bytes are copied: the caller may free them as soon as
 * this returns. Since 0.1. */
SMSREP_API int smsrep_open_memory(smsrep_db **db, const void *data, size_t size,
                                  const char *overlay_path, char *errbuf, size_t errbuf_size);

/* DESTRUCTOR. Closes the handle and frees everything it holds. NULL is a
 * no-op. No other thread may be using the handle. Since 0.1. */
SMSREP_API void smsrep_close(smsrep_db *db);

/* ---------------------------------------------------------------- a check */
typedef struct smsrep_query {
    uint32_t struct_size;   /* sizeof(smsrep_query) */
    uint32_t hint;          /* enum smsrep_hint; 0 = unknown */
    const char *sender;     /* the sender as it arrived, UTF-8, required */
    size_t sender_len;
    char region[4];         /* the recipient's country, ISO 3166 alpha-2, e.g.
                               "JP"; "" when unknown (then national numbers and
                               short codes give SMSREP_E_NEED_REGION) */
    const char *text;       /* the message text, optional (NULL): read for the brand
                               it names, its links, one-time codes and service
                               notices, never kept; at most SMSREP_TEXT_MAX
                               bytes and up to its first byte that is not UTF-8
                               are read. NULL leaves the verdict of the sender
                               alone exactly as it is. */
    size_t text_len;
    int64_t time;           /* when it arrived, Unix seconds; 0 = now */
} smsrep_query;
#define SMSREP_QUERY_INIT SMSREP_INIT_(smsrep_query)
/* The first published size (0.1); any size from it on is accepted. */
#define SMSREP_QUERY_SIZE_0_1 ((uint32_t)(offsetof(smsrep_query, time) + sizeof(int64_t)))

#define SMSREP_NORMALIZED_SIZE 128
#define SMSREP_BRAND_SIZE 64
#define SMSREP_SOURCE_ID_SIZE 48
#define SMSREP_DISPLAY_SIZE 192
#define SMSREP_HOST_SIZE 128
#define SMSREP_PHRASE_SIZE 64

typedef struct smsrep_verdict {
    uint32_t struct_size;      /* sizeof(smsrep_verdict), set by the caller */
    uint32_t kind;             /* enum smsrep_kind */
    uint32_t number_type;      /* enum smsrep_number_type */
    uint32_t class_;           /* enum smsrep_class */
    uint32_t score;            /* 0 (certainly fine) .. 100 (certainly malicious) */
    uint32_t recommendation;   /* enum smsrep_recommendation */
    uint32_t brand_relation;   /* enum smsrep_relation */
    uint32_t reply_cost;       /* enum smsrep_reply_cost */
    uint32_t calling_code;     /* e.g. 81; 0 when none (short codes: the region's) */
    uint32_t reserved0;        /* zero */
    uint64_t reasons;          /* SMSREP_REASON_BIT() flags */
    char normalized[SMSREP_NORMALIZED_SIZE]; /* E.164 "+815053704545" for numbers,
                                  national digits for short codes, canonical
                                  form for alphanumerics, "" for invalid */
    char region[4];            /* the sender's country ("US"), "001" for
                                  non-geographic numbers, "" when unknown */
    char brand[SMSREP_BRAND_SIZE];          /* brand display name, "" none */
    char source[SMSREP_SOURCE_ID_SIZE];     /* id of the source of the row that
                                  decided, for smsrep_source(); "" none */
    /* fields added in 0.2 */
    char display[SMSREP_DISPLAY_SIZE]; /* the sender as it arrived, trimmed, with
                                  every invisible or bidirectional control
                                  character written as <U+XXXX> so that it can
                                  be shown safely; cut at a character boundary */
    uint32_t message_class;    /* enum smsrep_message_class (Indian DLT suffix) */
    uint32_t reserved1;        /* zero */
    char dlt_header[8];        /* Indian DLT header: the 6-character header
                                  ("HDFCBK" of "VM-HDFCBK-S"), "" otherwise */
    char dlt_operator[32];     /* its access provider ("Vodafone Idea"), "" unknown */
    char dlt_circle[32];       /* its licensed service area ("Mumbai"), "" unknown */
    char text_brand[SMSREP_BRAND_SIZE]; /* the brand the message text names, "" none
                                  or no text */
    char url_host[SMSREP_HOST_SIZE]; /* the link host that argued against the
                                  text (not the named brand's, or punycode), in
                                  ASCII (xn--) form; "" none */
    /* fields added in 0.3 */
    char text_phrase[SMSREP_PHRASE_SIZE]; /* what in the message text argued
                                  against it: the lure phrase (as the
                                  database holds it, ASCII lower-cased) or the
                                  callback number (as the text writes it, cut
                                  at a character boundary); "" none */
    /* fields added after 0.3 go here */
} smsrep_verdict;
#define SMSREP_VERDICT_INIT SMSREP_INIT_(smsrep_verdict)
#define SMSREP_VERDICT_SIZE_0_1 ((uint32_t)(offsetof(smsrep_verdict, source) + SMSREP_SOURCE_ID_SIZE))
#define SMSREP_VERDICT_SIZE_0_2 ((uint32_t)(offsetof(smsrep_verdict, url_host) + SMSREP_HOST_SIZE))
#define SMSREP_VERDICT_SIZE_0_3 \
    ((uint32_t)(offsetof(smsrep_verdict, text_phrase) + SMSREP_PHRASE_SIZE))

/* METHOD. Judges one sender. On SMSREP_OK *out holds the verdict (a sender
 * that cannot be a genuine originator is a verdict, class spoofed, not an
 * error). Input that is not a sender at all gives E_EMPTY, E_TOO_LONG,
 * E_ENCODING or E_CHARACTER; a bad region gives E_REGION; a national number
 * without a region gives E_NEED_REGION, and in a library built without
 * libphonenumber (smsrep_phonenumber_version() is "none") a national number
 * longer than a short code gives E_NEED_E164. On any error *out is zeroed
 * past struct_size. Safe to call from many threads on one handle. Since 0.1. */
SMSREP_API int smsrep_check(smsrep_db *db, const smsrep_query *query, smsrep_verdict *out);

/* ---------------------------------------------------------------- provenance */
typedef struct smsrep_source_info {
    uint32_t struct_size;        /* sizeof(smsrep_source_info) */
    char id[SMSREP_SOURCE_ID_SIZE];
    char name[160];
    char url[256];
    char licence[64];
    char retrieved[16];          /* YYYY-MM-DD */
    char credit[256];            /* the credit line the licence asks for */
} smsrep_source_info;
#define SMSREP_SOURCE_INFO_INIT SMSREP_INIT_(smsrep_source_info)
#define SMSREP_SOURCE_INFO_SIZE_0_1 ((uint32_t)(offsetof(smsrep_source_info, credit) + 256))

/* METHOD. Looks up a source by id (a verdict's source). Returns SMSREP_OK,
 * or E_NOT_FOUND when the database has no such source. Fields longer than
 * their arrays are cut at a UTF-8 character boundary. Since 0.1. */
SMSREP_API int smsrep_source(smsrep_db *db, const char *id, smsrep_source_info *out);

typedef struct smsrep_db_info {
    uint32_t struct_size;        /* sizeof(smsrep_db_info) */
    uint32_t schema_version;     /* PRAGMA user_version of the database */
    uint32_t embedded;           /* 1 when the embedded copy is in use */
    uint32_t has_overlay;        /* 1 when an overlay is attached */
    char data_version[32];       /* the data's version, e.g. "2026.11.22" */
    char overlay_version[32];    /* the overlay's last change, "" none */
} smsrep_db_info;
#define SMSREP_DB_INFO_INIT SMSREP_INIT_(smsrep_db_info)
#define SMSREP_DB_INFO_SIZE_0_1 ((uint32_t)(offsetof(smsrep_db_info, overlay_version) + 32))

/* METHOD. Describes the open database. Since 0.1. */
SMSREP_API int smsrep_db_info_get(smsrep_db *db, smsrep_db_info *out);

/* How smsrep_db_counts() groups rows. */
#define SMSREP_COUNT_BY_TABLE  0u  /* key: table name */
#define SMSREP_COUNT_BY_SOURCE 1u  /* key: source id; table: the table */
#define SMSREP_COUNT_BY_REGION 2u  /* key: region ("JP", "001", "*"); table: the table */

typedef struct smsrep_count {
    uint32_t struct_size;        /* sizeof(smsrep_count), in every element */
    uint32_t reserved0;
    uint64_t rows;
    char table[32];
    char key[SMSREP_SOURCE_ID_SIZE];
} smsrep_count;
#define SMSREP_COUNT_SIZE_0_1 ((uint32_t)(offsetof(smsrep_count, key) + SMSREP_SOURCE_ID_SIZE))

/* METHOD. Counts the rows of the open database (the bundled data; an
 * overlay's own rows under the table names "overlay_*"), grouped by
 * SMSREP_COUNT_BY_*. Fills out[0..cap) in table then key order and sets
 * *total to the number of groups, which may exceed cap (call again with a
 * larger array). The element size is out[0].struct_size (at least
 * SMSREP_COUNT_SIZE_0_1): the library steps through the array by it, and
 * every element must carry the same struct_size, else E_STRUCT_SIZE.
 * Since 0.1. */
SMSREP_API int smsrep_db_counts(smsrep_db *db, uint32_t group, smsrep_count *out, size_t cap,
                                size_t *total);

/* ---------------------------------------------------------------- SMS bombing
 * A burst tracker watches the messages each recipient receives and reports
 * when many distinct senders deliver one-time codes or junk within a short
 * window: an SMS bomb, which usually hides a notice the user must see (an
 * order or a password change). It is independent of any database handle.
 * Memory is bounded by max_recipients x max_senders, however many
 * recipients and senders arrive: about max_recipients x (24 x max_senders
 * + 64) bytes. A recipient is found in constant time (a hash index keyed
 * with a secret of each tracker's own). When every slot is taken, a new
 * recipient replaces the least active of a random sample (one under a
 * burst, or with more code or junk senders within the window, stays), so a
 * flood of new recipients cannot choose whom it pushes out; in a
 * recipient's row, the sender seen least recently gives way. Sizing for a
 * flood: max_recipients should exceed the distinct recipients that receive
 * code or junk within one window at your peak; beyond that, a recipient
 * with a single sender so far may be forgotten, one with two or more
 * outlasts any number of recipients with one. Times before 1970 count as
 * 1970, and times more than an hour past this machine's clock as an hour
 * past it, so a message dated in 2100 hides nothing. One tracker may be
 * shared by many threads; it takes a lock for each observation. Since 0.2. */
typedef struct smsrep_burst smsrep_burst;

typedef struct smsrep_burst_config {
    uint32_t struct_size;      /* sizeof(smsrep_burst_config) */
    uint32_t window;           /* seconds a message counts for; 0 = 600 */
    uint32_t min_senders;      /* distinct senders within the window that make a
                                  burst; 0 = 5 */
    uint32_t max_recipients;   /* recipients tracked at once; 0 = 1024 */
    uint32_t max_senders;      /* senders remembered per recipient; 0 = 32 (at most
                                  1024: 24 bytes each) */
} smsrep_burst_config;
#define SMSREP_BURST_CONFIG_INIT SMSREP_INIT_(smsrep_burst_config)
#define SMSREP_BURST_CONFIG_SIZE_0_2 ((uint32_t)(offsetof(smsrep_burst_config, max_senders) + 4))

/* What a message looked like, for smsrep_burst_observe(). Messages with
 * neither flag are remembered but never make a burst. */
#define SMSREP_BURST_CODE 1u   /* a one-time code (verdict reason one_time_code) */
#define SMSREP_BURST_JUNK 2u   /* flagged or blocked (recommendation not allow) */

typedef struct smsrep_burst_state {
    uint32_t struct_size;      /* sizeof(smsrep_burst_state) */
    uint32_t in_burst;         /* 1 while the recipient is under a burst */
    uint32_t started;          /* 1 when this message started the burst */
    uint32_t senders;          /* distinct code or junk senders within the window */
    uint32_t messages;         /* code or junk messages within the window */
    uint32_t reserved0;
    int64_t since;             /* time of the oldest of them; 0 when none */
    uint32_t degraded;         /* 1 when the tracker's store (smsrep_burst_set_store)
                                  failed for this message and the answer is this
                                  tracker's own count. Since 0.3. */
    uint32_t reserved1;
} smsrep_burst_state;
#define SMSREP_BURST_STATE_INIT SMSREP_INIT_(smsrep_burst_state)
#define SMSREP_BURST_STATE_SIZE_0_2 ((uint32_t)(offsetof(smsrep_burst_state, since) + 8))
#define SMSREP_BURST_STATE_SIZE_0_3 ((uint32_t)(offsetof(smsrep_burst_state, reserved1) + 4))

/* CONSTRUCTOR. config NULL takes every default. E_ARGUMENT for out NULL,
 * E_STRUCT_SIZE, E_NOMEM. Since 0.2. */
SMSREP_API int smsrep_burst_new(smsrep_burst **out, const smsrep_burst_config *config);
/* DESTRUCTOR. NULL is a no-op. Since 0.2. */
SMSREP_API void smsrep_burst_free(smsrep_burst *burst);
/* METHOD. Records one message to recipient (any stable identifier, e.g. an
 * E.164 number) from sender (as it arrived or normalized), at time (Unix
 * seconds; times may arrive out of order, and each message counts the
 * senders within one window either side of its own time), with
 * SMSREP_BURST_* flags, and says what the recipient is under now. Empty recipient or sender gives E_ARGUMENT. Since 0.2. */
SMSREP_API int smsrep_burst_observe(smsrep_burst *burst, const char *recipient,
                                    size_t recipient_len, const char *sender, size_t sender_len,
                                    int64_t time, uint32_t flags, smsrep_burst_state *out);

/* A store for burst state shared beyond one tracker: several processes or
 * machines that see the same recipients (a gateway's smsboxes, a fleet of
 * nodes) count their senders together. The library itself never opens a
 * socket; a store lives in a module of its own (smsrep_redis.h) or in the
 * caller. Caller-owned: the tracker copies this struct, not what ctx points
 * to, which must outlive the tracker (or the next smsrep_burst_set_store).
 *
 * The tracker always keeps its own count as well. For each message it
 * first updates that count under its lock, fills *state with it, releases
 * the lock and then calls observe with the message's clamped time and the
 * tracker's settings (config has every default filled in). observe puts the
 * store's answer into *state (at least senders, in_burst and started; it
 * may leave messages and since as they are) and returns SMSREP_OK; any
 * other return, or a store that took too long and gave up, leaves the
 * tracker's own answer with degraded = 1, so a store that fails never stops
 * a message. observe must not block longer than the caller can wait (the
 * store enforces its own time-outs) and is called from every thread that
 * shares the tracker, at the same time: a store that is not thread-safe
 * takes its own lock. recipient and sender are the caller's bytes, not
 * NUL-terminated: a store that keeps them elsewhere should keep a keyed
 * hash, never the number. Since 0.3. */
typedef struct smsrep_burst_store {
    uint32_t struct_size;      /* sizeof(smsrep_burst_store) */
    uint32_t reserved0;
    void *ctx;                 /* passed to observe as is */
    int (*observe)(void *ctx, const smsrep_burst_config *config, const char *recipient,
                   size_t recipient_len, const char *sender, size_t sender_len, int64_t time,
                   uint32_t flags, smsrep_burst_state *state);
} smsrep_burst_store;
#define SMSREP_BURST_STORE_INIT SMSREP_INIT_(smsrep_burst_store)
#define SMSREP_BURST_STORE_SIZE_0_3 \
    ((uint32_t)(offsetof(smsrep_burst_store, observe) + sizeof(void (*)(void))))

/* METHOD. Puts the tracker's state behind store (copied), or back in the
 * process alone for NULL (the default). Not safe while other threads
 * observe through the same tracker: set the store before sharing it.
 * E_ARGUMENT for burst NULL or a store without observe, E_STRUCT_SIZE.
 * Since 0.3. */
SMSREP_API int smsrep_burst_set_store(smsrep_burst *burst, const smsrep_burst_store *store);

#ifdef __cplusplus
}
#endif
#endif /* SMSREP_H */
