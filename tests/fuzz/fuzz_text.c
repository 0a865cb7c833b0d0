/* SPDX-License-Identifier: Apache-2.0
 * fuzz_text.c: the message-text path: links and their IDNA hosts (url.c),
 * brand claims, codes and notices (text.c), and smsrep_check with a text.
 * Input: byte 0 picks the recipient; the rest is the sender, a newline, then
 * the text (any bytes: the library reads up to the first that is not UTF-8).
 *   Invariants: every host is lower-case ASCII and NUL-terminated, at most
 *   URL_MAX of them; the verdict passes fuzz_check_verdict; url_host is one of
 *   the text's hosts; text_brand and text_phrase are set only with a text;
 *   text_phrase is UTF-8, and is the text's first lure, its demand or its
 *   callback number, which holds 8 to 15 digits; and a text changes nothing
 *   about the sender (kind, normalized, region, number type). */
#include "fuzz_common.h"

#include "handle.h"
#include "text.h"
#include "url.h"


static void check_hosts(const url_hosts *h)
{
    size_t i, k;
    FUZZ_ASSERT(h->n <= URL_MAX, "too many hosts");
    for (i = 0; i < h->n; i++) {
        size_t len = fuzz_strnlen(h->host[i], URL_HOST_SIZE);
        FUZZ_ASSERT(len > 0 && len < URL_HOST_SIZE, "an empty or unterminated host");
        for (k = 0; k < len; k++) {
            char c = h->host[i][k];
            FUZZ_ASSERT((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.',
                        "a host that is not lower-case ASCII");
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    smsrep_db *db = fuzz_embedded_db();
    static const char *const regions[] = { "JP", "US", "GB", "IN", "SG", "" };
    const char *rest = (const char *)data + 1, *nl;
    size_t len = size > 0 ? size - 1 : 0, sender_len;
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict with = SMSREP_VERDICT_INIT, without = SMSREP_VERDICT_INIT;
    text_findings t;
    int s1, s2;

    if (size == 0)
        return 0;
    nl = memchr(rest, '\n', len);
    sender_len = nl ? (size_t)(nl - rest) : len;
    q.sender = rest;
    q.sender_len = sender_len;
    q.text = nl ? nl + 1 : "";
    q.text_len = nl ? len - sender_len - 1 : 0;
    snprintf(q.region, sizeof q.region, "%s", regions[data[0] % 6]);

    smsrep__text_scan(&db->book, q.text, q.text_len, &t);
    FUZZ_ASSERT(t.read, "a text that was not read");
    check_hosts(&t.hosts);
    FUZZ_ASSERT(t.foreign < (int)t.hosts.n, "a foreign host outside the hosts");
    FUZZ_ASSERT(t.foreign < 0 || t.claimed != NULL, "a foreign host without a claim");
    FUZZ_ASSERT(t.demand == NULL || t.lure != NULL, "a demand without a lure");
    if (t.callback) {
        size_t n = fuzz_check_string(t.callback_text, sizeof t.callback_text, 1, "callback text");
        size_t i, digits = 0;
        for (i = 0; i < n; i++)
            digits += (t.callback_text[i] >= '0' && t.callback_text[i] <= '9') ||
                      ((unsigned char)t.callback_text[i] >= 0x90 &&
                       (unsigned char)t.callback_text[i] <= 0x99 && i >= 2 &&
                       (unsigned char)t.callback_text[i - 1] == 0xBC &&
                       (unsigned char)t.callback_text[i - 2] == 0xEF);
        FUZZ_ASSERT(digits >= 8 && digits <= 15, "a callback number without 8 to 15 digits");
    }

    s1 = smsrep_check(db, &q, &with);
    q.text = NULL;
    q.text_len = 0;
    s2 = smsrep_check(db, &q, &without);
    FUZZ_ASSERT(s1 == s2, "a text changed the status");
    if (s1 != SMSREP_OK)
        return 0;
    fuzz_check_verdict(&with, 0);
    fuzz_check_verdict(&without, 0);
    FUZZ_ASSERT(without.text_brand[0] == '\0' && without.url_host[0] == '\0' &&
                    without.text_phrase[0] == '\0',
                "text fields without a text");
    fuzz_check_string(with.text_phrase, sizeof with.text_phrase, 1, "text_phrase");
    if (with.text_phrase[0] != '\0')
        FUZZ_ASSERT((t.lure != NULL && strcmp(with.text_phrase, t.lure->text) == 0) ||
                        (t.demand != NULL && strcmp(with.text_phrase, t.demand->text) == 0) ||
                        (t.callback && strcmp(with.text_phrase, t.callback_text) == 0),
                    "text_phrase is neither a lure of the text nor its callback number");
    FUZZ_ASSERT(with.kind == without.kind && strcmp(with.normalized, without.normalized) == 0 &&
                    strcmp(with.region, without.region) == 0 &&
                    with.number_type == without.number_type,
                "a text changed what the sender is");
    if (with.url_host[0] != '\0') {
        size_t i;
        int found = 0;
        for (i = 0; i < t.hosts.n; i++)
            found |= strcmp(t.hosts.host[i], with.url_host) == 0;
        FUZZ_ASSERT(found, "url_host is none of the text's hosts");
    }
    return 0;
}
