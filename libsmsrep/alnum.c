/* SPDX-License-Identifier: Apache-2.0
 * alnum.c: the canonical form of an alphanumeric sender ID ("ａｍａｚｏｎ" and
 * "Amazon" are both "AMAZON") and its confusable skeleton per Unicode
 * UTS #39 through ICU's uspoof, so that "AMAZ0N" and "Аmazon" (Cyrillic А)
 * meet "AMAZON" in the brand index. ICU arrives with libphonenumber anyway. */
#include "alnum.h"

#include "utf8.h"

#include <pthread.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uspoof.h>

/* Work buffers, in UTF-16 units. A sender has at most SMSREP_SENDER_MAX
 * bytes, so at most that many units; NFKC case folding expands one code
 * point into at most 18 (U+FDFA). Skeletons serve to meet brand names, which
 * are short, so only the first SKELETON_INPUT units are skeletonised. */
#define WORK_IN (SMSREP_SENDER_MAX + 1)
#define WORK_FOLD (18 * SMSREP_SENDER_MAX + 16)
#define SKELETON_INPUT 64
#define WORK_SKELETON (18 * SKELETON_INPUT + 16)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const UNormalizer2 *fold;  /* owned by ICU, immutable */
static USpoofChecker *spoof;      /* never closed: shared by every handle */
static int init_status = SMSREP_E_INTERNAL;

static void init_once(void)
{
    UErrorCode err = U_ZERO_ERROR;
    fold = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) {
        init_status = err == U_MEMORY_ALLOCATION_ERROR ? SMSREP_E_NOMEM : SMSREP_E_INTERNAL;
        return;
    }
    spoof = uspoof_open(&err);
    if (U_FAILURE(err)) {
        init_status = err == U_MEMORY_ALLOCATION_ERROR ? SMSREP_E_NOMEM : SMSREP_E_INTERNAL;
        return;
    }
    init_status = SMSREP_OK;
}

int smsrep__alnum_init(void)
{
    pthread_once(&once, init_once);
    return init_status;
}

/* The GSM 03.38 default alphabet outside printable ASCII, and the ASCII
 * characters it lacks. */
static int gsm_char(uint32_t cp)
{
    static const uint32_t extra[] = {
        0x00A3, 0x00A5, 0x00E8, 0x00E9, 0x00F9, 0x00EC, 0x00F2, 0x00C7, 0x00D8, 0x00F8,
        0x00C5, 0x00E5, 0x0394, 0x03A6, 0x0393, 0x039B, 0x03A9, 0x03A0, 0x03A8, 0x03A3,
        0x0398, 0x039E, 0x00C6, 0x00E6, 0x00DF, 0x00C9, 0x00A4, 0x00A1, 0x00C4, 0x00D6,
        0x00D1, 0x00DC, 0x00A7, 0x00BF, 0x00E4, 0x00F6, 0x00F1, 0x00FC, 0x00E0, 0x20AC,
    };
    size_t i;
    if (cp >= 0x20 && cp < 0x7F)
        return cp != '`'; /* the only printable ASCII character GSM lacks */
    for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
        if (extra[i] == cp)
            return 1;
    return 0;
}

static int icu_status(UErrorCode err)
{
    if (err == U_MEMORY_ALLOCATION_ERROR)
        return SMSREP_E_NOMEM;
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
        return SMSREP_E_TOO_LONG;
    return SMSREP_E_INTERNAL;
}

/* NFKC case folding of src into dst; returns the length or -status. */
static int32_t casefold(const UChar *src, int32_t n, UChar *dst, int32_t cap, int *status)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = unorm2_normalize(fold, src, n, dst, cap, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING) {
        *status = icu_status(err);
        return -1;
    }
    return len;
}

/* Converts UTF-16 to UTF-8 into a fixed array, cutting at a character
 * boundary when the text does not fit. */
static int to_utf8(const UChar *src, int32_t n, char *dst, size_t cap)
{
    char whole[3 * WORK_FOLD + 1];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = 0;
    u_strToUTF8(whole, (int32_t)sizeof whole, &len, src, n, &err);
    if (U_FAILURE(err))
        return icu_status(err);
    smsrep__copy(dst, cap, whole, (size_t)len);
    return SMSREP_OK;
}

int smsrep__alnum_forms(const char *text, size_t len, alnum_form *out)
{
    UChar in[WORK_IN], folded[WORK_FOLD], canon[WORK_FOLD];
    UChar skel[WORK_SKELETON], skel_folded[WORK_SKELETON];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n_in = 0, n_fold, n_canon = 0, n_skel, i;
    int status = smsrep__alnum_init(), space = 0;
    size_t off = 0, used;
    uint32_t cp;

    memset(out, 0, sizeof *out);
    if (status != SMSREP_OK)
        return status;
    if (len > SMSREP_SENDER_MAX)
        return SMSREP_E_TOO_LONG;

    out->gsm_encodable = 1;
    while (off < len && (used = smsrep__utf8_decode(text + off, len - off, &cp)) > 0) {
        out->chars++;
        if (!gsm_char(cp))
            out->gsm_encodable = 0;
        off += used;
    }

    u_strFromUTF8(in, WORK_IN, &n_in, text, (int32_t)len, &err);
    if (U_FAILURE(err))
        return icu_status(err);
    if ((n_fold = casefold(in, n_in, folded, WORK_FOLD, &status)) < 0)
        return status;

    /* Collapse every run of white space into one space and trim the ends;
     * upper-case ASCII letters, which is how sender IDs are usually shown. */
    for (i = 0; i < n_fold; i++) {
        UChar c = folded[i];
        if (u_isUWhiteSpace(c)) {
            space = n_canon > 0;
            continue;
        }
        if (space)
            canon[n_canon++] = ' ';
        space = 0;
        canon[n_canon++] = (c >= 'a' && c <= 'z') ? (UChar)(c - 'a' + 'A') : c;
    }
    if ((status = to_utf8(canon, n_canon, out->canonical, sizeof out->canonical)) != SMSREP_OK)
        return status;
    /* a cut may end just after a space, which the form never does */
    for (off = strlen(out->canonical); off > 0 && out->canonical[off - 1] == ' '; off--)
        out->canonical[off - 1] = '\0';

    /* The skeleton is taken of the case-folded form and folded again, since
     * UTS #39 maps some characters to capitals ("0" to "O"). */
    if (n_canon > SKELETON_INPUT) {
        n_canon = SKELETON_INPUT;
        if (U16_IS_LEAD(canon[n_canon - 1]))
            n_canon--; /* never split a surrogate pair */
    }
    if ((n_fold = casefold(canon, n_canon, folded, WORK_FOLD, &status)) < 0)
        return status;
    err = U_ZERO_ERROR;
    n_skel = uspoof_getSkeleton(spoof, 0, folded, n_fold, skel, WORK_SKELETON, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return icu_status(err);
    if ((n_skel = casefold(skel, n_skel, skel_folded, WORK_SKELETON, &status)) < 0)
        return status;
    return to_utf8(skel_folded, n_skel, out->skeleton, sizeof out->skeleton);
}
