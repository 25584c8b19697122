"""The group's own tools in memory: the roster as chat changed it, notes, themes, and
the facts statistics read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.cases import Note, OfferOutcome
from bot.followups import DueState, Kind
from bot.ids import ListenerId
from bot.people import Listener
from bot.statistics import CaseFact
from storage.memory.base import MemoryBase


@dataclass(slots=True)
class Member:
    listener: Listener
    position: int
    origin: str = "config"
    edited: bool = False
    removed: bool = False


class MemoryGroup(MemoryBase):
    async def roster(self) -> tuple[Listener, ...]:
        kept = sorted(
            (m for m in self.members.values() if not m.removed),
            key=lambda m: (m.position, m.listener.id),
        )
        return tuple(m.listener for m in kept)

    async def seed_roster(self, members: Sequence[Listener], now: datetime) -> None:
        configured = {m.id: (i, m) for i, m in enumerate(members)}
        for lid, (position, listener) in configured.items():
            row = self.members.get(lid)
            if row is None:
                self.members[lid] = Member(listener, position)
            elif not row.edited:
                row.listener, row.position, row.removed = listener, position, False
        for lid, row in self.members.items():
            if lid not in configured and row.origin == "config" and not row.edited:
                row.removed = True

    async def save_member(self, member: Listener, now: datetime) -> None:
        row = self.members.get(member.id)
        if row is None:
            last = max((m.position for m in self.members.values()), default=0)
            row = self.members[member.id] = Member(member, last + 1, origin="chat")
        row.listener, row.removed, row.edited = member, False, True

    async def remove_member(self, listener_id: str, now: datetime) -> bool:
        row = self.members.get(ListenerId(listener_id))
        if row is None or row.removed:
            return False
        row.removed = row.edited = True
        return True

    async def holders(self, case_id: int) -> list[str]:
        held = (OfferOutcome.ACCEPTED, OfferOutcome.TRANSFERRED)
        offers = sorted(
            (o for o in self.offers if o.case_id == case_id and o.outcome in held),
            key=lambda o: o.offered_at,
        )
        return [o.listener_id for o in offers]

    async def reopen_offers(self, case_id: int, listener_ids: Sequence[str] | None = None) -> None:
        ended = (OfferOutcome.DECLINED, OfferOutcome.EXPIRED)
        chosen = set(listener_ids) if listener_ids is not None else None

        def matches(lid: str | None) -> bool:
            return chosen is None or lid in chosen

        self.offers = [
            o
            for o in self.offers
            if not (o.case_id == case_id and o.outcome in ended and matches(o.listener_id))
        ]
        done = (DueState.DONE, DueState.CANCELLED)
        self.dues = {
            k: r
            for k, r in self.dues.items()
            if not (
                r.action.case_id == case_id
                and r.action.kind is Kind.OFFER_EXPIRY
                and r.state in done
                and matches(r.action.subject)
            )
        }

    async def add_note(self, case_id: int, author: str, text: str, now: datetime) -> None:
        self.notes.setdefault(case_id, []).append(Note(author, text, now))

    async def notes_of(self, case_id: int) -> list[Note]:
        return list(self.notes.get(case_id, []))

    async def set_theme(self, case_id: int, theme: str) -> None:
        if case_id in self.cases:
            self.themes[case_id] = theme

    async def case_facts(self, since: datetime) -> list[CaseFact]:
        return [
            CaseFact(
                c.created_at,
                c.accepted_at,
                c.mode,
                c.state,
                c.waiting_alerted,
                self.themes.get(c.id),
            )
            for c in self.cases.values()
            if c.created_at >= since
        ]

    async def returning_requesters(self, since: datetime) -> int:
        first: dict[int, datetime] = {}
        for c in self.cases.values():
            first[c.requester_id] = min(first.get(c.requester_id, c.created_at), c.created_at)
        return len(
            {
                c.requester_id
                for c in self.cases.values()
                if c.created_at >= since and c.created_at > first[c.requester_id]
            }
        )
