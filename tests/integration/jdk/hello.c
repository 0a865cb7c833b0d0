/* SPDX-License-Identifier: Apache-2.0
 * hello.c: the native half of Hello.java, built against the jni.h found. */
#include <jni.h>

JNIEXPORT jint JNICALL Java_Hello_twice(JNIEnv *env, jclass cls, jint x);

JNIEXPORT jint JNICALL Java_Hello_twice(JNIEnv *env, jclass cls, jint x)
{
    (void)env;
    (void)cls;
    return 2 * x;
}
