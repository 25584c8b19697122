"""The KeyValue port on SQLAlchemy: hashed keys, encrypted values.

Each row also keeps its key (and the person it is about) encrypted, so `keys rotate` can
hash it again with a new key, and `oubli` can erase what an adapter keeps about someone.
A key hashed with an old key (`security.old_secret_keys`) is still found, and moved to the
current key on the spot.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.ids import Platform
from bot.messages import Address
from storage.crypto import FieldCipher
from storage.sql.unit import Sessions
from storage.tables import KeyValueRow


def kv_lookup(namespace: str, key: str) -> str:
    return f"kv\x00{namespace}\x00{key}"


def owner_lookup(platform: Platform, user_id: str) -> str:
    return f"kv-owner\x00{platform}\x00{user_id}"


def key_blob(cipher: FieldCipher, key: str, owner: Address | None) -> bytes | None:
    """The key and its owner, encrypted: what rotation needs to hash them again."""
    plain = {"k": key, "o": [owner.platform, owner.user_id] if owner else None}
    return cipher.encrypt(json.dumps(plain, ensure_ascii=False))


def read_key_blob(cipher: FieldCipher, blob: bytes | None) -> tuple[str, Address | None] | None:
    if blob is None:
        return None
    plain = json.loads(cipher.decrypt(blob) or "{}")
    owner = plain.get("o")
    return str(plain["k"]), Address(Platform(owner[0]), owner[1]) if owner else None


class SqlKeyValue:
    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.cipher = cipher
        self.sessions = Sessions(engine)
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    def _hash(self, namespace: str, key: str) -> str:
        return self.cipher.lookup(kv_lookup(namespace, key))

    def _owner_hash(self, owner: Address | None) -> str | None:
        return self.cipher.lookup(owner_lookup(owner.platform, owner.user_id)) if owner else None

    # Every write below is one statement in its own transaction: on SQLite a transaction
    # that reads and then writes can fail at once ("database is locked") under concurrency.

    async def _move_old(self, namespace: str, key: str) -> None:
        """A row hashed with an old key (`old_secret_keys`) moves to the current key."""
        for old in self.cipher.old_lookups(kv_lookup(namespace, key)):
            async with self.sessions() as s:
                row = await s.scalar(
                    select(KeyValueRow).where(
                        KeyValueRow.namespace == namespace, KeyValueRow.key_hash == old
                    )
                )
            if row is None:
                continue
            known = read_key_blob(self.cipher, row.key_enc)
            owner = known[1] if known else None
            try:
                async with self.sessions.begin() as s:
                    await s.execute(
                        update(KeyValueRow)
                        .where(KeyValueRow.id == row.id, KeyValueRow.key_hash == old)
                        .values(
                            key_hash=self._hash(namespace, key),
                            key_enc=key_blob(self.cipher, key, owner),
                            owner_hash=self._owner_hash(owner),
                            value_enc=self.cipher.recrypt(row.value_enc),
                        )
                    )
            except IntegrityError:  # written meanwhile under the current key: that one wins
                async with self.sessions.begin() as s:
                    await s.execute(delete(KeyValueRow).where(KeyValueRow.id == row.id))
            return

    async def get(self, namespace: str, key: str) -> str | None:
        where = (
            KeyValueRow.namespace == namespace,
            KeyValueRow.key_hash == self._hash(namespace, key),
        )
        async with self.sessions() as s:
            row = (
                await s.execute(select(KeyValueRow.value_enc, KeyValueRow.key_enc).where(*where))
            ).first()
        if row is None and self.cipher.has_old_keys:
            await self._move_old(namespace, key)
            async with self.sessions() as s:
                row = (
                    await s.execute(
                        select(KeyValueRow.value_enc, KeyValueRow.key_enc).where(*where)
                    )
                ).first()
        if row is None:
            return None
        if row.key_enc is None:  # written before keys were kept: keep it now, for rotation
            async with self.sessions.begin() as s:
                await s.execute(
                    update(KeyValueRow)
                    .where(*where, KeyValueRow.key_enc.is_(None))
                    .values(key_enc=key_blob(self.cipher, key, None))
                )
        return self.cipher.decrypt(row.value_enc)

    async def put(self, namespace: str, key: str, value: str, owner: Address | None = None) -> None:
        """One statement and one commit (an upsert), whether the key is new or not."""
        if self.cipher.has_old_keys:
            await self._move_old(namespace, key)
        row = {
            "namespace": namespace,
            "key_hash": self._hash(namespace, key),
            "value_enc": self.cipher.encrypt(value),
            "key_enc": key_blob(self.cipher, key, owner),
            "owner_hash": self._owner_hash(owner),
            "updated_at": datetime.now(UTC),
        }
        statement = self._insert(KeyValueRow).values(**row)
        kept: dict[str, object] = {
            "value_enc": statement.excluded.value_enc,
            "updated_at": row["updated_at"],
            # a row written before keys were kept learns its key; its owner is only replaced
            # by a known one
            "key_enc": func.coalesce(KeyValueRow.key_enc, statement.excluded.key_enc),
        }
        if owner is not None:
            kept["key_enc"] = statement.excluded.key_enc
            kept["owner_hash"] = statement.excluded.owner_hash
        statement = statement.on_conflict_do_update(
            index_elements=["namespace", "key_hash"], set_=kept
        )
        async with self.sessions.begin() as s:
            await s.execute(statement)

    async def add(
        self, namespace: str, key: str, value: str = "", owner: Address | None = None
    ) -> bool:
        if self.cipher.has_old_keys:
            await self._move_old(namespace, key)
        try:
            async with self.sessions.begin() as s:
                s.add(self._row(namespace, key, value, owner))
            return True
        except IntegrityError:
            return False

    async def forget(self, owner: Address) -> int:
        """Erase every row about this person (under the current or an old key)."""
        text = owner_lookup(owner.platform, owner.user_id)
        hashes = [self.cipher.lookup(text), *self.cipher.old_lookups(text)]
        async with self.sessions.begin() as s:
            done = await s.execute(delete(KeyValueRow).where(KeyValueRow.owner_hash.in_(hashes)))
        return int(done.rowcount)  # type: ignore[attr-defined]

    def _row(self, namespace: str, key: str, value: str, owner: Address | None) -> KeyValueRow:
        return KeyValueRow(
            namespace=namespace,
            key_hash=self._hash(namespace, key),
            value_enc=self.cipher.encrypt(value),
            key_enc=key_blob(self.cipher, key, owner),
            owner_hash=self._owner_hash(owner),
            updated_at=datetime.now(UTC),
        )
