"""Whether `demo.reset_on_start` may delete a SQLite file: only one the keyless console
demo wrote itself (its mark in place of the key check value) or one that holds nothing.
Read before any engine opens the file, with SQLite alone, and never written."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from storage.keycheck import THROWAWAY
from storage.tables import Base

# Where anything written under a key lives; the roster and the schedule are not data.
_DATA = ("persons", "kv", "cases", "case_notes")


def kept_because(path: Path) -> str | None:
    """Why `path` must be kept, or None when it may go (absent, empty, the demo's own)."""
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return _reason(db)
    except sqlite3.Error as exc:
        return f"it cannot be read as a SQLite database ({exc})"


def _reason(db: sqlite3.Connection) -> str | None:
    listed = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    tables = {name for (name,) in listed if not name.startswith("sqlite_")}  # SQLite's own
    foreign = tables - set(Base.metadata.tables) - {"alembic_version"}
    if foreign:
        return f"it holds tables Soutien does not make ({', '.join(sorted(foreign)[:3])})"
    if "key_check" in tables:
        row = db.execute("SELECT value_enc FROM key_check WHERE id = 1").fetchone()
        if row is not None and bytes(row[0]) == THROWAWAY:
            return None
        if row is not None:
            return "its data were written under a secret key (its key check value says so)"
    for table in _DATA:
        if table in tables and db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return "it holds data that carry no mark of the keyless demo"
    return None
