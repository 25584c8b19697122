"""The encryption store's own key: random, kept wrapped by the secret key (adapter state).

The store (olm account, sessions) is pickled on disk with this key. It is drawn at random
once and kept in the key-value table, whose values are encrypted with `security.secret_key`:
rotating the secret key re-wraps it (`keys rotate`) and the device lives on. A store written
before the key was kept this way was pickled with a key derived from the secret: that one is
adopted, so the device is kept there too.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from adapters.matrix.base import NS
from bot.ports import KeyValue

PICKLE_KEY = "pickle_key"


def has_store(store_path: Path) -> bool:
    return store_path.is_dir() and any(store_path.glob("*.db"))


async def pickle_key(state: KeyValue, store_path: Path, derived: str) -> str:
    """The store's key: the one kept, else the derived one for an existing store, else new."""
    kept = await state.get(NS, PICKLE_KEY)
    if kept:
        return kept
    key = derived if has_store(store_path) else secrets.token_urlsafe(32)
    if await state.add(NS, PICKLE_KEY, key):
        return key
    return await state.get(NS, PICKLE_KEY) or key  # another replica drew it first
