"""A dedicated PostgreSQL database that a test may cut off (outage) and give back."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.engine import make_url

from tests.conftest import PG_URL


def _admin_dsn(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql", database="postgres")
    return parsed.render_as_string(hide_password=False)


class Database:
    def __init__(self, url: str, name: str) -> None:
        self.name = name
        self.url = make_url(url).set(database=name).render_as_string(hide_password=False)
        self._admin = _admin_dsn(url)

    async def _run(self, *statements: str) -> None:
        admin = await asyncpg.connect(self._admin)
        try:
            for statement in statements:
                await admin.execute(statement)
        finally:
            await admin.close()

    async def create(self) -> None:
        await self._run(
            f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true'
            if await self._exists()
            else "SELECT 1",
            f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
            f'CREATE DATABASE "{self.name}"',
        )

    async def _exists(self) -> bool:
        admin = await asyncpg.connect(self._admin)
        try:
            return bool(
                await admin.fetchval("SELECT 1 FROM pg_database WHERE datname=$1", self.name)
            )
        finally:
            await admin.close()

    async def cut(self) -> None:
        """Refuse new connections and end the open ones."""
        await self._run(
            f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false',
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()",
        )

    async def give_back(self) -> None:
        await self._run(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')

    async def drop(self) -> None:
        await self._run(
            f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true',
            f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
        )


@contextlib.asynccontextmanager
async def dedicated(suffix: str) -> AsyncIterator[Database]:
    assert PG_URL is not None
    base = make_url(PG_URL).database or "soutien"
    database = Database(PG_URL, f"{base}_{suffix}")
    await database.create()
    try:
        yield database
    finally:
        await database.drop()
