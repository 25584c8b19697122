"""The Store implementation on SQLAlchemy 2 async (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot import attachments, copies
from bot.cases import Case, CaseState, Mode, OfferOutcome, new_ref
from bot.clock import ZONE_NAME
from bot.followups import DueAction, DueState, Kind
from bot.lifecycle import Change, FollowUp
from bot.messages import Address
from bot.people import Dialog, ListenerState, Person
from bot.privacy import AuditEntry, PurgeReport
from storage.crypto import FieldCipher
from storage.tables import (
    AuditRow,
    CaseRow,
    DueActionRow,
    KeyValueRow,
    ListenerStateRow,
    MonthlyCountRow,
    OfferRow,
    PersonRow,
)

_REF_ATTEMPTS = 20
RELAY_MARKS = (copies.NS, attachments.NS)  # adapter state the retention purge removes


class SqlStore:
    """Persistence for the core; every case state change is one conditional UPDATE."""

    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.engine = engine
        self.cipher = cipher
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)

    # people -----------------------------------------------------------------

    def _person(self, row: PersonRow) -> Person:
        c = self.cipher
        return Person(
            id=row.id,
            address=Address(row.platform, c.decrypt(row.user_id_enc) or ""),
            ref=row.ref,
            locale=row.locale,
            welcomed=row.welcomed,
            handle=c.decrypt(row.handle_enc),
            dialog=Dialog(row.dialog),
            draft_team=c.decrypt(row.draft_team_enc),
            draft_continuity=row.draft_continuity,
            dialog_case_id=row.dialog_case_id,
            last_alert_at=row.last_alert_at,
            last_seen_at=row.last_seen_at,
            created_at=row.created_at,
        )

    async def person(self, address: Address, now: datetime) -> Person:
        lookup = self.cipher.lookup(f"{address.platform}\x00{address.user_id}")
        async with self.sessions() as s:
            row = await s.scalar(select(PersonRow).where(PersonRow.lookup == lookup))
            if row is not None:
                return self._person(row)
        for _ in range(_REF_ATTEMPTS):
            try:
                async with self.sessions.begin() as s:
                    row = PersonRow(
                        lookup=lookup,
                        ref=new_ref(),
                        platform=address.platform,
                        user_id_enc=self.cipher.encrypt(address.user_id),
                        created_at=now,
                        last_seen_at=now,
                        welcomed=False,
                        dialog="",
                    )
                    s.add(row)
                return self._person(row)
            except IntegrityError:
                async with self.sessions() as s:
                    row = await s.scalar(select(PersonRow).where(PersonRow.lookup == lookup))
                    if row is not None:
                        return self._person(row)
        raise RuntimeError("could not allocate a person reference")

    async def person_by_id(self, person_id: int) -> Person | None:
        async with self.sessions() as s:
            row = await s.get(PersonRow, person_id)
            return self._person(row) if row is not None else None

    async def save_person(self, person: Person) -> None:
        c = self.cipher
        async with self.sessions.begin() as s:
            await s.execute(
                update(PersonRow)
                .where(PersonRow.id == person.id)
                .values(
                    locale=person.locale,
                    welcomed=person.welcomed,
                    handle_enc=c.encrypt(person.handle),
                    dialog=person.dialog.value,
                    draft_team_enc=c.encrypt(person.draft_team),
                    last_seen_at=person.last_seen_at,
                    draft_continuity=person.draft_continuity,
                    dialog_case_id=person.dialog_case_id,
                    last_alert_at=person.last_alert_at,
                )
            )

    # cases ------------------------------------------------------------------

    def _case(self, row: CaseRow) -> Case:
        return Case(
            id=row.id,
            ref=row.ref,
            requester_id=row.requester_id,
            state=CaseState(row.state),
            mode=Mode(row.mode),
            team=self.cipher.decrypt(row.team_enc),
            continuity_listener=row.continuity_listener,
            listener_id=row.listener_id,
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
        continuity_listener: str | None,
        now: datetime,
    ) -> Case:
        for _ in range(_REF_ATTEMPTS):
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
            except IntegrityError:
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

    async def cases_of_listener(self, listener_id: str, states: Sequence[CaseState]) -> list[Case]:
        return await self._cases(
            CaseRow.listener_id == listener_id, CaseRow.state.in_([s.value for s in states])
        )

    async def cases_in(self, states: Sequence[CaseState]) -> list[Case]:
        return await self._cases(CaseRow.state.in_([s.value for s in states]))

    async def count_by_state(self) -> dict[CaseState, int]:
        async with self.sessions() as s:
            rows = await s.execute(select(CaseRow.state, func.count()).group_by(CaseRow.state))
            return {CaseState(state): int(n) for state, n in rows.tuples()}

    async def offered_to(self, case_id: int) -> set[str]:
        async with self.sessions() as s:
            rows = await s.scalars(select(OfferRow.listener_id).where(OfferRow.case_id == case_id))
            return set(rows)

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
        except IntegrityError:  # the listener was already offered this case
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
            s.add(
                OfferRow(
                    case_id=change.case_id,
                    listener_id=change.offer_to,
                    offered_at=change.at,
                    outcome=OfferOutcome.PENDING.value,
                )
            )
            await s.flush()
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
                s.add(_due_row(follow_up, change.at, ZONE_NAME))

    async def _touch_listener(self, s: AsyncSession, listener_id: str, now: datetime) -> None:
        row = await s.get(ListenerStateRow, listener_id)
        if row is None:
            s.add(ListenerStateRow(listener_id=listener_id, available=True, last_offer_at=now))
        else:
            row.last_offer_at = now

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

    # listeners --------------------------------------------------------------

    async def listener_states(self) -> dict[str, ListenerState]:
        async with self.sessions() as s:
            rows = await s.scalars(select(ListenerStateRow))
            return {
                r.listener_id: ListenerState(
                    r.listener_id, r.available, r.unavailable_until, r.last_offer_at
                )
                for r in rows
            }

    async def save_listener_state(self, state: ListenerState) -> None:
        async with self.sessions.begin() as s:
            row = await s.get(ListenerStateRow, state.listener_id)
            if row is None:
                row = ListenerStateRow(listener_id=state.listener_id)
                s.add(row)
            row.available = state.available
            row.unavailable_until = state.unavailable_until
            row.last_offer_at = state.last_offer_at

    async def listener_load(self, since: datetime) -> dict[str, tuple[int, int]]:
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
            loads: dict[str, tuple[int, int]] = {}
            for lid, n in active.tuples():
                loads[str(lid)] = (int(n), 0)
            for lid, n in week.tuples():
                loads[lid] = (loads.get(lid, (0, 0))[0], int(n))
            return loads

    # rights, audit, retention ---------------------------------------------------

    async def cases_of_requester(self, person_id: int) -> list[Case]:
        return await self._cases(CaseRow.requester_id == person_id)

    async def forget(self, person_id: int) -> None:
        async with self.sessions.begin() as s:
            case_ids = select(CaseRow.id).where(CaseRow.requester_id == person_id)
            await s.execute(delete(OfferRow).where(OfferRow.case_id.in_(case_ids)))
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
                )
            )

    async def audit_of(self, case_ref: str) -> list[AuditEntry]:
        async with self.sessions() as s:
            rows = await s.scalars(
                select(AuditRow).where(AuditRow.case_ref == case_ref.upper()).order_by(AuditRow.id)
            )
            return [AuditEntry(r.at, r.actor, r.action, r.case_ref, r.platform) for r in rows]

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
                await s.execute(delete(DueActionRow).where(DueActionRow.case_id.in_(ids)))
                await s.execute(delete(CaseRow).where(CaseRow.id.in_(ids)))
            has_cases = select(CaseRow.requester_id).distinct()
            persons = await s.execute(
                delete(PersonRow).where(
                    PersonRow.last_seen_at < cases_before, PersonRow.id.not_in(has_cases)
                )
            )
            audit = await s.execute(delete(AuditRow).where(AuditRow.at < audit_before))
            # Relay marks (copy pairs, "told once"): no text, but no reason to keep them.
            await s.execute(
                delete(KeyValueRow).where(
                    KeyValueRow.namespace.in_(RELAY_MARKS), KeyValueRow.updated_at < cases_before
                )
            )
        return PurgeReport(len(ids), persons.rowcount, audit.rowcount)  # type: ignore[attr-defined]

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

    # follow-ups --------------------------------------------------------------

    async def schedule(self, follow_up: FollowUp, now: datetime, zone: str = ZONE_NAME) -> bool:
        try:
            async with self.sessions.begin() as s:
                s.add(_due_row(follow_up, now, zone))
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
                DueAction(r.id, r.key, Kind(r.kind), r.due_at, r.case_id, r.subject, r.zone)
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


def _due_row(follow_up: FollowUp, now: datetime, zone: str) -> DueActionRow:
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
