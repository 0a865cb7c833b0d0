#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# json_schema.py: every JSON line smsrep prints for the golden rows
# (senders, alnum, messages, real_sms), a burst and an overlay listing, and
# the --env assignments of the same rows, validated against the installed
# JSON Schema (doc/smsrep-output.schema.json); with SMSREPD, the rows without
# text once more through it (check --server, burst state added). Broken lines
# must be refused, so the check is shown able to fail before it passes anything.
# Usage: json_schema.py SMSREP SCHEMA DATA_DIR [SMSREPD]
import json
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import jsonschema
except ImportError:
    if os.environ.get("SMSREP_REQUIRE_INTEGRATION"):
        sys.exit("FAIL: python3-jsonschema is not installed")
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

smsrep, schema_path, data = sys.argv[1:4]
smsrepd = sys.argv[4] if len(sys.argv) > 4 else None
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
lines_validator = jsonschema.Draft202012Validator(schema)
env_schema = dict(schema)
env_schema.pop("oneOf")
env_schema["$ref"] = "#/$defs/env"
env_validator = jsonschema.Draft202012Validator(env_schema)


def unescape(s):
    """The tables write awkward bytes as \\xHH."""
    return re.sub(rb"\\x([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                  s.encode("utf-8"))


def rows(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


# (sender bytes, region, hint, text bytes or None) from each table
cases = []
for table in ("senders.tsv", "alnum.tsv"):
    for r in list(rows(table))[1:]:
        cases.append((unescape(r[0]), r[1], r[2], None))
for r in list(rows("messages.tsv"))[1:]:
    cases.append((unescape(r[0]), r[1], "-", unescape(r[2])))
for r in list(rows("real_sms.tsv"))[1:]:
    cases.append((unescape(r[1]), r[0], "-", unescape(r[2])))
assert len(cases) > 500, f"only {len(cases)} golden rows read"


def args_of(region, hint, text):
    a = []
    if region != "-":
        a += ["--region", region]
    if hint != "-":
        a += ["--hint", hint]
    if text is not None:
        a += ["--text", os.fsdecode(text)]
    return a


def run(args, stdin=None):
    p = subprocess.run([smsrep] + args, input=stdin, capture_output=True, check=False)
    assert p.returncode in (0, 1, 2), (args, p.returncode, p.stderr)
    return p.stdout.decode("utf-8")


# Senders without text go through --batch, one run per region and hint;
# a sender holding a line end or a text goes alone.
json_out, env_out = [], []
groups = {}
for sender, region, hint, text in cases:
    if text is None and b"\n" not in sender and b"\r" not in sender:
        groups.setdefault((region, hint), []).append(sender)
    elif b"\0" not in sender and (text is None or b"\0" not in text):
        extra = args_of(region, hint, text) + ["--", os.fsdecode(sender)]
        json_out.append(run(["check", "--json"] + extra))
        env_out.append(run(["check", "--env"] + extra))
for (region, hint), senders in groups.items():
    stdin = b"\n".join(senders) + b"\n"
    json_out.append(run(["check", "--batch", "--json"] + args_of(region, hint, None), stdin))
    env_out.append(run(["check", "--batch", "--env"] + args_of(region, hint, None), stdin))

with tempfile.TemporaryDirectory() as tmp:
    if smsrepd:
        sock = os.path.join(tmp, "d.sock")
        daemon = subprocess.Popen([smsrepd, "--socket", sock], stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                if os.path.exists(sock):
                    break
                time.sleep(0.05)
            for (region, hint), senders in groups.items():
                stdin = b"\n".join(senders) + b"\n"
                server = ["--server", sock, "--recipient", f"{region}{hint}"]
                json_out.append(run(["check", "--batch", "--json"] + server +
                                    args_of(region, hint, None), stdin))
                env_out.append(run(["check", "--batch", "--env"] + server +
                                   args_of(region, hint, None), stdin))
        finally:
            daemon.terminate()
            daemon.wait()
    json_out.append(run(["burst", "--json", os.path.join(data, "burst", "bomb.log")]))
    ov = os.path.join(tmp, "ov.sqlite")
    run(["overlay", ov, "add", "deny", "+12025550123", "--note", "scam \"quoted\""])
    run(["overlay", ov, "add", "allow", "--range", "+8190", "--length", "11"])
    json_out.append(run(["overlay", ov, "list", "--json"]))

lines = [l for out in json_out for l in out.splitlines()]
objects = [json.loads(l) for l in lines]
kinds = {"verdict": 0, "error": 0, "burst": 0, "overlay_rule": 0}
for o in objects:
    kinds["burst" if "burst" in o and "input" not in o else "error" if "error" in o
          else "overlay_rule" if "action" in o else "verdict"] += 1
assert all(n > 0 for n in kinds.values()), f"a kind of line never printed: {kinds}"
served = [o for o in objects if "input" in o and isinstance(o.get("burst"), dict)]
assert not smsrepd or len(served) > 200, f"only {len(served)} lines through smsrepd"

# The check fails on broken lines: each mutation of a real verdict or error
# line must be refused.
verdict = next(o for o in objects if "class" in o and o["source"] is not None)
error = next(o for o in objects if "error" in o)
broken = [
    {k: v for k, v in verdict.items() if k != "schema"},
    {**verdict, "schema": 2},
    {**verdict, "class": "bogus"},
    {**verdict, "score": "10"},
    {**verdict, "reasons": ["Known OTP"]},
    {**verdict, "unexpected": 1},
    {**verdict, "source": {"id": "x"}},
    {k: v for k, v in verdict.items() if k != "brand"},
    {**error, "error": "Bad Thing"},
    {k: v for k, v in error.items() if k != "message"},
]
if served:
    broken += [
        {**served[0], "burst": {**served[0]["burst"], "in_burst": "yes"}},
        {**served[0], "burst": {k: v for k, v in served[0]["burst"].items() if k != "since"}},
        {**served[0], "burst": 1},
    ]
for i, b in enumerate(broken):
    if lines_validator.is_valid(b):
        sys.exit(f"FAIL: broken line {i} passed the schema: {json.dumps(b)[:200]}")

bad = 0
for line, o in zip(lines, objects):
    errors = list(lines_validator.iter_errors(o))
    if errors:
        bad += 1
        print(f"FAIL: {line[:300]}\n  {errors[0].message[:300]}", file=sys.stderr)

# --env: SMSREP_<n>_<FIELD>='value' per sender, as {FIELD: value}.
assign = re.compile(r"^SMSREP_(\d+)_([A-Z_]+)='((?:[^']|'\\'')*)'$")
senders_env = 0
for out in env_out:
    per = {}
    for line in out.splitlines():
        if line.startswith("SMSREP_COUNT="):
            assert int(line.split("=")[1]) == len(per), line
            continue
        m = assign.match(line)
        assert m, f"not an assignment: {line!r}"
        per.setdefault(int(m.group(1)), {})[m.group(2)] = m.group(3).replace("'\\''", "'")
    for n, fields in per.items():
        senders_env += 1
        errors = list(env_validator.iter_errors(fields))
        if errors:
            bad += 1
            print(f"FAIL: --env sender {n}: {fields}\n  {errors[0].message[:300]}", file=sys.stderr)
if env_validator.is_valid({"INPUT": "x", "KIND": "number"}):
    sys.exit("FAIL: a cut --env record passed the schema")
if env_validator.is_valid({"INPUT": "x", "ERROR": "e", "MESSAGE": "m", "BURST": "on"}):
    sys.exit("FAIL: a --env record with half its burst fields passed the schema")

print(f"{len(lines)} JSON lines ({kinds}, {len(served)} through smsrepd) and "
      f"{senders_env} --env records checked, "
      f"{len(broken)} broken lines refused, {bad} invalid")
sys.exit(1 if bad else 0)
