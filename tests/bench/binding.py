# SPDX-License-Identifier: Apache-2.0
# binding.py: the Python binding (smsrep) against python3-phonenumbers parse +
# format (E.164) + number type, in one process, over the streams smsrep-bench
# writes (DIR/unique.tsv and DIR/gateway.tsv, "REGION<TAB>SENDER" lines).
# Prints ns per message of each, best of PASSES, and the ratio
# phonenumbers / binding. smsrep-bench runs it with PYTHONPATH set to the
# build's module; by hand:
#   PYTHONPATH=build/examples/python /usr/bin/python3 tests/bench/binding.py DIR [PASSES]
import os
import sys
import time

import phonenumbers

import smsrep

sys.dont_write_bytecode = True      # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer import judge, load  # noqa: E402  (peer.py beside this file)


def one_by_one(db, rows):
    """A check per message, refusals caught, reading the verdict's class."""
    for region, sender in rows:
        try:
            db.check(sender, region).class_
        except smsrep.Error:
            pass


def batch(db, rows):
    for v in db.check_many(rows):
        if not isinstance(v, smsrep.Error):
            v.class_


def timed(fn, rows, fresh_db):
    """ns per message of one pass; a fresh handle (cold cache) for the
    binding, as smsrep-bench gives smsrep_check."""
    db = smsrep.open() if fresh_db else None
    t0 = time.perf_counter()
    fn(db, rows) if fresh_db else fn(rows)
    elapsed = time.perf_counter() - t0
    if db is not None:
        db.close()
    return elapsed * 1e9 / len(rows)


def main():
    directory = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(f"\nPython binding (smsrep {smsrep.version()}, in process) against "
          f"python3-phonenumbers {phonenumbers.__version__}, best of {passes}")
    ok = True
    for name in ("unique", "gateway"):
        rows = load(f"{directory}/{name}.tsv")
        pairs = [(s, r) for r, s in rows]
        # Passes go round the three in turn, as in smsrep-bench, so that a
        # burst of load from elsewhere falls on one pass of each.
        py = one = many = float("inf")
        for _ in range(passes):
            py = min(py, timed(judge, rows, False))
            one = min(one, timed(one_by_one, rows, True))
            many = min(many, timed(batch, pairs, True))
        print(f"  {name}: {len(rows)} messages")
        print(f"    {'python3-phonenumbers parse+format+type':44} {py:9.0f} ns {1e9 / py:11.0f} /s")
        print(f"    {'smsrep binding, db.check() each':44} {one:9.0f} ns {1e9 / one:11.0f} /s")
        print(f"    {'smsrep binding, db.check_many()':44} {many:9.0f} ns {1e9 / many:11.0f} /s")
        print(f"    {name}: python3-phonenumbers / binding check(): {py / one:.2f}, "
              f"/ check_many(): {py / many:.2f}")
        ok = ok and py > one
    if not ok:
        print("  the binding was NOT faster than python3-phonenumbers on every stream")
    return 0


if __name__ == "__main__":
    sys.exit(main())
