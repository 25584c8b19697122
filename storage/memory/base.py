"""The tables of the in-memory store, shared by its concept modules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.cases import Case, Note, OfferOutcome, new_ref
from bot.followups import DueAction, DueState, FollowUp
from bot.ids import CaseRef, ListenerId
from bot.people import ListenerState, Person
from bot.privacy import AuditEntry

REF_ATTEMPTS = 20  # random references are drawn again on a collision


@dataclass(slots=True)
class Offer:
    case_id: int
    listener_id: ListenerId
    offered_at: datetime
    outcome: OfferOutcome = OfferOutcome.PENDING
    answered_at: datetime | None = None


@dataclass(slots=True)
class DueRow:
    action: DueAction
    state: DueState = DueState.PENDING
    owner: str | None = None
    claimed_at: datetime | None = None


class MemoryBase:
    def __init__(self) -> None:
        self.persons: dict[int, Person] = {}
        self.cases: dict[int, Case] = {}
        self.offers: list[Offer] = []
        self.listeners: dict[ListenerId, ListenerState] = {}
        self.audit: list[AuditEntry] = []
        self.monthly: dict[tuple[str, str], int] = {}
        self.dues: dict[int, DueRow] = {}
        self.members: dict[ListenerId, Any] = {}  # roster rows (storage.memory.group)
        self.notes: dict[int, list[Note]] = {}
        self.themes: dict[int, str] = {}
        self._ids: dict[str, int] = {}

    def next_id(self, table: str) -> int:
        self._ids[table] = self._ids.get(table, 0) + 1
        return self._ids[table]

    @staticmethod
    def new_ref(taken: set[str]) -> CaseRef:
        for _ in range(REF_ATTEMPTS):
            ref = new_ref()
            if ref not in taken:
                return ref
        raise RuntimeError("could not allocate a reference")

    def add_due(self, follow_up: FollowUp, zone: str) -> bool:
        """Add a follow-up row unless its key is already there."""
        if any(row.action.key == follow_up.key for row in self.dues.values()):
            return False
        action_id = self.next_id("dues")
        f = follow_up
        action = DueAction(f.kind, f.due_at, f.key, f.case_id, f.subject, id=action_id, zone=zone)
        self.dues[action_id] = DueRow(action)
        return True
