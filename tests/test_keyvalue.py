"""The key-value store on SQLite and PostgreSQL: one upsert per put, values encrypted."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.crypto import FieldCipher
from storage.keyvalue import SqlKeyValue
from storage.store import SqlStore
from storage.tables import KeyValueRow
from tests.conftest import SECRET


async def test_put_adds_then_replaces_and_add_never_replaces(any_store: SqlStore) -> None:
    kv = SqlKeyValue(any_store.engine, FieldCipher(SECRET))
    assert await kv.get("ns", "k") is None
    await kv.put("ns", "k", "un")
    await kv.put("ns", "k", "deux")
    await kv.put("other", "k", "trois")
    assert await kv.get("ns", "k") == "deux" and await kv.get("other", "k") == "trois"
    assert not await kv.add("ns", "k", "quatre")
    assert await kv.add("ns", "k2", "cinq") and await kv.get("ns", "k2") == "cinq"
    async with any_store.engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(KeyValueRow)) == 3
        values = (await conn.execute(select(KeyValueRow.value_enc))).scalars().all()
    assert all(b"deux" not in (v or b"") for v in values)  # stored encrypted
