"""The transactional outbox: one transaction per event, replays do nothing, rows leave
encrypted and are deleted once sent, failures are retried then set aside."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from bot.clock import SystemClock
from bot.delivery import Delivery
from bot.ids import Platform
from bot.messages import Address, OutgoingMessage
from bot.ports import Queued
from storage.store import SqlStore
from storage.tables import CaseRow, ClaimRow, DeadLetterRow, OutboxRow
from tests.reliability.world import QueuePlatform, running, runtime_on, until, until_true


async def _count(store: SqlStore, table: type) -> int:
    async with store.sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(table)) or 0)


async def _empty(store: SqlStore) -> bool:
    return await _count(store, OutboxRow) == 0


async def test_a_replayed_event_finds_its_claim_and_does_nothing(any_store: SqlStore) -> None:
    platform = QueuePlatform()
    runtime = runtime_on(any_store, platform)
    async with running(runtime):
        platform.write("alice", "demande", event_id="$e1")
        await until(lambda: platform.handled == 1)
        answered = len(platform.texts("alice"))
        assert answered >= 1
        platform.write("alice", "demande", event_id="$e1")  # the same event, after a restart
        await until(lambda: platform.handled == 2)
        await asyncio.sleep(0.3)
        assert len(platform.texts("alice")) == answered
        assert await _count(any_store, ClaimRow) == 1
        await until_true(lambda: _empty(any_store))  # sent, then deleted


async def test_a_failed_handling_leaves_nothing_behind(any_store: SqlStore) -> None:
    """Claim, change and messages commit together: a crash mid-way undoes the claim too,
    so the replayed event is handled as if for the first time."""
    platform = QueuePlatform()
    runtime = runtime_on(any_store, platform, max_tries=1)
    original = runtime.bot.handle
    calls = 0

    async def crash_after_the_change(message):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        out = await original(message)
        if calls == 3:  # `anonyme` created the case, then the process "dies"
            raise RuntimeError("killed")
        return out

    runtime.bot.handle = crash_after_the_change  # type: ignore[method-assign]
    async with running(runtime):
        for n, text in enumerate(["demande", "passer", "anonyme"]):
            platform.write("alice", text, event_id=f"$e{n}")
        await until(lambda: platform.handled == 3)
        assert await _count(any_store, CaseRow) == 0
        runtime.bot.handle = original  # type: ignore[method-assign]
        platform.write("alice", "anonyme", event_id="$e2")
        await until(lambda: platform.handled == 4)
        await until(lambda: any(m.to.user_id == "camille" for m in platform.sent))
        assert await _count(any_store, CaseRow) == 1
        assert await _count(any_store, DeadLetterRow) == 1  # the first try was set aside
        claude = platform.texts("claude")
        assert any("réf." in text for text in claude)  # the coordinator got a reference


async def test_rows_left_by_a_crash_are_sent_not_recomputed(any_store: SqlStore) -> None:
    now = runtime_on(any_store, QueuePlatform()).clock.now()
    texts = [f"message {n}" for n in range(5)]
    async with any_store.unit():
        await any_store.enqueue(
            [OutgoingMessage(Address(Platform.CONSOLE, "bob"), t) for t in texts], now
        )
    async with any_store.sessions() as s:
        blobs = (await s.scalars(select(OutboxRow.message_enc))).all()
    assert all(b"message" not in blob for blob in blobs)  # encrypted at rest
    platform = QueuePlatform()
    runtime = runtime_on(any_store, platform)
    handled = 0

    async def never(message):  # type: ignore[no-untyped-def]
        nonlocal handled
        handled += 1
        return []

    runtime.bot.handle = never  # type: ignore[method-assign]
    async with running(runtime):
        await until(lambda: len(platform.texts("bob")) == 5)
        assert platform.texts("bob") == texts  # in order
        keys = {m.idempotency_key for m in platform.sent}
        assert len(keys) == 5 and None not in keys
        await until_true(lambda: _empty(any_store))
    assert handled == 0


async def test_a_message_that_keeps_failing_is_set_aside(any_store: SqlStore) -> None:
    platform = QueuePlatform(failing={"bob"})
    runtime = runtime_on(any_store, platform, max_tries=2)
    now = runtime.clock.now()
    async with any_store.unit():
        await any_store.enqueue(
            [OutgoingMessage(Address(Platform.CONSOLE, "bob"), "secret words")], now
        )
    async with running(runtime):
        notice = await until(lambda: platform.texts("claude"), within=20)
        assert "secret words" not in notice[0]
        assert await _count(any_store, DeadLetterRow) == 1
        await until_true(lambda: _empty(any_store))
        async with any_store.sessions() as s:
            ref = await s.scalar(select(DeadLetterRow.ref))
        assert ref is not None and ref in notice[0]


async def test_a_slow_conversation_stalls_nobody_else(any_store: SqlStore) -> None:
    platform = QueuePlatform(slow={"bob": 3.0})
    runtime = runtime_on(any_store, platform)
    now = runtime.clock.now()
    async with any_store.unit():
        await any_store.enqueue(
            [
                OutgoingMessage(Address(Platform.CONSOLE, "bob"), "slow 1"),
                OutgoingMessage(Address(Platform.CONSOLE, "bob"), "slow 2"),
                OutgoingMessage(Address(Platform.CONSOLE, "dominique"), "quick"),
            ],
            now,
        )
    async with running(runtime):
        await until(lambda: platform.texts("dominique"), within=2)
        assert platform.texts("bob") == []
        await until(lambda: len(platform.texts("bob")) == 2, within=15)
        assert platform.texts("bob") == ["slow 1", "slow 2"]


async def test_sigterm_like_stop_drains_the_outbox(store: SqlStore) -> None:
    platform = QueuePlatform(slow={"bob": 0.5})
    runtime = runtime_on(store, platform)
    async with store.unit():
        await store.enqueue(
            [OutgoingMessage(Address(Platform.CONSOLE, "bob"), f"m{n}") for n in range(3)],
            runtime.clock.now(),
        )
    task = asyncio.create_task(runtime.run())
    await asyncio.sleep(0.3)
    runtime.stop()
    await asyncio.wait_for(task, 12)
    assert platform.texts("bob") == ["m0", "m1", "m2"]


@pytest.mark.parametrize("broken", [True])
async def test_readiness_says_what_runs(store: SqlStore, broken: bool) -> None:
    platform = QueuePlatform()
    runtime = runtime_on(store, platform)
    assert runtime.readiness()["ready"] is False  # nothing runs yet
    async with running(runtime):
        state = await until(lambda: runtime.readiness()["ready"] and runtime.readiness())
        assert state["database"] is True
        assert set(state["workers"]) == {"console", "sender:console"}


class _SlowReads:
    """The store, with outbox reads that return late: a read begun before a sender
    deleted its row comes back holding it (a slow disk, a busy machine)."""

    def __init__(self, store: SqlStore) -> None:
        self._store = store
        self.reads = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    async def pending(self, platform: Platform, limit: int) -> list[Queued]:
        rows = await self._store.pending(platform, limit)
        self.reads += 1
        if self.reads > 1:
            await asyncio.sleep(0.5)
        return rows


async def test_a_read_that_raced_a_send_does_not_send_it_again(store: SqlStore) -> None:
    """The console printed relays and alerts twice on a busy machine: a slow outbox read
    taken while a row was being sent came back after the row was gone."""
    slow = _SlowReads(store)
    sent: list[str] = []
    delivery: Delivery

    class Recorder:
        async def send(self, message: OutgoingMessage) -> None:
            sent.append(message.text)
            delivery.enqueued([])  # something else arrives: the sender reads again now
            await asyncio.sleep(0.1)  # … while this row is still on its way

    delivery = Delivery(slow, {Platform.CONSOLE: Recorder()}, SystemClock(), lambda _: [])  # type: ignore[arg-type, dict-item]
    async with store.unit():
        ids = await store.enqueue(
            [OutgoingMessage(Address(Platform.CONSOLE, "alice"), "une seule fois")],
            SystemClock().now(),
        )
    delivery.enqueued(ids)
    sender = asyncio.create_task(delivery.run(Platform.CONSOLE))
    try:
        await delivery.delivered(ids, within=5)
        await asyncio.sleep(2.0)  # the late reads come back, and the next ones
    finally:
        sender.cancel()
        await asyncio.gather(sender, return_exceptions=True)
    assert sent == ["une seule fois"]
    assert slow.reads >= 2


async def test_a_row_sent_before_its_handler_waits_does_not_hold_it(store: SqlStore) -> None:
    """A sender may find a row as soon as it is committed and send it before the handler
    asks to wait for it; the handler then waited its whole delay, holding that person's
    next message (a listener's reply was lost behind a kill and a restart)."""
    sent: list[str] = []

    class Recorder:
        async def send(self, message: OutgoingMessage) -> None:
            sent.append(message.text)

    delivery = Delivery(store, {Platform.CONSOLE: Recorder()}, SystemClock(), lambda _: [])  # type: ignore[dict-item]
    async with store.unit():
        ids = await store.enqueue(
            [OutgoingMessage(Address(Platform.CONSOLE, "camille"), "accepté")],
            SystemClock().now(),
        )
    sender = asyncio.create_task(delivery.run(Platform.CONSOLE))  # finds it on its own
    try:
        await until(lambda: sent == ["accepté"])
        await asyncio.wait_for(delivery.delivered(ids, within=60), timeout=10)
    finally:
        sender.cancel()
        await asyncio.gather(sender, return_exceptions=True)
    assert delivery.idle()
