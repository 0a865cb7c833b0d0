# SPDX-License-Identifier: Apache-2.0
# peer.py: the peer a gateway scripter would reach for: python3-phonenumbers
# parse + format (E.164) + number type per sender. Reads "REGION<TAB>SENDER"
# lines (REGION may be empty); prints the senders and the ns per sender of
# its own loop. Run with Debian's /usr/bin/python3. Usage: peer.py FILE
import sys
import time

import phonenumbers

def load(path):
    """The stream file's (region or None, sender) rows."""
    with open(path, "rb") as f:
        rows = [line.rstrip(b"\n").split(b"\t", 1) for line in f]
    return [(r.decode() or None, s.decode("utf-8", "replace")) for r, s in rows]


def judge(rows):
    """parse + format + type of each sender; returns how many have a type.
    binding.py times the same function against the Python binding."""
    valid = 0
    for region, sender in rows:
        try:
            n = phonenumbers.parse(sender, region)
        except phonenumbers.NumberParseException:
            continue
        phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        valid += phonenumbers.number_type(n) != phonenumbers.PhoneNumberType.UNKNOWN
    return valid


def main():
    rows = load(sys.argv[1])
    start = time.perf_counter()
    valid = judge(rows)
    elapsed = time.perf_counter() - start
    print(len(rows), valid, int(elapsed * 1e9 / max(len(rows), 1)))


if __name__ == "__main__":
    main()
