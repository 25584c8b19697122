"""A database outage: connections cut and refused for a while, people writing meanwhile.
They are told "un instant" once; nothing is lost once the database is back."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from bot.ids import Platform
from bot.locales import t
from storage.store import SqlStore
from tests.conftest import PG_URL, make_store
from tests.reliability.figures import record
from tests.reliability.pg import dedicated
from tests.reliability.world import QueuePlatform, running, runtime_on, until

pytestmark = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")
OUTAGE_S = float(os.environ.get("SOUTIEN_OUTAGE_SECONDS", "6"))
ONE_MOMENT = t("fr", "one_moment")


@pytest.mark.timeout(120 + OUTAGE_S)
async def test_an_outage_loses_nothing_and_says_one_moment_once() -> None:
    async with dedicated("outage") as database:
        store: SqlStore = await make_store(database.url)
        platform = QueuePlatform()
        runtime = runtime_on(store, platform)
        try:
            async with running(runtime):
                platform.write("alice", "demande", event_id="$a1")
                await until(lambda: platform.handled == 1)
                await until(lambda: runtime.readiness()["ready"])
                await database.cut()
                cut = time.monotonic()
                platform.write("alice", "passer", event_id="$a2")
                platform.write("alice", "anonyme", event_id="$a3")
                platform.write("bob", "bonjour", event_id="$b1")  # a newcomer
                platform.write("bob", "tu es là ?", event_id="$b2")
                await until(lambda: ONE_MOMENT in platform.texts("bob"), within=10)
                await until(lambda: ONE_MOMENT in platform.texts("alice"), within=10)
                assert runtime.readiness()["ready"] is False
                assert runtime.readiness()["database"] is False
                await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - cut)))
                await database.give_back()
                record(db_blink_s=round(time.monotonic() - cut, 1))
                await until(lambda: platform.handled == 5, within=60)
                await until(lambda: platform.texts("camille"), within=20)  # the offer
                await until(lambda: runtime.readiness()["ready"], within=20)
            bob = platform.texts("bob")
            assert bob.count(ONE_MOMENT) == 1 and platform.texts("alice").count(ONE_MOMENT) == 1
            assert len(bob) >= 3  # one moment, then an answer to each of his two messages
            assert await store.pending(Platform.CONSOLE, 10) == []
        finally:
            await store.engine.dispose()
