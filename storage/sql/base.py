"""What every SQL store module shares: the engine, sessions and the field cipher."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.ids import ListenerId
from storage.crypto import FieldCipher
from storage.sql.unit import Sessions

REF_ATTEMPTS = 20  # random references are drawn again on a collision


class SqlBase:
    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.engine = engine
        self.cipher = cipher
        self.sessions = Sessions(engine)

    def upsert(self, row: type[Any], values: Mapping[str, object], update: Iterable[str]) -> Any:
        """INSERT of `values`, or UPDATE of the `update` columns when the primary key is
        taken: one statement, so two transactions creating the same row at once do not
        collide (a read-then-insert fails in the later one on PostgreSQL)."""
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        statement = insert(row).values(**values)
        keys = [column.name for column in row.__table__.primary_key]
        return statement.on_conflict_do_update(
            index_elements=keys, set_={name: statement.excluded[name] for name in update}
        )


def listener_of(value: str | None) -> ListenerId | None:
    return ListenerId(value) if value is not None else None
