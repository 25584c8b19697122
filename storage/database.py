"""Engines and migrations: SQLite by default, PostgreSQL for several replicas."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.configuration import ConfigError
from storage.sql.unit import sqlite_transactions

# A link to the repository's migrations/ (package data: a non-editable install carries them).
MIGRATIONS = Path(__file__).parent / "migrations"
# The one folder created when missing: the default `./data/` on a fresh machine.
DATA_FOLDER = "data"
FOUR_SLASHES = "an absolute path needs four slashes: sqlite+aiosqlite:////abs/path/soutien.db"


class DatabaseUnusable(ConfigError):
    """What waiting will not fix (a missing folder, a read-only file, a schema to migrate,
    a wrong key): one line for the operator, and nothing written."""


class DatabaseFailed(RuntimeError):
    """The start-up's database step failed for another reason (exit 1): the message names
    storage.url, without its password."""


def sqlite_file(url: str) -> Path | None:
    """The SQLite file of `url`, absolute (None for PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    return Path(parsed.database or "").absolute()


def writable_location(url: str) -> None:
    """Raise unless the SQLite file can be created or written where `url` says. Only the
    default `./data/` folder is ever created: a mistyped path is an error, not a new,
    empty database in a folder nobody looks at."""
    path = sqlite_file(url)
    if path is None:
        return
    folder = path.parent
    if not folder.exists() and folder == Path.cwd().absolute() / DATA_FOLDER:
        folder.mkdir()
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise DatabaseUnusable(
            f"storage.url: the folder {folder} {what} (database {path}); create it or fix "
            f"the path ({FOUR_SLASHES})"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseUnusable(
            f"storage.url: {path} is read-only for this user: the bot writes to it"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnusable(
            f"storage.url: the folder {folder} is read-only for this user: SQLite writes "
            "its -wal and -shm files next to the database"
        )


def existing(url: str) -> None:
    """Raise unless the SQLite file exists: read-only commands never create one."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise DatabaseUnusable(
            f"storage.url: no database at {path}: nothing to read (check the path; {FOUR_SLASHES})"
        )


def create_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets WAL, foreign keys, secure delete and a generous busy
    timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Lanes run up to 16 events at once, each in its own transaction, plus the senders.
        return create_async_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    engine = create_async_engine(url, connect_args={"timeout": 30})
    sqlite_transactions(engine)

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # In WAL mode, NORMAL syncs at checkpoints, not at every commit: a committed
        # transaction is in the WAL file (the OS's page cache) before `COMMIT` returns, so
        # it survives the bot's process crashing or being killed; only a power loss or a
        # kernel crash can lose the last commits, and the file stays consistent. FULL
        # (the default) paid one to three fsyncs per relayed message for that.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left
        cursor.close()  # WAL is set once, by `upgrade`, before any engine opens the file

    return engine


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def revision(url: str) -> str | None:
    """The database's current Alembic revision (None: an empty or absent database)."""
    parsed = make_url(url)
    absent = not parsed.database or not Path(parsed.database).exists()
    if parsed.get_backend_name() == "sqlite" and absent:
        return None
    return asyncio.run(_async_revision(url))


async def _async_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
    finally:
        await engine.dispose()


def head() -> str | None:
    """The newest revision this version of Soutien knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def ping(engine: AsyncEngine) -> None:
    """Raise unless the database answers a trivial query."""
    from sqlalchemy import text

    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


def upgrade(url: str) -> None:
    """Apply pending migrations (blocking; call it from a thread inside a running loop)."""
    writable_location(url)
    command.upgrade(alembic_config(url), "head")
    database = make_url(url).database
    if make_url(url).get_backend_name() == "sqlite" and database and database != ":memory:":
        # Persistent in the file; several replicas may then read while one writes.
        with contextlib.closing(sqlite3.connect(database, timeout=30)) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
