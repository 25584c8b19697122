"""The interfaces the core needs from the outside world: adapters, storage, clock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.cases import Case, CaseState, Mode, Note
from bot.clock import ZONE_NAME
from bot.followups import DueAction, FollowUp
from bot.ids import ListenerId, Platform
from bot.lifecycle import Change
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.people import Listener, ListenerState, Person
from bot.privacy import AuditEntry, PurgeReport
from bot.statistics import CaseFact

MessageHandler = Callable[[IncomingMessage], Awaitable[None]]


class Clock(Protocol):
    """Gives the current aware UTC time; tests inject one they can move."""

    def now(self) -> datetime: ...


class Adapter(Protocol):
    """One platform connection: receives messages and delivers the core's answers."""

    platform: Platform

    async def run(self, on_message: MessageHandler) -> None:
        """Receive until stopped; call `on_message` for each incoming message."""

    async def send(self, message: OutgoingMessage) -> None:
        """Deliver one message."""

    async def send_image(self, message: OutgoingMessage) -> None:
        """Upload `message.image` to the recipient, `message.text` as its caption."""

    async def stop(self) -> None:
        """Stop receiving and release connections."""


class KeyValue(Protocol):
    """Small persistent state for adapters (sync tokens, room maps, handled events).

    Keys are stored as keyed hashes and values encrypted: a user id used as a key
    does not appear in the database. `owner` names the person a row is about (a DM map,
    a case room of theirs), so that `forget` erases it when they ask to be forgotten.
    """

    async def get(self, namespace: str, key: str) -> str | None: ...

    async def put(
        self, namespace: str, key: str, value: str, owner: Address | None = None
    ) -> None: ...

    async def add(
        self, namespace: str, key: str, value: str = "", owner: Address | None = None
    ) -> bool:
        """Insert if absent; True when this call inserted it (atomic)."""

    async def forget(self, owner: Address) -> int:
        """Erase every row about this person; how many rows were erased."""


class People(Protocol):
    """People who wrote to the bot (identifying fields encrypted at rest)."""

    async def person(self, address: Address, now: datetime) -> Person: ...

    async def person_by_id(self, person_id: int) -> Person | None: ...

    async def save_person(self, person: Person) -> None: ...


class Cases(Protocol):
    """Cases and their offers. Every state change is a `Change` from the life cycle,
    applied as a compare-and-set, so two replicas answering at once cannot both win."""

    async def create_case(
        self,
        requester: Person,
        mode: Mode,
        team: str | None,
        continuity_listener: ListenerId | None,
        now: datetime,
    ) -> Case:
        """A new open case; `AlreadyOpen` when the requester has one (at most one, enforced
        by the store even when two replicas race)."""

    async def case_by_ref(self, ref: str) -> Case | None: ...

    async def case_by_id(self, case_id: int) -> Case | None: ...

    async def open_case_of(self, person_id: int) -> Case | None: ...

    async def last_closed_case_of(self, person_id: int) -> Case | None: ...

    async def cases_of_listener(
        self, listener_id: ListenerId, states: Sequence[CaseState]
    ) -> list[Case]: ...

    async def cases_in(self, states: Sequence[CaseState]) -> list[Case]: ...

    async def count_by_state(self) -> dict[CaseState, int]: ...

    async def offered_to(self, case_id: int) -> set[ListenerId]: ...

    async def apply(self, change: Change) -> bool:
        """Apply a life-cycle change as one compare-and-set; True for the one winner."""

    async def holders(self, case_id: int) -> list[str]:
        """The listeners who held the case (accepted it), first one first."""

    async def reopen_offers(self, case_id: int, listener_ids: Sequence[str] | None = None) -> None:
        """Forget declined and expired offers (all, or those listeners'): a coordinator
        may have the case offered to them again."""

    async def mark_waiting_alerted(self, case_id: int) -> None: ...

    async def set_checkin(self, case_id: int, wanted: bool) -> None: ...

    async def cases_of_requester(self, person_id: int) -> list[Case]: ...


class Availability(Protocol):
    """Listeners' availability, and their load for routing."""

    async def listener_states(self) -> dict[ListenerId, ListenerState]: ...

    async def save_listener_state(self, state: ListenerState) -> None: ...

    async def listener_load(self, since: datetime) -> dict[ListenerId, tuple[int, int]]: ...

    async def offers_of_listener(self, listener_id: ListenerId) -> list[tuple[str, str, datetime]]:
        """(case reference, outcome, offered at) of every offer made to this listener."""


class RosterStore(Protocol):
    """The roster: the configuration seeds it, coordinators change it in chat."""

    async def roster(self) -> tuple[Listener, ...]: ...

    async def seed_roster(self, members: Sequence[Listener], now: datetime) -> None:
        """Add configured members; never overwrite a member changed in chat."""

    async def save_member(self, member: Listener, now: datetime) -> None: ...

    async def remove_member(self, listener_id: str, now: datetime) -> bool: ...


class Notes(Protocol):
    """Notes listeners share about a case (encrypted at rest, deleted with the case)."""

    async def add_note(self, case_id: int, author: str, text: str, now: datetime) -> None: ...

    async def notes_of(self, case_id: int) -> list[Note]: ...


class Statistics(Protocol):
    """Facts for statistics: no identity, no team, no words."""

    async def case_facts(self, since: datetime) -> list[CaseFact]: ...

    async def returning_requesters(self, since: datetime) -> int: ...

    async def set_theme(self, case_id: int, theme: str) -> None:
        """What the case was about: one of `bot.statistics.THEMES`."""

    async def monthly_counts(self) -> dict[tuple[str, str], int]:
        """Cases the retention deleted, counted by month and final state."""


class Audit(Protocol):
    """Who accessed or changed a case, erasure, retention and the counts it leaves."""

    async def forget(self, person_id: int) -> None:
        """Erase a person and every case they asked for."""

    async def record(self, entry: AuditEntry) -> None:
        """Append one audit entry."""

    async def audit_of(self, case_ref: str) -> list[AuditEntry]: ...

    async def audit_count(self, actor: str) -> int:
        """How many audit entries name this actor (for `mes données`)."""

    async def purge(self, cases_before: datetime, audit_before: datetime) -> PurgeReport:
        """Delete ended cases and idle people older than the limits, keeping counts."""

    async def monthly_counts(self) -> dict[tuple[str, str], int]: ...

    async def activity_since(self, since: datetime) -> dict[str, int]:
        """Counts of cases created, accepted and closed since a moment (for digests)."""


class FollowUps(Protocol):
    """Follow-up rows: each one claimed by one process before it is carried out."""

    async def schedule(self, follow_up: FollowUp, now: datetime, zone: str = ZONE_NAME) -> bool:
        """Add a due action once (aware UTC time, IANA zone for its local rules);
        False when its key is already scheduled."""

    async def due_actions(self, now: datetime, lease: timedelta) -> list[DueAction]: ...

    async def claim(self, action_id: int, owner: str, now: datetime, lease: timedelta) -> bool:
        """Take an action for this process; exactly one concurrent caller wins."""

    async def finish(self, action_id: int, now: datetime) -> None: ...

    async def postpone(self, action_id: int, due_at: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class Queued:
    """One outbox row: `message` carries the row's key as its idempotency key."""

    id: int
    message: OutgoingMessage
    conversation: str
    tries: int


class Outbox(Protocol):
    """The transactional outbox: an event's claim, its changes and its messages commit
    together (`unit`); senders then deliver the rows and delete them."""

    def unit(self) -> AbstractAsyncContextManager[None]:
        """One transaction for every store call inside (in this task)."""

    async def claim_event(self, platform: Platform, event_id: str, now: datetime) -> bool:
        """True the first time this platform event is claimed (inside a unit: undone
        with it)."""

    async def enqueue(self, messages: Sequence[OutgoingMessage], now: datetime) -> list[int]: ...

    async def pending(self, platform: Platform, limit: int) -> list[Queued]:
        """Unsent rows of one platform, oldest first."""

    async def sent(self, row_id: int) -> None:
        """Delivered: the row (and the text it held) is deleted."""

    async def failed(self, row_id: int) -> int:
        """One more failed try; how many so far."""

    async def drop(self, row_id: int) -> None:
        """Set aside (dead-lettered): the row and its text are deleted."""

    async def dead_letter(self, source: str, reason: str, tries: int, now: datetime) -> str:
        """Record work set aside (no text); its short reference for coordinators."""

    async def ping(self) -> bool:
        """Whether the database answers now."""


class Store(
    People,
    Cases,
    Availability,
    RosterStore,
    Notes,
    Statistics,
    Audit,
    FollowUps,
    Outbox,
    Protocol,
):
    """Every storage port the core uses (adapter state is `KeyValue`, apart)."""


class Lease(Protocol):
    """Two replicas, one active: only the holder runs the platforms, senders and scheduler."""

    lost: asyncio.Event  # set when the lease can no longer be trusted

    async def acquire(self, stopping: asyncio.Event) -> bool:
        """Wait until this replica is the active one (False if stopping first)."""

    def held(self) -> bool:
        """The fencing check, before each side effect: held and recently confirmed."""

    async def release(self) -> None: ...
