#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# aar_layout.sh AAR_DIR AAR ABI JAR JNI_HEADER JNI_C NM: the AAR the build laid
# out has the files Gradle reads, the zip holds the same, classes.jar is Java 8
# with only org.libsmsrep; its proguard.txt keeps every class and constructor
# smsrep_jni.c looks up by name; and its .so exports exactly JNI_OnLoad and
# the native methods javac -h declared.
set -eu
dir=$1 aar=$2 abi=$3 jar=$4 header=$5 jni_c=$6 nm=$7
here=$(dirname "$0")
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

for f in AndroidManifest.xml classes.jar proguard.txt R.txt "jni/$abi/libsmsrep_jni.so"; do
    [ -s "$dir/$f" ] || [ "$f" = R.txt -a -f "$dir/$f" ] || bad "$dir/$f is missing"
done
grep -q 'package="org.libsmsrep"' "$dir/AndroidManifest.xml" || bad "the manifest names no package"
grep -q 'minSdkVersion="[0-9][0-9]*"' "$dir/AndroidManifest.xml" || bad "the manifest has no minSdkVersion"

# The .aar holds the same entries as the directory.
want=$(cd "$dir" && find . -type f | sed 's|^\./||' | sort)
got=$("$jar" tf "$aar" | grep -v '/$' | sort)
[ "$want" = "$got" ] && ok "smsrep.aar holds $(echo "$got" | wc -l) files" \
    || bad "smsrep.aar holds [$got], the layout [$want]"

# classes.jar: the three classes, nothing else, as Java 8 (major 52) class files.
classes=$("$jar" tf "$dir/classes.jar" | grep -v '/$' | sort | tr '\n' ' ')
[ "$classes" = "org/libsmsrep/SmsRep.class org/libsmsrep/SmsRepException.class org/libsmsrep/Verdict.class " ] \
    && ok "classes.jar: $classes" || bad "classes.jar holds: $classes"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && "$jar" xf "$dir/classes.jar" org/libsmsrep/Verdict.class)
major=$(od -An -j7 -N1 -tu1 "$tmp/org/libsmsrep/Verdict.class" | tr -d ' ')
[ "$major" = 52 ] && ok "class files are Java 8 (major 52)" || bad "class file major version $major, not 52"

# Keep rules: every name smsrep_jni.c finds, spelt as the rules spell it.
rules=$(sed 's/#.*//' "$dir/proguard.txt" | tr -d ' \n\t')
awk -v RS='^$' -f "$here/jni_names.awk" "$jni_c" >"$tmp/names"
[ -s "$tmp/names" ] || bad "found no FindClass or GetMethodID in $jni_c"
while read -r what member; do
    if [ "$what" = class ]; then
        case $rules in
            *"class$member{"*) ok "keep rule for $member" ;;
            *) bad "proguard.txt keeps no class $member, which smsrep_jni.c finds by name" ;;
        esac
    else
        block=${rules#*"class$what{"}
        block=${block%%\}*}
        case $block in
            *"$member;"*) ok "keep rule for $what.$member" ;;
            *) bad "proguard.txt does not keep $what.$member, which smsrep_jni.c calls" ;;
        esac
    fi
done <"$tmp/names"
case $rules in
    *"classorg.libsmsrep.SmsRep{native<methods>;}"*) ok "keep rule for the native methods" ;;
    *) bad "proguard.txt does not keep the native methods of org.libsmsrep.SmsRep" ;;
esac

# Exports: JNI_OnLoad and the header's Java_* functions, and nothing else.
so="$dir/jni/$abi/libsmsrep_jni.so"
declared=$( (echo JNI_OnLoad; grep -o 'Java_org_libsmsrep_[A-Za-z0-9_]*' "$header") | sort -u)
exported=$("$nm" -D --defined-only "$so" | awk '$2 ~ /^[TtWwDdBbRrVvi]$/ {print $3}' | sort -u)
[ "$declared" = "$exported" ] && ok "$(echo "$exported" | wc -l) exported symbols, each declared" \
    || bad "exports differ from the declarations: $(printf '%s\n' "$declared" "$exported" | sort | uniq -u | tr '\n' ' ')"
[ "$(echo "$declared" | wc -l)" -gt 5 ] || bad "only $(echo "$declared" | wc -l) declarations in $header"
exit $fail
