"""Mattermost adapter: DMs over the WebSocket, buttons and slash commands over HTTP
(routes served by the bot's HTTP server, `bot.ops`).

The driver is confined here (`rest`, `websocket`): replacing it touches this package only.
Each concept is a layer over the previous one: base → sending → receiving → http → this
class.
"""

from __future__ import annotations

import asyncio

from adapters.mattermost.base import PLATFORM, MattermostOptions
from adapters.mattermost.http import Http
from bot.ports import MessageHandler

__all__ = ["MattermostAdapter", "MattermostOptions"]


class MattermostAdapter(Http):
    platform = PLATFORM

    async def run(self, on_message: MessageHandler) -> None:
        """Serve until stopped: who the bot is, the WebSocket and the catch-up are all
        inside the reconnection loop (an unreachable server at start is retried)."""
        self._on_message = on_message
        worker = asyncio.create_task(self._work())
        try:
            await self._listen()
        finally:
            pending = [worker, *self._background]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            self.rest.close()

    async def stop(self) -> None:
        self._stopping.set()
        if self._socket is not None:
            self._socket.disconnect()
