"""The key check value: a known constant encrypted with the key the data are under.

A wrong secret key (a typo, a trailing space, quotes kept by an env file, another
deployment's key) would otherwise run: everyone becomes a stranger, open cases are
duplicated and the new rows are unreadable with the right key. Checked before the bot
writes anything; moved to the new key by a complete `keys rotate`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.crypto import FieldCipher
from storage.database import DatabaseUnusable, sqlite_file
from storage.tables import CaseNoteRow, CaseRow, KeyCheckRow, KeyValueRow, PersonRow

CHECK = "soutien: key check value, v1"
# In place of the check value, in a database the keyless console demo wrote: its data
# were under a throwaway key nobody can read again (`demo.reset_on_start` may delete it).
THROWAWAY = b"soutien: written by the keyless console demo, under a throwaway key"
# Where a database from before the check value shows its key: the oldest of each.
_WITNESSES: tuple[tuple[Any, Any], ...] = (
    (PersonRow, PersonRow.user_id_enc),
    (KeyValueRow, KeyValueRow.value_enc),
    (CaseRow, CaseRow.team_enc),
    (CaseNoteRow, CaseNoteRow.text_enc),
)
KEY = "SOUTIEN_SECURITY__SECRET_KEY"


class KeyMismatch(DatabaseUnusable):
    """The configured keys are not the ones this database's data are encrypted with."""


def where(engine: AsyncEngine) -> str:
    """The database, as an operator finds it: the SQLite file, or the URL without password."""
    url = engine.url.render_as_string(hide_password=True)
    return str(sqlite_file(url) or url)


def _reads(cipher: FieldCipher, blob: bytes, expected: str | None = None) -> bool:
    try:
        value = cipher.decrypt(blob)
    except ValueError:
        return False
    return expected is None or value == expected


async def verify(engine: AsyncEngine, cipher: FieldCipher, seal: bool) -> None:
    """Raise KeyMismatch unless the configured keys (current or old) read the check value.

    A database from before the check value has none: the oldest row of each table holding
    encrypted fields stands for it and, with `seal`, the check is then written under the
    current key (an empty database is sealed at once)."""
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with sessions.begin() as s:
        row = await s.get(KeyCheckRow, 1)
        if row is not None and row.value_enc == THROWAWAY:
            if await _holds_rows(s):
                raise DatabaseUnusable(
                    f"{KEY} is set, but {where(engine)} was written by the keyless console "
                    "demo under a throwaway key: nobody can read its data. Point storage.url "
                    "at another file (or delete this one)"
                )
            if seal:  # the demo wrote nothing here: the real key takes it over
                row.value_enc, row.updated_at = _sealed(cipher), datetime.now(UTC)
            return
        if row is not None:
            if not _reads(cipher, row.value_enc, CHECK):
                raise mismatch(engine)
            return
        for table, column in _WITNESSES:
            oldest = await s.scalar(
                select(column).where(column.is_not(None)).order_by(table.id).limit(1)
            )
            if oldest is not None and not _reads(cipher, oldest):
                raise mismatch(engine)
        if seal:
            s.add(KeyCheckRow(id=1, value_enc=_sealed(cipher), updated_at=datetime.now(UTC)))


async def seal(engine: AsyncEngine, cipher: FieldCipher) -> None:
    """The check value under the current key (after a complete rotation)."""
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with sessions.begin() as s:
        row = await s.get(KeyCheckRow, 1)
        if row is None:
            s.add(KeyCheckRow(id=1, value_enc=_sealed(cipher), updated_at=datetime.now(UTC)))
        elif not cipher.is_current(row.value_enc):
            row.value_enc = _sealed(cipher)
            row.updated_at = datetime.now(UTC)


async def holds_data(engine: AsyncEngine) -> bool:
    """Whether anything here was written under a real key (for the keyless console demo)."""
    sessions = async_sessionmaker(engine)
    async with sessions() as s:
        row = await s.get(KeyCheckRow, 1)
        return (row is not None and row.value_enc != THROWAWAY) or await _holds_rows(s)


async def _holds_rows(s: AsyncSession) -> bool:
    for table in (PersonRow, KeyValueRow, CaseRow):
        if await s.scalar(select(exists().select_from(table))):
            return True
    return False


async def throwaway(engine: AsyncEngine, mark: bool) -> bool:
    """Whether the keyless console demo wrote this database (its mark is there); with
    `mark`, a database with no check value yet is marked as the demo's."""
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with sessions.begin() as s:
        row = await s.get(KeyCheckRow, 1)
        if row is None and mark:
            s.add(KeyCheckRow(id=1, value_enc=THROWAWAY, updated_at=datetime.now(UTC)))
        return row is not None and row.value_enc == THROWAWAY


def _sealed(cipher: FieldCipher) -> bytes:
    blob = cipher.encrypt(CHECK)
    assert blob is not None
    return blob


def mismatch(engine: AsyncEngine) -> KeyMismatch:
    return KeyMismatch(
        f"{KEY}: not the key this database was encrypted with ({where(engine)}); nothing was "
        "written. Check the value: a trailing space or quotes kept around it are common "
        "causes. After a key change, keep the previous key in "
        "SOUTIEN_SECURITY__OLD_SECRET_KEYS and run `soutien-bot keys rotate`"
    )
