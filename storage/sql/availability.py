"""Listeners' availability and load."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from bot.cases import CaseState, OfferOutcome
from bot.ids import ListenerId
from bot.people import ListenerState
from storage.sql.base import SqlBase
from storage.tables import (
    CaseRow,
    ListenerStateRow,
    OfferRow,
)


class SqlAvailability(SqlBase):
    async def listener_states(self) -> dict[ListenerId, ListenerState]:
        async with self.sessions() as s:
            rows = await s.scalars(select(ListenerStateRow))
            return {
                ListenerId(r.listener_id): ListenerState(
                    ListenerId(r.listener_id),
                    r.available,
                    r.unavailable_until,
                    r.last_offer_at,
                    r.rest_until,
                    r.heavy_streak,
                )
                for r in rows
            }

    async def save_listener_state(self, state: ListenerState) -> None:
        values = {
            "listener_id": state.listener_id,
            "available": state.available,
            "unavailable_until": state.unavailable_until,
            "last_offer_at": state.last_offer_at,
            "rest_until": state.rest_until,
            "heavy_streak": state.heavy_streak,
        }
        statement = self.upsert(ListenerStateRow, values, list(values)[1:])
        async with self.sessions.begin() as s:
            await s.scalars(
                statement.returning(ListenerStateRow),
                execution_options={"populate_existing": True},
            )

    async def offers_of_listener(self, listener_id: ListenerId) -> list[tuple[str, str, datetime]]:
        """(case reference, outcome, offered at) of every offer made to this listener."""
        async with self.sessions() as s:
            rows = await s.execute(
                select(CaseRow.ref, OfferRow.outcome, OfferRow.offered_at)
                .join(CaseRow, CaseRow.id == OfferRow.case_id)
                .where(OfferRow.listener_id == listener_id)
                .order_by(OfferRow.id)
            )
            return [(str(r), str(o), at) for r, o, at in rows.tuples()]

    async def listener_load(self, since: datetime) -> dict[ListenerId, tuple[int, int]]:
        """Per listener: accepted cases still open, and cases accepted since `since`."""
        async with self.sessions() as s:
            active = await s.execute(
                select(CaseRow.listener_id, func.count())
                .where(CaseRow.state == CaseState.ACCEPTED.value, CaseRow.listener_id.is_not(None))
                .group_by(CaseRow.listener_id)
            )
            week = await s.execute(
                select(OfferRow.listener_id, func.count())
                .where(
                    OfferRow.answered_at >= since,
                    OfferRow.outcome.in_(
                        [OfferOutcome.ACCEPTED.value, OfferOutcome.TRANSFERRED.value]
                    ),
                )
                .group_by(OfferRow.listener_id)
            )
            loads: dict[ListenerId, tuple[int, int]] = {}
            for lid, n in active.tuples():
                loads[ListenerId(str(lid))] = (int(n), 0)
            for lid, n in week.tuples():
                loads[ListenerId(lid)] = (loads.get(ListenerId(lid), (0, 0))[0], int(n))
            return loads
