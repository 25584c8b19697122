"""People the bot talks to, the roster of listeners, and their availability."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.ids import ListenerId
from bot.messages import Address
from bot.text import normalize

# letters spelt one by one: "la D.I.N.U.M" is "la dinum"
_LETTERS = re.compile(r"\b\w\b(?: \w\b)+")


def _contains(haystack: str, needle: str) -> bool:
    """Whole-word containment of already normalised texts."""
    return bool(needle) and f" {needle} " in f" {haystack} "


class Dialog(StrEnum):
    """Which question the bot is waiting for an answer to, if any."""

    NONE = ""
    CONTINUITY = "continuity"
    TEAM = "team"
    MODE = "mode"
    CHECKIN = "checkin"
    FORGET = "forget"
    SAFETY = "safety"  # "are you thinking of suicide, or in danger now?"


@dataclass(slots=True)
class Person:
    """Someone who wrote to the bot; identifying fields are decrypted here only."""

    id: int
    address: Address
    ref: str
    locale: str | None = None
    welcomed: bool = False
    handle: str | None = None
    dialog: Dialog = Dialog.NONE
    resume: Dialog = Dialog.NONE  # the question the safety or erasure question interrupted
    draft_team: str | None = None
    draft_continuity: ListenerId | None = None
    dialog_case_id: int | None = None
    last_alert_at: datetime | None = None
    last_seen_at: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Listener:
    """A volunteer listener (or coordinator) declared in the roster."""

    id: ListenerId
    name: str
    teams: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    coordinator: bool = False
    listens: bool = True
    active: bool = True

    def is_linked_to(self, team: str | None) -> bool:
        """True when the declared team matches one of ours (accent/case-insensitive)."""
        if not team:
            return False
        declared = _LETTERS.sub(lambda run: run.group().replace(" ", ""), normalize(team))
        return any(
            _contains(declared, mine)
            or _contains(mine, declared)
            or _contains(declared, mine.replace(" ", ""))  # "betagouv" is "beta.gouv"
            for mine in (normalize(own) for own in self.teams)
        )


@dataclass(slots=True)
class ListenerState:
    """Runtime availability of a listener (kept in the database)."""

    listener_id: ListenerId
    available: bool = True
    unavailable_until: datetime | None = None
    last_offer_at: datetime | None = None
    rest_until: datetime | None = None  # no new offer after a heavy case, until then
    heavy_streak: int = 0  # heavy cases closed in a row

    def is_available(self, now: datetime) -> bool:
        if self.rest_until is not None and self.rest_until > now:
            return False
        if self.available:
            return True
        return self.unavailable_until is not None and self.unavailable_until <= now


@dataclass(frozen=True, slots=True)
class Roster:
    """The configured listeners and coordinators, in roster order."""

    members: tuple[Listener, ...] = field(default_factory=tuple)

    def find(self, address: Address, handle: str | None = None) -> Listener | None:
        for member in self.members:
            for own in member.addresses:
                if own.platform != address.platform:
                    continue
                if own.user_id in (address.user_id, handle):
                    return member
        return None

    def get(self, listener_id: str) -> Listener | None:
        return next((m for m in self.members if m.id == listener_id), None)

    @property
    def coordinators(self) -> tuple[Listener, ...]:
        return tuple(m for m in self.members if m.coordinator and m.active)

    @property
    def listeners(self) -> tuple[Listener, ...]:
        return tuple(m for m in self.members if m.listens)
