"""People: found or created by their platform address (looked up through a keyed hash)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.cases import new_ref
from bot.ids import Platform
from bot.messages import Address
from bot.people import Dialog, Person
from storage.sql.base import REF_ATTEMPTS, SqlBase, listener_of
from storage.tables import (
    PersonRow,
)


class SqlPeople(SqlBase):
    def _person(self, row: PersonRow) -> Person:
        c = self.cipher
        return Person(
            id=row.id,
            address=Address(Platform(row.platform), c.decrypt(row.user_id_enc) or ""),
            ref=row.ref,
            locale=row.locale,
            welcomed=row.welcomed,
            handle=c.decrypt(row.handle_enc),
            dialog=Dialog(row.dialog),
            resume=Dialog(row.resume_dialog),
            draft_team=c.decrypt(row.draft_team_enc),
            draft_continuity=listener_of(row.draft_continuity),
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
        found = await self._under_old_key(address, lookup)
        if found is not None:
            return found
        for _ in range(REF_ATTEMPTS):
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
                        resume_dialog="",
                    )
                    s.add(row)
                return self._person(row)
            except IntegrityError:
                async with self.sessions() as s:
                    row = await s.scalar(select(PersonRow).where(PersonRow.lookup == lookup))
                    if row is not None:
                        return self._person(row)
        raise RuntimeError("could not allocate a person reference")

    async def _under_old_key(self, address: Address, lookup: str) -> Person | None:
        """A person hashed with an old key (`old_secret_keys`): found, and moved to the
        current key on the spot, so a returning person is recognised during a rotation."""
        c = self.cipher
        for old in c.old_lookups(f"{address.platform}\x00{address.user_id}"):
            try:
                async with self.sessions.begin() as s:
                    row = await s.scalar(select(PersonRow).where(PersonRow.lookup == old))
                    if row is None:
                        continue
                    row.lookup = lookup
                    row.user_id_enc = c.recrypt(row.user_id_enc) or b""
                    row.handle_enc = c.recrypt(row.handle_enc)
                    row.draft_team_enc = c.recrypt(row.draft_team_enc)
                    person = self._person(row)
                return person
            except IntegrityError:  # another replica moved it first: read it under the new key
                async with self.sessions() as s:
                    row = await s.scalar(select(PersonRow).where(PersonRow.lookup == lookup))
                    if row is not None:
                        return self._person(row)
        return None

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
                    resume_dialog=person.resume.value,
                    draft_team_enc=c.encrypt(person.draft_team),
                    last_seen_at=person.last_seen_at,
                    draft_continuity=person.draft_continuity,
                    dialog_case_id=person.dialog_case_id,
                    last_alert_at=person.last_alert_at,
                )
            )
