"""The operations server: `/healthz`, `/readyz`, `/metrics`, whatever the platforms.

One aiohttp server owned by the runtime. Adapters that need HTTP callbacks (Mattermost's
buttons and slash commands) add their routes to it (`http_routes()`); the operations
endpoints can be bound to another address (`http.ops_listen`), away from what the chat
server calls.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot import metrics
from bot.cases import CaseState
from bot.ports import Adapter

log = logging.getLogger(__name__)
Ping = Callable[[], Awaitable[None]]
PING_TIMEOUT = 3.0


class CaseCounts(Protocol):
    async def count_by_state(self) -> dict[CaseState, int]: ...


def connected(adapter: Adapter) -> bool:
    """An adapter says whether it is connected (`connected`); one that does not always is."""
    return bool(getattr(adapter, "connected", True))


def split(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)


class OpsServer:
    def __init__(
        self, listen: str, ops_listen: str | None, ping: Ping, cases: CaseCounts | None = None
    ) -> None:
        self.listen = listen
        self.ops_listen = ops_listen
        self.ping = ping
        self.cases = cases
        self.adapters: Sequence[Adapter] = ()
        self._runners: list[web.AppRunner] = []

    async def start(self, adapters: Iterable[Adapter]) -> None:
        """Listen; raises OSError when an address cannot be bound."""
        self.adapters = list(adapters)
        callbacks: list[web.AbstractRouteDef] = []
        for adapter in self.adapters:
            metrics.RECONNECTS.labels(adapter.platform)  # shown from the start, at 0
            routes = getattr(adapter, "http_routes", None)
            if routes is not None:
                callbacks += routes()
        ops: list[web.AbstractRouteDef] = [
            web.get("/healthz", self.healthz),
            web.get("/readyz", self.readyz),
            web.get("/metrics", self.metrics),
        ]
        try:
            if self.ops_listen is None:
                await self._serve(self.listen, callbacks + ops)
            else:
                if callbacks:
                    await self._serve(self.listen, callbacks)
                await self._serve(self.ops_listen, ops)
        except BaseException:
            await self.stop()
            raise

    async def _serve(self, listen: str, routes: list[web.AbstractRouteDef]) -> None:
        app = web.Application(client_max_size=64 * 1024)
        app.add_routes(routes)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        self._runners.append(runner)
        host, port = split(listen)
        await web.TCPSite(runner, host, port).start()
        log.info("http: listening on %s (%s)", listen, ", ".join(_paths(routes)))

    async def stop(self) -> None:
        runners, self._runners = self._runners, []
        for runner in runners:
            await runner.cleanup()

    # endpoints --------------------------------------------------------------------

    async def healthz(self, _: web.Request) -> web.Response:
        """Liveness: the process and its event loop answer."""
        return web.Response(text="ok\n")

    async def database(self) -> str | None:
        """None when the database answers, else why not (an exception's name)."""
        try:
            await asyncio.wait_for(self.ping(), PING_TIMEOUT)
        except TimeoutError:
            return "timeout"
        except Exception as exc:  # noqa: BLE001 - any failure means not reachable
            return type(exc).__name__
        return None

    async def readyz(self, _: web.Request) -> web.Response:
        """Readiness: the database answers and every configured platform is connected."""
        problem = await self.database()
        platforms = {a.platform: connected(a) for a in self.adapters}
        ready = problem is None and all(platforms.values())
        body: dict[str, Any] = {
            "ready": ready,
            "database": "reachable" if problem is None else f"unreachable ({problem})",
            "adapters": {p: "connected" if ok else "not connected" for p, ok in platforms.items()},
        }
        return web.json_response(body, status=200 if ready else 503)

    async def metrics(self, _: web.Request) -> web.Response:
        problem = await self.database()
        metrics.DATABASE_UP.set(problem is None)
        for adapter in self.adapters:
            metrics.CONNECTED.labels(adapter.platform).set(connected(adapter))
        if problem is None and self.cases is not None:
            try:
                counts = await self.cases.count_by_state()
            except Exception as exc:  # noqa: BLE001 - the other metrics still matter
                log.warning("metrics: cases could not be counted (%s)", type(exc).__name__)
            else:
                metrics.cases_by_state(
                    {state.value: n for state, n in counts.items()},
                    tuple(state.value for state in CaseState),
                )
        return web.Response(
            body=generate_latest(metrics.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )


def _paths(routes: list[web.AbstractRouteDef]) -> list[str]:
    return [str(getattr(r, "path", "?")) for r in routes]
