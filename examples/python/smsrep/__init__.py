# SPDX-License-Identifier: Apache-2.0
# __init__.py: the smsrep package, libsmsrep linked in process; everything is
# the C extension's (smsrep._native) but Error, which is plain Python.
"""Judge SMS senders in process with libsmsrep.

>>> import smsrep
>>> db = smsrep.open()                       # the database embedded in the library
>>> v = db.check("050-5370-4545", "JP")      # Amazon.co.jp's documented code sender
>>> v.class_, v.recommendation, v.brand, v.reasons
('trusted', 'allow', 'Amazon', ('known_otp_sender', 'ip_phone'))

``open(path)``, ``open(data=bytes)`` and ``overlay=`` open other databases.
``Database.check_many()`` judges an iterable, ``Burst`` watches for SMS
bombing, ``Verdict.to_dict()`` is the object ``smsrep check --json`` prints,
and every refusal is an ``Error`` carrying the library's status name. One
Database may be shared by any number of threads; checks run without the GIL.
"""

from ._errors import Error
from ._native import (
    CLASSES,
    HINTS,
    KINDS,
    MESSAGE_CLASSES,
    NUMBER_TYPES,
    REASONS,
    RECOMMENDATIONS,
    RELATIONS,
    REPLY_COSTS,
    STATUSES,
    Burst,
    BurstState,
    Database,
    DatabaseInfo,
    Source,
    Verdict,
    hint_from_gsm_toa,
    hint_from_smpp_ton,
    open,
    phonenumber_version,
    reason_text,
    schema_version,
    version,
)

__version__ = "0.3.0"

__all__ = [
    "CLASSES", "HINTS", "KINDS", "MESSAGE_CLASSES", "NUMBER_TYPES", "REASONS",
    "RECOMMENDATIONS", "RELATIONS", "REPLY_COSTS", "STATUSES",
    "Burst", "BurstState", "Database", "DatabaseInfo", "Error", "Source", "Verdict",
    "hint_from_gsm_toa", "hint_from_smpp_ton", "open", "phonenumber_version",
    "reason_text", "schema_version", "version",
]
