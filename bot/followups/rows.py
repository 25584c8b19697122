"""Follow-up rows: what kind, for which case, when, and where each row is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.clock import ZONE_NAME


class Kind(StrEnum):
    OFFER_EXPIRY = "offer_expiry"  # an offer's time is up: the next listener gets it
    WAITING_RETRY = "waiting_retry"  # a case nobody could take is offered again
    NUDGE = "nudge"  # to the listener, while an accepted case stays open
    CHECKIN = "checkin"  # to the requester, 7 days after closing, if asked
    DISPO_RETURN = "dispo_return"  # a listener's unavailability ends
    PURGE = "purge"  # daily retention purge
    DIGEST = "digest"  # weekly counts to coordinators


class DueState(StrEnum):
    """Where a follow-up row is: waiting, taken by one process, carried out, or moot."""

    PENDING = "pending"
    CLAIMED = "claimed"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up row to add (idempotent by `key`)."""

    kind: Kind
    due_at: datetime
    key: str
    case_id: int | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DueAction(FollowUp):
    """A follow-up row as stored: its id, and the time zone its time was computed in."""

    id: int
    zone: str = ZONE_NAME
