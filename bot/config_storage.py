"""What `storage.url` must hold, said before anything connects: a SQLite file, or a
PostgreSQL server and database named in full (libpq would otherwise pick a database of its
own, and migrate it). The URL is read as SQLAlchemy reads it; no message repeats it, since
it may hold a password."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl

_SQLITE = "sqlite+aiosqlite://"
_POSTGRES = "postgresql+asyncpg://"
_SLASHES = (
    "three slashes before a relative path (sqlite+aiosqlite:///./data/soutien.db), four "
    "before an absolute one (sqlite+aiosqlite:////var/lib/soutien/soutien.db)"
)
_FULL = (
    "postgresql+asyncpg://USER:PASSWORD@HOST:5432/NAME, or over a Unix socket "
    "postgresql+asyncpg://USER@/NAME?host=/run/postgresql"
)
# SQLAlchemy's own reading of a URL (sqlalchemy.engine.url._parse_url), kept in step by a test.
_URL = re.compile(
    r"""
    [\w+]+://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?
    (?:/(?P<database>[^?]*))?
    (?:\?(?P<query>.*))?
    """,
    re.X,
)


def storage_url(value: str) -> str:
    """`value` if it names a database this bot can open; else a ValueError saying what is
    missing and how to write it."""
    if value.startswith(_SQLITE):
        _sqlite(value[len(_SQLITE) :].split("?", 1)[0])
    elif value.startswith(_POSTGRES):
        _postgres(value)
    else:
        raise ValueError("must start with sqlite+aiosqlite:/// (a file) or postgresql+asyncpg://")
    return value


def _sqlite(rest: str) -> None:
    if rest and not rest.startswith("/"):
        raise ValueError(f"needs {_SLASHES}")
    path = rest.removeprefix("/")
    if path in ("", ":memory:"):
        raise ValueError(
            "needs a file: sqlite+aiosqlite:///./data/soutien.db (relative to the working "
            "directory) or sqlite+aiosqlite:////abs/path/soutien.db (an in-memory database "
            "would be empty at each connection)"
        )
    if path.endswith("/") or Path(path).is_dir():
        raise ValueError(
            f"{path} is a folder, not a file: name the database file in it, e.g. "
            f"sqlite+aiosqlite:///{path.rstrip('/') or '.'}/soutien.db"
        )


def _postgres(value: str) -> None:
    parts = _URL.fullmatch(value)
    if parts is None:  # the pattern matches any string of this scheme; kept for mypy
        raise ValueError(f"must be written {_FULL}")
    query = dict(parse_qsl(parts["query"] or "", keep_blank_values=True))
    host = parts["ipv4host"] or parts["ipv6host"]
    if host and "@" in host:
        raise ValueError(
            "the host holds an '@': an '@' in the user name or password must be written %40"
        )
    if not (host or query.get("host")):
        raise ValueError(f"names no host (an empty variable in it?): write {_FULL}")
    if not (parts["database"] or query.get("database")):
        raise ValueError(f"names no database (an empty variable in it?): write {_FULL}")
    port = parts["port"]
    if port and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        raise ValueError("the port must be a number from 1 to 65535, e.g. HOST:5432")
    if "sslmode" in query:
        raise ValueError("sslmode= is libpq's: asyncpg takes ssl= instead (e.g. ?ssl=require)")
