"""Follow-up rows in memory: scheduled once, claimed by one caller, done or postponed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.clock import ZONE_NAME
from bot.followups import DueAction, DueState, FollowUp
from storage.memory.base import DueRow, MemoryBase


class MemoryFollowUps(MemoryBase):
    async def schedule(self, follow_up: FollowUp, now: datetime, zone: str = ZONE_NAME) -> bool:
        return self.add_due(follow_up, zone)

    @staticmethod
    def _claimable(row: DueRow, now: datetime, lease: timedelta) -> bool:
        if row.state is DueState.PENDING:
            return row.action.due_at <= now
        return (
            row.state is DueState.CLAIMED
            and row.claimed_at is not None
            and row.claimed_at < now - lease
        )

    async def due_actions(self, now: datetime, lease: timedelta) -> list[DueAction]:
        due = [r.action for r in self.dues.values() if self._claimable(r, now, lease)]
        return sorted(due, key=lambda a: (a.due_at, a.id))

    async def claim(self, action_id: int, owner: str, now: datetime, lease: timedelta) -> bool:
        row = self.dues.get(action_id)
        if row is None or not self._claimable(row, now, lease):
            return False
        row.state, row.owner, row.claimed_at = DueState.CLAIMED, owner, now
        return True

    async def finish(self, action_id: int, now: datetime) -> None:
        if row := self.dues.get(action_id):
            row.state = DueState.DONE

    async def postpone(self, action_id: int, due_at: datetime) -> None:
        if row := self.dues.get(action_id):
            row.action = replace(row.action, due_at=due_at)
            row.state, row.owner, row.claimed_at = DueState.PENDING, None, None
