"""The roster of listeners and coordinators: seeded by the configuration, changed in chat."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.cases import CaseState
from bot.departures import Held
from bot.ids import ListenerId, Platform
from bot.messages import Address
from bot.people import Listener
from storage.sql.base import SqlBase
from storage.tables import CaseRow, RosterMemberRow

CONFIG, CHAT = "config", "chat"


def _member(row: RosterMemberRow) -> Listener:
    return Listener(
        id=ListenerId(row.listener_id),
        name=row.name,
        teams=tuple(json.loads(row.teams)),
        addresses=tuple(Address(Platform(p), u) for p, u in json.loads(row.addresses)),
        coordinator=row.coordinator,
        listens=row.listens,
        active=row.active,
    )


def _fill(row: RosterMemberRow, member: Listener, now: datetime) -> None:
    row.name = member.name
    row.teams = json.dumps(list(member.teams), ensure_ascii=False)
    row.addresses = json.dumps([[a.platform, a.user_id] for a in member.addresses])
    row.coordinator = member.coordinator
    row.listens = member.listens
    row.active = member.active
    row.updated_at = now


def _listening_after_seed(row: RosterMemberRow | None, member: Listener | None) -> bool:
    """Whether `seed_roster` leaves this id a listener (the same rules, read only)."""
    if member is not None and (row is None or not row.edited):
        return member.listens
    if row is None or (row.origin == CONFIG and not row.edited):
        return False
    return not row.removed and row.listens


class SqlRoster(SqlBase):
    async def roster(self) -> tuple[Listener, ...]:
        """Members not removed, in roster order (configuration order, then additions)."""
        async with self.sessions() as s:
            rows = await s.scalars(
                select(RosterMemberRow)
                .where(RosterMemberRow.removed.is_(False))
                .order_by(RosterMemberRow.position, RosterMemberRow.listener_id)
            )
            return tuple(_member(r) for r in rows)

    async def seed_roster(self, members: Sequence[Listener], now: datetime) -> None:
        """Configuration → database, never over a chat change.

        A configured member absent from the database is added; a row never changed in
        chat follows the configuration (and is removed when the configuration drops it);
        a row changed in chat (added, edited, removed) is left as it is.
        """
        with contextlib.suppress(IntegrityError):  # another replica seeded at the same moment
            await self._seed(members, now)

    async def _seed(self, members: Sequence[Listener], now: datetime) -> None:
        configured = {m.id: (i, m) for i, m in enumerate(members)}
        async with self.sessions.begin() as s:
            rows = {r.listener_id: r for r in await s.scalars(select(RosterMemberRow))}
            for lid, (position, member) in configured.items():
                row = rows.get(lid)
                if row is None:
                    row = RosterMemberRow(listener_id=lid, origin=CONFIG, edited=False)
                    s.add(row)
                elif row.edited:
                    continue
                _fill(row, member, now)
                row.position, row.removed = position, False
            for key, row in rows.items():
                if key not in configured and row.origin == CONFIG and not row.edited:
                    row.removed, row.updated_at = True, now

    async def held_by_absent(self, members: Sequence[Listener]) -> list[Held]:
        """Open cases (offered, accepted) of everyone who, once `members` is seeded, will
        not be a listener; nothing is written."""
        configured = {m.id: m for m in members}
        states = [CaseState.OFFERED.value, CaseState.ACCEPTED.value]
        async with self.sessions() as s:
            rows = {r.listener_id: r for r in await s.scalars(select(RosterMemberRow))}
            cases = await s.execute(
                select(CaseRow.listener_id, CaseRow.state, CaseRow.ref)
                .where(CaseRow.state.in_(states), CaseRow.listener_id.is_not(None))
                .order_by(CaseRow.id)
            )
        held: dict[str, dict[str, list[str]]] = {}
        for lid, state, ref in cases:
            if not _listening_after_seed(rows.get(lid), configured.get(lid)):
                held.setdefault(lid, {}).setdefault(state, []).append(ref)
        return [
            Held(
                lid,
                accepted=tuple(refs.get(CaseState.ACCEPTED.value, ())),
                offered=tuple(refs.get(CaseState.OFFERED.value, ())),
                by_file=lid not in rows or not rows[lid].edited,
            )
            for lid, refs in held.items()
        ]

    async def save_member(self, member: Listener, now: datetime) -> None:
        """A change made in chat: the configuration will not overwrite it."""
        try:
            await self._save_member(member, now)
        except IntegrityError:  # added at the same moment by another replica
            await self._save_member(member, now)

    async def _save_member(self, member: Listener, now: datetime) -> None:
        async with self.sessions.begin() as s:
            row = await s.get(RosterMemberRow, member.id)
            if row is None:
                last = await s.scalar(select(func.max(RosterMemberRow.position)))
                row = RosterMemberRow(listener_id=member.id, origin=CHAT, position=(last or 0) + 1)
                s.add(row)
            _fill(row, member, now)
            row.removed, row.edited = False, True

    async def remove_member(self, listener_id: str, now: datetime) -> bool:
        """Take a member out for good (a row stays, so the configuration does not return them)."""
        async with self.sessions.begin() as s:
            row = await s.get(RosterMemberRow, listener_id)
            if row is None or row.removed:
                return False
            row.removed, row.edited, row.updated_at = True, True, now
            return True
