"""Two replicas, one active: a PostgreSQL session advisory lock on a dedicated connection.

The standby tries the lock every `takeover/5` seconds; PostgreSQL releases it when its
holder's connection ends (a SIGKILL closes the socket at once; a dead host is noticed by
TCP keepalives, set short on this connection). The holder confirms it still holds the
lock every `check` seconds on the same connection, and `held()` (the fencing check before
each side effect) is false once a confirmation is late or failed. A new holder waits
three checks before acting, so the old one has fenced itself by then.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)
LOCK_KEY = 0x536F7574  # "Sout": one active replica per database
_KEEPALIVE = (
    "SET tcp_keepalives_idle = {idle}",
    "SET tcp_keepalives_interval = {interval}",
    "SET tcp_keepalives_count = 3",
)


class AdvisoryLease:
    def __init__(self, url: str, takeover_seconds: float = 15.0) -> None:
        self.engine = create_async_engine(url, poolclass=NullPool)
        self.takeover = takeover_seconds
        self.check = max(0.2, min(1.0, takeover_seconds / 10))
        self.lost = asyncio.Event()
        self._connection: AsyncConnection | None = None
        self._confirmed = 0.0
        self._keeper: asyncio.Task[None] | None = None

    async def acquire(self, stopping: asyncio.Event) -> bool:
        announced = False
        while not stopping.is_set():
            try:
                if await self._try():
                    break
            except Exception as exc:  # noqa: BLE001 - the database may be down: try again
                log.warning("ha: lock not reachable (%s)", type(exc).__name__)
                await self._close()
            if not announced:
                log.warning("ha: standby; another replica is active")
                announced = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), self.takeover / 5)
        if stopping.is_set():
            return False
        # the old holder has fenced itself by now; a SIGTERM meanwhile: never active
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), 3 * self.check)
        if stopping.is_set():
            return False
        self._confirmed = time.monotonic()
        self._keeper = asyncio.create_task(self._keep())
        log.warning("ha: this replica is now active")
        return True

    async def _try(self) -> bool:
        if self._connection is None:
            self._connection = await self.engine.connect()
            seconds = max(1, int(self.takeover / 3))
            for statement in _KEEPALIVE:
                idle, interval = seconds, max(1, seconds // 3)
                await self._connection.execute(text(statement.format(idle=idle, interval=interval)))
            await self._connection.commit()
        got = await self._connection.scalar(text(f"SELECT pg_try_advisory_lock({LOCK_KEY})"))
        await self._connection.commit()
        return bool(got)

    async def _keep(self) -> None:
        query = text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            f"AND pid = pg_backend_pid() AND objid = {LOCK_KEY}"
        )
        while True:
            await asyncio.sleep(self.check)
            try:
                assert self._connection is not None
                mine = await asyncio.wait_for(self._connection.scalar(query), self.check * 2)
                await self._connection.commit()
            except Exception as exc:  # noqa: BLE001 - connection lost: so is the lock
                log.error("ha: lost the lock's connection (%s); stepping down", type(exc).__name__)
                break
            if not mine:
                log.error("ha: the lock is no longer held; stepping down")
                break
            self._confirmed = time.monotonic()
        self._confirmed = 0.0
        self.lost.set()

    def held(self) -> bool:
        return self._keeper is not None and time.monotonic() - self._confirmed < 2 * self.check

    async def release(self) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
        await self._close()
        await self.engine.dispose()

    async def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.close()
            self._connection = None
