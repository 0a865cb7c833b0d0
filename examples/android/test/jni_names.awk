# SPDX-License-Identifier: Apache-2.0
# jni_names.awk: prints what smsrep_jni.c looks up by name, one per line, as
# keep rules spell it: "class org.libsmsrep.Verdict" for each FindClass of
# ours, and "org.libsmsrep.Verdict <init>(java.lang.String,byte[],...)" for
# each GetMethodID. Read with RS="^$" (the whole file as one record).
function java_types(desc,    out, i, c, dims, t, j) {
    out = ""
    i = 1
    while (i <= length(desc)) {
        dims = ""
        while (substr(desc, i, 1) == "[") { dims = dims "[]"; i++ }
        c = substr(desc, i, 1)
        if (c == "L") {
            j = index(substr(desc, i), ";")
            t = substr(desc, i + 1, j - 2)
            gsub("/", ".", t)
            i += j
        } else {
            t = c == "B" ? "byte" : c == "C" ? "char" : c == "D" ? "double" : c == "F" ? "float" : \
                c == "I" ? "int" : c == "J" ? "long" : c == "S" ? "short" : c == "Z" ? "boolean" : "?" c
            i++
        }
        out = out (out == "" ? "" : ",") t dims
    }
    return out
}
{
    text = $0
    while (match(text, /[a-z_]+ = global_class\(env, "[^"]+"\)/)) {
        s = substr(text, RSTART, RLENGTH)
        text = substr(text, RSTART + RLENGTH)
        var = s; sub(/ .*/, "", var)
        name = s; sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
        gsub("/", ".", name)
        cls[var] = name
        if (name ~ /^org\.libsmsrep\./)
            print "class " name
    }
    text = $0
    while (match(text, /GetMethodID\(env, [a-z_]+, "[^"]+",/)) {
        text = substr(text, RSTART)
        end = index(text, "\");")       # the call ends at its last string
        s = substr(text, 1, end)
        text = substr(text, end + 1)
        var = s; sub(/^GetMethodID\(env, /, "", var); sub(/,.*/, "", var)
        method = s; sub(/^[^"]*"/, "", method); sub(/".*/, "", method)
        rest = s; sub(/^[^"]*"[^"]*",/, "", rest)
        desc = ""
        while (match(rest, /"[^"]*"/)) {
            desc = desc substr(rest, RSTART + 1, RLENGTH - 2)
            rest = substr(rest, RSTART + RLENGTH)
        }
        args = desc; sub(/^\(/, "", args); sub(/\).*/, "", args)
        # the platform's own classes (java.lang.String) are never shrunk
        if (cls[var] ~ /^org\.libsmsrep\./)
            print cls[var] " " method "(" java_types(args) ")"
    }
}
