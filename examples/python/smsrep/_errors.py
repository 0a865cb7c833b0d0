# SPDX-License-Identifier: Apache-2.0
# _errors.py: smsrep.Error, the one exception the binding raises for what the
# library refuses; its C half instantiates it with the library's status.
"""The exception of the smsrep package."""


class Error(Exception):
    """What libsmsrep refused, and why.

    ``status`` is the status name the CLI prints as "error" (``bad_region``,
    ``empty_sender``, ``db_not_smsrep``, ...; all in ``smsrep.STATUSES``),
    ``code`` its pinned number and ``message`` a sentence for people.
    """

    def __init__(self, status: str, code: int, message: str) -> None:
        super().__init__(status, code, message)
        self.status = status
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.status}: {self.message}"
