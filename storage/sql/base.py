"""What every SQL store module shares: the engine, sessions and the field cipher."""

from __future__ import annotations

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


def listener_of(value: str | None) -> ListenerId | None:
    return ListenerId(value) if value is not None else None
