"""Erasure, audit entries, retention purge and the anonymous counts it leaves, in memory."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.cases import CaseState
from bot.privacy import AuditEntry, PurgeReport
from storage.memory.base import MemoryBase

_ENDED = (CaseState.CLOSED, CaseState.CANCELLED)


class MemoryRetention(MemoryBase):
    def _drop_cases(self, ids: set[int]) -> None:
        self.offers = [o for o in self.offers if o.case_id not in ids]
        self.dues = {k: r for k, r in self.dues.items() if r.action.case_id not in ids}
        self.cases = {k: c for k, c in self.cases.items() if k not in ids}
        self.notes = {k: n for k, n in self.notes.items() if k not in ids}
        self.themes = {k: n for k, n in self.themes.items() if k not in ids}

    async def forget(self, person_id: int) -> None:
        mine = [c for c in self.cases.values() if c.requester_id == person_id]
        refs = {c.ref for c in mine}  # the history of these cases goes with them
        self.audit = [e for e in self.audit if e.case_ref not in refs]
        self._drop_cases({c.id for c in mine})
        self.persons.pop(person_id, None)

    async def record(self, entry: AuditEntry) -> None:
        self.audit.append(entry)

    async def audit_of(self, case_ref: str) -> list[AuditEntry]:
        return [e for e in self.audit if e.case_ref == case_ref.upper()]

    async def audit_count(self, actor: str) -> int:
        return sum(1 for e in self.audit if e.actor == actor)

    async def purge(self, cases_before: datetime, audit_before: datetime) -> PurgeReport:
        """Ended cases older than the limit become anonymous monthly counts, then vanish."""
        old = [
            c
            for c in self.cases.values()
            if c.state in _ENDED and c.ended_at is not None and c.ended_at < cases_before
        ]
        for case in old:
            key = (case.created_at.astimezone(UTC).strftime("%Y-%m"), case.state.value)
            self.monthly[key] = self.monthly.get(key, 0) + 1
        self._drop_cases({c.id for c in old})
        requesters = {c.requester_id for c in self.cases.values()}
        idle = [
            p.id
            for p in self.persons.values()
            if p.last_seen_at is not None
            and p.last_seen_at < cases_before
            and p.id not in requesters
        ]
        for person_id in idle:
            del self.persons[person_id]
        kept = [e for e in self.audit if e.at >= audit_before]
        report = PurgeReport(len(old), len(idle), len(self.audit) - len(kept))
        self.audit = kept
        return report

    async def monthly_counts(self) -> dict[tuple[str, str], int]:
        return dict(self.monthly)

    async def activity_since(self, since: datetime) -> dict[str, int]:
        cases = list(self.cases.values())
        return {
            "created": sum(c.created_at >= since for c in cases),
            "accepted": sum(c.accepted_at is not None and c.accepted_at >= since for c in cases),
            "closed": sum(c.ended_at is not None and c.ended_at >= since for c in cases),
        }
