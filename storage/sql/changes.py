"""Life-cycle changes applied as one compare-and-set transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.cases import CaseState, OfferOutcome
from bot.clock import ZONE_NAME
from bot.followups import DueState
from bot.ids import ListenerId
from bot.lifecycle import Change
from storage.sql.base import SqlBase
from storage.sql.followups import due_row
from storage.tables import (
    CaseRow,
    DueActionRow,
    ListenerStateRow,
    OfferRow,
)


class _AlreadyOffered(Exception):
    """The offer's row exists: this listener was offered this case before."""


class SqlChanges(SqlBase):
    async def apply(self, change: Change) -> bool:
        """One compare-and-set transaction: the case, its offers, its follow-ups; exactly
        one concurrent caller can win, and a listener is never offered a case twice."""
        where = [CaseRow.id == change.case_id, CaseRow.state == change.expect_state.value]
        if change.expect_listener is not None:
            where.append(CaseRow.listener_id == change.expect_listener)
        values: dict[str, object] = {
            "state": change.state.value,
            "listener_id": change.listener_id,
            "version": CaseRow.version + 1,
            **dict(change.stamps),
        }
        if change.reset_alert:
            values["waiting_alerted"] = False
        try:
            async with self.sessions.begin() as s:
                result = await s.execute(update(CaseRow).where(*where).values(**values))
                if result.rowcount != 1:  # type: ignore[attr-defined]
                    return False
                await self._offers(s, change)
                await self._follow_ups(s, change)
            return True
        except _AlreadyOffered:  # a concurrent caller offered it to this listener
            return False

    async def _offers(self, s: AsyncSession, change: Change) -> None:
        if change.outcome is not None and change.expect_listener is not None:
            answered = (
                OfferOutcome.PENDING
                if change.expect_state is CaseState.OFFERED
                else OfferOutcome.ACCEPTED
            )
            await s.execute(
                update(OfferRow)
                .where(
                    OfferRow.case_id == change.case_id,
                    OfferRow.listener_id == change.expect_listener,
                    OfferRow.outcome == answered.value,
                )
                .values(outcome=change.outcome.value, answered_at=change.at)
            )
        if change.offer_to is not None:
            try:
                async with s.begin_nested():
                    s.add(
                        OfferRow(
                            case_id=change.case_id,
                            listener_id=change.offer_to,
                            offered_at=change.at,
                            outcome=OfferOutcome.PENDING.value,
                        )
                    )
            except IntegrityError as exc:  # any other conflict is an error (retried)
                raise _AlreadyOffered from exc
            await self._touch_listener(s, change.offer_to, change.at)

    async def _follow_ups(self, s: AsyncSession, change: Change) -> None:
        if change.cancel:
            await s.execute(
                update(DueActionRow)
                .where(
                    DueActionRow.case_id == change.case_id,
                    DueActionRow.kind.in_([k.value for k in change.cancel]),
                    DueActionRow.state == DueState.PENDING.value,
                )
                .values(state=DueState.CANCELLED.value, done_at=change.at)
            )
        for follow_up in change.schedule:
            known = await s.scalar(select(DueActionRow.id).where(DueActionRow.key == follow_up.key))
            if known is None:
                s.add(due_row(follow_up, change.at, ZONE_NAME))

    async def _touch_listener(
        self, s: AsyncSession, listener_id: ListenerId, now: datetime
    ) -> None:
        """Its last offer is now; its row is created if need be (two first offers to one
        listener at once, on two cases, both succeed)."""
        values = {"listener_id": listener_id, "available": True, "last_offer_at": now}
        statement = self.upsert(ListenerStateRow, values, ["last_offer_at"])
        # RETURNING refreshes a copy of the row this session may hold (routing reads them)
        await s.scalars(
            statement.returning(ListenerStateRow), execution_options={"populate_existing": True}
        )
