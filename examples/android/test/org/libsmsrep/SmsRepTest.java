// SPDX-License-Identifier: Apache-2.0
// SmsRepTest.java: the JNI binding on the host JDK: the stories' senders from a
// file, a direct ByteBuffer (as an uncompressed APK asset) and the embedded
// copy; errors as exceptions; a closed handle; one handle shared by threads.
// Usage: java -Djava.library.path=DIR -cp CLASSES org.libsmsrep.SmsRepTest DBFILE
package org.libsmsrep;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

public final class SmsRepTest {
    private static int checks, failures;
    // A build without libphonenumber (the NDK build) reads national numbers
    // only with the numbering plan compiled on its build host; without it,
    // E.164 only, so the senders a person would type nationally are given in
    // E.164 there. CMake says which (-Dsmsrep.national).
    private static final boolean PLAN = Boolean.parseBoolean(System.getProperty(
            "smsrep.national", String.valueOf(!SmsRep.phonenumberVersion().equals("none"))));
    private static final String AMAZON = PLAN ? "050-5370-4545" : "+81 50-5370-4545";
    private static final String REPLY = PLAN ? "０９０-２７３０-３１７７" : "＋８１ ９０-２７３０-３１７７";

    private static void expect(boolean ok, String what) {
        checks++;
        if (!ok) {
            failures++;
            System.err.println("FAIL: " + what);
        }
    }

    private static void expectEq(Object got, Object want, String what) {
        expect(want.equals(got), what + ": got " + got + ", expected " + want);
    }

    private static String status(ThrowingRunnable r) {
        try {
            r.run();
            return "no exception";
        } catch (SmsRepException e) {
            return e.status;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The two stories' senders, as README and DESIGN tell them. */
    private static void stories(SmsRep db, String how) throws SmsRepException {
        Verdict v = db.check(AMAZON, "JP");
        expectEq(v.normalized, "+815053704545", how + " Amazon code sender normalized");
        expectEq(v.verdictClass, "trusted", how + " Amazon code sender class");
        expectEq(v.recommendation, "allow", how + " Amazon code sender recommendation");
        expectEq(v.brand + "/" + v.brandRelation, "Amazon/sender_of", how + " Amazon code sender brand");
        expectEq(v.numberType, "voip", how + " Amazon code sender type");
        expectEq(v.region + " " + v.callingCode, "JP 81", how + " Amazon code sender region");
        expectEq(Arrays.asList(v.reasons).toString(), "[known_otp_sender, ip_phone]", how + " reasons");
        expectEq(v.source, "amazon-otp-hoso-sakka", how + " source");

        v = db.check("+15622628360", "JP");
        expectEq(v.verdictClass + " " + v.recommendation + " " + v.brand, "caution flag Amazon",
                 how + " Amazon's reported US number");
        v = db.check("+12025550123", "JP");
        expectEq(v.verdictClass, "spoofed", how + " fictional number");
        expect(v.isBlocked(), how + " fictional number is blocked");
        v = db.check("AMAZ0N", "JP");
        expectEq(v.verdictClass + " " + v.brandRelation, "suspicious impersonates", how + " look-alike");
        v = db.check(REPLY, "JP");
        expectEq(v.kind + " " + v.normalized, "number +819027303177", how + " full-width reply number");
        v = db.check("00051234", "JP");
        expectEq(v.kind + " " + v.verdictClass, "short_code trusted", how + " carrier short code");
        // smstools' From: without '+', with From_TOA 91.
        v = db.check("815053704545", "JP", SmsRep.hintFromGsmToa(0x91));
        expectEq(v.normalized, "+815053704545", how + " TOA 0x91");
        // A sender ID outside the BMP survives the trip through JNI (in display:
        // no network delivers it, so it is kind invalid with no normalized form).
        v = db.check("Amazon\uD83C\uDF81", "JP");
        expectEq(v.kind + " " + v.display, "invalid Amazon\uD83C\uDF81", how + " emoji sender ID");
        // Hidden characters are shown, and the sender's look-alike is named.
        v = db.check("AMA\u200BZON", "JP");
        expectEq(v.display + " " + v.brandRelation, "AMA<U+200B>ZON impersonates", how + " hidden");
        // The message text with the sender: the stories' code, and its phishing twin.
        v = db.check("+15623784362", "JP", SmsRep.HINT_UNKNOWN, "Amazon: https://amazon.co.jp/a/c/r?k=1");
        expectEq(v.verdictClass + " " + v.textBrand, "trusted Amazon", how + " consistent text");
        v = db.check("+15623784362", "JP", SmsRep.HINT_UNKNOWN,
                     "Amazon: https://amazon.co.jp.xn--ecure-login.top/a");
        expectEq(v.verdictClass + " " + v.urlHost, "suspicious amazon.co.jp.xn--ecure-login.top",
                 how + " phishing text");
        // A lure with a link, from no brand: the phrase that argued is named.
        v = db.check("+14155238886", "US", SmsRep.HINT_UNKNOWN,
                     "Final notice: unpaid toll balance. Pay now at https://tolls-pay.top/x");
        expectEq(v.verdictClass + " " + v.textPhrase, "suspicious final notice", how + " lure");
        // India: a DLT header read apart.
        v = db.check("VM-HDFCBK-S", "IN");
        expectEq(v.dltHeader + " " + v.dltOperator + " " + v.dltCircle + " " + v.messageClass,
                 "HDFCBK Vodafone Idea Mumbai service", how + " DLT header");
    }

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]);

        expectEq(SmsRep.hintFromGsmToa(0xD0), SmsRep.HINT_ALPHANUMERIC, "TOA D0");
        expectEq(SmsRep.hintFromSmppTon(1), SmsRep.HINT_INTERNATIONAL, "TON 1");
        expect(SmsRep.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+"), "version " + SmsRep.version());

        try (SmsRep db = SmsRep.open(file.toString())) {
            stories(db, "path:");
        }
        // An uncompressed APK asset is a mapped region of the APK: map the file.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            try (SmsRep db = SmsRep.open(mapped)) {
                stories(db, "mapped buffer:");
            }
        }
        // The image need not start the buffer: position and limit bound it.
        byte[] image = Files.readAllBytes(file);
        ByteBuffer direct = ByteBuffer.allocateDirect(image.length + 16);
        direct.position(7);
        direct.put(image);
        direct.position(7).limit(7 + image.length);
        SmsRep fromBuffer = SmsRep.open(direct);
        direct = null; // copied at open: the buffer may go
        System.gc();
        stories(fromBuffer, "direct buffer:");
        try (SmsRep db = SmsRep.open()) {
            stories(db, "embedded:");
        }

        // Errors are exceptions carrying the library's status name.
        expectEq(status(() -> fromBuffer.check("!!!", "JP")), "bad_character", "garbage sender");
        expectEq(status(() -> fromBuffer.check("", "JP")), "empty_sender", "empty sender");
        expectEq(status(() -> fromBuffer.check("0312345678", "")), "region_required", "no region");
        expectEq(status(() -> fromBuffer.check("0312345678", "JP")), PLAN ? "no exception" : "e164_required",
                 "national number");
        expectEq(status(() -> fromBuffer.check("0312345678", "JPN")), "bad_region", "3-letter region");
        expectEq(status(() -> fromBuffer.check("0312345678", "JAPAN")), "bad_region", "long region");
        expectEq(status(() -> SmsRep.open("/nonexistent/smsrep.sqlite")), "db_open_failed", "no file");
        // Issue 12: the length is checked before the sender is copied (100 M
        // characters), in Java and again in C (100 two-byte characters).
        StringBuilder huge = new StringBuilder(100_000_000);
        for (int i = 0; i < 100_000_000; i++)
            huge.append('0');
        String hugeSender = huge.toString();
        huge = null;
        long before = System.nanoTime();
        expectEq(status(() -> fromBuffer.check(hugeSender, "JP")), "sender_too_long", "100 M sender");
        System.out.println("a 100 M-character sender refused in "
                           + (System.nanoTime() - before) / 1_000 + " us");
        expectEq(status(() -> fromBuffer.check("\u00e9".repeat(100), "JP")), "sender_too_long",
                 "200-byte sender of 100 characters");
        // An error text with 4-byte UTF-8 (here from the path) arrives whole:
        // NewStringUTF's modified UTF-8 garbled it.
        String emoji = "\uD83D\uDE00";
        try {
            SmsRep.open("/nonexistent/" + emoji + "/smsrep.sqlite");
            expect(false, "opened a file that does not exist");
        } catch (SmsRepException e) {
            expect(e.getMessage().contains("/nonexistent/" + emoji + "/smsrep.sqlite"),
                   "error text with 4-byte UTF-8: " + e.getMessage());
        }
        ByteBuffer junk = ByteBuffer.allocateDirect(4096);
        expectEq(status(() -> SmsRep.open(junk)), "db_not_smsrep", "junk image");
        expectEq(status(() -> SmsRep.open(ByteBuffer.wrap(image))), "IllegalArgumentException",
                 "heap buffer");

        // One handle shared by threads gives every thread the same verdicts.
        AtomicInteger wrong = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        if (!fromBuffer.check("+12025550123", "US").verdictClass.equals("spoofed")
                                || !fromBuffer.check(AMAZON, "JP").verdictClass.equals("trusted"))
                            wrong.incrementAndGet();
                    } catch (SmsRepException e) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads)
            t.join();
        expectEq(wrong.get(), 0, "threads' wrong verdicts");

        fromBuffer.close();
        fromBuffer.close(); // idempotent
        expectEq(status(() -> fromBuffer.check("+12025550123", "US")), "IllegalStateException",
                 "check after close");

        System.out.println(checks + " checks, " + failures + " failures");
        System.exit(failures == 0 ? 0 : 1);
    }
}
