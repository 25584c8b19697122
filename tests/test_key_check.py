"""The key check value on SQLite and PostgreSQL: a wrong key is refused before anything is
written, the oldest rows speak for a database from before the check, a complete rotation
moves the check to the new key, and a PostgreSQL that is not up yet is waited for."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import delete, func, select

from storage.crypto import FieldCipher
from storage.database import DatabaseUnusable, create_engine, upgrade
from storage.keycheck import KeyMismatch, verify
from storage.keys import rotate
from storage.startup import check, ready
from storage.store import SqlStore
from storage.tables import KeyCheckRow
from tests.conftest import SECRET, StoppableDatabase
from tests.harness import Chat

OTHER = "another-secret-key-0123456789"


async def rows(store: SqlStore, table: type) -> int:
    async with store.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(table)) or 0)


async def test_a_wrong_key_is_refused_and_writes_nothing(any_store: SqlStore) -> None:
    await Chat(any_store).request("alice")
    with pytest.raises(KeyMismatch, match="SOUTIEN_SECURITY__SECRET_KEY"):  # no check yet
        await check(any_store.engine, FieldCipher(OTHER), seal=True)
    assert await rows(any_store, KeyCheckRow) == 0
    await check(any_store.engine, FieldCipher(SECRET), seal=True)  # the oldest rows agree
    assert await rows(any_store, KeyCheckRow) == 1
    with pytest.raises(KeyMismatch, match="trailing space"):
        await check(any_store.engine, FieldCipher(SECRET + " "), seal=True)
    await check(any_store.engine, FieldCipher(OTHER, old_secrets=(SECRET,)))  # rotating


async def test_an_empty_database_is_sealed_with_the_first_key(any_store: SqlStore) -> None:
    await verify(any_store.engine, FieldCipher(SECRET), seal=True)
    with pytest.raises(KeyMismatch):
        await verify(any_store.engine, FieldCipher(OTHER), seal=True)


async def test_the_check_follows_a_complete_rotation(any_store: SqlStore) -> None:
    await Chat(any_store).request("alice")
    await verify(any_store.engine, FieldCipher(SECRET), seal=True)
    report = await rotate(any_store.engine, FieldCipher(OTHER, old_secrets=(SECRET,)))
    assert report.complete
    await verify(any_store.engine, FieldCipher(OTHER), seal=True)
    with pytest.raises(KeyMismatch):
        await verify(any_store.engine, FieldCipher(SECRET), seal=True)


async def test_the_keyless_demo_starts_only_on_a_database_without_data(any_store: SqlStore) -> None:
    await check(any_store.engine, None)
    await Chat(any_store).request("alice")
    with pytest.raises(DatabaseUnusable, match="holds data"):
        await check(any_store.engine, None)
    await check(any_store.engine, None, scratch=True)  # its own demo.db


async def test_a_schema_not_migrated_is_said(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    try:
        with pytest.raises(DatabaseUnusable, match=r"revision \(empty\).*db upgrade"):
            await ready(engine, FieldCipher(SECRET))
    finally:
        await engine.dispose()


async def test_postgres_not_up_yet_is_waited_for(stoppable_database: StoppableDatabase) -> None:
    await asyncio.to_thread(upgrade, stoppable_database.url)
    await stoppable_database.stop()
    engine = create_engine(stoppable_database.url)
    try:
        waiting = asyncio.create_task(ready(engine, FieldCipher(SECRET)))
        await asyncio.sleep(1.5)
        assert not waiting.done()  # retried with back-off, not given up
        await stoppable_database.start()
        await asyncio.wait_for(waiting, 60)
    finally:
        await engine.dispose()


async def test_the_keyless_demo_marks_its_own_database(any_store: SqlStore) -> None:
    """What it writes is under a throwaway key: the mark says so to the next run (QA 2)."""
    await ready(any_store.engine, None)  # empty: the demo's from now on
    await ready(any_store.engine, FieldCipher(SECRET))  # nothing written: a real key takes it
    with pytest.raises(KeyMismatch):
        await verify(any_store.engine, FieldCipher(OTHER), seal=True)
    async with any_store.sessions.begin() as s:
        await s.execute(delete(KeyCheckRow))
    await ready(any_store.engine, None)
    await Chat(any_store).request("alice")
    await ready(any_store.engine, None)  # its own data, never readable after their run
    with pytest.raises(DatabaseUnusable, match="keyless console demo"):
        await ready(any_store.engine, FieldCipher(SECRET))
