"""Load: N requesters at once through the real Synapse (encrypted) and 4 listeners.
Exactly one acknowledgement per requester, one accepted listener per case, every relayed
message delivered exactly once; p50 and p99 of the time to acknowledgement."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.load.crowd import LISTENERS, Crowd
from tests.matrix.conftest import BotProcess
from tests.matrix.synapse import Synapse
from tests.reliability.figures import record


@pytest.mark.timeout(900)
async def test_load_exactly_once(synapse: Synapse, tmp_path: Path) -> None:
    crowd = Crowd(synapse, tmp_path)
    bot = BotProcess(tmp_path, synapse, crowd.roster)
    crowd.configure(bot)
    bot.start()
    try:
        await crowd.start()
        outcome = await crowd.run(bot.user_id)
        record(requesters=len(crowd.names), listeners=len(LISTENERS), **outcome.figures("load"))
        outcome.check(len(crowd.names))
        assert "Traceback" not in bot.log()
    finally:
        try:
            await crowd.close()
        finally:
            bot.stop()
