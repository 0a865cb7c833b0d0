/* SPDX-License-Identifier: Apache-2.0
 * names.c: the stable names and sentences of every status and enum, all made
 * from the X-macro lists in smsrep.h so that names and values cannot drift. */
#include "smsrep.h"

#include "ascii.h"

#include <string.h>

const char *smsrep_strerror(int status)
{
    switch (status) {
#define X(n, v, name, text) case SMSREP_##n: return text;
        SMSREP_STATUS_MAP(X)
#undef X
    default: return "unknown status";
    }
}

const char *smsrep_status_name(int status)
{
    switch (status) {
#define X(n, v, name, text) case SMSREP_##n: return name;
        SMSREP_STATUS_MAP(X)
#undef X
    default: return "unknown";
    }
}

/* Case-insensitive ASCII comparison of a pointer + length with a C string. */
static int name_equals(const char *s, size_t len, const char *name)
{
    return s != NULL && strlen(name) == len && smsrep__ascii_ieq(s, name, len);
}

/* One name table and one lookup pair per enum. */
#define NAME_ROW(n, v, name) { v, name },
#define DEFINE_NAMES(fn, from_fn, MAP)                                         \
    static const struct { uint32_t value; const char *name; } fn##_rows[] = { \
        MAP(NAME_ROW)                                                          \
    };                                                                         \
    const char *fn(uint32_t value)                                             \
    {                                                                          \
        size_t i;                                                              \
        for (i = 0; i < sizeof fn##_rows / sizeof fn##_rows[0]; i++)           \
            if (fn##_rows[i].value == value)                                   \
                return fn##_rows[i].name;                                      \
        return "unknown";                                                      \
    }                                                                          \
    int from_fn(const char *name, size_t len)                                  \
    {                                                                          \
        size_t i;                                                              \
        for (i = 0; i < sizeof fn##_rows / sizeof fn##_rows[0]; i++)           \
            if (name_equals(name, len, fn##_rows[i].name))                     \
                return (int)fn##_rows[i].value;                                \
        return -1;                                                             \
    }

DEFINE_NAMES(smsrep_kind_name, smsrep_kind_from_name, SMSREP_KIND_MAP)
DEFINE_NAMES(smsrep_class_name, smsrep_class_from_name, SMSREP_CLASS_MAP)
DEFINE_NAMES(smsrep_recommendation_name, smsrep_recommendation_from_name, SMSREP_RECOMMENDATION_MAP)
DEFINE_NAMES(smsrep_number_type_name, smsrep_number_type_from_name, SMSREP_NUMBER_TYPE_MAP)
DEFINE_NAMES(smsrep_relation_name, smsrep_relation_from_name, SMSREP_RELATION_MAP)
DEFINE_NAMES(smsrep_reply_cost_name, smsrep_reply_cost_from_name, SMSREP_REPLY_COST_MAP)
DEFINE_NAMES(smsrep_hint_name, smsrep_hint_from_name, SMSREP_HINT_MAP)
DEFINE_NAMES(smsrep_reason_name, smsrep_reason_from_name, SMSREP_REASON_MAP)
DEFINE_NAMES(smsrep_message_class_name, smsrep_message_class_from_name, SMSREP_MESSAGE_CLASS_MAP)

/* Sentences for people. Kept beside the names so that a new reason cannot
 * ship without its text: the array is indexed by the pinned bit number and a
 * unit test checks every reason has both languages. */
static const struct { const char *en, *ja; } reason_text[SMSREP_REASON_LAST_] = {
    [SMSREP_REASON_KNOWN_OTP_SENDER] = {
        "documented sender of one-time codes for this brand",
        "このブランドの確認コード送信元として記録されている番号です" },
    [SMSREP_REASON_REGISTERED_SHORT_CODE] = {
        "short code issued only to vetted senders",
        "審査を受けた事業者だけに割り当てられるショートコードです" },
    [SMSREP_REASON_REGISTERED_SENDER_ID] = {
        "sender ID documented for this brand",
        "このブランドの送信者名として記録されています" },
    [SMSREP_REASON_LOW_CONFIDENCE_EVIDENCE] = {
        "the only evidence is a public user report",
        "根拠は利用者による公開の報告だけです" },
    [SMSREP_REASON_MALFORMED] = {
        "not a well-formed sender",
        "送信元の形式として成り立っていません" },
    [SMSREP_REASON_INVALID_NUMBER] = {
        "no such number exists in the numbering plan",
        "番号計画上存在しない番号です" },
    [SMSREP_REASON_UNKNOWN_CALLING_CODE] = {
        "the country calling code is not assigned",
        "割り当てられていない国番号です" },
    [SMSREP_REASON_UNALLOCATED_RANGE] = {
        "the number range is not allocated",
        "割り当てられていない番号帯です" },
    [SMSREP_REASON_FICTIONAL_RANGE] = {
        "the number is reserved for fiction and documentation",
        "ドラマや説明用に予約された架空の番号です" },
    [SMSREP_REASON_CANNOT_ORIGINATE_SMS] = {
        "this kind of number cannot send an SMS",
        "この種類の番号からSMSは送信できません" },
    [SMSREP_REASON_FOREIGN_ROUTE] = {
        "the sender is a number from another country",
        "海外の番号からの送信です" },
    [SMSREP_REASON_IP_PHONE] = {
        "the sender is an IP phone number",
        "IP電話の番号からの送信です" },
    [SMSREP_REASON_M2M_NUMBER] = {
        "the sender is a machine-to-machine number",
        "機械間通信（M2M）用の番号からの送信です" },
    [SMSREP_REASON_PREMIUM_REPLY_COST] = {
        "replying may cost a premium rate",
        "返信すると高額な料金がかかるおそれがあります" },
    [SMSREP_REASON_BRAND_LOOKALIKE] = {
        "the sender name imitates a brand",
        "ブランド名に似せた送信者名です" },
    [SMSREP_REASON_UNREGISTERED_SENDER_ID] = {
        "the sender name is not documented for any brand here",
        "この国で記録されていない送信者名です" },
    [SMSREP_REASON_MALFORMED_SENDER_ID] = {
        "the sender name breaks the rules for SMS sender IDs",
        "SMSの送信者名の規則に合いません" },
    [SMSREP_REASON_OVERLAY_ALLOW] = {
        "allowed by the operator's own list",
        "運用者の許可リストに登録されています" },
    [SMSREP_REASON_OVERLAY_DENY] = {
        "denied by the operator's own list",
        "運用者の拒否リストに登録されています" },
    [SMSREP_REASON_INTERNATIONAL_NETWORK] = {
        "the number belongs to a satellite or international network",
        "衛星電話や国際網の番号です" },
    [SMSREP_REASON_SMS_SHORT_CODE] = {
        "the numbering plan lists this as an SMS short code",
        "番号計画でSMS用のショートコードとされています" },
    [SMSREP_REASON_GENERIC_SENDER_ID] = {
        "a generic sender name that operators refuse",
        "事業者が受け付けない汎用的な送信者名です" },
    [SMSREP_REASON_SCAM_MARKER] = {
        "the network marked the sender as a likely scam",
        "通信網が詐欺の疑いがある送信元として表示を置き換えています" },
    [SMSREP_REASON_REPORTED_NUMBER] = {
        "people have reported this number in complaints (reports are unverified; spoofers use real people's numbers)",
        "この番号は苦情として報告されています（未確認の報告で、なりすましに使われた他人の番号のこともあります）" },
    [SMSREP_REASON_INVISIBLE_CHARACTERS] = {
        "the sender holds invisible or text-direction characters",
        "送信元に見えない文字や文字の向きを変える制御文字が含まれています" },
    [SMSREP_REASON_REGISTRY_DELIVERED] = {
        "the recipient's networks deliver this sender ID only for registered senders",
        "受信者の国の通信網は登録済みの送信者名だけをそのまま届けます" },
    [SMSREP_REASON_NOT_DLT_HEADER] = {
        "Indian networks deliver commercial SMS only with a DLT header such as VM-ABCDEF-S; this is not one",
        "インドの通信網は商用SMSをDLTヘッダー（例: VM-ABCDEF-S）付きで届けますが、この送信者名はその形式ではありません" },
    [SMSREP_REASON_DLT_CLASS_MISMATCH] = {
        "the DLT header's message class does not fit its sender",
        "DLTヘッダーのメッセージ種別が送信者に合いません" },
    [SMSREP_REASON_ALPHANUMERIC_UNSUPPORTED] = {
        "the recipient's networks do not deliver alphanumeric sender IDs, so this came by an unusual route",
        "受信者の国の通信網は英数字の送信者名を届けないため、通常とは異なる経路で届いています" },
    [SMSREP_REASON_DISALLOWED_CHARACTER] = {
        "the sender ID holds a character that the recipient's operators block",
        "受信者の国の事業者が拒否する文字が送信者名に含まれています" },
    [SMSREP_REASON_BRAND_URL_MISMATCH] = {
        "the message names a brand but links to a site that is not the brand's",
        "本文はブランドを名乗っていますが、そのブランドのものではないサイトへのリンクがあります" },
    [SMSREP_REASON_BRAND_SENDER_MISMATCH] = {
        "the message names a brand, but the sender is documented for another brand",
        "本文が名乗るブランドと、送信元が記録されているブランドが異なります" },
    [SMSREP_REASON_TEXT_CONSISTENT] = {
        "the message names the sender's own brand and links only to its official sites",
        "本文は送信元のブランドを名乗り、そのブランドの公式サイトだけにリンクしています" },
    [SMSREP_REASON_PUNYCODE_HOST] = {
        "a link uses an internationalised (punycode) host name, which can imitate another",
        "リンク先が国際化ドメイン名（punycode）で、別のドメインに見せかけられます" },
    [SMSREP_REASON_SHORTENED_URL] = {
        "a link is shortened, so where it leads cannot be read",
        "短縮URLのため、リンク先が読み取れません" },
    [SMSREP_REASON_SERVICE_NOTICE] = {
        "an automatic notice from the messaging service or carrier, not a message from the brand",
        "SMS配信サービスや携帯会社からの自動通知で、ブランドからのメッセージではありません" },
    [SMSREP_REASON_ONE_TIME_CODE] = {
        "the message carries a one-time code",
        "確認コード（ワンタイムパスワード）を含むメッセージです" },
    [SMSREP_REASON_BIDI_OVERRIDE] = {
        "the sender holds text-direction overrides, so it reads in another order than it was sent",
        "送信元に文字の並び順を入れ替える制御文字が含まれ、送られた順序とは違う並びで表示されます" },
    [SMSREP_REASON_UNDECLARED_SENDER] = {
        "the brand the message names says it sends SMS in this country only from senders it lists, and this is not one",
        "本文が名乗るブランドは、この国では公表した送信元からだけSMSを送ると明言していますが、この送信元はそのどれでもありません" },
    [SMSREP_REASON_BRAND_UNVERIFIED] = {
        "the message names a brand, but the sender is not one of the brand's documented senders",
        "本文はブランドを名乗っていますが、送信元はそのブランドの送信元として記録されていません" },
    [SMSREP_REASON_SCAM_LURE] = {
        "the message uses wording that smishing warnings list (unpaid fee, parcel held, account locked, refund, prize, job offer, a family member's new number...)",
        "本文に、フィッシングSMSの注意喚起で挙げられる文言（未払い、荷物の保管、アカウント停止、還付金、当選、副業、番号の変更など）があります" },
    [SMSREP_REASON_CALLBACK_NUMBER] = {
        "the message asks the reader to call or text a phone number",
        "本文が電話番号への発信や返信を求めています" },
    [SMSREP_REASON_MASKED_URL] = {
        "a link is masked or cut (https://~, hxxp, [.]), so where it leads cannot be read",
        "リンクが伏せ字や省略（https://~、hxxp、[.]）になっていて、リンク先が読み取れません" },
    [SMSREP_REASON_TEXT_LINK] = {
        "the message carries a link to a site that belongs to no brand it names",
        "本文に、名乗るブランドのものではないサイトへのリンクがあります" },
    [SMSREP_REASON_CARRIER_RELAY] = {
        "a number the carrier shows for SMS relayed from businesses; it names no single sender",
        "携帯会社が企業からの中継SMSに表示する番号で、特定の送信元を示しません" },
    [SMSREP_REASON_DOCUMENTED_ELSEWHERE] = {
        "the number is a brand's documented sender for recipients in another country",
        "この番号は、別の国の受信者向けのブランドの送信元として記録されています" },
    [SMSREP_REASON_BRAND_RELAY] = {
        "the brand the message names says its SMS may show this carrier relay number",
        "本文が名乗るブランドは、自社のSMSにこの携帯会社の中継番号が表示されることがあると案内しています" },
    [SMSREP_REASON_MESSAGING_APP] = {
        "the message asks the reader to reply on a messaging app (WhatsApp, Telegram, LINE), away from the SMS and its sender",
        "本文が、SMSと送信元を離れてメッセージアプリ（WhatsApp、Telegram、LINEなど）で連絡するよう求めています" },
};

const char *smsrep_reason_text(uint32_t reason, const char *lang)
{
    int ja = lang != NULL && (lang[0] == 'j' || lang[0] == 'J') &&
             (lang[1] == 'a' || lang[1] == 'A') &&
             (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.');
    if (reason >= SMSREP_REASON_LAST_ || reason_text[reason].en == NULL)
        return ja ? "不明な理由です" : "unknown reason";
    return ja ? reason_text[reason].ja : reason_text[reason].en;
}

uint32_t smsrep_hint_from_gsm_toa(uint32_t toa)
{
    /* Bits 6-4 of the octet are the type of number (GSM 03.40 9.1.2.5). */
    switch ((toa >> 4) & 0x7u) {
    case 1: return SMSREP_HINT_INTERNATIONAL;
    case 2: return SMSREP_HINT_NATIONAL;
    case 5: return SMSREP_HINT_ALPHANUMERIC;
    case 6: return SMSREP_HINT_SHORT_CODE; /* abbreviated number */
    default: return SMSREP_HINT_UNKNOWN;
    }
}

uint32_t smsrep_hint_from_smpp_ton(uint32_t ton)
{
    switch (ton) {
    case 1: return SMSREP_HINT_INTERNATIONAL;
    case 2: return SMSREP_HINT_NATIONAL;
    case 5: return SMSREP_HINT_ALPHANUMERIC;
    case 6: return SMSREP_HINT_SHORT_CODE;
    default: return SMSREP_HINT_UNKNOWN;
    }
}
