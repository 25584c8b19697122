"""What the database itself guarantees: one open case per requester, secure delete."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from sqlalchemy import select, text

from bot.cases import AlreadyOpen, Case, Mode
from bot.messages import Address
from bot.people import Person
from storage.store import SqlStore
from storage.tables import CaseRow
from tests.harness import Chat


async def test_sqlite_deletes_securely(store: SqlStore) -> None:
    async with store.engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA secure_delete"))).scalar() == 1


async def test_the_store_refuses_a_second_open_case(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    me = await any_store.person(Address("fake", "alice"), chat.clock.now())
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
        await any_store.person(Address("fake", "bob"), chat.clock.now()),
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
        continuity_listener: str | None,
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
    texts = [m.text for out in replies for m in out if m.to == Address("fake", "alice")]
    assert sum("déjà une demande" in t for t in texts) <= 1
    async with any_store.sessions() as s:
        assert len(list(await s.scalars(select(CaseRow)))) == 1
