"""Two replicas on PostgreSQL, one active: the standby opens no platform connection; when
the active one is SIGKILLed mid-conversation, the standby takes over within
`ha.takeover_seconds` and everyone receives exactly the messages of a run without it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from tests.conftest import PG_URL
from tests.reliability.figures import record
from tests.reliability.mmbot import SCRIPT, BotProcess, play, received, say, stage
from tests.reliability.pg import dedicated
from tests.reliability.world import until

pytestmark = pytest.mark.skipif(not PG_URL, reason="TEST_DATABASE_URL is not set")
TAKEOVER = 3.0
HA = {"ha": {"enabled": True, "takeover_seconds": TAKEOVER}}


@pytest.mark.timeout(240)
async def test_the_standby_takes_over_and_nothing_is_lost_or_doubled(tmp_path: Path) -> None:
    reference, _ = await play(tmp_path / "reference", f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    async with dedicated("failover") as database, stage(tmp_path) as world:
        first = BotProcess(tmp_path / "a", world.fake, world.ca_file, database.url, HA)
        second = BotProcess(tmp_path / "b", world.fake, world.ca_file, database.url, HA)
        try:
            first.start()
            await first.ready()
            second.start()
            await until(lambda: "standby" in second.log(), within=60)
            await asyncio.sleep(TAKEOVER)
            assert not await second.is_ready()  # standby: no platform connection
            kill_at = 3  # "anonyme": the case is created and offered
            for n, (who, text) in enumerate(SCRIPT):
                say(world, who, text)
                if n == kill_at:
                    await asyncio.sleep(0.02)
                    first.kill()
                    killed = time.monotonic()
                    await second.ready(within=TAKEOVER + 20)
                    takeover = time.monotonic() - killed
                    assert takeover < TAKEOVER + 5, takeover
                    record(**{"+failovers": 1, "^takeover_s": round(takeover, 2)})
                    first.start()  # a killed replica that restarts stays standby
                await world.quiet()
            assert received(world) == reference
            assert not await first.is_ready()
            assert "Traceback" not in first.log() + second.log()
        finally:
            assert second.stop() in (0, None), second.log()[-3000:]
            first.stop()
