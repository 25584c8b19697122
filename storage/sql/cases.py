"""Cases and their offers, as read; every change goes through `changes`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from bot.cases import AlreadyOpen, Case, CaseState, Mode, OfferOutcome, new_ref
from bot.followups import DueState, Kind
from bot.ids import CaseRef, ListenerId
from bot.people import Person
from storage.sql.base import REF_ATTEMPTS, SqlBase, listener_of
from storage.tables import (
    CaseRow,
    DueActionRow,
    OfferRow,
)


class SqlCases(SqlBase):
    def _case(self, row: CaseRow) -> Case:
        return Case(
            id=row.id,
            ref=CaseRef(row.ref),
            requester_id=row.requester_id,
            state=CaseState(row.state),
            mode=Mode(row.mode),
            team=self.cipher.decrypt(row.team_enc),
            continuity_listener=listener_of(row.continuity_listener),
            listener_id=listener_of(row.listener_id),
            created_at=row.created_at,
            offered_at=row.offered_at,
            offer_expires_at=row.offer_expires_at,
            accepted_at=row.accepted_at,
            ended_at=row.ended_at,
            waiting_alerted=row.waiting_alerted,
            checkin_wanted=row.checkin_wanted,
        )

    async def create_case(
        self,
        requester: Person,
        mode: Mode,
        team: str | None,
        continuity_listener: ListenerId | None,
        now: datetime,
    ) -> Case:
        for _ in range(REF_ATTEMPTS):
            row = CaseRow(
                ref=new_ref(),
                requester_id=requester.id,
                state=CaseState.WAITING.value,
                mode=mode.value,
                team_enc=self.cipher.encrypt(team),
                continuity_listener=continuity_listener,
                created_at=now,
                waiting_alerted=False,
                checkin_wanted=False,
                version=1,
            )
            try:
                async with self.sessions.begin() as s:
                    s.add(row)
                return self._case(row)
            except IntegrityError:  # a reference drawn twice, or a second open case
                existing = await self.open_case_of(requester.id)
                if existing is not None:  # one open case per requester (unique index)
                    raise AlreadyOpen(existing) from None
                continue
        raise RuntimeError("could not allocate a case reference")

    async def _cases(self, *where: object) -> list[Case]:
        async with self.sessions() as s:
            rows = await s.scalars(select(CaseRow).where(*where).order_by(CaseRow.id))  # type: ignore[arg-type]
            return [self._case(r) for r in rows]

    async def case_by_ref(self, ref: str) -> Case | None:
        found = await self._cases(CaseRow.ref == ref.upper())
        return found[0] if found else None

    async def case_by_id(self, case_id: int) -> Case | None:
        found = await self._cases(CaseRow.id == case_id)
        return found[0] if found else None

    async def open_case_of(self, person_id: int) -> Case | None:
        open_states = [CaseState.WAITING, CaseState.OFFERED, CaseState.ACCEPTED]
        found = await self._cases(
            CaseRow.requester_id == person_id, CaseRow.state.in_([s.value for s in open_states])
        )
        return found[-1] if found else None

    async def last_closed_case_of(self, person_id: int) -> Case | None:
        found = await self._cases(
            CaseRow.requester_id == person_id, CaseRow.state == CaseState.CLOSED.value
        )
        return found[-1] if found else None

    async def cases_of_listener(
        self, listener_id: ListenerId, states: Sequence[CaseState]
    ) -> list[Case]:
        return await self._cases(
            CaseRow.listener_id == listener_id, CaseRow.state.in_([s.value for s in states])
        )

    async def cases_in(self, states: Sequence[CaseState]) -> list[Case]:
        return await self._cases(CaseRow.state.in_([s.value for s in states]))

    async def count_by_state(self) -> dict[CaseState, int]:
        async with self.sessions() as s:
            rows = await s.execute(select(CaseRow.state, func.count()).group_by(CaseRow.state))
            return {CaseState(state): int(n) for state, n in rows.tuples()}

    async def offered_to(self, case_id: int) -> set[ListenerId]:
        async with self.sessions() as s:
            rows = await s.scalars(select(OfferRow.listener_id).where(OfferRow.case_id == case_id))
            return {ListenerId(r) for r in rows}

    async def holders(self, case_id: int) -> list[str]:
        """The listeners who held the case (accepted it), first one first."""
        held = [OfferOutcome.ACCEPTED.value, OfferOutcome.TRANSFERRED.value]
        async with self.sessions() as s:
            rows = await s.scalars(
                select(OfferRow.listener_id)
                .where(OfferRow.case_id == case_id, OfferRow.outcome.in_(held))
                .order_by(OfferRow.offered_at, OfferRow.id)
            )
            return list(rows)

    async def reopen_offers(self, case_id: int, listener_ids: Sequence[str] | None = None) -> None:
        """Forget declined and expired offers of a case (all, or those listeners'), so a
        coordinator can have it offered to them again; their finished expiries go too."""
        ended = [OfferOutcome.DECLINED.value, OfferOutcome.EXPIRED.value]
        offers = delete(OfferRow).where(OfferRow.case_id == case_id, OfferRow.outcome.in_(ended))
        expiries = delete(DueActionRow).where(
            DueActionRow.case_id == case_id,
            DueActionRow.kind == Kind.OFFER_EXPIRY.value,
            DueActionRow.state.in_([DueState.DONE.value, DueState.CANCELLED.value]),
        )
        if listener_ids is not None:
            offers = offers.where(OfferRow.listener_id.in_(listener_ids))
            expiries = expiries.where(DueActionRow.subject.in_(listener_ids))
        async with self.sessions.begin() as s:
            await s.execute(offers)
            await s.execute(expiries)

    async def mark_waiting_alerted(self, case_id: int) -> None:
        async with self.sessions.begin() as s:
            await s.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(waiting_alerted=True)
            )

    async def set_checkin(self, case_id: int, wanted: bool) -> None:
        async with self.sessions.begin() as s:
            await s.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(checkin_wanted=wanted)
            )

    async def cases_of_requester(self, person_id: int) -> list[Case]:
        return await self._cases(CaseRow.requester_id == person_id)
