# SPDX-License-Identifier: Apache-2.0
# test_check.py: verdicts through the binding are the library's, named as the
# CLI names them: to_dict() equals `smsrep check --json` for the same input;
# every way of opening; sources, info, check_many and the name tables.
import json
import subprocess

import pytest

import smsrep
from conftest import built

# (sender, region, text): the design's stories and one of each kind.
CASES = [
    ("050-5370-4545", "JP", None),
    ("+15623784362", "JP", None),
    ("+15623784362", "JP", "Amazon: Your sign-in code is 123456. Don't share it."),
    ("+15623784362", "JP", "Amazon: https://amazon.co.jp.xn--ecure-login.top/a"),
    ("090-2730-3177", "JP", None),
    ("+441632960123", "GB", None),
    ("AMAZ0N", "JP", None),
    ("Amazon", "JP", None),
    ("VM-HDFCBK-S", "IN", None),
    ("22000", "US", None),
    ("０９０２７３０３１７７", "JP", None),
    ("+1 (202) 555-0100", "", None),
]


def cli_json(cli, sender, region, text, *extra):
    args = [cli, "check", "--json", *extra]
    if region:
        args += ["--region", region]
    if text is not None:
        args += ["--text", text]
    out = subprocess.run(args + ["--", sender], capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    line = json.loads(out.stdout)
    assert line.pop("schema") == 1  # the layout's version: the CLI's, not the verdict's
    return line


@pytest.mark.parametrize("sender,region,text", CASES)
def test_to_dict_is_the_cli_json(db, cli, sender, region, text):
    v = db.check(sender, region, text=text)
    assert v.to_dict() == cli_json(cli, sender, region, text)


def test_fields_of_a_documented_sender(db):
    v = db.check("050-5370-4545", "JP")
    assert (v.kind, v.normalized, v.region, v.calling_code) == ("number", "+815053704545", "JP", 81)
    assert (v.class_, v.recommendation, v.brand, v.brand_relation) == (
        "trusted", "allow", "Amazon", "sender_of")
    assert v.reasons == ("known_otp_sender", "ip_phone")
    assert v.reason_bits == (1 << smsrep.REASONS.index("known_otp_sender")) | (
        1 << smsrep.REASONS.index("ip_phone"))
    assert v.number_type in smsrep.NUMBER_TYPES and v.reply_cost in smsrep.REPLY_COSTS
    assert v.allowed and 0 <= v.score < 20
    assert v.input == "050-5370-4545" and v.display == "050-5370-4545"
    assert "trusted" in repr(v) and "Amazon" in repr(v)


def test_text_changes_the_verdict(db):
    v = db.check("+15623784362", "JP", text="Amazon: https://amazon.co.jp.xn--ecure-login.top/a")
    assert v.class_ == "suspicious" and v.recommendation == "flag"
    assert v.text_brand == "Amazon" and v.url_host == "amazon.co.jp.xn--ecure-login.top"
    assert "brand_url_mismatch" in v.reasons and not v.allowed


def test_hint_by_name_and_number(db):
    by_name = db.check("815053704545", "JP", "international")
    by_number = db.check("815053704545", "JP", smsrep.HINTS.index("international"))
    assert by_name.normalized == by_number.normalized == "+815053704545"
    assert smsrep.hint_from_gsm_toa(0x91) == "international"
    assert smsrep.hint_from_smpp_ton(5) == "alphanumeric"


def test_bytes_in_bytes_kept(db):
    v = db.check(b"+815053704545", "JP")
    assert v.input == b"+815053704545" and v.class_ == "trusted"


def test_source(db):
    v = db.check("050-5370-4545", "JP")
    src = v.source_info()
    assert src is not None and src.id == v.source != ""
    assert src == db.source(v.source)
    assert src.url.startswith("http") and src.licence and len(src.retrieved) == 10
    assert db.source("no-such-source") is None


def test_dlt(db):
    d = db.check("VM-HDFCBK-S", "IN").to_dict()["dlt"]
    assert d is not None and d["header"] == "HDFCBK" and d["message_class"] == "service"


def test_check_many_in_order_with_errors_in_place(db):
    items = ["050-5370-4545", "", ("090-2730-3177", "JP"), ("09027303177", None),
             ("+15623784362", "JP", None, "Amazon: code 123456"), b"\xff\xfe"]
    out = db.check_many(items, region="JP")
    assert len(out) == len(items)
    assert out[0].normalized == "+815053704545"
    assert isinstance(out[1], smsrep.Error) and out[1].status == "empty_sender"
    assert out[2].normalized == "+819027303177"
    # A tuple's None region overrides the default: a national number needs one.
    assert isinstance(out[3], smsrep.Error) and out[3].status == "region_required"
    assert "one_time_code" in out[4].reasons
    assert isinstance(out[5], smsrep.Error) and out[5].status == "bad_encoding"
    single = [db.check(s, "JP").to_dict() for s in ["050-5370-4545", "090-2730-3177"]]
    assert [out[0].to_dict(), out[2].to_dict()] == single


def test_check_many_large_and_lazy(db):
    senders = (f"+8190{n:08d}" for n in range(1000))   # a generator, many chunks
    out = db.check_many(senders, "JP")
    assert len(out) == 1000 and all(isinstance(v, smsrep.Verdict) for v in out)
    assert out[999].normalized == "+819000000999"


def test_check_many_raise(db):
    with pytest.raises(smsrep.Error) as e:
        db.check_many(["050-5370-4545", ""], "JP", errors="raise")
    assert e.value.status == "empty_sender"
    with pytest.raises(ValueError):
        db.check_many([], errors="ignore")
    assert db.check_many([]) == []


def test_open_path_bytes_and_overlay(cli, tmp_path):
    path = built("DB")
    with smsrep.open(path) as a:
        assert not a.info().embedded and a.info().schema_version == smsrep.schema_version()
        want = a.check("090-2730-3177", "JP").to_dict()
    with open(path, "rb") as f:
        image = f.read()
    with smsrep.open(data=image) as b:
        assert b.check("090-2730-3177", "JP").to_dict() == want
    with smsrep.open(data=memoryview(bytearray(image))) as b:
        assert b.check("090-2730-3177", "JP").to_dict() == want
    overlay = tmp_path / "ov.sqlite"
    subprocess.run([cli, "overlay", str(overlay), "add", "deny", "090-2730-3177",
                    "--region", "JP"], check=True, capture_output=True)
    with smsrep.open(overlay=overlay) as c:
        v = c.check("090-2730-3177", "JP")
        assert (v.class_, v.recommendation, v.score) == ("blocked", "block", 100)
        assert "overlay_deny" in v.reasons and c.info().has_overlay
        assert v.to_dict() == cli_json(cli, "090-2730-3177", "JP", None, "--overlay", str(overlay))
    with smsrep.open(path, str(overlay)) as d:
        assert d.check("090-2730-3177", "JP").class_ == "blocked"


def test_close(db):
    handle = smsrep.open()
    v = handle.check("050-5370-4545", "JP")
    handle.close()
    handle.close()
    assert handle.closed
    with pytest.raises(ValueError):
        handle.check("050-5370-4545", "JP")
    with pytest.raises(ValueError):
        v.source_info()
    assert v.class_ == "trusted"     # a verdict outlives its handle


def test_versions_and_names():
    assert smsrep.version() == smsrep.__version__
    assert smsrep.phonenumber_version()
    assert smsrep.CLASSES == ("unknown", "trusted", "caution", "suspicious", "spoofed", "blocked")
    assert smsrep.RECOMMENDATIONS == ("allow", "flag", "block")
    assert smsrep.STATUSES[0] == "ok" and "bad_region" in smsrep.STATUSES
    assert "one_time_code" in smsrep.REASONS and "unknown" not in smsrep.REASONS
    assert smsrep.reason_text("ip_phone")
    assert smsrep.reason_text("ip_phone", "ja") != smsrep.reason_text("ip_phone")
