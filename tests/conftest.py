from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

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
