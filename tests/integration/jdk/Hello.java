// SPDX-License-Identifier: Apache-2.0
// Hello.java: loads the JNI library jdk_find.sh built and calls into it.
public final class Hello {
    private static native int twice(int x);

    public static void main(String[] args) {
        System.loadLibrary("hello");
        System.out.println("JNI call through the JDK found: twice(21) = " + twice(21));
    }
}
