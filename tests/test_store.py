"""Storage: atomic accept on SQLite and PostgreSQL, migrations in step with models, no plaintext."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from bot.cases import CaseState, Mode, Trigger
from bot.ids import ListenerId, Platform
from bot.lifecycle import Change, decide
from bot.messages import Address
from storage.crypto import FieldCipher
from storage.database import create_engine
from storage.store import SqlStore
from storage.tables import Base
from tests.conftest import SECRET
from tests.harness import Chat

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


async def _offered_case(store: SqlStore, user: str) -> int:
    person = await store.person(Address(Platform.CONSOLE, user), NOW)
    case = await store.create_case(person, Mode.ANONYMOUS, "DINUM", None, NOW)
    assert await store.apply(decide(case, Trigger.OFFER, ListenerId("camille"), NOW))
    return case.id


async def _change(
    store: SqlStore, case_id: int, trigger: Trigger, actor: ListenerId | None
) -> Change:
    case = await store.case_by_id(case_id)
    assert case is not None
    return decide(case, trigger, actor, NOW)


async def test_concurrent_accept_has_exactly_one_winner(any_store: SqlStore) -> None:
    """Two replicas (two engines) accept the same offers at the same instant."""
    other = SqlStore(
        create_engine(str(any_store.engine.url.render_as_string(False))), FieldCipher(SECRET)
    )
    try:
        for n in range(15):
            case_id = await _offered_case(any_store, f"user{n}")
            accept = await _change(any_store, case_id, Trigger.ACCEPT, ListenerId("camille"))
            results = await asyncio.gather(
                *(replica.apply(accept) for replica in (any_store, other, any_store, other))
            )
            assert sorted(results) == [False, False, False, True]
            case = await any_store.case_by_id(case_id)
            assert case is not None and case.state is CaseState.ACCEPTED
    finally:
        await other.engine.dispose()


async def test_accept_races_expiry_one_outcome_only(any_store: SqlStore) -> None:
    case_id = await _offered_case(any_store, "alice")
    accept = await _change(any_store, case_id, Trigger.ACCEPT, ListenerId("camille"))
    expire = await _change(any_store, case_id, Trigger.EXPIRE, None)
    assert sorted(await asyncio.gather(any_store.apply(accept), any_store.apply(expire))) == [
        False,
        True,
    ]


async def test_two_bots_on_one_database_one_wins(any_store: SqlStore) -> None:
    first, second = Chat(any_store), Chat(any_store)
    ref = await first.request("alice")
    out1, out2 = await asyncio.gather(
        first.deliver("camille", f"accepter {ref}"), second.deliver("camille", f"accepter {ref}")
    )
    told_alice = [m for m in (*out1, *out2) if m.to.user_id == "alice"]
    assert len(told_alice) == 1


async def test_a_case_is_never_offered_twice_to_the_same_listener(store: SqlStore) -> None:
    case_id = await _offered_case(store, "alice")
    assert await store.apply(await _change(store, case_id, Trigger.DECLINE, ListenerId("camille")))
    assert not await store.apply(
        await _change(store, case_id, Trigger.OFFER, ListenerId("camille"))
    )
    assert await store.offered_to(case_id) == {"camille"}
    case = await store.case_by_id(case_id)
    assert case is not None and case.state is CaseState.WAITING


def _raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("soutien.db*"))


def _diff(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


async def test_migrations_match_models(any_store: SqlStore) -> None:
    async with any_store.engine.connect() as conn:
        assert await conn.run_sync(_diff) == []


async def test_identifying_fields_are_not_stored_in_clear(tmp_path: Path, store: SqlStore) -> None:
    chat = Chat(store)
    await chat.request("alice.martin", team="Direction Zorglub")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice.martin", "mon secret très personnel")
    await store.engine.dispose()
    raw = await asyncio.to_thread(_raw_bytes, tmp_path)
    for needle in ("alice.martin", "Zorglub", "secret très personnel"):
        assert needle.encode() not in raw, needle
