/* SPDX-License-Identifier: Apache-2.0
 * phone.h: the C face of phone.cc, the only C++ file, over libphonenumber.
 * Private to libsmsrep. Every function returns SMSREP_OK, SMSREP_E_NOMEM or
 * SMSREP_E_INTERNAL; no C++ exception crosses this line. phone_none.c is
 * the same face without libphonenumber; its national parse may also return
 * SMSREP_E_NEED_E164. */
#ifndef SMSREP_PHONE_H
#define SMSREP_PHONE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum phone_parse_error {
    PHONE_PARSED = 0,          /* libphonenumber produced a number (valid or not) */
    PHONE_NOT_A_NUMBER,
    PHONE_BAD_CALLING_CODE,
    PHONE_TOO_SHORT,
    PHONE_TOO_LONG
};

typedef struct phone_number {
    int parse_error;           /* enum phone_parse_error */
    int valid;                 /* the metadata knows the number */
    uint32_t calling_code;     /* 0 when none */
    uint32_t type;             /* enum smsrep_number_type */
    char e164[24];             /* digits without '+' (at most 15), "" when not parsed */
    char region[4];            /* "US", "001" (non-geographic), "" */
    /* libphonenumber's own reading, when Parse() gave one (whatever came
     * after), so that smsrep__phone_short_of() need not parse again */
    int read;
    uint32_t read_cc;
    uint64_t read_national;
    int read_italian_zero;
    int read_zeros;            /* number_of_leading_zeros; 0 when unset */
} phone_number;

typedef struct phone_short {
    int valid;                 /* a valid short number in the region */
    int sms_service;           /* the metadata lists it as an SMS service */
    uint32_t cost;             /* enum smsrep_reply_cost */
} phone_short;

/* Checks once that the compiled plan matches libphonenumber's metadata;
 * when it does not, builds libphonenumber's singletons at once, and when it
 * does, only the first number the plan leaves open builds them (about
 * 10 ms). Thread-safe; call before starting threads. */
int smsrep__phone_init(void);

/* Parses ASCII digits (at most SENDER_DIGITS_MAX). international: the digits
 * begin with the country code. Otherwise they are national to region. */
int smsrep__phone_parse(const char *digits, int international, const char *region,
                        phone_number *out);

/* smsrep__phone_parse(), _short() and _short_of() by libphonenumber alone,
 * never the compiled plan: the oracles of the differential test
 * (tests/unit/test_plan_diff.cc). Not in the build without libphonenumber. */
int smsrep__phone_parse_lpn(const char *digits, int international, const char *region,
                            phone_number *out);
int smsrep__phone_short_lpn(const char *digits, const char *region, phone_short *out);
int smsrep__phone_short_of_lpn(const phone_number *reading, const char *region,
                               phone_short *out);

/* What the metadata says of digits as a short number dialled in region. */
int smsrep__phone_short(const char *digits, const char *region, phone_short *out);
/* The same for digits already read nationally in region by
 * smsrep__phone_parse(digits, 0, region, reading): Parse() gives the same
 * number both times, so its reading is reused instead of parsing again. */
int smsrep__phone_short_of(const phone_number *reading, const char *region, phone_short *out);

/* The calling code of an upper-case region ("JP" -> 81), or 0 when
 * libphonenumber does not know the region. */
uint32_t smsrep__phone_region_calling_code(const char *region);

/* 1 when smsrep__phone_parse() reads numbers with the compiled plan
 * (plan_dfa.c): its tables were made from the metadata of the libphonenumber
 * linked (or, without libphonenumber, the build host had them made); 0 when
 * every number goes to libphonenumber (or is read as E.164 only). */
int smsrep__phone_plan_active(void);

/* How many parses the plan decided and how many libphonenumber made, for
 * the bench; the first lags by up to 1,023 per thread still running. The
 * build without libphonenumber does not count (0 and 0). */
void smsrep__phone_plan_tally(uint64_t *decided, uint64_t *asked);

#ifdef __cplusplus
}
#endif
#endif
