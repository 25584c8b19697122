"""The KeyValue port on SQLAlchemy: hashed keys, encrypted values.

Each row also keeps its key (and the person it is about) encrypted, so `keys rotate` can
hash it again with a new key, and `oubli` can erase what an adapter keeps about someone.
A key hashed with an old key (`security.old_secret_keys`) is still found, and moved to the
current key on the spot.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.messages import Address
from storage.crypto import FieldCipher
from storage.tables import KeyValueRow


def kv_lookup(namespace: str, key: str) -> str:
    return f"kv\x00{namespace}\x00{key}"


def owner_lookup(platform: str, user_id: str) -> str:
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
    return str(plain["k"]), Address(owner[0], owner[1]) if owner else None


class SqlKeyValue:
    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.cipher = cipher
        self.sessions = async_sessionmaker(engine, expire_on_commit=False)

    def _hash(self, namespace: str, key: str) -> str:
        return self.cipher.lookup(kv_lookup(namespace, key))

    def _owner_hash(self, owner: Address | None) -> str | None:
        return self.cipher.lookup(owner_lookup(owner.platform, owner.user_id)) if owner else None

    async def _find(self, s: AsyncSession, namespace: str, key: str) -> KeyValueRow | None:
        """The row, under the current key; one found under an old key is moved to it."""
        row: KeyValueRow | None = await s.scalar(
            select(KeyValueRow).where(
                KeyValueRow.namespace == namespace,
                KeyValueRow.key_hash == self._hash(namespace, key),
            )
        )
        if row is not None:
            if row.key_enc is None:  # written before keys were kept: keep it now
                row.key_enc = key_blob(self.cipher, key, None)
            return row
        for old in self.cipher.old_lookups(kv_lookup(namespace, key)):
            row = await s.scalar(
                select(KeyValueRow).where(
                    KeyValueRow.namespace == namespace, KeyValueRow.key_hash == old
                )
            )
            if row is not None:
                known = read_key_blob(self.cipher, row.key_enc)
                owner = known[1] if known else None
                row.key_hash = self._hash(namespace, key)
                row.key_enc = key_blob(self.cipher, key, owner)
                row.owner_hash = self._owner_hash(owner)
                row.value_enc = self.cipher.recrypt(row.value_enc)
                return row
        return None

    async def get(self, namespace: str, key: str) -> str | None:
        for _ in range(2):  # a second time if another replica moved the same row
            try:
                async with self.sessions.begin() as s:
                    row = await self._find(s, namespace, key)
                    return self.cipher.decrypt(row.value_enc) if row is not None else None
            except IntegrityError:
                continue
        return None

    async def put(self, namespace: str, key: str, value: str, owner: Address | None = None) -> None:
        for attempt in range(3):
            try:
                async with self.sessions.begin() as s:
                    row = await self._find(s, namespace, key)
                    if row is None:
                        s.add(self._row(namespace, key, value, owner))
                        return
                    row.value_enc = self.cipher.encrypt(value)
                    row.updated_at = datetime.now(UTC)
                    if owner is not None:
                        row.key_enc = key_blob(self.cipher, key, owner)
                        row.owner_hash = self._owner_hash(owner)
                    return
            except IntegrityError:  # inserted by someone else meanwhile: update it
                if attempt == 2:
                    raise

    async def add(
        self, namespace: str, key: str, value: str = "", owner: Address | None = None
    ) -> bool:
        try:
            async with self.sessions.begin() as s:
                if await self._find(s, namespace, key) is not None:
                    return False
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
