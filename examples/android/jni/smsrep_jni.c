/* SPDX-License-Identifier: Apache-2.0
 * smsrep_jni.c: the native half of org.libsmsrep.SmsRep. Its declarations come
 * from the header "javac -h" writes, so a Java signature that changes without
 * this file fails the build (-Werror=missing-prototypes). */
#include "org_libsmsrep_SmsRep.h"

#include <smsrep.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static jclass verdict_class, exception_class, string_class;
static jmethodID verdict_init, exception_init, string_init, string_get_bytes;
static jstring utf8_name; /* "UTF-8", for String(byte[], String) and getBytes(String) */

static jclass global_class(JNIEnv *env, const char *name)
{
    jclass local = (*env)->FindClass(env, name);
    jclass global = local ? (jclass)(*env)->NewGlobalRef(env, local) : NULL;
    if (local)
        (*env)->DeleteLocalRef(env, local);
    return global;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved)
{
    JNIEnv *env;
    (void)reserved;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_6) != JNI_OK)
        return JNI_ERR;
    /* Each failure leaves NoClassDefFoundError pending (a release build
     * that stripped a class: consumer-rules.pro), so stop at the first. */
    if ((verdict_class = global_class(env, "org/libsmsrep/Verdict")) == NULL ||
        (exception_class = global_class(env, "org/libsmsrep/SmsRepException")) == NULL ||
        (string_class = global_class(env, "java/lang/String")) == NULL)
        return JNI_ERR;
    verdict_init = (*env)->GetMethodID(env, verdict_class, "<init>",
        "(Ljava/lang/String;[B[BILjava/lang/String;Ljava/lang/String;ILjava/lang/String;"
        "[Ljava/lang/String;[BLjava/lang/String;Ljava/lang/String;[B[B[B[B[B[B[B[B"
        "Ljava/lang/String;)V");
    if (verdict_init == NULL)
        return JNI_ERR;
    exception_init = (*env)->GetMethodID(env, exception_class, "<init>",
                                         "(Ljava/lang/String;Ljava/lang/String;)V");
    string_init = (*env)->GetMethodID(env, string_class, "<init>", "([BLjava/lang/String;)V");
    string_get_bytes = (*env)->GetMethodID(env, string_class, "getBytes", "(Ljava/lang/String;)[B");
    {
        jstring local = (*env)->NewStringUTF(env, "UTF-8");
        utf8_name = local ? (jstring)(*env)->NewGlobalRef(env, local) : NULL;
    }
    return exception_init && string_init && string_get_bytes && utf8_name
               ? JNI_VERSION_1_6
               : JNI_ERR;
}

/* A Java String from real UTF-8. NewStringUTF takes modified UTF-8, which
 * has no 4-byte sequences: an error text quoting a path or a hostile file
 * with one came out garbled. */
static jstring utf8_string(JNIEnv *env, const char *s)
{
    jsize len = (jsize)strlen(s);
    jbyteArray a = (*env)->NewByteArray(env, len);
    jstring out;
    if (a == NULL)
        return NULL;
    (*env)->SetByteArrayRegion(env, a, 0, len, (const jbyte *)s);
    out = (jstring)(*env)->NewObject(env, string_class, string_init, a, utf8_name);
    (*env)->DeleteLocalRef(env, a);
    return (*env)->ExceptionCheck(env) ? NULL : out;
}

/* A Java String as real UTF-8 (GetStringUTFChars gives modified UTF-8),
 * NUL-terminated, for free(); NULL with an exception pending. */
static char *utf8_chars(JNIEnv *env, jstring s)
{
    jbyteArray a = (jbyteArray)(*env)->CallObjectMethod(env, s, string_get_bytes, utf8_name);
    jsize len;
    char *out;
    if ((*env)->ExceptionCheck(env) || a == NULL)
        return NULL;
    len = (*env)->GetArrayLength(env, a);
    out = malloc((size_t)len + 1);
    if (out != NULL) {
        (*env)->GetByteArrayRegion(env, a, 0, len, (jbyte *)out);
        out[len] = '\0';
    } else {
        (*env)->ThrowNew(env, (*env)->FindClass(env, "java/lang/OutOfMemoryError"), "path");
    }
    (*env)->DeleteLocalRef(env, a);
    return out;
}

/* Throws SmsRepException(status name, detail or the status's sentence). */
static void throw_status(JNIEnv *env, int status, const char *detail)
{
    jstring name = (*env)->NewStringUTF(env, smsrep_status_name(status));
    jstring text = name ? utf8_string(env, detail && *detail ? detail : smsrep_strerror(status))
                        : NULL;
    jobject e = text ? (*env)->NewObject(env, exception_class, exception_init, name, text) : NULL;
    if (e != NULL)
        (*env)->Throw(env, (jthrowable)e);
    /* otherwise an OutOfMemoryError is already pending */
}

static jlong to_jlong(smsrep_db *db)
{
    return (jlong)(intptr_t)db;
}

static smsrep_db *from_jlong(jlong h)
{
    return (smsrep_db *)(intptr_t)h;
}

JNIEXPORT jlong JNICALL Java_org_libsmsrep_SmsRep_nativeOpen(JNIEnv *env, jclass cls,
                                                            jstring path, jstring overlay)
{
    char *p = NULL, *o = NULL;
    char err[SMSREP_ERRBUF_SIZE];
    smsrep_db *db = NULL;
    int status = SMSREP_E_NOMEM;
    (void)cls;

    if (path != NULL && (p = utf8_chars(env, path)) == NULL)
        return 0;
    if (overlay != NULL && (o = utf8_chars(env, overlay)) == NULL)
        goto done;
    status = smsrep_open(&db, p, o, err, sizeof err);
    if (status != SMSREP_OK)
        throw_status(env, status, err);
done:
    free(o);
    free(p);
    return status == SMSREP_OK ? to_jlong(db) : 0;
}

JNIEXPORT jlong JNICALL Java_org_libsmsrep_SmsRep_nativeOpenBuffer(JNIEnv *env, jclass cls,
                                                                  jobject image, jint offset,
                                                                  jint length)
{
    const unsigned char *data = (*env)->GetDirectBufferAddress(env, image);
    jlong capacity = (*env)->GetDirectBufferCapacity(env, image);
    char err[SMSREP_ERRBUF_SIZE];
    smsrep_db *db = NULL;
    int status;
    (void)cls;

    if (data == NULL || offset < 0 || length < 0 || (jlong)offset + length > capacity) {
        throw_status(env, SMSREP_E_ARGUMENT, "not a direct buffer, or outside it");
        return 0;
    }
    status = smsrep_open_memory(&db, data + offset, (size_t)length, NULL, err, sizeof err);
    if (status != SMSREP_OK) {
        throw_status(env, status, err);
        return 0;
    }
    return to_jlong(db);
}

JNIEXPORT void JNICALL Java_org_libsmsrep_SmsRep_nativeClose(JNIEnv *env, jclass cls, jlong h)
{
    (void)env;
    (void)cls;
    smsrep_close(from_jlong(h));
}

/* A library string as Java bytes, for Verdict to decode as UTF-8. */
static jbyteArray bytes(JNIEnv *env, const char *s)
{
    jsize len = (jsize)strlen(s);
    jbyteArray a = (*env)->NewByteArray(env, len);
    if (a != NULL)
        (*env)->SetByteArrayRegion(env, a, 0, len, (const jbyte *)s);
    return a;
}

static jobjectArray reason_names(JNIEnv *env, uint64_t reasons)
{
    jobjectArray a;
    jsize n = 0, i = 0;
    uint32_t r;

    for (r = 0; r < 64; r++)
        n += (reasons >> r) & 1u ? 1 : 0;
    a = (*env)->NewObjectArray(env, n, string_class, NULL);
    for (r = 0; a != NULL && r < 64; r++) {
        if ((reasons >> r) & 1u) {
            jstring s = (*env)->NewStringUTF(env, smsrep_reason_name(r));
            if (s == NULL)
                return NULL;
            (*env)->SetObjectArrayElement(env, a, i++, s);
            (*env)->DeleteLocalRef(env, s);
        }
    }
    return a;
}

/* Copies a region code into the query; one longer than the array becomes
 * "???", which the library refuses as it refuses "JPN". */
static int read_region(JNIEnv *env, jstring region, char out[4])
{
    const char *r = (*env)->GetStringUTFChars(env, region, NULL);
    size_t len;
    if (r == NULL)
        return -1;
    len = strlen(r);
    memcpy(out, len < 4 ? r : "???", len < 4 ? len : 3);
    (*env)->ReleaseStringUTFChars(env, region, r);
    return 0;
}

static jobject new_verdict(JNIEnv *env, const smsrep_verdict *v)
{
    jstring kind = (*env)->NewStringUTF(env, smsrep_kind_name(v->kind));
    jbyteArray normalized = bytes(env, v->normalized);
    jbyteArray region = bytes(env, v->region);
    jstring type = (*env)->NewStringUTF(env, smsrep_number_type_name(v->number_type));
    jstring cls = (*env)->NewStringUTF(env, smsrep_class_name(v->class_));
    jstring rec = (*env)->NewStringUTF(env, smsrep_recommendation_name(v->recommendation));
    jobjectArray reasons = reason_names(env, v->reasons);
    jbyteArray brand = bytes(env, v->brand);
    jstring relation = (*env)->NewStringUTF(env, smsrep_relation_name(v->brand_relation));
    jstring cost = (*env)->NewStringUTF(env, smsrep_reply_cost_name(v->reply_cost));
    jbyteArray source = bytes(env, v->source);
    jbyteArray display = bytes(env, v->display);
    jbyteArray text_brand = bytes(env, v->text_brand);
    jbyteArray url_host = bytes(env, v->url_host);
    jbyteArray text_phrase = bytes(env, v->text_phrase);
    jbyteArray dlt_header = bytes(env, v->dlt_header);
    jbyteArray dlt_operator = bytes(env, v->dlt_operator);
    jbyteArray dlt_circle = bytes(env, v->dlt_circle);
    jstring message_class = (*env)->NewStringUTF(env, smsrep_message_class_name(v->message_class));

    /* Any failed allocation left an OutOfMemoryError pending. */
    if ((*env)->ExceptionCheck(env))
        return NULL;
    return (*env)->NewObject(env, verdict_class, verdict_init, kind, normalized, region,
                             (jint)v->calling_code, type, cls, (jint)v->score, rec, reasons,
                             brand, relation, cost, source, display, text_brand, url_host,
                             text_phrase, dlt_header, dlt_operator, dlt_circle, message_class);
}

JNIEXPORT jobject JNICALL Java_org_libsmsrep_SmsRep_nativeCheck(JNIEnv *env, jclass cls, jlong h,
                                                               jbyteArray sender, jstring region,
                                                               jint hint, jbyteArray text)
{
    smsrep_query q = SMSREP_QUERY_INIT;
    smsrep_verdict v = SMSREP_VERDICT_INIT;
    jsize len = (*env)->GetArrayLength(env, sender);
    char s[SMSREP_SENDER_MAX], t[SMSREP_TEXT_MAX];
    int status;
    (void)cls;

    if (read_region(env, region, q.region) != 0)
        return NULL;
    /* The length is checked before a byte is copied; only as much text as
     * the library reads is copied, onto the stack. */
    if (len > SMSREP_SENDER_MAX) {
        throw_status(env, SMSREP_E_TOO_LONG, NULL);
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, sender, 0, len, (jbyte *)s);
    q.sender = s;
    q.sender_len = (size_t)len;
    q.hint = (uint32_t)hint;
    if (text != NULL) {
        jsize tlen = (*env)->GetArrayLength(env, text);
        if (tlen > SMSREP_TEXT_MAX)
            tlen = SMSREP_TEXT_MAX;
        (*env)->GetByteArrayRegion(env, text, 0, tlen, (jbyte *)t);
        q.text = t;
        q.text_len = (size_t)tlen;
    }
    if ((*env)->ExceptionCheck(env))
        return NULL;
    status = smsrep_check(from_jlong(h), &q, &v);
    if (status != SMSREP_OK) {
        throw_status(env, status, NULL);
        return NULL;
    }
    return new_verdict(env, &v);
}

JNIEXPORT jint JNICALL Java_org_libsmsrep_SmsRep_nativeHintFromGsmToa(JNIEnv *env, jclass cls,
                                                                     jint toa)
{
    (void)env;
    (void)cls;
    return (jint)smsrep_hint_from_gsm_toa((uint32_t)toa);
}

JNIEXPORT jint JNICALL Java_org_libsmsrep_SmsRep_nativeHintFromSmppTon(JNIEnv *env, jclass cls,
                                                                      jint ton)
{
    (void)env;
    (void)cls;
    return (jint)smsrep_hint_from_smpp_ton((uint32_t)ton);
}

JNIEXPORT jstring JNICALL Java_org_libsmsrep_SmsRep_nativeVersion(JNIEnv *env, jclass cls)
{
    (void)cls;
    return (*env)->NewStringUTF(env, smsrep_version_string());
}

JNIEXPORT jstring JNICALL Java_org_libsmsrep_SmsRep_nativePhonenumberVersion(JNIEnv *env,
                                                                           jclass cls)
{
    (void)cls;
    return (*env)->NewStringUTF(env, smsrep_phonenumber_version());
}
