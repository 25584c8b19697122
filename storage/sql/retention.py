"""Erasure, audit entries, retention purge and the anonymous counts it leaves."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import attachments, copies
from bot.cases import CaseState
from bot.ids import Platform
from bot.privacy import AuditEntry, PurgeReport, where_of
from storage.keyvalue import owner_lookup
from storage.sql.base import SqlBase
from storage.tables import (
    AuditRow,
    CaseNoteRow,
    CaseRow,
    DueActionRow,
    KeyValueRow,
    MonthlyCountRow,
    OfferRow,
    PersonRow,
)

RELAY_MARKS = (copies.NS, attachments.NS)  # adapter state the retention purge removes


class SqlRetention(SqlBase):
    async def forget(self, person_id: int) -> None:
        async with self.sessions.begin() as s:
            case_ids = select(CaseRow.id).where(CaseRow.requester_id == person_id)
            refs = select(CaseRow.ref).where(CaseRow.requester_id == person_id)
            # The history of these cases goes with them; the caller then records the erasure.
            await s.execute(delete(AuditRow).where(AuditRow.case_ref.in_(refs)))
            await s.execute(delete(OfferRow).where(OfferRow.case_id.in_(case_ids)))
            await s.execute(delete(CaseNoteRow).where(CaseNoteRow.case_id.in_(case_ids)))
            await s.execute(delete(DueActionRow).where(DueActionRow.case_id.in_(case_ids)))
            await s.execute(delete(CaseRow).where(CaseRow.requester_id == person_id))
            await s.execute(delete(PersonRow).where(PersonRow.id == person_id))

    async def record(self, entry: AuditEntry) -> None:
        async with self.sessions.begin() as s:
            s.add(
                AuditRow(
                    at=entry.at,
                    actor=entry.actor,
                    action=entry.action,
                    case_ref=entry.case_ref,
                    platform=entry.platform,
                    subject=entry.subject,
                )
            )

    async def audit_of(self, case_ref: str) -> list[AuditEntry]:
        async with self.sessions() as s:
            rows = await s.scalars(
                select(AuditRow).where(AuditRow.case_ref == case_ref.upper()).order_by(AuditRow.id)
            )
            return [
                AuditEntry(r.at, r.actor, r.action, r.case_ref, where_of(r.platform), r.subject)
                for r in rows
            ]

    async def audit_count(self, actor: str) -> int:
        async with self.sessions() as s:
            found = await s.scalar(
                select(func.count()).select_from(AuditRow).where(AuditRow.actor == actor)
            )
            return int(found or 0)

    async def purge(self, cases_before: datetime, audit_before: datetime) -> PurgeReport:
        """Ended cases older than the limit become anonymous monthly counts, then vanish."""
        ended = [CaseState.CLOSED.value, CaseState.CANCELLED.value]
        async with self.sessions.begin() as s:
            old = (
                await s.execute(
                    select(CaseRow.id, CaseRow.created_at, CaseRow.state).where(
                        CaseRow.state.in_(ended), CaseRow.ended_at < cases_before
                    )
                )
            ).all()
            for _, created, state in old:
                await self._count(s, created.strftime("%Y-%m"), state)
            ids = [row[0] for row in old]
            if ids:
                await s.execute(delete(OfferRow).where(OfferRow.case_id.in_(ids)))
                await s.execute(delete(CaseNoteRow).where(CaseNoteRow.case_id.in_(ids)))
                await s.execute(delete(DueActionRow).where(DueActionRow.case_id.in_(ids)))
                await s.execute(delete(CaseRow).where(CaseRow.id.in_(ids)))
            has_cases = select(CaseRow.requester_id).distinct()
            idle = (PersonRow.last_seen_at < cases_before, PersonRow.id.not_in(has_cases))
            gone = (
                await s.execute(select(PersonRow.platform, PersonRow.user_id_enc).where(*idle))
            ).all()
            owners = [self._owner_hashes(Platform(platform), blob) for platform, blob in gone]
            if owners:  # what adapters kept about them (DM maps, rooms) goes with them
                hashes = [h for some in owners for h in some]
                await s.execute(delete(KeyValueRow).where(KeyValueRow.owner_hash.in_(hashes)))
            persons = await s.execute(delete(PersonRow).where(*idle))
            audit = await s.execute(delete(AuditRow).where(AuditRow.at < audit_before))
            # Relay marks (copy pairs, "told once"): no text, but no reason to keep them.
            await s.execute(
                delete(KeyValueRow).where(
                    KeyValueRow.namespace.in_(RELAY_MARKS), KeyValueRow.updated_at < cases_before
                )
            )
        return PurgeReport(len(ids), persons.rowcount, audit.rowcount)  # type: ignore[attr-defined]

    def _owner_hashes(self, platform: Platform, user_id_enc: bytes) -> list[str]:
        try:
            owner = owner_lookup(platform, self.cipher.decrypt(user_id_enc) or "")
        except ValueError:  # under a key no longer configured: nothing to match
            return []
        return [self.cipher.lookup(owner), *self.cipher.old_lookups(owner)]

    @staticmethod
    async def _count(s: AsyncSession, month: str, state: str) -> None:
        row = await s.get(MonthlyCountRow, (month, state))
        if row is None:
            s.add(MonthlyCountRow(month=month, state=state, count=1))
            await s.flush()
        else:
            row.count += 1

    async def monthly_counts(self) -> dict[tuple[str, str], int]:
        async with self.sessions() as s:
            rows = await s.scalars(select(MonthlyCountRow))
            return {(r.month, r.state): r.count for r in rows}

    async def activity_since(self, since: datetime) -> dict[str, int]:
        async with self.sessions() as s:
            counts = {}
            for name, column in (
                ("created", CaseRow.created_at),
                ("accepted", CaseRow.accepted_at),
                ("closed", CaseRow.ended_at),
            ):
                counts[name] = int(
                    await s.scalar(select(func.count()).select_from(CaseRow).where(column >= since))
                    or 0
                )
            return counts
