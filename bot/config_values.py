"""The kinds of value a configuration holds, with their ranges: durations, times,
addresses, identifiers (pydantic annotated types). The sections are `bot.configuration`."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

ENV_PREFIX = "SOUTIEN_"


def env_name(*loc: str | int) -> str:
    """The environment variable for a key: ("routing", "offer_timeout") →
    SOUTIEN_ROUTING__OFFER_TIMEOUT."""
    return ENV_PREFIX + "__".join(str(p).upper() for p in loc)


_NUMBER = re.compile(r"^\s*[-+]?\d+(?:\.\d*)?\s*$")


def _seconds(value: object) -> object:
    """Environment variables are strings: read "90" as ninety seconds. A YAML boolean is
    not a duration (pydantic would read `true` as one second); nor is an ISO month or year,
    whose length varies (and `P1M`, a month, is a likely typo for `PT1M`, a minute)."""
    if isinstance(value, bool):
        raise ValueError("must be a duration, not true or false (seconds or ISO 8601, e.g. PT20M)")
    if isinstance(value, str) and _NUMBER.match(value):
        value = float(value)
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("a bare number is whole seconds: write a fraction in ISO 8601 (PT1M30S)")
    if isinstance(value, str) and _MONTHS_OR_YEARS.match(value.strip()):
        raise ValueError(
            "months and years are not durations: use days (e.g. P30D); PT1M is one minute"
        )
    return value


_MONTHS_OR_YEARS = re.compile(r"^[-+]?P[^T]*[YM]", re.IGNORECASE)
_UNITS = ((86400, "day"), (3600, "hour"), (60, "minute"), (1, "second"))


def _said(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    for size, unit in _UNITS:
        if seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}" + ("s" if count > 1 else "")
    return f"{seconds} seconds"


def duration(low: timedelta, high: timedelta, example: str) -> AfterValidator:
    """A range check for a duration, said in the units a person would use."""

    def bounded(value: timedelta) -> timedelta:
        if not low <= value <= high:
            raise ValueError(
                f"must be between {_said(low)} and {_said(high)} "
                f"(a number of seconds or ISO 8601, e.g. {example})"
            )
        return value

    return AfterValidator(bounded)


SECOND, HOUR, DAY = timedelta(seconds=1), timedelta(hours=1), timedelta(days=1)
# A duration; each key gives its range: `Annotated[Duration, duration(low, high, example)]`.
Duration = Annotated[timedelta, BeforeValidator(_seconds)]


_HHMM = r"(?:[01]\d|2[0-3]):[0-5]\d"
QUIET = re.compile(rf"^{_HHMM}-{_HHMM}$")
_HOST_PORT = re.compile(r"^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_MATRIX_ID = re.compile(r"^@[^\s:]+:[^\s]+$")


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
