"""Log hygiene, enforced in one place: every log record is scrubbed when it is created.

What a person wrote, their ids and handles are registered for the time a message
is handled (`sensitive(...)`); any of them that reaches a log record — from our
code or a library's — is replaced, and so are Matrix ids and e-mail addresses.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

REDACTED = "[redacted]"
_current: ContextVar[tuple[str, ...]] = ContextVar("soutien_sensitive", default=())
# The case a log line is about: its reference (random, never a person), for correlation.
_case: ContextVar[str | None] = ContextVar("soutien_case", default=None)
_PATTERNS = (
    re.compile(r"@[A-Za-z0-9._=/+-]+:[A-Za-z0-9.-]+(?::\d+)?"),  # Matrix user ids
    re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),  # e-mail addresses
)
_MIN_LENGTH = 3
_installed = False


@contextlib.contextmanager
def sensitive(*values: str | None) -> Iterator[None]:
    """Mark values as never to be logged while the block runs (in this task only)."""
    found = tuple(v for v in values if v and len(v.strip()) >= _MIN_LENGTH)
    token = _current.set(_current.get() + found)
    case_token = _case.set(_case.get())  # a case noted inside the block ends with it
    try:
        yield
    finally:
        _case.reset(case_token)
        _current.reset(token)


def about_case(ref: str | None) -> None:
    """Say that what this task logs from now on is about case `ref` (until the enclosing
    `sensitive` block ends, or the task does)."""
    if ref:
        _case.set(ref)


def current_case() -> str | None:
    return _case.get()


def scrub(text: str) -> str:
    for value in sorted(_current.get(), key=len, reverse=True):
        text = text.replace(value, REDACTED)
        stripped = value.strip()
        if stripped != value:
            text = text.replace(stripped, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


def install() -> None:
    """Make every new log record go through `scrub` (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg, record.args = scrub(message), ()
        record.case = _case.get()
        if record.exc_info:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return record

    logging.setLogRecordFactory(factory)
