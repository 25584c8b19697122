"""Before the bot starts on a database: its schema is this version's and the configured
keys are its data's. What waiting cannot fix raises DatabaseUnusable (one line, exit 2);
a PostgreSQL server that is not up yet is waited for, with back-off (before migrating too)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from alembic.runtime.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.backoff import Backoff, pause
from storage.crypto import FieldCipher
from storage.database import DatabaseUnusable, head
from storage.keycheck import KEY, holds_data, throwaway, verify, where

log = logging.getLogger(__name__)


async def check_schema(engine: AsyncEngine) -> None:
    """Raise unless the database is at this version's revision."""
    async with engine.connect() as connection:
        current = await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
    target = head()
    if current != target:
        raise DatabaseUnusable(
            f"storage.url: {where(engine)} is at revision {current or '(empty)'}, this Soutien "
            f"needs {target}: run `soutien-bot db upgrade` (or set storage.auto_migrate: true)"
        )


async def check(
    engine: AsyncEngine, cipher: FieldCipher | None, seal: bool = False, scratch: bool = False
) -> None:
    """The schema, then the key. `cipher` None: the console demo's throwaway key, which
    may only start on a database that holds nothing, or on one it wrote itself (marked so;
    with `seal`, an empty one is marked); `scratch`: reading without a key (nothing written)."""
    await check_schema(engine)
    if cipher is not None:
        await verify(engine, cipher, seal)
    elif not scratch and not await throwaway(engine, mark=False) and await holds_data(engine):
        raise DatabaseUnusable(
            f"{KEY} is not set, and the database holds data "
            f"({where(engine)}): the console demo would "
            "write under a throwaway key. Set the key, or point storage.url at a new file"
        )
    elif seal:
        await throwaway(engine, mark=True)


async def patiently(
    engine: AsyncEngine,
    attempt: Callable[[], Awaitable[None]],
    stopping: asyncio.Event | None = None,
) -> bool:
    """Run `attempt`; while PostgreSQL cannot be reached (not up yet, refusing
    connections), wait with back-off and run it again. False: stopped while waiting.
    What waiting will not fix (DatabaseUnusable) and SQLite's errors are raised."""
    backoff = Backoff(base=0.5, cap=30.0)
    while True:
        try:
            await attempt()
            return True
        except DatabaseUnusable:
            raise
        except Exception as exc:
            if engine.dialect.name == "sqlite":
                raise
            if stopping is not None and stopping.is_set():
                return False
            delay = backoff.next_delay()
            log.error(
                "storage.url: the database %s is not ready (%s); retrying in %.1f s",
                server(engine),
                cause(exc),
                delay,
            )
            await pause(delay, stopping)


def server(engine: AsyncEngine) -> str:
    """Where a PostgreSQL database is, for a log line: no password, and not as `user@host`
    (the log scrubbing would take `@host:port` for a Matrix id and hide it)."""
    url = engine.url
    user = f" as {url.username}" if url.username else ""
    return f"{url.host or '(local socket)'}:{url.port or 5432}/{url.database or ''}{user}"


def cause(exc: BaseException) -> str:
    """An exception as one short line: its type and the first line of its text."""
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def ready(
    engine: AsyncEngine, cipher: FieldCipher | None, stopping: asyncio.Event | None = None
) -> bool:
    """`check`, sealing the key check value, `patiently` (SQLite has no server to wait
    for: its errors are raised). False: stopped while waiting."""
    return await patiently(engine, lambda: check(engine, cipher, seal=True), stopping)
