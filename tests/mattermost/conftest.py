"""The bot, in-process, against the fake Mattermost server over TLS."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import trustme

from adapters.mattermost import MattermostAdapter, MattermostOptions
from bot.clock import SystemClock
from bot.context import Context, Policy
from bot.core import Bot
from bot.ids import ListenerId, Platform
from bot.messages import Address
from bot.ops import OpsServer
from bot.people import Listener, Roster
from bot.runtime import Runtime
from storage.crypto import FieldCipher
from storage.database import ping
from storage.keyvalue import SqlKeyValue
from tests.conftest import SECRET, make_store
from tests.harness import answers
from tests.matrix.synapse import free_port
from tests.mattermost.fake import FakeMattermost

COMMAND_TOKEN = "slash-command-token-0123456789"


@dataclass
class MM:
    fake: FakeMattermost
    adapter: MattermostAdapter
    bot: str
    ids: dict[str, str]
    http: str  # what the Mattermost server calls
    ops: str  # /healthz, /readyz, /metrics (the same server unless bound apart)

    def posts_to(self, name: str) -> list[dict[str, Any]]:
        return self.fake.bot_posts_to(self.bot, self.ids[name])

    def say(self, name: str, text: str, root_id: str = "", **more: Any) -> dict[str, Any]:
        return self.fake.say(self.ids[name], self.bot, text, root_id, **more)

    async def until(self, condition: Callable[[], Any], within: float = 20) -> Any:
        deadline = time.monotonic() + within
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("condition not met in time")
            await asyncio.sleep(0.05)

    async def expect(self, name: str, needle: str, within: float = 20) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            return next((p for p in self.posts_to(name) if needle in p["message"]), None)

        try:
            post: dict[str, Any] = await self.until(found, within)
        except AssertionError:
            seen = [p["message"][:60] for p in self.posts_to(name)]
            raise AssertionError(f"{name} never got {needle!r}; got {seen}") from None
        return post

    def count(self, name: str, needle: str) -> int:
        return sum(needle in p["message"] for p in self.posts_to(name))


@contextlib.asynccontextmanager
async def running(
    tmp_path: Path, url: str | None = None, ops_apart: bool = False
) -> AsyncIterator[MM]:
    """The bot on the fake server, with its HTTP server, on SQLite or the database `url`;
    `ops_apart`: the operations endpoints on an address of their own."""
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(server_tls)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    fake = FakeMattermost(ssl_context=server_tls)
    bot = fake.add_user("soutien", token="bot-token")
    ids = {name: fake.add_user(name) for name in ("alice", "bob", "camille", "dominique", "claude")}
    await fake.start()
    store = await make_store(url or f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    port = free_port()
    adapter = MattermostAdapter(
        MattermostOptions(
            url=fake.url,
            token="bot-token",
            public_url=f"http://127.0.0.1:{port}",
            command_tokens=(COMMAND_TOKEN,),
            signing_key=b"s" * 32,
            verify=str(ca_file),
            request_timeout=10,
            max_backoff=0.5,
        ),
        SqlKeyValue(store.engine, FieldCipher(SECRET)),
    )
    roster = Roster(
        (
            Listener(
                ListenerId("camille"),
                "Camille",
                ("DINUM",),
                (Address(Platform.MATTERMOST, "camille"),),
            ),
            Listener(
                ListenerId("dominique"),
                "Dominique",
                (),
                (Address(Platform.MATTERMOST, "dominique"),),
            ),
            Listener(
                ListenerId("claude"),
                "Claude",
                (),
                (Address(Platform.MATTERMOST, "claude"),),
                coordinator=True,
                listens=False,
            ),
        )
    )
    clock = SystemClock()
    ctx = Context(store, roster, clock, answers(), frozenset({Platform.MATTERMOST}), Policy())
    ops_listen = f"127.0.0.1:{free_port()}" if ops_apart else None
    ops = OpsServer(f"127.0.0.1:{port}", ops_listen, lambda: ping(store.engine), store)
    task = asyncio.create_task(Runtime(Bot(ctx), [adapter], clock, tick_every=1).run(ops))
    http = f"http://127.0.0.1:{port}"
    world = MM(fake, adapter, bot, ids, http, f"http://{ops_listen}" if ops_listen else http)
    try:
        await world.until(lambda: adapter._connected)
        yield world
    finally:
        await adapter.stop()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, 60)  # bounded: the teardown of one test never hangs
        await fake.stop()
        await store.engine.dispose()


@pytest.fixture
async def mm(tmp_path: Path) -> AsyncIterator[MM]:
    async with running(tmp_path) as world:
        yield world
