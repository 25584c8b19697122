"""The KeyValue port on SQLAlchemy: hashed keys, encrypted values."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from storage.crypto import FieldCipher
from storage.tables import KeyValueRow


class SqlKeyValue:
    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.cipher = cipher
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

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
        """One statement and one commit (an upsert), whether the key is new or not."""
        row = {
            "namespace": namespace,
            "key_hash": self._hash(namespace, key),
            "value_enc": self.cipher.encrypt(value),
            "updated_at": datetime.now(UTC),
        }
        statement = self._insert(KeyValueRow).values(**row)
        statement = statement.on_conflict_do_update(
            index_elements=["namespace", "key_hash"],
            set_={"value_enc": statement.excluded.value_enc, "updated_at": row["updated_at"]},
        )
        async with self.sessions.begin() as s:
            await s.execute(statement)

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
