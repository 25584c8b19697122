"""Start-up like steady state: a homeserver unreachable at start is retried (no traceback,
no exit), the bot serves once it appears, and SIGTERM ends it cleanly (exit 0)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from pathlib import Path

import pytest
import yaml

from tests.matrix.conftest import World
from tests.matrix.synapse import Synapse, free_port


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


async def _forward_to(port: int, listen: int) -> asyncio.Server:
    """The homeserver "appears" at `listen`: a plain TCP relay to the real Synapse."""

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", port)
        await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))

    return await asyncio.start_server(client, "127.0.0.1", listen)


@pytest.mark.timeout(180)
async def test_unreachable_homeserver_at_start_then_serving_then_sigterm(
    synapse: Synapse, tmp_path: Path
) -> None:
    world = World(synapse, tmp_path)
    port = free_port()
    config = yaml.safe_load(world.bot.config.read_text())
    config["matrix"]["homeserver"] = f"http://127.0.0.1:{port}"  # nothing listens yet
    world.bot.config.write_text(yaml.safe_dump(config))
    server: asyncio.Server | None = None
    world.bot.start()
    try:
        await asyncio.sleep(10)  # still running after 10 s…
        assert world.bot.process is not None and world.bot.process.poll() is None
        # …and retrying (on a loaded machine, migrations may still be running at 10 s)
        for _ in range(120):
            if "homeserver unreachable" in world.bot.log():
                break
            assert world.bot.process.poll() is None, world.bot.log()[-2000:]
            await asyncio.sleep(0.5)
        log = world.bot.log()
        assert "homeserver unreachable" in log and "Traceback" not in log
        server = await _forward_to(synapse.port, port)
        for user in world.users.values():
            await user.start()
        room = await world.alice.dm(world.bot.user_id)
        await world.alice.say(room, "bonjour")
        await world.alice.expect("3114")  # within a back-off period (2 s here) and a sync
        started = time.monotonic()
        world.bot.process.send_signal(signal.SIGTERM)
        code = await asyncio.to_thread(world.bot.process.wait, 20)
        assert code == 0, world.bot.log()[-2000:]
        assert time.monotonic() - started < 15
        assert "Traceback" not in world.bot.log()
    finally:
        await world.stop()
        if server is not None:
            server.close()
