"""What the database itself guarantees: one open case per requester, secure delete."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from sqlalchemy import select, text

from bot.cases import AlreadyOpen, Case, Mode
from bot.ids import ListenerId, Platform
from bot.messages import Address
from bot.people import Person
from storage.crypto import FieldCipher
from storage.store import SqlStore
from storage.tables import CaseRow
from tests.conftest import SECRET
from tests.harness import Chat


async def test_sqlite_deletes_securely(store: SqlStore) -> None:
    async with store.engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA secure_delete"))).scalar() == 1


async def test_the_store_refuses_a_second_open_case(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    me = await any_store.person(Address(Platform.CONSOLE, "alice"), chat.clock.now())
    results = await asyncio.gather(
        *(
            any_store.create_case(me, Mode.ANONYMOUS, None, None, chat.clock.now())
            for _ in range(2)
        ),
        return_exceptions=True,
    )
    won = [r for r in results if isinstance(r, Case)]
    lost = [r for r in results if isinstance(r, AlreadyOpen)]
    assert len(won) == 1 and len(lost) == 1 and lost[0].case.ref == won[0].ref
    await any_store.create_case(
        await any_store.person(Address(Platform.CONSOLE, "bob"), chat.clock.now()),
        Mode.ANONYMOUS,
        None,
        None,
        chat.clock.now(),
    )  # someone else is not concerned


class RivalReplica(SqlStore):
    """Another replica creates alice's case between this one's check and its insert."""

    async def create_case(
        self,
        requester: Person,
        mode: Mode,
        team: str | None,
        continuity_listener: ListenerId | None,
        now: datetime,
    ) -> Case:
        await SqlStore(self.engine, self.cipher).create_case(requester, mode, None, None, now)
        return await super().create_case(requester, mode, team, continuity_listener, now)


async def test_two_replicas_racing_answer_cleanly(any_store: SqlStore) -> None:
    chat = Chat(RivalReplica(any_store.engine, any_store.cipher))
    await chat.deliver("alice", "demande")
    await chat.deliver("alice", "passer")
    out = await chat.deliver("alice", "anonyme")
    assert len(out) == 1 and "Tu as déjà une demande en cours" in out[0].text
    async with any_store.sessions() as s:
        assert len(list(await s.scalars(select(CaseRow)))) == 1
    assert "Tu as déjà une demande" in (await chat.deliver("alice", "demande"))[0].text


@pytest.mark.parametrize("attempt", range(3))
async def test_two_concurrent_requests(any_store: SqlStore, attempt: int) -> None:
    """Two replicas (two bots, two engines' worth of sessions) get alice's last answer at once."""
    first, second = Chat(any_store), Chat(SqlStore(any_store.engine, any_store.cipher))
    await first.deliver("alice", "demande")
    await first.deliver("alice", "passer")
    replies = await asyncio.gather(
        first.deliver("alice", "anonyme"), second.deliver("alice", "anonyme")
    )
    texts = [m.text for out in replies for m in out if m.to == Address(Platform.CONSOLE, "alice")]
    assert sum("déjà une demande" in t for t in texts) <= 1
    async with any_store.sessions() as s:
        assert len(list(await s.scalars(select(CaseRow)))) == 1


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_the_migration_keeps_one_open_case_of_earlier_twins(
    backend: str, sqlite_url: str
) -> None:
    """Two open cases of one person from before the index: the oldest stays open."""
    from alembic import command

    from storage.database import alembic_config, create_engine
    from tests.conftest import PG_URL, _reset_postgres

    if backend == "postgres":
        if not PG_URL:
            pytest.skip("TEST_DATABASE_URL is not set")
        await _reset_postgres(PG_URL)
    url = PG_URL if backend == "postgres" and PG_URL else sqlite_url
    await asyncio.to_thread(command.upgrade, alembic_config(url), "0005")
    engine = create_engine(url)
    now = "2026-03-17 09:00:00"
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO persons (id, lookup, ref, platform, user_id_enc, welcomed, dialog, "
                "created_at) VALUES (1, 'h', 'P1P1', 'console', :b, false, '', :now)"
            ),
            {"b": b"x", "now": datetime.fromisoformat(now)},
        )
        for case_id, ref in ((1, "AAAA"), (2, "BBBB")):
            await conn.execute(
                text(
                    "INSERT INTO cases (id, ref, requester_id, state, mode, created_at, "
                    "waiting_alerted, checkin_wanted, version) "
                    "VALUES (:id, :ref, 1, 'waiting', 'anonymous', :now, false, false, 1)"
                ),
                {"id": case_id, "ref": ref, "now": datetime.fromisoformat(now)},
            )
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT ref, state FROM cases ORDER BY id"))).all()
    assert [tuple(r) for r in rows] == [("AAAA", "waiting"), ("BBBB", "cancelled")]
    cancelled = await SqlStore(engine, FieldCipher(SECRET)).case_by_ref("BBBB")
    await engine.dispose()
    assert cancelled is not None and cancelled.ended_at is not None  # read back as a time
