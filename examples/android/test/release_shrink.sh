#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# release_shrink.sh AAR_DIR ABI JAVAC JAVA JAR: what R8 does to an app in
# a release build, done by ProGuard (Debian's proguard-cli; R8 reads the same
# rules): shrink and rename ShrinkApp with the AAR's classes.jar, once with
# the AAR's proguard.txt and once without. With the rules the shrunk app
# loads libsmsrep_jni.so and gets a Verdict and an SmsRepException from it;
# without them JNI_OnLoad cannot find Verdict.<init> and the app fails, which
# shows the rules are what makes the difference.
set -eu
dir=$1 abi=$2 javac=$3 java=$4 jar=$5
here=$(dirname "$0")
if ! command -v proguard >/dev/null 2>&1; then
    sh "$here/../../../tests/integration/skip.sh" jni.release_shrink \
        "no proguard to shrink an app as a release build does (Debian: proguard-cli)"
    exit $?
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/app"
"$javac" --release 8 -Xlint:-options -cp "$dir/classes.jar" -d "$tmp/app" "$here/ShrinkApp.java"
"$jar" cfM "$tmp/app.jar" -C "$tmp/app" .

# ProGuard 6 cannot read the JDK 17 class library (class files newer than
# Java 13), so it runs without it, and so without the steps that need it:
# it shrinks and renames (what the keep rules are about) but neither
# optimizes nor preverifies, as Android's own proguard-android.txt says.
shrink() { # OUT [RULES]
    out=$1
    shift
    proguard -injars "$tmp/app.jar" -injars "$dir/classes.jar" -outjars "$out" \
        -dontwarn 'java.**' -ignorewarnings -dontnote -dontoptimize -dontpreverify \
        -keep 'public class ShrinkApp { public static void main(java.lang.String[]); }' \
        "$@" >"$tmp/proguard.log" 2>&1 || { cat "$tmp/proguard.log"; exit 1; }
}
# Without preverification the Java 8 class files lack the stack maps the
# JVM's verifier wants; Android's runtime reads dex, which has none, so the
# JVM here is told not to verify the app's classes either.
run() { # JAR
    "$java" -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote -Xcheck:jni -Djava.library.path="$dir/jni/$abi" \
        -cp "$1" ShrinkApp 2>&1
}

shrink "$tmp/kept.jar" -include "$dir/proguard.txt"
out=$(run "$tmp/kept.jar") || { echo "FAIL: the app shrunk with proguard.txt does not run:"; echo "$out"; exit 1; }
echo "with proguard.txt: $out" | tr '\n' ' '
echo
case $out in
    *"verdict trusted Amazon"*"exception bad_region"*) ;;
    *) echo "FAIL: the shrunk app printed something else"; exit 1 ;;
esac
echo "ok: the app shrunk with the rules runs; its classes: $("$jar" tf "$tmp/kept.jar" | tr '\n' ' ')"

shrink "$tmp/bare.jar"
if out=$(run "$tmp/bare.jar"); then
    echo "FAIL: the app shrunk without the rules ran too, so this test proves nothing: $out"
    exit 1
fi
echo "ok: without proguard.txt the shrunk app fails: $(echo "$out" | grep -m1 'Error\|Exception')"
echo "classes of the app shrunk without the rules: $("$jar" tf "$tmp/bare.jar" | tr '\n' ' ')"
