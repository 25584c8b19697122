"""The driver's WebSocket, fixed for `wss://` (driver issue #115) and for our own loop.

One call to `connect` is one connection: it returns or raises when the connection
ends, and the adapter decides when to reconnect (with backoff and jitter).
"""

from __future__ import annotations

import ssl
from collections.abc import Awaitable, Callable
from typing import Any

import websockets
from mattermostdriver.websocket import Websocket


def client_tls(verify: bool | str) -> ssl.SSLContext:
    """A *client* TLS context (the driver builds a server one)."""
    context = ssl.create_default_context(cafile=verify if isinstance(verify, str) else None)
    if verify is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


class ClientTlsWebsocket(Websocket):  # type: ignore[misc]
    async def connect(self, event_handler: Callable[[str], Awaitable[None]]) -> None:
        options: dict[str, Any] = self.options
        secure = options["scheme"] == "https"
        scheme = "wss://" if secure else "ws://"
        url = f"{scheme}{options['url']}:{options['port']}{options['basepath']}/websocket"
        self._alive = True
        context = client_tls(options["verify"]) if secure else None
        async with websockets.connect(url, ssl=context, open_timeout=10) as websocket:
            await self._authenticate_websocket(websocket, event_handler)
            while self._alive:
                await self._start_loop(websocket, event_handler)
