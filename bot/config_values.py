"""The kinds of value a configuration holds, with their ranges: durations, times,
addresses, identifiers (pydantic annotated types). The sections are `bot.configuration`."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

_NUMBER = re.compile(r"^\s*[-+]?\d+(?:\.\d*)?\s*$")


def _seconds(value: object) -> object:
    """Environment variables are strings: read "90" as ninety seconds."""
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    return value


_MAX_DURATION = timedelta(days=365)


def _bounded(value: timedelta) -> timedelta:
    if not timedelta(seconds=1) <= value <= _MAX_DURATION:
        raise ValueError(
            "must be between 1 second and 365 days (a number of seconds or ISO 8601, e.g. PT20M)"
        )
    return value


Duration = Annotated[timedelta, BeforeValidator(_seconds), AfterValidator(_bounded)]

_HHMM = r"(?:[01]\d|2[0-3]):[0-5]\d"
QUIET = re.compile(rf"^{_HHMM}-{_HHMM}$")
_HOST_PORT = re.compile(r"^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_MATRIX_ID = re.compile(r"^@[^\s:]+:[^\s]+$")
STORAGE_SCHEMES = ("sqlite+aiosqlite://", "postgresql+asyncpg://")


def _host_port(value: str | None) -> str | None:
    if value is None:
        return value
    m = _HOST_PORT.match(value)
    if m is None or not 1 <= int(m.group(1)) <= 65535:
        raise ValueError("must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8088")
    return value


def _http_url(value: str | None) -> str | None:
    if value is not None and not _HTTP_URL.match(value):
        raise ValueError("must be an http:// or https:// address, e.g. https://mm.example.org")
    return value


def _matrix_id(value: str | None) -> str | None:
    if value is not None and not _MATRIX_ID.match(value):
        raise ValueError("must be a Matrix id like @name:server.example")
    return value


HostPort = Annotated[str, AfterValidator(_host_port)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
MatrixId = Annotated[str, AfterValidator(_matrix_id)]
Seconds = Annotated[float, Field(allow_inf_nan=False)]


class Section(BaseModel):
    """One section of the configuration: unknown keys are errors, docstrings document."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)
