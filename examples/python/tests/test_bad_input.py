# SPDX-License-Identifier: Apache-2.0
# test_bad_input.py: what the library refuses arrives as smsrep.Error with its
# status name; what Python refuses (a wrong type) as TypeError; a bad
# database file as the open statuses. Nothing crashes.
import pickle

import pytest

import smsrep


@pytest.mark.parametrize("sender,region,status", [
    ("", "JP", "empty_sender"),
    ("   ", "JP", "empty_sender"),
    ("9" * 200, "JP", "sender_too_long"),
    (b"ab\xff\xfe", "JP", "bad_encoding"),
    ("ab\udcff", "JP", "bad_encoding"),          # a lone surrogate has no UTF-8
    ("\x01\x02", "JP", "bad_character"),
    ("!!!", "JP", "bad_character"),
    ("09027303177", "XX", "bad_region"),
    ("09027303177", "JPN", "bad_region"),
    ("09027303177", "日本", "bad_region"),
    ("09027303177", None, "region_required"),
    ("09027303177", "", "region_required"),
])
def test_refused_with_status(db, sender, region, status):
    with pytest.raises(smsrep.Error) as e:
        db.check(sender, region)
    assert e.value.status == status
    assert e.value.code == smsrep.STATUSES.index(status)
    assert str(e.value).startswith(status + ": ") and e.value.message


def test_nul_inside_the_sender(db):
    with pytest.raises(smsrep.Error) as e:
        db.check("090\x002730", "JP")
    assert e.value.status == "bad_character"


@pytest.mark.parametrize("args,kwargs", [
    ((12345, "JP"), {}),
    ((None, "JP"), {}),
    (("050-5370-4545", 81), {}),
    (("050-5370-4545", "JP", 1.5), {}),
    (("050-5370-4545", "JP", None, 42), {}),
    (("050-5370-4545", "JP"), {"time": "now"}),
])
def test_wrong_types(db, args, kwargs):
    with pytest.raises(TypeError):
        db.check(*args, **kwargs)


@pytest.mark.parametrize("hint", ["sometimes", "", 99, -1])
def test_bad_hint(db, hint):
    with pytest.raises(smsrep.Error) as e:
        db.check("050-5370-4545", "JP", hint)
    assert e.value.status == "bad_argument"


def test_bad_items_in_a_batch(db):
    with pytest.raises(TypeError):
        db.check_many([("050-5370-4545", "JP", None, None, "extra")])
    with pytest.raises(TypeError):
        db.check_many([()])
    with pytest.raises(TypeError):
        db.check_many([42])
    with pytest.raises(TypeError):
        db.check_many(42)


def test_long_text_is_read_up_to_its_limit(db):
    v = db.check("+15623784362", "JP", text="Amazon " + "x" * 100000)
    assert v.text_brand == "Amazon"


def test_bad_database_files(tmp_path):
    with pytest.raises(smsrep.Error) as e:
        smsrep.open(tmp_path / "missing.sqlite")
    assert e.value.status == "db_open_failed"
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(smsrep.Error) as e:
        smsrep.open(junk)
    assert e.value.status in ("db_not_smsrep", "db_corrupt")
    with pytest.raises(smsrep.Error) as e:
        smsrep.open(data=b"")
    assert e.value.status in ("db_open_failed", "db_not_smsrep", "db_corrupt")
    with pytest.raises(smsrep.Error) as e:
        smsrep.open(overlay=junk)
    assert e.value.status in ("db_not_smsrep", "db_corrupt")
    with pytest.raises(TypeError):
        smsrep.open(junk, data=b"x")
    with pytest.raises(TypeError):
        smsrep.open(data="not bytes")


def test_error_pickles():
    e = smsrep.Error("bad_region", 9, "the region is not known")
    back = pickle.loads(pickle.dumps(e))
    assert (back.status, back.code, back.message) == ("bad_region", 9, "the region is not known")
    assert str(back) == str(e)


def test_database_is_made_by_open_only():
    with pytest.raises(TypeError):
        smsrep.Database()
