# SPDX-License-Identifier: Apache-2.0
# test_threads.py: one Database shared by many Python threads gives every
# thread the verdicts one thread gets, checks run without the GIL, and a
# close() while threads are checking neither crashes nor cuts a check short.
import threading

import pytest

import smsrep

SENDERS = ["050-5370-4545", "090-2730-3177", "+15623784362", "AMAZ0N", "22000",
           "+441632960123", "Amazon", "0120-444-444", "", "\x01"]


def outcome(db, sender):
    try:
        return db.check(sender, "JP").to_dict()
    except smsrep.Error as e:
        return e.status


def test_threads_share_one_handle(db):
    want = [outcome(db, s) for s in SENDERS]
    got, failures = {}, []

    def work(k):
        try:
            for _ in range(200):
                for i, s in enumerate(SENDERS):
                    if outcome(db, s) != want[i]:
                        failures.append((k, s))
            got[k] = [v.to_dict() if isinstance(v, smsrep.Verdict) else v.status
                      for v in db.check_many(SENDERS, "JP")]
        except Exception as e:        # noqa: BLE001 - reported below
            failures.append((k, repr(e)))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert all(got[k] == want for k in range(8))


def test_close_while_checking():
    handle = smsrep.open()
    started = threading.Barrier(5)
    results = []

    def work():
        started.wait()
        n = 0
        try:
            while True:
                handle.check("050-5370-4545", "JP")
                n += 1
        except ValueError:
            results.append(n)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    started.wait()
    handle.close()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert len(results) == 4 and handle.closed
    with pytest.raises(ValueError):
        handle.check_many(["050-5370-4545"], "JP")
