"""What statistics read: facts about cases (no identity, no team, no words)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update

from bot.cases import CaseState, Mode
from bot.statistics import CaseFact
from storage.sql.base import SqlBase
from storage.tables import CaseRow


class SqlStatistics(SqlBase):
    async def case_facts(self, since: datetime) -> list[CaseFact]:
        async with self.sessions() as s:
            rows = await s.execute(
                select(
                    CaseRow.created_at,
                    CaseRow.accepted_at,
                    CaseRow.mode,
                    CaseRow.state,
                    CaseRow.waiting_alerted,
                    CaseRow.theme,
                ).where(CaseRow.created_at >= since)
            )
            return [
                CaseFact(created, accepted, Mode(mode), CaseState(state), bool(nobody), theme)
                for created, accepted, mode, state, nobody, theme in rows.tuples()
            ]

    async def set_theme(self, case_id: int, theme: str) -> None:
        async with self.sessions.begin() as s:
            await s.execute(update(CaseRow).where(CaseRow.id == case_id).values(theme=theme))

    async def returning_requesters(self, since: datetime) -> int:
        """People who asked since `since` and had asked before (as far as retention keeps)."""
        async with self.sessions() as s:
            first = (
                select(CaseRow.requester_id, func.min(CaseRow.created_at).label("first"))
                .group_by(CaseRow.requester_id)
                .subquery()
            )
            count = await s.scalar(
                select(func.count(func.distinct(CaseRow.requester_id)))
                .join(first, first.c.requester_id == CaseRow.requester_id)
                .where(CaseRow.created_at >= since, CaseRow.created_at > first.c.first)
            )
            return int(count or 0)
