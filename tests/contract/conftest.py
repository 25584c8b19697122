"""The contract suite's store: memory, SQLite, and PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.ports import Store
from storage.memory import MemoryStore
from storage.store import SqlStore
from tests.conftest import PG_URL, _reset_postgres, make_store


@pytest.fixture(params=["memory", "sqlite", "postgres"])
async def any_store(request: pytest.FixtureRequest, sqlite_url: str) -> AsyncIterator[Store]:
    if request.param == "memory":
        yield MemoryStore()
        return
    url = sqlite_url
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip("TEST_DATABASE_URL is not set")
        await _reset_postgres(PG_URL)
        url = PG_URL
    store: SqlStore = await make_store(url)
    yield store
    await store.engine.dispose()
