// SPDX-License-Identifier: Apache-2.0
// Verdict.java: what libsmsrep says of one sender, the fields of smsrep_verdict
// with every enum as its stable lowercase name (the words the CLI prints).
package org.libsmsrep;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

public final class Verdict {
    public final String kind;            // number, short_code, alphanumeric, invalid
    public final String normalized;      // E.164, short-code digits or canonical sender ID
    public final String region;          // where the sender belongs, "" when unknown
    public final int callingCode;
    public final String numberType;      // mobile, voip, short_code, ...
    public final String verdictClass;    // trusted, unknown, caution, suspicious, spoofed, blocked
    public final int score;              // 0 (certainly fine) to 100 (certainly malicious)
    public final String recommendation;  // allow, flag, block
    public final String[] reasons;       // known_otp_sender, fictional_range, ...
    public final String brand;           // "" when none
    public final String brandRelation;   // none, sender_of, impersonates, claims, ...
    public final String replyCost;       // free, standard, premium, unknown
    public final String source;          // id of the source that decided, "" when none
    public final String display;         // the sender as it arrived, hidden characters as <U+XXXX>
    public final String textBrand;       // the brand the message text names, "" when none
    public final String urlHost;         // the link host that argued against the text, "" none
    public final String textPhrase;      // the phrase or callback number that argued, "" none
    public final String dltHeader;       // India: "HDFCBK" of "VM-HDFCBK-S", "" otherwise
    public final String dltOperator;     // its access provider ("Vodafone Idea"), "" unknown
    public final String dltCircle;       // its service area ("Mumbai"), "" unknown
    public final String messageClass;    // none, promotional, service, transactional, government

    // Called from JNI. The library's own strings arrive as UTF-8 bytes, since
    // JNI's NewStringUTF takes modified UTF-8 and would garble emoji.
    Verdict(String kind, byte[] normalized, byte[] region, int callingCode, String numberType,
            String verdictClass, int score, String recommendation, String[] reasons, byte[] brand,
            String brandRelation, String replyCost, byte[] source, byte[] display,
            byte[] textBrand, byte[] urlHost, byte[] textPhrase, byte[] dltHeader,
            byte[] dltOperator, byte[] dltCircle, String messageClass) {
        this.kind = kind;
        this.normalized = new String(normalized, StandardCharsets.UTF_8);
        this.region = new String(region, StandardCharsets.UTF_8);
        this.callingCode = callingCode;
        this.numberType = numberType;
        this.verdictClass = verdictClass;
        this.score = score;
        this.recommendation = recommendation;
        this.reasons = reasons;
        this.brand = new String(brand, StandardCharsets.UTF_8);
        this.brandRelation = brandRelation;
        this.replyCost = replyCost;
        this.source = new String(source, StandardCharsets.UTF_8);
        this.display = new String(display, StandardCharsets.UTF_8);
        this.textBrand = new String(textBrand, StandardCharsets.UTF_8);
        this.urlHost = new String(urlHost, StandardCharsets.UTF_8);
        this.textPhrase = new String(textPhrase, StandardCharsets.UTF_8);
        this.dltHeader = new String(dltHeader, StandardCharsets.UTF_8);
        this.dltOperator = new String(dltOperator, StandardCharsets.UTF_8);
        this.dltCircle = new String(dltCircle, StandardCharsets.UTF_8);
        this.messageClass = messageClass;
    }

    /** True when the sender should be blocked (classes spoofed and blocked). */
    public boolean isBlocked() {
        return recommendation.equals("block");
    }

    @Override
    public String toString() {
        return normalized + ": " + verdictClass + ", " + recommendation + " (score " + score + ")"
                + (brand.isEmpty() ? "" : " brand " + brand + " (" + brandRelation + ")")
                + " reasons " + Arrays.toString(reasons)
                + (source.isEmpty() ? "" : " source " + source);
    }
}
