"""Audit entries and retention: what is kept about access to cases, and for how long."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.ids import ListenerId, Platform


class Origin(StrEnum):
    """Where an audited action came from when no person wrote on a platform."""

    BOT = "system"  # the bot itself: an offer whose time was up
    NOWHERE = "none"  # a roster member with no address on a running platform


Where = Platform | Origin
_PLATFORMS = frozenset(p.value for p in Platform)


def where_of(value: str) -> Where:
    """What the audit table holds, typed again."""
    return Platform(value) if value in _PLATFORMS else Origin(value)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One access to or change of a case. Never any content, never a requester identity."""

    at: datetime
    actor: str
    action: str
    case_ref: str | None
    platform: Where
    subject: str | None = None  # the roster member a coordinator acted upon


@dataclass(frozen=True, slots=True)
class PurgeReport:
    cases: int = 0
    persons: int = 0
    audit_entries: int = 0


@dataclass(frozen=True, slots=True)
class Retention:
    cases: timedelta = timedelta(days=90)
    audit: timedelta = timedelta(days=365)


def listener_actor(listener_id: ListenerId) -> str:
    return f"listener:{listener_id}"


def coordinator_actor(listener_id: ListenerId) -> str:
    return f"coordinator:{listener_id}"


REQUESTER = "requester"
