#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# installed.sh: one gateway exactly as README.md sets it up: the handler
# installed into a prefix (cmake --install), the README's setup commands and
# configuration lines read from README.md (blocks marked gateway-setup and
# gateway-config), with only its paths moved under a temporary root and its
# service user replaced by smsrep-test; the real daemon runs as that user
# and must leave a time-stamped verdict line per message in the log, the
# blocked message in the quarantine and the other delivered.
# With --walk first (tests/integration/readme_walk.sh, after the Debian
# packages are installed): nothing moved, the handler from /usr/libexec, the
# daemon as its Debian user (smsd, gammu, kannel) in its Debian folders.
# kannel-smsrepd: Kannel's get-url to smsrepd (installed in sbin), run as
# its unit runs it: an unprivileged user owning only /var/lib/smsrepd and
# /var/log/smsrepd (what StateDirectory= and LogsDirectory= make), with the
# options of the README's /etc/default/smsrepd; an application of a few
# lines of python3 behind --next.
# Usage: installed.sh [--walk] GATEWAY CMAKE BUILD-DIR SOURCE-DIR MKPDU FREEPORTS
# (exit 77: not root, or the gateway is not installed)
set -u
. "$(dirname "$0")/harness.sh"
walk=
[ "$1" != --walk ] || { walk=yes; shift; }
gw=$1
cmake=$2
build=$3
src=$4
mkpdu=$5
freeports=$6
user=smsrep-test
PATH=$PATH:/usr/sbin:/sbin
fail() { printf 'FAIL [installed %s]: %s\n' "$gw" "$*" >&2; exit 1; }
skipped() {
    sh "$(dirname "$0")/../skip.sh" "gateway.installed.$gw" "$1"
    exit $?
}
[ "$(id -u)" = 0 ] || skipped "needs root to run the daemon as the service user $user"
case $gw in
smstools) daemon=smsd ;;
gammu) daemon=gammu-smsd ;;
kannel | kannel-smsrepd) daemon=bearerbox ;;
*) fail "no such gateway" ;;
esac
command -v $daemon >/dev/null 2>&1 || skipped "$daemon is not installed"

# block KIND: the fenced block after <!-- gateway-KIND: GATEWAY --> in README.md
block() {
    awk -v mark="<!-- gateway-$1: $gw -->" '
        $0 == mark { found = 1; next }
        found == 1 && /^```/ { found = 2; next }
        found == 2 && /^```/ { exit }
        found == 2 { print }' "$src/README.md"
}

# smsd refuses a pdu_from_file path with a '.' anywhere in it.
tmp=$(mktemp -d /tmp/smsrep-installed-XXXXXX) || exit 1
trap 'stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
chmod 0755 "$tmp"
root=$tmp/root
prefix=$tmp/prefix
if [ -n "$walk" ]; then
    root=
    prefix=/usr
    case $gw in smstools) user=smsd ;; gammu) user=gammu ;; kannel*) user=kannel ;; esac
    # The folders the README's steps make, and every file the walk leaves in
    # the daemons' own folders, go again afterwards.
    spools="/var/spool/sms /var/spool/gammu /var/spool/kannel /var/log/smstools /var/log/kannel /var/log/gammu"
    find $spools -type f 2>/dev/null | sort >"$tmp/before"
    [ ! -e /etc/default/smsrepd ] || cp -p /etc/default/smsrepd "$tmp/default.smsrepd"
    trap 'stop_all; find $spools -type f 2>/dev/null | sort | comm -13 "$tmp/before" - |
          while IFS= read -r f; do rm -f "$f"; done
          rm -rf /var/spool/sms/quarantine /var/spool/gammu/quarantine /var/log/gammu /var/spool/kannel
          if [ "$gw" = kannel-smsrepd ]; then
              rm -rf /var/lib/smsrepd /var/log/smsrepd /etc/default/smsrepd
              [ ! -e "$tmp/default.smsrepd" ] || cp -p "$tmp/default.smsrepd" /etc/default/smsrepd
          fi
          [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
elif ! "$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    fail "install: $(cat "$tmp/install.log")"
fi
[ -x "$prefix/libexec/smsrep/smsrep-eventhandler" ] || fail "no handler in $prefix/libexec/smsrep"
# The service user, as the Debian packages make theirs.
# Three of these tests may race to create it: useradd then fails on its lock.
n=0
until [ -n "$walk" ] || id "$user" >/dev/null 2>&1; do
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$user" 2>/dev/null ||
        sleep 0.5
    n=$((n + 1))
    [ $n -lt 10 ] || fail "cannot create the user $user"
done

# The README's paths, moved under $root; its service user, replaced.
relocate() {
    if [ -n "$walk" ]; then
        sed -e "s|/usr/local/bin/your-application|$tmp/next|g" "$@"
        return
    fi
    sed -e "s|/usr/libexec/smsrep/|$prefix/libexec/smsrep/|g" -e "s|/var/|$root/var/|g" \
        -e "s/-o \(smsd\|gammu\|kannel\)\( -g \(smsd\|gammu\)\)\{0,1\}/-o $user -g $user/" \
        -e "s|/usr/local/bin/your-application|$tmp/next|g" -e "s|/etc/default/|$root/etc/default/|g" "$@"
}
setup=$(block setup)
config=$(block config)
[ -n "$setup" ] && [ -n "$config" ] || fail "README.md has no gateway-setup/config block for $gw"

# What the Debian package of the daemon makes, before the README's steps.
[ -n "$walk" ] || mkdir -p "$root/var/spool" "$root/var/log"
[ -n "$walk" ] || case $gw in
smstools)
    install -d -o $user -g $user "$root/var/spool/sms" "$root/var/log/smstools"
    for d in incoming outgoing checked failed sent; do install -d -o $user "$root/var/spool/sms/$d"; done ;;
gammu)
    install -d "$root/var/spool/gammu"
    for d in inbox outbox sent error; do install -d -o $user -g $user -m 0770 "$root/var/spool/gammu/$d"; done ;;
kannel*)
    install -d -o $user "$root/var/log/kannel" ;;
esac
# smsrepd's user: the unit's is a dynamic one (DynamicUser=yes), which the
# walk stands in for with nobody; its two folders, as systemd makes them.
owner=$user
if [ "$gw" = kannel-smsrepd ]; then
    [ -z "$walk" ] || owner=nobody
    mkdir -p "$root/etc/default"
    install -d -o $owner -m 0750 "$root/var/lib/smsrepd" "$root/var/log/smsrepd"
fi
printf '%s\n' "$setup" | relocate >"$tmp/setup.sh"
sh -eu "$tmp/setup.sh" || fail "the README's setup failed: $(cat "$tmp/setup.sh")"
printf '%s\n' "$config" | relocate >"$tmp/config"

# run_as LOG CMD...: the daemon as the service user, in a session of its own,
# with the installed smsrep first on the PATH (as /usr/bin is for the package).
run_as() {
    out=$1
    shift
    (cd "$tmp/run" && exec setsid setpriv --reuid=${as:-$user} --regid="$(id -g ${as:-$user})" --init-groups \
        env PATH="$prefix/bin:$PATH" "$@") >"$out" 2>&1 &
    spawned=$!
    sessions="$spawned $sessions"
}
mkdir "$tmp/run"
chown $user "$tmp/run"

# wait_lines FILE N: until FILE has N time-stamped verdict lines, at most 20 s
wait_lines() {
    n=0
    until c=$(grep -c '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z smsrep ' "$1" 2>/dev/null)
          [ "${c:-0}" -ge "$2" ]; do
        [ $n -lt 200 ] || fail "no $2 verdict lines in $1: $(cat "$1" 2>&1; tail -n 5 "$tmp/daemon.out" "$3" 2>&1)"
        sleep 0.1
        n=$((n + 1))
    done
}
# owned DIR: the folder belongs to the service user, mode 0750 (with the
# set-group-id bit that Debian's /var/spool/sms passes on)
owned() {
    case $(stat -c '%U %a' "$1") in "$owner 750" | "$owner 2750") ;; *) fail "$1 is $(stat -c '%U %a' "$1")" ;; esac
}

# kannel_two SMSC-PORT: bearerbox and smsbox with $tmp/kannel.conf as the
# service user, then an allowed and a blocked sender through fakesmsc, each
# until its verdict line is in $log.
kannel_two() {
    # bearerbox.log may hold earlier runs (the walk): only lines after $from count.
    bblog=$root/var/log/kannel/bearerbox.log
    from=$(($(cat "$bblog" 2>/dev/null | wc -l) + 1))
    # wait_bb PATTERN: until bearerbox logs PATTERN, at most 10 s
    wait_bb() {
        n=0
        until tail -n "+$from" "$bblog" 2>/dev/null | grep -q "$1"; do
            [ $n -lt 100 ] || fail "bearerbox: $(tail -n 5 "$tmp/bearerbox.out" "$bblog")"
            sleep 0.1; n=$((n + 1))
        done
    }
    run_as "$tmp/bearerbox.out" bearerbox -v 1 "$tmp/kannel.conf"
    wait_bb "Start-up done"
    run_as "$tmp/smsbox.out" smsbox -v 1 "$tmp/kannel.conf"
    wait_bb "Client connected from <127.0.0.1>"
    i=0
    for s in +815053704545 +447700900123; do
        i=$((i + 1))
        (exec setsid $fakesmsc -H 127.0.0.1 -r "$1" -m 1 "$s 12345 text hello") >>"$tmp/fakesmsc.log" 2>&1 &
        f=$!
        sessions="$f $sessions"
        wait_lines "$log" $i "$root/var/log/kannel/smsbox.log"
        stop $f
    done
}

case $gw in
smstools)
    mkdir "$tmp/pdu" "$tmp/stage"
    : >"$tmp/modem"
    chown $user "$tmp/pdu" "$tmp/modem"
    {
        printf 'devices = GSM1\n'
        for d in outgoing checked failed incoming sent; do printf '%s = %s\n' $d "$root/var/spool/sms/$d"; done
        printf 'logfile = %s\ninfofile = %s\npidfile = %s\nloglevel = 7\n' \
            "$root/var/log/smstools/smsd.log" "$tmp/run/smsd.working" "$tmp/run/smsd.pid"
        cat "$tmp/config"
        printf '\n[GSM1]\ndevice = %s\nmodem_disabled = yes\npdu_from_file = %s/\nincoming = yes\n' \
            "$tmp/modem" "$tmp/pdu"
    } >"$tmp/smsd.conf"
    "$mkpdu" 815053704545 91 hello >"$tmp/stage/m1" && "$mkpdu" 12025550123 91 fictional >"$tmp/stage/m2" ||
        fail mkpdu
    chown $user "$tmp/stage"/*
    mv "$tmp/stage"/* "$tmp/pdu/"
    run_as "$tmp/daemon.out" smsd -t -c"$tmp/smsd.conf"
    log=$root/var/log/smstools/smsrep.log
    wait_lines "$log" 2 "$root/var/log/smstools/smsd.log"
    q=$root/var/spool/sms/quarantine
    # The verdict is logged before the file is annotated or moved.
    n=0
    until grep -q '^SMSrep-Class: trusted$' "$root/var/spool/sms/incoming"/* 2>/dev/null &&
          [ -n "$(ls "$q")" ]; do
        [ $n -lt 50 ] || fail "not delivered and held: $(ls -l "$root/var/spool/sms/incoming" "$q")"
        sleep 0.1
        n=$((n + 1))
    done
    grep -l '^From: 12025550123$' "$q"/* >/dev/null || fail "the spoofed message is not held" ;;
gammu)
    mkdir -p "$tmp/phone/sms/1" "$tmp/stage"
    ucs2() { printf %s "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../00&/g' | tr a-f A-F; }
    i=0
    for s in +815053704545 +12025550123; do
        i=$((i + 1))
        printf '[SMSBackup000]\nNumber = "unused"\nNumberUnicode = %s\nText00 = %s\nCoding = Default\nState = UnRead\nPDU = Deliver\nFolder = 1\n' \
            "$(ucs2 "$s")" "$(ucs2 hello)" >"$tmp/stage/$i"
    done
    chown -R $user "$tmp/phone" "$tmp/stage"
    {
        printf '[gammu]\nmodel = dummy\nconnection = none\ndevice = %s/\n\n[smsd]\n' "$tmp/phone"
        printf 'logfile = %s\ndebuglevel = 1\nReceiveFrequency = 1\nStatusFrequency = 0\n' "$tmp/run/smsd.log"
        printf 'CheckSecurity = 0\nCheckBattery = 0\nCheckSignal = 0\n'
        cat "$tmp/config"
    } >"$tmp/smsdrc"
    mv "$tmp/stage"/* "$tmp/phone/sms/1/"
    run_as "$tmp/daemon.out" gammu-smsd -c "$tmp/smsdrc"
    log=$root/var/log/gammu/smsrep.log
    wait_lines "$log" 2 "$tmp/run/smsd.log"
    q=$root/var/spool/gammu/quarantine
    n=0
    until [ "$(ls "$q" | grep -c '\.txt$')" -ge 1 ] && [ "$(ls "$root/var/spool/gammu/inbox" | grep -c '\.txt$')" -ge 1 ]; do
        [ $n -lt 50 ] || fail "not stored: $(ls -lA "$q" "$root/var/spool/gammu/inbox")"
        sleep 0.1
        n=$((n + 1))
    done
    grep -l -x 'From: +12025550123' "$q"/*.txt >/dev/null || fail "the spoofed message is not held"
    grep -l -x 'From: +815053704545' "$root/var/spool/gammu/inbox"/*.txt >/dev/null || fail "not delivered"
    [ "$(stat -c %U "$root/var/spool/gammu/inbox"/IN*.txt | sort -u)" = $user ] || fail "inbox files' owner" ;;
kannel)
    fakesmsc=/usr/lib/kannel/test/fakesmsc
    [ -x $fakesmsc ] || skipped "$fakesmsc (Debian package kannel-extras) is not installed"
    printf '#!/bin/sh\nprintf "%%s\\n" "$1 $4" >>%s/delivered.log\n' "$tmp/run" >"$tmp/next"
    chmod 0755 "$tmp/next"
    cmp -s "$tmp/config" - <<EOF2 || fail "README.md's Kannel block differs from the installed kannel.conf"
$(relocate "$prefix/share/smsrep/gateways/kannel.conf")
EOF2
    set -- $("$freeports" 4) || fail "no free ports"
    sed -e "s/= 13000$/= $1/" -e "s/= 13001$/= $2/" -e "s/= 10000$/= $3/" -e "s/= 13013$/= $4/" \
        "$tmp/config" >"$tmp/kannel.conf"
    log=$root/var/log/kannel/smsrep.log
    kannel_two "$3"
    q=$root/var/spool/kannel/quarantine
    grep -l -x '%2B447700900123' "$q"/* >/dev/null || fail "the blocked message is not held: $(ls -l "$q")"
    grep -q '^%2B815053704545 hello$' "$tmp/run/delivered.log" || fail "not passed on" ;;
kannel-smsrepd)
    fakesmsc=/usr/lib/kannel/test/fakesmsc
    [ -x $fakesmsc ] || skipped "$fakesmsc (Debian package kannel-extras) is not installed"
    smsrepd=$prefix/sbin/smsrepd
    [ -x "$smsrepd" ] || fail "no smsrepd in $prefix/sbin"
    "$smsrepd" --help 2>&1 | grep -q 'GET /kannel' || skipped "smsrepd was built without libmicrohttpd"
    # The installed kannel.conf with its smsbox and sms-service groups
    # replaced by the README's two.
    relocate "$prefix/share/smsrep/gateways/kannel.conf" |
        awk 'BEGIN { keep = 1 } /^group = / { keep = $3 != "smsbox" && $3 != "sms-service" } keep' >"$tmp/base.conf"
    grep -q '^get-url = "http://127.0.0.1:8717/kannel?' "$tmp/config" || fail "no get-url to smsrepd in README.md"
    set -- $("$freeports" 6) || fail "no free ports"
    app=$6
    cat "$tmp/base.conf" "$tmp/config" |
        sed -e "s/= 13000$/= $1/" -e "s/= 13001$/= $2/" -e "s/= 10000$/= $3/" -e "s/= 13013$/= $4/" \
            -e "s|127.0.0.1:8717/|127.0.0.1:$5/|" >"$tmp/kannel.conf"
    smsc_port=$3
    # The README's /etc/default/smsrepd, as the unit reads it, on free ports.
    SMSREPD_OPTS=
    . "$root/etc/default/smsrepd"
    opts=$(printf '%s\n' "$SMSREPD_OPTS" | sed -e "s/--http 8717/--http $5/" -e "s|127.0.0.1:8080/|127.0.0.1:$app/|")
    case $opts in *"--http $5 "*"127.0.0.1:$app/"*) ;; *) fail "README.md's SMSREPD_OPTS: $SMSREPD_OPTS" ;; esac
    printf '%s\n' 'import http.server, sys' \
        'class A(http.server.BaseHTTPRequestHandler):' \
        '    def do_GET(self):' \
        '        open(sys.argv[2], "a").write(self.path + "\n")' \
        '        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()' \
        '    def log_message(self, *a): pass' \
        'http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), A).serve_forever()' >"$tmp/app.py"
    spawn "$tmp/app.out" python3 "$tmp/app.py" "$app" "$tmp/app.log"
    install -d -o $owner "$tmp/sd"
    as=$owner run_as "$tmp/smsrepd.out" "$smsrepd" --socket "$tmp/sd/smsrepd.sock" $opts
    n=0
    until grep -q ready "$tmp/smsrepd.out"; do
        [ $n -lt 100 ] || fail "smsrepd: $(cat "$tmp/smsrepd.out")"
        sleep 0.1; n=$((n + 1))
    done
    log=$root/var/log/smsrepd/verdicts.log
    kannel_two "$smsc_port"
    q=$root/var/lib/smsrepd/quarantine
    n=0
    until grep -q 'sender=%2B815053704545&.*smsrep_class=trusted' "$tmp/app.log" 2>/dev/null && [ -n "$(ls "$q")" ]; do
        [ $n -lt 50 ] || fail "not passed on and held: $(cat "$tmp/app.log"; ls -l "$q")"
        sleep 0.1; n=$((n + 1))
    done
    grep -l -x 'sender=%2B447700900123' "$q"/* >/dev/null || fail "the blocked message is not held: $(ls -l "$q")"
    grep -q '447700900123' "$tmp/app.log" && fail "the blocked message reached the app" ;;
esac

grep -F -q 'Z smsrep +815053704545 trusted allow +815053704545 [known_otp_sender ip_phone]' "$log" ||
    grep -F -q 'Z smsrep 815053704545 trusted allow +815053704545 [known_otp_sender ip_phone]' "$log" ||
    fail "no trusted verdict: $(cat "$log")"
grep -q 'Z smsrep +\{0,1\}\(12025550123\|447700900123\) spoofed block ' "$log" ||
    fail "no block verdict: $(cat "$log")"
[ "$(stat -c %U "$log")" = $owner ] || fail "the log belongs to $(stat -c %U "$log")"
owned "$q"
[ "$(stat -c %U "$q"/* | sort -u)" = $owner ] || fail "held files' owner: $(ls -l "$q")"
if [ "$gw" = kannel-smsrepd ]; then
    # smsrepd's own failures are the unit tests' (kannel.answers_redirect_hold_or_fail).
    echo "bearerbox as $user and smsrepd as $owner with README.md's configuration: $(wc -l <"$log") verdict lines, $(ls "$q" | wc -l) held"
    exit 0
fi
# A quarantine the service user cannot create: the handler still logs the
# verdict, keeps the message where it can (README), says which folder it
# lacks in the log and exits 75, which the daemon logs as a failed handler.
install -d -m 0755 "$tmp/rootonly"
install -d -o $user "$tmp/faillog"
printf 'From: 12025550123\nFrom_TOA: 91 international\n\nfictional\n' >"$tmp/faillog/GSM1.x"
chown $user "$tmp/faillog/GSM1.x"
case $gw in
smstools) h=smsrep-eventhandler; set -- RECEIVED "$tmp/faillog/GSM1.x" ;;
gammu) h=smsrep-run-on-receive; set -- ;;
kannel) h=smsrep-sms-service; set -- %2B12025550123 ;;
esac
SMS_MESSAGES=1 SMS_1_NUMBER=+12025550123 SMS_1_TEXT=fictional \
setpriv --reuid=$user --regid="$(id -g $user)" --init-groups env PATH="$prefix/bin:$PATH" SMSREP_REGION=JP \
    SMSREP_INBOX="$tmp/faillog" SMSREP_QUARANTINE="$tmp/rootonly/q" SMSREP_LOG="$tmp/faillog/log" \
    "$prefix/libexec/smsrep/$h" "$@" 2>"$tmp/fail.err"
rc=$?
[ $rc = 75 ] || fail "$h with an unwritable quarantine exited $rc"
grep -q 'Z smsrep - error quarantine_not_writable$' "$tmp/faillog/log" ||
    fail "$h did not log the unwritable quarantine: $(cat "$tmp/faillog/log")"
grep -q "$tmp/rootonly/q is not a folder" "$tmp/fail.err" || fail "$h said: $(cat "$tmp/fail.err")"
grep -q 'Z smsrep +\{0,1\}12025550123 spoofed block ' "$tmp/faillog/log" ||
    fail "$h logged no verdict: $(cat "$tmp/faillog/log")"
case $gw in
smstools) grep -q '^SMSrep-Error: quarantine_not_writable$' "$tmp/faillog/GSM1.x" ||
              fail "the blocked message is not marked: $(cat "$tmp/faillog/GSM1.x")" ;;
gammu) ls -A "$tmp/faillog" | grep -q '^\.IN.*\.txt$' ||
           fail "the blocked message is not held hidden in the inbox: $(ls -A "$tmp/faillog")" ;;
esac
echo "$daemon as $user with README.md's configuration: $(wc -l <"$log") verdict lines, $(ls "$q" | wc -l) held"
exit 0
