"""Follow-up rows: scheduled once, claimed by one process, done, postponed or cancelled."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.clock import ZONE_NAME
from bot.followups import DueAction, DueState, FollowUp, Kind
from storage.sql.base import SqlBase
from storage.tables import (
    DueActionRow,
)


class SqlFollowUps(SqlBase):
    async def schedule(self, follow_up: FollowUp, now: datetime, zone: str = ZONE_NAME) -> bool:
        try:
            async with self.sessions.begin() as s:
                s.add(due_row(follow_up, now, zone))
            return True
        except IntegrityError:
            return False

    @staticmethod
    def _claimable(now: datetime, lease: timedelta) -> object:
        return or_(
            and_(DueActionRow.state == DueState.PENDING.value, DueActionRow.due_at <= now),
            and_(
                DueActionRow.state == DueState.CLAIMED.value, DueActionRow.claimed_at < now - lease
            ),
        )

    async def due_actions(self, now: datetime, lease: timedelta) -> list[DueAction]:
        async with self.sessions() as s:
            rows = await s.scalars(
                select(DueActionRow)
                .where(self._claimable(now, lease))  # type: ignore[arg-type]
                .order_by(DueActionRow.due_at, DueActionRow.id)
            )
            return [
                DueAction(Kind(r.kind), r.due_at, r.key, r.case_id, r.subject, id=r.id, zone=r.zone)
                for r in rows
            ]

    async def claim(self, action_id: int, owner: str, now: datetime, lease: timedelta) -> bool:
        async with self.sessions.begin() as s:
            result = await s.execute(
                update(DueActionRow)
                .where(DueActionRow.id == action_id, self._claimable(now, lease))  # type: ignore[arg-type]
                .values(state=DueState.CLAIMED.value, owner=owner, claimed_at=now)
            )
            return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]

    async def finish(self, action_id: int, now: datetime) -> None:
        async with self.sessions.begin() as s:
            await s.execute(
                update(DueActionRow)
                .where(DueActionRow.id == action_id)
                .values(state=DueState.DONE.value, done_at=now)
            )

    async def postpone(self, action_id: int, due_at: datetime) -> None:
        async with self.sessions.begin() as s:
            await s.execute(
                update(DueActionRow)
                .where(DueActionRow.id == action_id)
                .values(state=DueState.PENDING.value, due_at=due_at, owner=None, claimed_at=None)
            )


def due_row(follow_up: FollowUp, now: datetime, zone: str) -> DueActionRow:
    return DueActionRow(
        key=follow_up.key,
        kind=follow_up.kind.value,
        case_id=follow_up.case_id,
        subject=follow_up.subject,
        due_at=follow_up.due_at,
        zone=zone,
        state=DueState.PENDING.value,
        created_at=now,
    )
