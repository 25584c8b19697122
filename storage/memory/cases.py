"""Cases and offers in memory; a `Change` is applied as a compare-and-set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.cases import OPEN_STATES, AlreadyOpen, Case, CaseState, Mode, OfferOutcome
from bot.clock import ZONE_NAME
from bot.followups import DueState
from bot.ids import ListenerId
from bot.lifecycle import Change
from bot.people import ListenerState, Person
from storage.memory.base import MemoryBase, Offer


class MemoryCases(MemoryBase):
    async def create_case(
        self,
        requester: Person,
        mode: Mode,
        team: str | None,
        continuity_listener: ListenerId | None,
        now: datetime,
    ) -> Case:
        existing = await self.open_case_of(requester.id)
        if existing is not None:  # one open case per requester, as the SQL index says
            raise AlreadyOpen(existing)
        ref = self.new_ref({c.ref for c in self.cases.values()})
        case = Case(
            self.next_id("cases"),
            ref,
            requester.id,
            CaseState.WAITING,
            mode,
            team,
            continuity_listener,
            None,
            now,
        )
        self.cases[case.id] = case
        return case

    async def case_by_ref(self, ref: str) -> Case | None:
        return next((c for c in self.cases.values() if c.ref == ref.upper()), None)

    async def case_by_id(self, case_id: int) -> Case | None:
        return self.cases.get(case_id)

    def _of_requester(self, person_id: int, states: Sequence[CaseState]) -> list[Case]:
        return [c for c in self._ordered() if c.requester_id == person_id and c.state in states]

    def _ordered(self) -> list[Case]:
        return [self.cases[i] for i in sorted(self.cases)]

    async def open_case_of(self, person_id: int) -> Case | None:
        found = self._of_requester(person_id, OPEN_STATES)
        return found[-1] if found else None

    async def last_closed_case_of(self, person_id: int) -> Case | None:
        found = self._of_requester(person_id, (CaseState.CLOSED,))
        return found[-1] if found else None

    async def cases_of_listener(
        self, listener_id: ListenerId, states: Sequence[CaseState]
    ) -> list[Case]:
        return [c for c in self._ordered() if c.listener_id == listener_id and c.state in states]

    async def cases_in(self, states: Sequence[CaseState]) -> list[Case]:
        return [c for c in self._ordered() if c.state in states]

    async def count_by_state(self) -> dict[CaseState, int]:
        counts: dict[CaseState, int] = {}
        for case in self.cases.values():
            counts[case.state] = counts.get(case.state, 0) + 1
        return counts

    async def offered_to(self, case_id: int) -> set[ListenerId]:
        return {o.listener_id for o in self.offers if o.case_id == case_id}

    async def mark_waiting_alerted(self, case_id: int) -> None:
        if case_id in self.cases:
            self.cases[case_id] = replace(self.cases[case_id], waiting_alerted=True)

    async def set_checkin(self, case_id: int, wanted: bool) -> None:
        if case_id in self.cases:
            self.cases[case_id] = replace(self.cases[case_id], checkin_wanted=wanted)

    async def cases_of_requester(self, person_id: int) -> list[Case]:
        return [c for c in self._ordered() if c.requester_id == person_id]

    async def apply(self, change: Change) -> bool:
        """All or nothing, with no await inside: exactly one concurrent caller wins."""
        case = self.cases.get(change.case_id)
        if case is None or case.state is not change.expect_state:
            return False
        if change.expect_listener is not None and case.listener_id != change.expect_listener:
            return False
        if change.offer_to is not None and change.offer_to in await self.offered_to(case.id):
            return False  # a listener is never offered a case twice
        moved = replace(case, state=change.state, listener_id=change.listener_id)
        stamps: dict[str, object] = dict(change.stamps)
        if change.reset_alert:
            stamps["waiting_alerted"] = False
        self.cases[case.id] = replace(moved, **stamps)  # type: ignore[arg-type]
        self._offers(change)
        self._follow_ups(change)
        return True

    def _offers(self, change: Change) -> None:
        if change.outcome is not None and change.expect_listener is not None:
            answered = (
                OfferOutcome.PENDING
                if change.expect_state is CaseState.OFFERED
                else OfferOutcome.ACCEPTED
            )
            for offer in self.offers:
                if (offer.case_id, offer.listener_id, offer.outcome) == (
                    change.case_id,
                    change.expect_listener,
                    answered,
                ):
                    offer.outcome, offer.answered_at = change.outcome, change.at
        if change.offer_to is not None:
            self.offers.append(Offer(change.case_id, change.offer_to, change.at))
            state = self.listeners.setdefault(change.offer_to, ListenerState(change.offer_to))
            state.last_offer_at = change.at

    def _follow_ups(self, change: Change) -> None:
        for row in self.dues.values():
            pending = row.state is DueState.PENDING and row.action.case_id == change.case_id
            if pending and row.action.kind in change.cancel:
                row.state = DueState.CANCELLED
        for follow_up in change.schedule:
            self.add_due(follow_up, ZONE_NAME)
