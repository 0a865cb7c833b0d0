# SPDX-License-Identifier: Apache-2.0
# peer.py: the peer a gateway scripter would reach for: python3-phonenumbers
# parse + format (E.164) + number type per sender. Reads "REGION<TAB>SENDER"
# lines (REGION may be empty); prints the senders and the ns per sender of
# its own loop. Run with Debian's /usr/bin/python3. Usage: peer.py FILE
import sys
import time

import phonenumbers

def main():
    with open(sys.argv[1], "rb") as f:
        rows = [line.rstrip(b"\n").split(b"\t", 1) for line in f]
    rows = [(r.decode() or None, s.decode("utf-8", "replace")) for r, s in rows]
    start = time.perf_counter()
    valid = 0
    for region, sender in rows:
        try:
            n = phonenumbers.parse(sender, region)
        except phonenumbers.NumberParseException:
            continue
        phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        valid += phonenumbers.number_type(n) != phonenumbers.PhoneNumberType.UNKNOWN
    elapsed = time.perf_counter() - start
    print(len(rows), valid, int(elapsed * 1e9 / max(len(rows), 1)))

main()
