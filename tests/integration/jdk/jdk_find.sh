#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# jdk_find.sh CMAKE SOURCE_DIR: a machine with a JDK but no default-java
# (openjdk-17 without default-jdk-headless), simulated by CMAKE_IGNORE_PATH
# hiding /usr/lib/jvm/default-java from every find_* call, with JAVA_HOME
# unset. CMake's FindJNI alone finds no JNI there; cmake/SmsrepJdk.cmake
# finds the JDK from javac's real path, and a JNI library built with it runs.
# Without javac at all, the skip message says so.
set -eu
cmake=$1 src=$2
here=$src/tests/integration/jdk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset JAVA_HOME
javac=$(command -v javac || true)
if [ -z "$javac" ]; then
    sh "$src/tests/integration/skip.sh" jdk.found_from_javac \
        "no javac on PATH (Debian: openjdk-17-jdk-headless or default-jdk-headless)"
    exit $?
fi
jdk=$(dirname "$(dirname "$(readlink -f "$javac")")")
echo "javac: $javac -> $(readlink -f "$javac"), so the JDK is $jdk"
case $jdk in
    /usr/lib/jvm/default-java*) echo "FAIL: javac resolves into default-java; nothing to simulate"; exit 1 ;;
esac
dj=/usr/lib/jvm/default-java
hide="$dj;$dj/bin;$dj/include;$dj/include/linux;$dj/lib;$dj/lib/server;$dj/jre/lib;$dj/jre/bin"

configure() { # BUILD_DIR MODE [args]; PATH of cmake from $cmake_path
    b=$1 mode=$2
    shift 2
    env PATH="${cmake_path:-$PATH}" "$cmake" -S "$here" -B "$tmp/$b" -DMODE="$mode" -DSMSREP_SOURCE_DIR="$src" \
        -DCMAKE_IGNORE_PATH="$hide" "$@" >"$tmp/$b.log" 2>&1 || { cat "$tmp/$b.log" >&2; exit 1; }
    sed -n 's/^-- RESULT //p' "$tmp/$b.log"
}

plain=$(configure plain plain -DBUILD_HELLO=ON)
echo "CMake's FindJNI alone: $plain"
case $plain in
    found=FALSE*|found=\ *|found=*NOTFOUND*) ;;
    *) echo "FAIL: hiding $dj did not hide the JDK from FindJNI, so this test shows nothing"; exit 1 ;;
esac

fixed=$(configure fixed smsrep -DBUILD_HELLO=ON)
echo "cmake/SmsrepJdk.cmake: $fixed"
case $fixed in
    "found=TRUE include=$jdk/include"*) ;;
    *) echo "FAIL: SmsrepJdk.cmake did not find the JDK of javac ($jdk)"; exit 1 ;;
esac
"$cmake" --build "$tmp/fixed" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
out=$("$jdk/bin/java" -Djava.library.path="$tmp/fixed" -cp "$tmp/fixed" Hello)
echo "$out"
[ "$out" = "JNI call through the JDK found: twice(21) = 42" ] || { echo "FAIL: unexpected output"; exit 1; }

# No javac anywhere: the message names what is missing. /usr/bin and the
# JDK's bin hold the javac that PATH finds.
none=$(cmake_path=/nonexistent configure none smsrep -DCMAKE_IGNORE_PATH="$hide;/usr/bin;/bin;$jdk/bin" \
    -DCMAKE_MAKE_PROGRAM="$(command -v make)")
echo "without javac: $none"
case $none in
    "found=FALSE include="*"missing=no javac on PATH and no JAVA_HOME"*) ;;
    *) echo "FAIL: the skip message does not say javac is missing"; exit 1 ;;
esac
echo "ok"
