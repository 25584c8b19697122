"""One transaction for everything a handled event does: its claim, its state changes and
the messages it produces (the transactional outbox).

`Sessions` stands where an `async_sessionmaker` stood. Inside `unit()` (a context
variable, so per task), every store operation joins the unit's session: a plain session
becomes the unit's own, `begin()` a savepoint (an expected IntegrityError then undoes its
own statement only). Outside a unit, each operation has its own short transaction, as
before. On SQLite a unit starts with `BEGIN IMMEDIATE`: it takes the write lock first,
instead of failing when another writer committed since it began reading; and the writers
of one process queue in turn (an asyncio lock per engine) rather than in SQLite's busy
handler, which is not fair: under load a writer could starve there until its timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from collections.abc import AsyncIterator
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

IMMEDIATE = "soutien_immediate"


class _Unit:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.open = True


_current: ContextVar[_Unit | None] = ContextVar("soutien_unit", default=None)
_writers: weakref.WeakKeyDictionary[Any, asyncio.Lock] = weakref.WeakKeyDictionary()


def _queue_of(engine: AsyncEngine) -> asyncio.Lock | None:
    """SQLite has one writer at a time: this process's writers wait their turn here."""
    if engine.dialect.name != "sqlite":
        return None
    return _writers.setdefault(engine.sync_engine, asyncio.Lock())


class Sessions:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.maker = async_sessionmaker(engine, expire_on_commit=False)
        self._queue = _queue_of(engine)

    @contextlib.asynccontextmanager
    async def _turn(self) -> AsyncIterator[None]:
        if self._queue is None:
            yield
            return
        async with self._queue:
            yield

    @staticmethod
    def _joined() -> AsyncSession | None:
        unit = _current.get()
        return unit.session if unit is not None and unit.open else None

    @contextlib.asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        session = self._joined()
        if session is not None:
            yield session
            return
        async with self.maker() as own:
            yield own

    @contextlib.asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncSession]:
        session = self._joined()
        if session is not None:
            async with session.begin_nested():
                yield session
            return
        async with self._turn(), self.maker.begin() as own:
            # a write transaction takes SQLite's write lock first: read-then-write would
            # fail at once ("database is locked") when another connection wrote meanwhile
            await own.connection(execution_options={IMMEDIATE: True})
            yield own

    @contextlib.asynccontextmanager
    async def unit(self) -> AsyncIterator[None]:
        """Everything inside commits together, or not at all (nested units join)."""
        if self._joined() is not None:
            yield
            return
        async with self._turn(), self.maker() as session:
            await session.connection(execution_options={IMMEDIATE: True})
            unit = _Unit(session)
            token = _current.set(unit)
            try:
                yield
                await session.commit()
            except BaseException:
                await session.rollback()
                raise
            finally:
                unit.open = False
                _current.reset(token)


def sqlite_transactions(engine: AsyncEngine) -> None:
    """SQLAlchemy's recipe for pysqlite/aiosqlite: the driver leaves transactions alone
    and SQLAlchemy emits BEGIN (so that SAVEPOINT works); a unit asks BEGIN IMMEDIATE."""

    @event.listens_for(engine.sync_engine, "connect")
    def _no_driver_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(IMMEDIATE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
