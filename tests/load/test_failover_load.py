"""Failover during the load: two replicas of the Matrix bot on PostgreSQL, sharing one
Matrix store (the shared volume of README's "Running two replicas"). The active one is
SIGKILLed once about half the requesters were acknowledged; the standby takes over within
`ha.takeover_seconds` (and a first sync), and the load's exactly-once checks hold."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.load.crowd import Crowd
from tests.matrix.conftest import BotProcess
from tests.matrix.synapse import Synapse
from tests.reliability.figures import record
from tests.reliability.pg import dedicated

pytestmark = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")
TAKEOVER = 5.0
# After the lock: the new active replica restores the device from the shared store and
# makes its first (full-state) sync while the homeserver serves the whole crowd.
SERVING_MARGIN = 30.0


async def _until_in_log(bot: BotProcess, needle: str, within: float) -> None:
    deadline = time.monotonic() + within
    while needle not in bot.log():
        assert time.monotonic() < deadline, f"{needle!r} never logged:\n{bot.log()[-3000:]}"
        await asyncio.sleep(0.1)


async def _fail_over(crowd: Crowd, active: BotProcess, standby: BotProcess) -> float:
    """Once half the requesters were acknowledged: SIGKILL the active replica; the
    seconds until the standby serves. The killed one is restarted (it stays standby)."""
    await crowd.halfway.wait()
    active.kill()
    killed = time.monotonic()
    await standby.ready(within=TAKEOVER + SERVING_MARGIN)
    takeover = time.monotonic() - killed
    active.start()
    return takeover


@pytest.mark.timeout(900)
async def test_failover_during_the_load_loses_and_doubles_nothing(
    synapse: Synapse, tmp_path: Path
) -> None:
    async with dedicated("failover_load") as database:
        crowd = Crowd(synapse, tmp_path)
        (tmp_path / "a").mkdir()
        first = BotProcess(tmp_path / "a", synapse, crowd.roster, storage_url=database.url)
        crowd.configure(first, ha={"enabled": True, "takeover_seconds": TAKEOVER})
        second = first.replica(tmp_path / "b")
        tasks: list[asyncio.Task[object]] = []
        try:
            first.start()
            await first.ready(within=120)
            second.start()
            await _until_in_log(second, "standby", within=60)
            assert not await second.is_ready()  # no platform connection while standby
            await crowd.start()
            run = asyncio.create_task(crowd.run(first.user_id))
            takeover = asyncio.create_task(_fail_over(crowd, first, second))
            tasks += [run, takeover]  # a failed takeover ends the test at once
            outcome, seconds = await asyncio.gather(run, takeover)
            record(
                **{"+failovers": 1, "^takeover_s": round(seconds, 2)},
                load_failover_takeover_s=round(seconds, 2),
                **outcome.figures("load_failover"),
            )
            outcome.check(len(crowd.names))
            assert seconds < TAKEOVER + SERVING_MARGIN
            await _until_in_log(first, "standby", within=60)  # restarted: standby
            assert not await first.is_ready()
            assert "Traceback" not in first.log() + second.log()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            try:
                await crowd.close()
            finally:
                # the standby first: stopping the active one first would hand it over
                exits = first.stop(), second.stop()
        assert exits == (0, 0), first.log()[-3000:] + second.log()[-3000:]
