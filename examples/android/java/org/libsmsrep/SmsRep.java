// SPDX-License-Identifier: Apache-2.0
// SmsRep.java: libsmsrep for Java and Android through JNI: open a database
// (embedded, a file, or an image in a direct ByteBuffer such as an APK asset),
// check senders, close.
package org.libsmsrep;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public final class SmsRep implements AutoCloseable {
    static {
        System.loadLibrary("smsrep_jni");
    }

    /** Address-type hints: the values of enum smsrep_hint in smsrep.h. */
    public static final int HINT_UNKNOWN = 0;
    public static final int HINT_INTERNATIONAL = 1;
    public static final int HINT_NATIONAL = 2;
    public static final int HINT_ALPHANUMERIC = 3;
    public static final int HINT_SHORT_CODE = 4;

    // Checks share the handle, as the C library allows; close() waits for
    // them to finish, so a check never meets a freed handle.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long handle;

    private SmsRep(long handle) {
        this.handle = handle;
    }

    /** Opens the database embedded in the library. */
    public static SmsRep open() throws SmsRepException {
        return new SmsRep(nativeOpen(null, null));
    }

    /** Opens a database file (read into memory once). */
    public static SmsRep open(String path) throws SmsRepException {
        return open(path, null);
    }

    /** Opens a database file with an operator's overlay file (null for none). */
    public static SmsRep open(String path, String overlayPath) throws SmsRepException {
        if (path == null)
            throw new NullPointerException("path");
        return new SmsRep(nativeOpen(path, overlayPath));
    }

    /**
     * Opens the database image between the buffer's position and limit, e.g.
     * an APK asset stored uncompressed and mapped with AAsset_getBuffer or
     * FileChannel.map. The bytes are copied: the buffer may go afterwards.
     */
    public static SmsRep open(ByteBuffer image) throws SmsRepException {
        if (!image.isDirect())
            throw new IllegalArgumentException("the buffer must be direct");
        return new SmsRep(nativeOpenBuffer(image, image.position(), image.remaining()));
    }

    /** SMSREP_SENDER_MAX and SMSREP_TEXT_MAX of smsrep.h, in bytes. */
    static final int SENDER_MAX = 128;
    static final int TEXT_MAX = 4096;

    /** Judges a sender as it arrived, for a recipient in region ("JP"). */
    public Verdict check(String sender, String region) throws SmsRepException {
        return check(sender, region, HINT_UNKNOWN);
    }

    /**
     * Judges a sender with the gateway's address-type hint (HINT_*). On
     * Android without libphonenumber in the library, pass numbers in E.164
     * (PhoneNumberUtils.formatNumberToE164). Throws SmsRepException with the
     * status name ("bad_region", "region_required", ...) for input that is
     * not a sender.
     */
    public Verdict check(String sender, String region, int hint) throws SmsRepException {
        return check(sender, region, hint, null);
    }

    /**
     * Judges a sender together with the message text (null for none): the
     * brand the text names, its links, one-time codes and service notices.
     * The library keeps nothing of the text; the verdict carries only
     * textBrand, urlHost, textPhrase and reasons.
     */
    public Verdict check(String sender, String region, int hint, String text)
            throws SmsRepException {
        // Every char is at least one UTF-8 byte: a sender longer than the
        // library reads is refused before a copy of it is made, and only as
        // much text as the library reads is copied.
        if (sender.length() > SENDER_MAX)
            throw new SmsRepException("sender_too_long",
                    "the sender is longer than " + SENDER_MAX + " bytes");
        byte[] utf8 = sender.getBytes(StandardCharsets.UTF_8);
        if (text != null && text.length() > TEXT_MAX)
            text = text.substring(0, TEXT_MAX);
        byte[] body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        lock.readLock().lock();
        try {
            if (handle == 0)
                throw new IllegalStateException("SmsRep is closed");
            return nativeCheck(handle, utf8, region == null ? "" : region, hint, body);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The hint for a GSM type-of-address octet (smstools' From_TOA, 0x91). */
    public static int hintFromGsmToa(int toa) {
        return nativeHintFromGsmToa(toa);
    }

    /** The hint for an SMPP source_addr_ton (0 to 6). */
    public static int hintFromSmppTon(int ton) {
        return nativeHintFromSmppTon(ton);
    }

    /** The library's version, "MAJOR.MINOR.PATCH". */
    public static String version() {
        return nativeVersion();
    }

    /**
     * The libphonenumber version the library was built with, or "none" for a
     * build without it (then pass numbers in E.164; national ones throw
     * SmsRepException "e164_required").
     */
    public static String phonenumberVersion() {
        return nativePhonenumberVersion();
    }

    /** Closes the handle; later checks throw IllegalStateException. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (handle != 0)
                nativeClose(handle);
            handle = 0;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static native long nativeOpen(String path, String overlayPath) throws SmsRepException;
    private static native long nativeOpenBuffer(ByteBuffer image, int offset, int length)
            throws SmsRepException;
    private static native Verdict nativeCheck(long handle, byte[] sender, String region, int hint,
                                              byte[] text)
            throws SmsRepException;
    private static native void nativeClose(long handle);
    private static native int nativeHintFromGsmToa(int toa);
    private static native int nativeHintFromSmppTon(int ton);
    private static native String nativeVersion();
    private static native String nativePhonenumberVersion();
}
