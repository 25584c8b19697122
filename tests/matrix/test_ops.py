"""The bot's HTTP server on a Matrix-only configuration (`soutien-bot run` against a real
Synapse): /healthz, /readyz following the homeserver and the database, /metrics."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.conftest import StoppableDatabase
from tests.matrix.conftest import BotProcess
from tests.matrix.synapse import Synapse
from tests.mattermost.test_ops import sample


async def get(url: str) -> tuple[int, Any]:
    try:
        async with aiohttp.ClientSession() as session, session.get(url) as r:
            is_json = "json" in r.content_type
            return r.status, await (r.json() if is_json else r.text())
    except aiohttp.ClientConnectionError:
        return 0, None


async def until_status(bot: BotProcess, path: str, status: int, within: float = 60) -> Any:
    deadline = time.monotonic() + within
    while True:
        got, body = await get(f"{bot.http}{path}")
        if got == status:
            return body
        assert bot.process is not None and bot.process.poll() is None, bot.log()[-3000:]
        if time.monotonic() > deadline:
            raise AssertionError(f"{path}: {got} {body}, not {status}\n{bot.log()[-3000:]}")
        await asyncio.sleep(0.3)


def _bot(synapse: Synapse, folder: Path, storage_url: str | None = None) -> BotProcess:
    coordinator = synapse.register(f"claude-ops-{folder.name[-12:]}", "password-0123456789")
    # one address per listener (a shared one is refused); the listeners need no account here
    roster = {n: f"@{n}-absent:localhost" for n in ("camille", "dominique")}
    roster["claude"] = coordinator
    return BotProcess(folder, synapse, roster, storage_url=storage_url)


async def test_endpoints_on_matrix_only(synapse: Synapse, tmp_path: Path) -> None:
    bot = _bot(synapse, tmp_path)
    bot.start()
    try:
        assert await until_status(bot, "/healthz", 200) == "ok\n"
        ready = await until_status(bot, "/readyz", 200)
        assert ready == {
            "ready": True,
            "database": "reachable",
            "adapters": {"matrix": "connected"},
        }
        status, metrics = await get(f"{bot.http}/metrics")
        assert status == 200
        assert sample(metrics, 'soutien_adapter_connected{platform="matrix"}') == 1
        assert sample(metrics, 'soutien_adapter_reconnects_total{platform="matrix"}') == 0
        assert sample(metrics, 'soutien_cases{state="waiting"}') == 0
        assert sample(metrics, "soutien_database_up") == 1
        assert bot.user_id not in metrics
    finally:
        bot.stop()


async def test_readiness_follows_the_database_on_matrix_only(
    synapse: Synapse, tmp_path: Path, stoppable_database: StoppableDatabase
) -> None:
    bot = _bot(synapse, tmp_path, stoppable_database.url)
    bot.start()
    try:
        await until_status(bot, "/readyz", 200)
        await stoppable_database.stop()
        body = await until_status(bot, "/readyz", 503)
        assert body["database"].startswith("unreachable")
        assert body["adapters"] == {"matrix": "connected"}
        assert (await get(f"{bot.http}/healthz"))[0] == 200
        await stoppable_database.start()
        await until_status(bot, "/readyz", 200)
    finally:
        bot.stop()
