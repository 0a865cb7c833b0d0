# SPDX-License-Identifier: Apache-2.0
# typed_usage.py: the binding's API as a typed caller uses it, for types.sh to
# check under mypy --strict against smsrep/_native.pyi (never run by pytest:
# its name does not start with test_). Each annotation states a promise of
# the stubs; a stub that breaks one fails the check.
import smsrep


def usage() -> None:
    db: smsrep.Database = smsrep.open(None, None, data=None)
    v: smsrep.Verdict = db.check("050-5370-4545", "JP", "national", text=b"x", time=0)
    fields: tuple[str, str, int, str, tuple[str, ...], bool] = (
        v.class_, v.kind, v.score, v.recommendation, v.reasons, v.allowed)
    out: list[smsrep.Verdict | smsrep.Error] = db.check_many(
        [("a", "JP"), "b", (b"c", None, 1, "t")], region="JP", errors="raise")
    for r in out:
        status: str = r.status if isinstance(r, smsrep.Error) else r.class_
    src: smsrep.Source | None = v.source_info()
    if src is not None:
        url: str = src.url
    state: smsrep.BurstState = smsrep.Burst(window=60).observe("+81", v.normalized, code=True)
    burst: bool = state.in_burst
    d: dict[str, object] = v.to_dict()
    info: smsrep.DatabaseInfo = db.info()
    names: tuple[str, ...] = smsrep.CLASSES + smsrep.REASONS
    version: str = smsrep.version()
    with smsrep.open() as other:
        closed: bool = other.closed
    del fields, status, url, burst, d, info, names, version, closed
