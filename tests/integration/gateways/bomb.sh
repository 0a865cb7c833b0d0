# SPDX-License-Identifier: Apache-2.0
# bomb.sh: sourced by smstools.sh and gammu.sh for their "bomb" case, after
# the gateway is configured with SMSREP_SERVER=$tmp/smsrepd.sock and started.
# The gateway's script gives $smsrepd, $dbfile, $tmp, fail, and
# stage SENDER TOA TEXT...: those messages into the gateway, at once.
# smsrepd runs from the build tree on a socket in $tmp, stopped by its pid.

# verdicts: the time-stamped verdict lines so far, in the order judged
verdicts() { grep '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z smsrep ' "$tmp/verdicts.log" 2>/dev/null; }

# wait_verdicts N: until N messages are judged (30 s at most)
wait_verdicts() {
    waited=0
    while [ "$(verdicts | wc -l)" -lt "$1" ]; do
        waited=$((waited + 1))
        [ $waited -le 300 ] || fail "$(verdicts | wc -l) of $1 verdicts: $(cat "$tmp/verdicts.log" 2>/dev/null)"
        sleep 0.1
    done
}

# bomb_run FOLDER SUFFIX: 2 ordinary messages, 6 one-time codes from 6
# senders (all within the window), smsrepd stopped, 2 more; the stored
# files (FOLDER/NAME SUFFIX) must all be delivered. A real bomb is made of
# genuine codes: each of the six senders is allowed on its own (Amazon's
# and PayPay's documented numbers, ordinary JP mobiles), and smsrepd counts
# them only because the gateway hands it the text with the code.
bomb_run() {
    folder=$1
    suffix=$2
    "$smsrepd" --socket "$tmp/smsrepd.sock" --db "$dbfile" 2>"$tmp/smsrepd.log" &
    daemon=$!
    trap 'kill "$daemon" 2>/dev/null; stop_all; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
    waited=0
    while [ ! -S "$tmp/smsrepd.sock" ]; do
        waited=$((waited + 1))
        [ $waited -le 100 ] || fail "smsrepd did not start: $(cat "$tmp/smsrepd.log")"
        sleep 0.05
    done
    started=$(date +%s%3N)
    stage 815053704545 91 "amazon code" 09027303177 A1 "see you at six"
    wait_verdicts 2
    stage 815053704545 91 "482131 is your Amazon OTP. Do not share it with anyone." \
          15623784362 91 "482132 is your Amazon OTP. Do not share it with anyone." \
          815031991197 91 "【PayPay】認証番号は482133です。他人に教えないでください。" \
          09011110004 A1 "認証コード：482134" \
          09011110005 A1 "Your verification code is 482135" \
          09011110006 A1 "確認コード 482136 を入力してください"
    wait_verdicts 8
    kill "$daemon"
    wait "$daemon" 2>/dev/null
    stage 09011110007 A1 "Your verification code is 482137" 09027303178 A1 "running late"
    wait_verdicts 10
    echo "10 messages judged in $(($(date +%s%3N) - started)) ms, smsrepd stopped after the 8th"

    verdicts >"$tmp/lines"
    n=0
    while IFS= read -r line; do
        n=$((n + 1))
        case $n in
        7) want=' burst=started senders=5 ' ;;
        8) want=' burst=on senders=6 ' ;;
        *) want= ;;
        esac
        # Each code's sender is allowed on its own, and its code was read.
        case $n in
        3 | 4 | 5 | 6 | 7 | 8)
            case $line in
            *" trusted allow "*one_time_code* | *" unknown allow "*one_time_code*) ;;
            *) fail "verdict $n is not an allowed code: $line" ;;
            esac ;;
        esac
        if [ -n "$want" ]; then
            case $line in *"] $want"* | *"]$want"*) ;; *) fail "verdict $n lacks '$want': $line" ;; esac
            name=${line##* }
            f="$folder/$name$suffix"
            [ -f "$f" ] || fail "verdict $n: no file $f"
            case $n in
            7) grep -q '^SMSrep-Burst: started (5 senders)$' "$f" || fail "no burst header: $(cat "$f")" ;;
            8) grep -q '^SMSrep-Burst: on (6 senders)$' "$f" || fail "no burst header: $(cat "$f")" ;;
            esac
        else
            case $line in *burst=*) fail "verdict $n speaks of a burst: $line" ;; esac
        fi
    done <"$tmp/lines"
    grep -q ' smsrep 09011110007 unknown allow +819011110007 \[one_time_code\] ' "$tmp/lines" ||
        fail "the code after smsrepd stopped: $(cat "$tmp/lines")"
    [ "$(grep -l '^SMSrep-Burst:' "$folder"/* | wc -l)" -eq 2 ] ||
        fail "burst headers on: $(grep -l '^SMSrep-Burst:' "$folder"/*)"
    # The two messages after smsrepd stopped: judged here, said in the log.
    fallback="smsrep: smsrepd is not answering on $tmp/smsrepd.sock; checked in-process (no burst state)"
    [ "$(grep -c -F "Z $fallback" "$tmp/verdicts.log")" -eq 2 ] ||
        fail "fallback lines: $(cat "$tmp/verdicts.log")"
    # A burst holds nothing: all ten are delivered, none held.
    delivered=$(ls "$folder" | grep -c "$suffix\$")
    [ "$delivered" -eq 10 ] || fail "$delivered of 10 delivered: $(ls -a "$folder")"
    [ -z "$(ls "$tmp/quarantine")" ] || fail "held: $(ls "$tmp/quarantine")"
    echo "the 5th code sender's message said burst=started senders=5, the 6th burst=on; all 10 delivered; 2 judged in-process after smsrepd stopped"
}
