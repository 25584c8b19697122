"""Cases and their life cycle, as pure data and pure transitions."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.ids import CaseRef, ListenerId


class CaseState(StrEnum):
    WAITING = "waiting"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class Trigger(StrEnum):
    OFFER = "offer"
    ACCEPT = "accept"
    DECLINE = "decline"
    EXPIRE = "expire"
    CANCEL = "cancel"
    CLOSE = "close"
    TRANSFER = "transfer"


class Mode(StrEnum):
    ANONYMOUS = "anonymous"
    DIRECT = "direct"


class OfferOutcome(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    TRANSFERRED = "transferred"


OPEN_STATES = (CaseState.WAITING, CaseState.OFFERED, CaseState.ACCEPTED)

_TRANSITIONS: dict[tuple[CaseState, Trigger], CaseState] = {
    (CaseState.WAITING, Trigger.OFFER): CaseState.OFFERED,
    (CaseState.OFFERED, Trigger.ACCEPT): CaseState.ACCEPTED,
    (CaseState.OFFERED, Trigger.DECLINE): CaseState.WAITING,
    (CaseState.OFFERED, Trigger.EXPIRE): CaseState.WAITING,
    (CaseState.WAITING, Trigger.CANCEL): CaseState.CANCELLED,
    (CaseState.OFFERED, Trigger.CANCEL): CaseState.CANCELLED,
    (CaseState.ACCEPTED, Trigger.CANCEL): CaseState.CANCELLED,
    (CaseState.ACCEPTED, Trigger.CLOSE): CaseState.CLOSED,
    (CaseState.ACCEPTED, Trigger.TRANSFER): CaseState.WAITING,
}


class AlreadyOpen(Exception):
    """The requester already has an open case (two requests raced; the store said no)."""

    def __init__(self, case: Case) -> None:
        super().__init__(f"{case.ref} is already open for this requester")
        self.case = case


class InvalidTransition(Exception):
    """Raised when a trigger does not apply to a case's current state."""

    def __init__(self, state: CaseState, trigger: Trigger) -> None:
        super().__init__(f"{trigger.value} is not allowed from {state.value}")
        self.state = state
        self.trigger = trigger


def transition(state: CaseState, trigger: Trigger) -> CaseState:
    """Return the state a case moves to, or raise InvalidTransition."""
    try:
        return _TRANSITIONS[(state, trigger)]
    except KeyError:
        raise InvalidTransition(state, trigger) from None


def allows(state: CaseState, trigger: Trigger) -> bool:
    """Tell whether `trigger` applies to `state`."""
    return (state, trigger) in _TRANSITIONS


# No 0/O, 1/I/L, 5/S: references are read aloud and typed on phones.
REF_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
REF_LENGTH = 4


def new_ref(length: int = REF_LENGTH) -> CaseRef:
    """A short random case reference with no meaning and no sequence."""
    return CaseRef("".join(secrets.choice(REF_ALPHABET) for _ in range(length)))


def looks_like_ref(word: str) -> bool:
    """Whether `word` could be a case reference ("tout", "mais" cannot), any case."""
    upper = word.upper()
    return len(upper) == REF_LENGTH and all(ch in REF_ALPHABET for ch in upper)


@dataclass(frozen=True, slots=True)
class Case:
    """A request to be listened to, as the core sees it (no message content)."""

    id: int
    ref: CaseRef
    requester_id: int
    state: CaseState
    mode: Mode
    team: str | None
    continuity_listener: ListenerId | None
    listener_id: ListenerId | None
    created_at: datetime
    offered_at: datetime | None = None
    offer_expires_at: datetime | None = None
    accepted_at: datetime | None = None
    ended_at: datetime | None = None
    waiting_alerted: bool = False
    checkin_wanted: bool = False

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True, slots=True)
class Note:
    """A note listeners share about a case: who wrote it (roster id), what, when."""

    author: str
    text: str
    at: datetime
