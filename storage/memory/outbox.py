"""The outbox, claims and dead letters in memory. A unit is not a transaction here
(nothing survives the process anyway): the SQL store is the one that commits together."""

from __future__ import annotations

import contextlib
import itertools
import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from datetime import datetime

from bot.ids import Platform
from bot.messages import OutgoingMessage
from bot.ports import Queued


class MemoryOutbox:
    def __init__(self) -> None:
        super().__init__()
        self.claims: set[tuple[str, str]] = set()
        self.outbox: dict[int, Queued] = {}
        self.dead_letters: dict[str, tuple[str, str, int, datetime]] = {}
        self._outbox_ids = itertools.count(1)

    def unit(self) -> AbstractAsyncContextManager[None]:
        return _no_transaction()

    async def claim_event(self, platform: Platform, event_id: str, now: datetime) -> bool:
        if (platform, event_id) in self.claims:
            return False
        self.claims.add((platform, event_id))
        return True

    async def enqueue(self, messages: Sequence[OutgoingMessage], now: datetime) -> list[int]:
        ids = []
        for message in messages:
            row_id = next(self._outbox_ids)
            keyed = replace(message, idempotency_key=secrets.token_hex(16))
            conversation = f"{message.to.platform}\x00{message.to.user_id}"
            self.outbox[row_id] = Queued(row_id, keyed, conversation, 0)
            ids.append(row_id)
        return ids

    async def pending(self, platform: Platform, limit: int) -> list[Queued]:
        rows = [q for q in self.outbox.values() if q.message.to.platform == platform]
        return sorted(rows, key=lambda q: q.id)[:limit]

    async def sent(self, row_id: int) -> None:
        self.outbox.pop(row_id, None)

    async def drop(self, row_id: int) -> None:
        self.outbox.pop(row_id, None)

    async def failed(self, row_id: int) -> int:
        row = self.outbox.get(row_id)
        if row is None:
            return 0
        self.outbox[row_id] = replace(row, tries=row.tries + 1)
        return row.tries + 1

    async def dead_letter(self, source: str, reason: str, tries: int, now: datetime) -> str:
        ref = "X" + secrets.token_hex(3).upper()[:5]
        self.dead_letters[ref] = (source, reason, tries, now)
        return ref

    async def ping(self) -> bool:
        return True


@contextlib.asynccontextmanager
async def _no_transaction() -> AsyncIterator[None]:
    yield
