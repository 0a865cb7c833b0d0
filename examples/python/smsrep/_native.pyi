# SPDX-License-Identifier: Apache-2.0
# _native.pyi: the types of the C extension smsrep._native, for type checkers.
import os
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple, Union

from ._errors import Error

_Text = Union[str, bytes, bytearray, memoryview]
_Sender = _Text
_Item = Union[
    _Sender,
    tuple[_Sender],
    tuple[_Sender, str | None],
    tuple[_Sender, str | None, str | int | None],
    tuple[_Sender, str | None, str | int | None, _Text | None],
]

KINDS: tuple[str, ...]
CLASSES: tuple[str, ...]
RECOMMENDATIONS: tuple[str, ...]
NUMBER_TYPES: tuple[str, ...]
RELATIONS: tuple[str, ...]
REPLY_COSTS: tuple[str, ...]
HINTS: tuple[str, ...]
MESSAGE_CLASSES: tuple[str, ...]
REASONS: tuple[str, ...]
STATUSES: tuple[str, ...]

class Source(NamedTuple):
    id: str
    name: str
    url: str
    licence: str
    retrieved: str
    credit: str

class DatabaseInfo(NamedTuple):
    schema_version: int
    embedded: bool
    has_overlay: bool
    data_version: str
    overlay_version: str

class BurstState(NamedTuple):
    in_burst: bool
    started: bool
    senders: int
    messages: int
    since: int

class Verdict:
    @property
    def input(self) -> _Sender: ...
    @property
    def kind(self) -> str: ...
    @property
    def normalized(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def calling_code(self) -> int: ...
    @property
    def number_type(self) -> str: ...
    @property
    def class_(self) -> str: ...
    @property
    def score(self) -> int: ...
    @property
    def recommendation(self) -> str: ...
    @property
    def reasons(self) -> tuple[str, ...]: ...
    @property
    def reason_bits(self) -> int: ...
    @property
    def brand(self) -> str: ...
    @property
    def brand_relation(self) -> str: ...
    @property
    def reply_cost(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def display(self) -> str: ...
    @property
    def text_brand(self) -> str: ...
    @property
    def url_host(self) -> str: ...
    @property
    def text_phrase(self) -> str: ...
    @property
    def message_class(self) -> str: ...
    @property
    def dlt_header(self) -> str: ...
    @property
    def dlt_operator(self) -> str: ...
    @property
    def dlt_circle(self) -> str: ...
    @property
    def allowed(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def source_info(self) -> Source | None: ...

class Database:
    @property
    def closed(self) -> bool: ...
    def check(
        self,
        sender: _Sender,
        region: str | None = None,
        hint: str | int | None = None,
        text: _Text | None = None,
        *,
        time: int | None = None,
    ) -> Verdict: ...
    def check_many(
        self,
        items: Iterable[_Item],
        region: str | None = None,
        hint: str | int | None = None,
        *,
        time: int | None = None,
        errors: Literal["return", "raise"] = "return",
    ) -> list[Verdict | Error]: ...
    def source(self, id: str) -> Source | None: ...
    def info(self) -> DatabaseInfo: ...
    def close(self) -> None: ...
    def __enter__(self) -> Database: ...
    def __exit__(self, *exc: object) -> None: ...

class Burst:
    def __init__(
        self, window: int = 0, min_senders: int = 0, max_recipients: int = 0, max_senders: int = 0
    ) -> None: ...
    def observe(
        self,
        recipient: _Text,
        sender: _Text,
        time: int | None = None,
        *,
        code: bool = False,
        junk: bool = False,
    ) -> BurstState: ...

def open(
    path: str | os.PathLike[str] | None = None,
    overlay: str | os.PathLike[str] | None = None,
    *,
    data: bytes | bytearray | memoryview | None = None,
) -> Database: ...
def version() -> str: ...
def phonenumber_version() -> str: ...
def schema_version() -> int: ...
def reason_text(name: str, lang: str = "en") -> str: ...
def hint_from_gsm_toa(toa: int) -> str: ...
def hint_from_smpp_ton(ton: int) -> str: ...
