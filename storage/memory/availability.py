"""Listeners' availability and load, in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.cases import CaseState, OfferOutcome
from bot.ids import ListenerId
from bot.people import ListenerState
from storage.memory.base import MemoryBase

_TAKEN = (OfferOutcome.ACCEPTED, OfferOutcome.TRANSFERRED)


class MemoryAvailability(MemoryBase):
    async def listener_states(self) -> dict[ListenerId, ListenerState]:
        return {lid: replace(state) for lid, state in self.listeners.items()}

    async def save_listener_state(self, state: ListenerState) -> None:
        self.listeners[state.listener_id] = replace(state)

    async def offers_of_listener(self, listener_id: ListenerId) -> list[tuple[str, str, datetime]]:
        """(case reference, outcome, offered at) of every offer made to this listener."""
        refs = {c.id: c.ref for c in self.cases.values()}
        return [
            (refs[o.case_id], o.outcome.value, o.offered_at)
            for o in self.offers
            if o.listener_id == listener_id and o.case_id in refs
        ]

    async def listener_load(self, since: datetime) -> dict[ListenerId, tuple[int, int]]:
        """Per listener: accepted cases still open, and cases accepted since `since`."""
        active: dict[ListenerId, int] = {}
        for case in self.cases.values():
            if case.state is CaseState.ACCEPTED and case.listener_id is not None:
                active[case.listener_id] = active.get(case.listener_id, 0) + 1
        week: dict[ListenerId, int] = {}
        for offer in self.offers:
            answered = offer.answered_at is not None and offer.answered_at >= since
            if answered and offer.outcome in _TAKEN:
                week[offer.listener_id] = week.get(offer.listener_id, 0) + 1
        return {lid: (active.get(lid, 0), week.get(lid, 0)) for lid in active.keys() | week}
