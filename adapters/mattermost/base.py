"""What every part of the Mattermost adapter shares: its options and its state."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from adapters.mattermost.relaying import Relaying
from adapters.mattermost.rest import Rest, driver_options
from adapters.mattermost.websocket import ClientTlsWebsocket
from bot.ids import Platform
from bot.lanes import Lanes
from bot.messages import IncomingMessage
from bot.ports import KeyValue, MessageHandler

PLATFORM = Platform.MATTERMOST
NS = "mattermost"


@dataclass(frozen=True)
class MattermostOptions:
    url: str
    token: str
    public_url: str
    command_tokens: tuple[str, ...]
    signing_key: bytes
    verify: bool | str = True
    request_timeout: float = 15.0
    max_backoff: float = 60.0
    locale: str = "fr"


class MattermostBase:
    """The adapter's state; each concept (sending, receiving, the HTTP endpoints) is a
    layer over the previous one, and `MattermostAdapter` is the last."""

    def __init__(self, options: MattermostOptions, state: KeyValue) -> None:
        self.options = options
        self.state = state
        self.rest = Rest(
            driver_options(options.url, options.token, options.verify, options.request_timeout)
        )
        self.me: dict[str, Any] = {}
        self.relaying = Relaying(self.rest, state, NS + ".post")
        self._queue: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue()
        self._stopping = asyncio.Event()
        self._connected = False
        self._socket: ClientTlsWebsocket | None = None
        self._capture: tuple[str, list[str]] | None = None
        self._names: dict[str, str] = {}
        # Catch-ups started by a (re)connection: owned, so that stopping ends them while the
        # database is still open (a forgotten one was cancelled at loop close, mid-query, and
        # could hang the test teardown on aiosqlite's close).
        self._background: set[asyncio.Task[None]] = set()
        self._on_message: MessageHandler | None = None
        self._lanes = Lanes()

    async def myself(self) -> dict[str, Any]:
        """The bot's own user, asked once. The sender may need it before the WebSocket
        has connected (rows left by a crash are sent at start-up)."""
        if not self.me:
            self.me = await self.rest.me()
        return self.me

    @property
    def connected(self) -> bool:
        """The WebSocket is open (readiness)."""
        return self._connected

    async def _deliver(self, message: IncomingMessage) -> None:
        if self._on_message is None:  # a callback before the adapter runs
            raise web.HTTPServiceUnavailable(text="starting")
        await self._on_message(message)

    async def _username(self, user_id: str) -> str:
        if user_id not in self._names:
            user = await self.rest.call(self.rest.driver.users.get_user, user_id)
            self._names[user_id] = str(user.get("username") or user_id)
        return self._names[user_id]
