"""The PostgreSQL lease of two replicas: a standby stopped (SIGTERM) while it takes the
lock over never becomes the active one."""

from __future__ import annotations

import asyncio

import asyncpg  # type: ignore[import-untyped]
import pytest

from storage.lease import LOCK_KEY, AdvisoryLease
from tests.conftest import PG_URL
from tests.reliability.pg import dedicated
from tests.reliability.world import until_true

pytestmark = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")


@pytest.mark.timeout(60)
async def test_a_standby_stopped_while_taking_over_stays_standby() -> None:
    async with dedicated("lease") as database:
        holder = AdvisoryLease(database.url, takeover_seconds=10)
        standby = AdvisoryLease(database.url, takeover_seconds=10)  # waits 3 s once it has it
        stopping = asyncio.Event()
        watcher = await asyncpg.connect(database.url.replace("+asyncpg", ""))
        taking: asyncio.Task[bool] | None = None

        async def holders() -> list[int]:
            """The backends holding the lock in this database (other tests use others)."""
            rows = await watcher.fetch(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND objid = $1 AND database = (SELECT oid FROM pg_database "
                "WHERE datname = current_database())",
                LOCK_KEY,
            )
            return [row["pid"] for row in rows]

        try:
            assert await holder.acquire(asyncio.Event())
            first = await holders()
            taking = asyncio.create_task(standby.acquire(stopping))
            await holder.release()

            async def standby_has_it() -> bool:
                return bool(await holders()) and await holders() != first

            await until_true(standby_has_it, within=10)
            stopping.set()  # SIGTERM while it waits for the old holder to fence itself
            assert await taking is False
            assert not standby.held()
        finally:
            if taking is not None:
                taking.cancel()
                await asyncio.gather(taking, return_exceptions=True)
            await holder.release()
            await standby.release()
            await watcher.close()
