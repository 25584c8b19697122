from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from storage.crypto import FieldCipher
from storage.database import create_engine, upgrade
from storage.memory import MemoryStore
from storage.store import SqlStore
from tests.harness import Chat

SECRET = "test-secret-key-that-is-long-enough"
PG_URL = os.environ.get("TEST_DATABASE_URL")


async def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def make_store(url: str) -> SqlStore:
    await asyncio.to_thread(upgrade, url)
    return SqlStore(create_engine(url), FieldCipher(SECRET))


class StoppableDatabase:
    """A PostgreSQL database of its own, that a test can stop (no connection accepted, the
    open ones terminated) and start again; dropped at the end."""

    def __init__(self, server_url: str) -> None:
        url = make_url(server_url)
        self.name = f"{url.database}_stop_{uuid.uuid4().hex[:8]}"
        self.url = url.set(database=self.name).render_as_string(hide_password=False)
        self._admin = create_engine(url.set(database="postgres").render_as_string(False))

    async def _run(self, *statements: str) -> None:
        async with self._admin.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            for statement in statements:
                await conn.execute(text(statement))

    async def create(self) -> None:
        await self._run(f'CREATE DATABASE "{self.name}"')

    async def stop(self) -> None:
        await self._run(
            f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false',
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()",
        )

    async def start(self) -> None:
        await self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')

    async def drop(self) -> None:
        await self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        await self._admin.dispose()


@pytest.fixture
async def stoppable_database() -> AsyncIterator[StoppableDatabase]:
    if not PG_URL:
        pytest.skip("TEST_DATABASE_URL is not set")
    database = StoppableDatabase(PG_URL)
    await database.create()
    try:
        yield database
    finally:
        await database.drop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'soutien.db'}"


@pytest.fixture
async def store(sqlite_url: str) -> AsyncIterator[SqlStore]:
    s = await make_store(sqlite_url)
    yield s
    await s.engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
async def any_store(request: pytest.FixtureRequest, sqlite_url: str) -> AsyncIterator[SqlStore]:
    """The same test on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("TEST_DATABASE_URL is not set")
        await _reset_postgres(PG_URL)
        url = PG_URL
    else:
        url = sqlite_url
    s = await make_store(url)
    yield s
    await s.engine.dispose()


@pytest.fixture
async def chat() -> Chat:
    """A conversation on the in-memory store (the contract suite keeps it honest)."""
    return Chat(MemoryStore())
