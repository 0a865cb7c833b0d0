/* SPDX-License-Identifier: Apache-2.0
 * alnum.c: the canonical form of an alphanumeric sender ID ("ａｍａｚｏｎ" and
 * "Amazon" are both "AMAZON") and its confusable skeleton per Unicode
 * UTS #39 through ICU's uspoof, so that "AMAZ0N" and "Аmazon" (Cyrillic А)
 * meet "AMAZON" in the brand index. ICU arrives with libphonenumber anyway. */
#include "alnum.h"

#include "ascii.h"
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
static const UNormalizer2 *nfkc;  /* the same */
static USpoofChecker *spoof;      /* never closed: shared by every handle */
static int init_status = SMSREP_E_INTERNAL;

static void init_once(void)
{
    UErrorCode err = U_ZERO_ERROR;
    fold = unorm2_getNFKCCasefoldInstance(&err);
    if (U_SUCCESS(err))
        nfkc = unorm2_getNFKCInstance(&err);
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

/* Normalisation (NFKC, or NFKC case folding) of src into dst; returns the
 * length or -1 with *status set. */
static int32_t normalize(const UNormalizer2 *form, const UChar *src, int32_t n, UChar *dst,
                         int32_t cap, int *status)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = unorm2_normalize(form, src, n, dst, cap, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING) {
        *status = icu_status(err);
        return -1;
    }
    return len;
}

static int32_t casefold(const UChar *src, int32_t n, UChar *dst, int32_t cap, int *status)
{
    return normalize(fold, src, n, dst, cap, status);
}

/* The characters UK operators allow in a sender ID (and most others too). */
static int basic_char(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
           cp == ' ' || cp == '.' || cp == '&' || cp == '_' || cp == '-';
}

/* The code point at s[*i], advancing *i past it; a lone surrogate is itself. */
static UChar32 next16(const UChar *s, int32_t *i, int32_t n)
{
    UChar32 c = s[(*i)++];
    if (c >= 0xD800 && c <= 0xDBFF && *i < n && s[*i] >= 0xDC00 && s[*i] <= 0xDFFF)
        c = ((c - 0xD800) << 10) + (s[(*i)++] - 0xDC00) + 0x10000;
    return c;
}

/* Reads the NFKC form of what is left once invisible characters are taken
 * out: what a handset would show, and so what a network must have carried. */
static int shown_form(const UChar *in, int32_t n_in, alnum_form *out)
{
    UChar visible[WORK_IN], shown[WORK_FOLD];
    int32_t n_vis = 0, n_shown, i = 0;
    int status = SMSREP_OK;
    size_t pending = 0;
    UChar32 cp;

    while (i < n_in) {
        int32_t start = i;
        cp = next16(in, &i, n_in);
        if (u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
            out->invisible++;
            pending += n_vis > 0;
            continue;
        }
        out->invisible_inside += pending;
        pending = 0;
        while (start < i)
            visible[n_vis++] = in[start++];
    }
    if ((n_shown = normalize(nfkc, visible, n_vis, shown, WORK_FOLD, &status)) < 0)
        return status;
    out->gsm_encodable = 1;
    out->basic_charset = 1;
    for (i = 0; i < n_shown;) {
        cp = next16(shown, &i, n_shown);
        if (u_isUWhiteSpace(cp))
            cp = ' '; /* as the canonical form writes every blank */
        out->chars++;
        /* IDs are compared case-folded, so a letter counts when the network
         * could carry it in either case: "TEπ" is the ID "TEΠ", and "À" the
         * ID "à". Checking the canonical form then gives the same answer. */
        if (!gsm_char((uint32_t)cp) && !gsm_char((uint32_t)u_toupper(cp)) &&
            !gsm_char((uint32_t)u_foldCase(cp, U_FOLD_CASE_DEFAULT)))
            out->gsm_encodable = 0;
        if (!basic_char((uint32_t)cp))
            out->basic_charset = 0;
    }
    return SMSREP_OK;
}

void smsrep__alnum_loose(const char *skeleton, char *out, size_t cap)
{
    static const char swap[128] = {
        ['0'] = 'O', ['1'] = 'I', ['3'] = 'E', ['4'] = 'A', ['5'] = 'S', ['8'] = 'B',
        ['@'] = 'A', ['$'] = 'S', ['|'] = 'I', ['!'] = 'I', ['L'] = 'I',
    };
    const unsigned char *p = (const unsigned char *)skeleton;
    size_t n = 0;
    int gap = 0;

    if (cap == 0)
        return;
    for (; *p != '\0'; p++) {
        unsigned char c = *p;
        if (c < 0x80) {
            c = (unsigned char)smsrep__ascii_upper((char)c);
            if (swap[c] != 0)
                c = (unsigned char)swap[c];
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                gap = n > 0;
                continue;
            }
        } else if ((c & 0xC0) != 0x80 && n + 4 + (size_t)gap >= cap) {
            break; /* a whole character or none */
        }
        if (n + 1 + (size_t)gap >= cap)
            break;
        if (gap)
            out[n++] = ' ';
        gap = 0;
        out[n++] = (char)c;
    }
    while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
        n--; /* never end on a lead byte */
    out[n] = '\0';
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
    size_t off;

    memset(out, 0, sizeof *out);
    if (status != SMSREP_OK)
        return status;
    if (len > SMSREP_SENDER_MAX)
        return SMSREP_E_TOO_LONG;

    u_strFromUTF8(in, WORK_IN, &n_in, text, (int32_t)len, &err);
    if (U_FAILURE(err))
        return icu_status(err);
    if ((status = shown_form(in, n_in, out)) != SMSREP_OK)
        return status;
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
    status = to_utf8(skel_folded, n_skel, out->skeleton, sizeof out->skeleton);
    if (status == SMSREP_OK)
        smsrep__alnum_loose(out->skeleton, out->loose, sizeof out->loose);
    return status;
}
