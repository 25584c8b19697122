"""The KeyValue port on SQLAlchemy: hashed keys, encrypted values."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.crypto import FieldCipher
from storage.sql.unit import Sessions
from storage.tables import KeyValueRow


class SqlKeyValue:
    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.cipher = cipher
        self.sessions = Sessions(engine)

    def _hash(self, namespace: str, key: str) -> str:
        return self.cipher.lookup(f"kv\x00{namespace}\x00{key}")

    async def get(self, namespace: str, key: str) -> str | None:
        async with self.sessions() as s:
            blob = await s.scalar(
                select(KeyValueRow.value_enc).where(
                    KeyValueRow.namespace == namespace,
                    KeyValueRow.key_hash == self._hash(namespace, key),
                )
            )
            return self.cipher.decrypt(blob)

    async def put(self, namespace: str, key: str, value: str) -> None:
        if await self.add(namespace, key, value):
            return
        async with self.sessions.begin() as s:
            await s.execute(
                update(KeyValueRow)
                .where(
                    KeyValueRow.namespace == namespace,
                    KeyValueRow.key_hash == self._hash(namespace, key),
                )
                .values(value_enc=self.cipher.encrypt(value), updated_at=datetime.now(UTC))
            )

    async def add(self, namespace: str, key: str, value: str = "") -> bool:
        try:
            async with self.sessions.begin() as s:
                s.add(
                    KeyValueRow(
                        namespace=namespace,
                        key_hash=self._hash(namespace, key),
                        value_enc=self.cipher.encrypt(value),
                        updated_at=datetime.now(UTC),
                    )
                )
            return True
        except IntegrityError:
            return False
