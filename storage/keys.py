"""Key rotation: every encrypted field, every look-up hash and the adapter state, moved to
the current key (the old ones must be in `security.old_secret_keys` for reading).

Rows are rewritten in small batches, each its own transaction, and a row already under the
current key is left alone: a rotation stopped half-way (a crash, a kill) is finished by
running it again, and running it twice changes nothing. Two rows that become one under
the new key (a person welcomed as a stranger before the old key was configured) are merged,
or left apart with a line saying why; never a UNIQUE error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.cases import OPEN_STATES
from storage.crypto import FieldCipher
from storage.keycheck import seal
from storage.keyvalue import key_blob, kv_lookup, owner_lookup, read_key_blob
from storage.tables import CaseNoteRow, CaseRow, KeyValueRow, PersonRow

TABLES = ("persons", "cases", "case_notes", "kv")
BATCH = 200


@dataclass
class Tally:
    rewritten: int = 0
    current: int = 0  # already under the current key: untouched
    merged: int = 0
    skipped: int = 0  # left as they were, each with a line in `notes`


@dataclass
class RotationReport:
    tables: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TABLES})
    notes: list[str] = field(default_factory=list)
    legacy: int = 0  # adapter rows from before keys were kept (their key is not known)

    @property
    def complete(self) -> bool:
        return not any(t.skipped for t in self.tables.values())

    def lines(self) -> list[str]:
        return [
            f"{name}: {t.rewritten} rewritten, {t.current} already under the current key"
            + (f", {t.merged} merged" if t.merged else "")
            + (f", {t.skipped} left as they were" if t.skipped else "")
            for name, t in self.tables.items()
        ] + (
            [
                f"kv: {self.legacy} rows predate stored keys: values re-encrypted, their keys "
                "move to the current key when next used (keep the old key configured until then)"
            ]
            if self.legacy
            else []
        )


def report_rotation(report: RotationReport, out: TextIO, database: str = "") -> int:
    """What an operator reads at the end; 0 when everything is under the current key and
    something was there to be (an empty database is more likely the wrong one)."""
    for line in [*report.notes, *report.lines()]:
        print(line, file=out)
    if not report.complete:
        print("not complete: see the lines above, then run `keys rotate` again", file=out)
        return 1
    tallies = report.tables.values()
    if not any(t.rewritten or t.current or t.merged for t in tallies):
        print(
            f"nothing stored in {database or 'this database'}: 0 rows to rotate; is "
            "storage.url the right database? (if it is, its key check now follows the "
            "current key)",
            file=out,
        )
        return 1
    if not any(t.rewritten or t.merged for t in tallies):
        print(
            f"0 rows under an old key in {database or 'this database'}: is storage.url the "
            "right database? (if it is, it was already rotated)",
            file=out,
        )
    print("done: every row is under the current key", file=out)
    return 0


def _ignore(_: str) -> None:
    return None


async def rotate(
    engine: AsyncEngine,
    cipher: FieldCipher,
    progress: Callable[[str], None] = _ignore,
    batch: int = BATCH,
) -> RotationReport:
    """Move every protected value to the current key; see the module's documentation."""
    rotation = _Rotation(cipher, RotationReport())
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    steps: list[tuple[str, Any, Callable[[AsyncSession, Any], Awaitable[None]]]] = [
        ("persons", PersonRow, rotation.person),
        ("cases", CaseRow, rotation.case),
        ("case_notes", CaseNoteRow, rotation.note),
        ("kv", KeyValueRow, rotation.kv),
    ]
    for table, row_type, step in steps:
        async with sessions() as s:
            total = int(await s.scalar(select(func.count()).select_from(row_type)) or 0)
        done, last = 0, 0
        while True:
            async with sessions.begin() as s:
                rows = list(
                    await s.scalars(
                        select(row_type)
                        .where(row_type.id > last)
                        .order_by(row_type.id)
                        .limit(batch)
                    )
                )
                for row in rows:
                    await step(s, row)
            if not rows:
                break
            last = rows[-1].id
            done += len(rows)
            progress(f"{table}: {done}/{total}")
    if rotation.report.complete:  # the key check value follows, once nothing needs the old keys
        await seal(engine, cipher)
    return rotation.report


class _Rotation:
    def __init__(self, cipher: FieldCipher, report: RotationReport) -> None:
        self.c = cipher
        self.report = report

    def _tally(self, table: str) -> Tally:
        return self.report.tables[table]

    def _unreadable(self, table: str, row_id: int) -> None:
        self._tally(table).skipped += 1
        self.report.notes.append(
            f"{table}: row {row_id} cannot be read with any configured key; left as it was"
        )

    async def person(self, s: AsyncSession, row: PersonRow) -> None:
        c = self.c
        try:
            user_id = c.decrypt(row.user_id_enc) or ""
            c.decrypt(row.handle_enc), c.decrypt(row.draft_team_enc)
        except ValueError:
            return self._unreadable("persons", row.id)
        lookup = c.lookup(f"{row.platform}\x00{user_id}")
        fields = (row.user_id_enc, row.handle_enc, row.draft_team_enc)
        if row.lookup == lookup and all(c.is_current(f) for f in fields):
            self._tally("persons").current += 1
            return None
        if row.lookup != lookup:
            twin = await s.scalar(
                select(PersonRow).where(PersonRow.lookup == lookup, PersonRow.id != row.id)
            )
            if twin is not None and not await self._merge(s, row, twin):
                return None
        row.lookup = lookup
        row.user_id_enc = c.recrypt(row.user_id_enc) or b""
        row.handle_enc = c.recrypt(row.handle_enc)
        row.draft_team_enc = c.recrypt(row.draft_team_enc)
        self._tally("persons").rewritten += 1
        return None

    async def _merge(self, s: AsyncSession, row: PersonRow, twin: PersonRow) -> bool:
        """One person, two rows (the second made under the new key before the old key was
        configured): the twin's cases join the older row, the twin goes. Not when both
        have an open case: that needs a person to choose, so both are left and said."""
        open_states = [state.value for state in OPEN_STATES]
        opened = [
            await s.scalar(
                select(func.count())
                .select_from(CaseRow)
                .where(CaseRow.requester_id == who.id, CaseRow.state.in_(open_states))
            )
            for who in (row, twin)
        ]
        if all(opened):
            self._tally("persons").skipped += 1
            self.report.notes.append(
                f"persons: {row.ref} and {twin.ref} are one person with an open case each; "
                f"left apart: close one of the two cases, then run `keys rotate` again"
            )
            return False
        await s.execute(
            update(CaseRow).where(CaseRow.requester_id == twin.id).values(requester_id=row.id)
        )
        if twin.last_seen_at and (row.last_seen_at is None or twin.last_seen_at > row.last_seen_at):
            row.last_seen_at = twin.last_seen_at
        row.welcomed = row.welcomed or twin.welcomed
        await s.delete(twin)
        await s.flush()  # the twin's look-up hash is free before this row takes it
        self._tally("persons").merged += 1
        self.report.notes.append(f"persons: {twin.ref} was {row.ref} again; merged into {row.ref}")
        return True

    async def case(self, s: AsyncSession, row: CaseRow) -> None:
        try:
            self.c.decrypt(row.team_enc)
        except ValueError:
            return self._unreadable("cases", row.id)
        if self.c.is_current(row.team_enc):
            self._tally("cases").current += 1
            return None
        row.team_enc = self.c.recrypt(row.team_enc)
        self._tally("cases").rewritten += 1
        return None

    async def note(self, s: AsyncSession, row: CaseNoteRow) -> None:
        """A shared note's text, like a case's team."""
        try:
            self.c.decrypt(row.text_enc)
        except ValueError:
            return self._unreadable("case_notes", row.id)
        if self.c.is_current(row.text_enc):
            self._tally("case_notes").current += 1
            return None
        row.text_enc = self.c.recrypt(row.text_enc) or b""
        self._tally("case_notes").rewritten += 1
        return None

    async def kv(self, s: AsyncSession, row: KeyValueRow) -> None:
        c = self.c
        try:
            known = read_key_blob(c, row.key_enc)
            c.decrypt(row.value_enc)
        except ValueError:
            return self._unreadable("kv", row.id)
        if known is None:  # from before keys were kept: hashed again at its next use
            if c.is_current(row.value_enc):
                self._tally("kv").current += 1
            else:
                row.value_enc = c.recrypt(row.value_enc)
                self._tally("kv").rewritten += 1
            self.report.legacy += 1
            return None
        key, owner = known
        key_hash = c.lookup(kv_lookup(row.namespace, key))
        owner_hash = c.lookup(owner_lookup(owner.platform, owner.user_id)) if owner else None
        fresh = row.key_hash == key_hash and row.owner_hash == owner_hash
        if fresh and c.is_current(row.value_enc) and c.is_current(row.key_enc):
            self._tally("kv").current += 1
            return None
        if row.key_hash != key_hash:
            twin = await s.scalar(
                select(KeyValueRow).where(
                    KeyValueRow.namespace == row.namespace,
                    KeyValueRow.key_hash == key_hash,
                    KeyValueRow.id != row.id,
                )
            )
            if twin is not None:  # written again under the new key: the newer one stays
                self._tally("kv").merged += 1
                self.report.notes.append(
                    f"kv: two rows for one key in {row.namespace}; the newer one kept"
                )
                if twin.updated_at >= row.updated_at:
                    await s.delete(row)
                    return None
                await s.delete(twin)
                await s.flush()
        row.key_hash = key_hash
        row.owner_hash = owner_hash
        row.key_enc = key_blob(c, key, owner)
        row.value_enc = c.recrypt(row.value_enc)
        self._tally("kv").rewritten += 1
        return None
