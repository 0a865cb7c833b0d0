# SPDX-License-Identifier: Apache-2.0
# test_burst.py: the SMS-bombing tracker through the binding, replaying the
# bomb of tests/data/burst/bomb.log with verdicts from the binding.
from pathlib import Path

import pytest

import smsrep

BOMB = Path(__file__).resolve().parents[3] / "tests" / "data" / "burst" / "bomb.log"


def test_bomb_log(db):
    burst = smsrep.Burst()
    started = []
    for line in BOMB.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        when, recipient, sender, text = line.split("\t", 3)
        v = db.check(sender, "JP", text=text)
        state = burst.observe(recipient, v.normalized or sender, int(when),
                              code="one_time_code" in v.reasons, junk=not v.allowed)
        if state.started:
            started.append((recipient, state.senders, int(when)))
    # Five distinct code senders within 600 s: the fifth message of the bomb
    # (at 1795000080) starts it, and only once.
    assert started == [("+819012345678", 5, 1795000080)]


def test_window_and_thresholds():
    burst = smsrep.Burst(window=60, min_senders=2)
    assert not burst.observe("+8190", "a", 1000, code=True).in_burst
    s = burst.observe("+8190", "b", 1010, code=True)
    assert s.in_burst and s.started and s.senders == 2 and s.since == 1000
    assert burst.observe("+8190", "c", 1020).in_burst          # neither flag: still under it
    assert not burst.observe("+8190", "d", 5000, junk=True).in_burst
    assert not burst.observe("+8191", "a", 1000, code=True).in_burst


def test_bad_observations():
    burst = smsrep.Burst()
    with pytest.raises(smsrep.Error) as e:
        burst.observe("", "a", 1)
    assert e.value.status == "bad_argument"
    with pytest.raises(TypeError):
        burst.observe(None, "a", 1)
    with pytest.raises(smsrep.Error) as e:
        smsrep.Burst(max_senders=100000)
    assert e.value.status == "bad_argument"
