"""The transactional outbox, event claims and dead letters on SQL.

Outbox rows hold a message's text encrypted (the field cipher) only until it is sent:
the row is then deleted. Claims are keyed hashes of platform event ids, purged with ended cases.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError

from bot.ids import Platform
from bot.messages import Address, Button, Copy, Image, MessageId, OutgoingMessage
from bot.ports import Queued
from bot.privacy import PurgeReport
from storage.sql.base import SqlBase
from storage.tables import ClaimRow, DeadLetterRow, OutboxRow

_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class SqlOutbox(SqlBase):
    def unit(self) -> AbstractAsyncContextManager[None]:
        return self.sessions.unit()

    async def claim_event(self, platform: Platform, event_id: str, now: datetime) -> bool:
        key = self.cipher.lookup(f"claim\x00{platform}\x00{event_id}")
        try:
            async with self.sessions.begin() as s:
                s.add(ClaimRow(key_hash=key, created_at=now))
                await s.flush()
        except IntegrityError:
            return False
        return True

    async def enqueue(self, messages: Sequence[OutgoingMessage], now: datetime) -> list[int]:
        rows = [
            OutboxRow(
                platform=m.to.platform,
                conversation=self.cipher.lookup(f"conv\x00{m.to.platform}\x00{m.to.user_id}"),
                key=secrets.token_hex(16),
                message_enc=self.cipher.encrypt(json.dumps(_dump(m))),
                tries=0,
                created_at=now,
            )
            for m in messages
        ]
        if not rows:
            return []
        async with self.sessions.begin() as s:
            s.add_all(rows)
            await s.flush()
            return [r.id for r in rows]

    async def pending(self, platform: Platform, limit: int) -> list[Queued]:
        async with self.sessions() as s:
            rows = (
                await s.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.platform == platform)
                    .order_by(OutboxRow.id)
                    .limit(limit)
                )
            ).all()
        out = []
        for row in rows:
            message = _load(json.loads(self.cipher.decrypt(row.message_enc) or "{}"))
            message = OutgoingMessage(**{**_fields(message), "idempotency_key": row.key})
            out.append(Queued(row.id, message, row.conversation, row.tries))
        return out

    async def sent(self, row_id: int) -> None:
        async with self.sessions.begin() as s:
            await s.execute(delete(OutboxRow).where(OutboxRow.id == row_id))

    async def drop(self, row_id: int) -> None:
        await self.sent(row_id)

    async def failed(self, row_id: int) -> int:
        async with self.sessions.begin() as s:
            await s.execute(
                update(OutboxRow).where(OutboxRow.id == row_id).values(tries=OutboxRow.tries + 1)
            )
            tries = await s.scalar(select(OutboxRow.tries).where(OutboxRow.id == row_id))
        return int(tries or 0)

    async def dead_letter(self, source: str, reason: str, tries: int, now: datetime) -> str:
        for _ in range(20):
            ref = "X" + "".join(secrets.choice(_ALPHABET) for _ in range(5))
            try:
                async with self.sessions.begin() as s:
                    s.add(
                        DeadLetterRow(
                            ref=ref,
                            source=source[:32],
                            reason=reason[:64],
                            tries=tries,
                            created_at=now,
                        )
                    )
                    await s.flush()
                return ref
            except IntegrityError:
                continue
        raise RuntimeError("no free dead-letter reference")

    async def ping(self) -> bool:
        try:
            async with self.sessions.maker() as s:
                await s.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure: not reachable now
            return False
        return True

    async def purge(self, cases_before: datetime, audit_before: datetime) -> PurgeReport:
        report: PurgeReport = await super().purge(cases_before, audit_before)  # type: ignore[misc]
        async with self.sessions.begin() as s:  # a replay comes within hours, not months
            await s.execute(delete(ClaimRow).where(ClaimRow.created_at < cases_before))
        return report


def _fields(m: OutgoingMessage) -> dict[str, Any]:
    return {f: getattr(m, f) for f in OutgoingMessage.__dataclass_fields__}


def _id(value: MessageId | None) -> list[str] | None:
    return [value.platform, value.id] if value is not None else None


def _unid(value: Any) -> MessageId | None:
    return MessageId(Platform(value[0]), str(value[1])) if value else None


def _dump(m: OutgoingMessage) -> dict[str, Any]:
    copy = m.copy
    return {
        "to": [m.to.platform, m.to.user_id],
        "text": m.text,
        "buttons": [[b.label, b.command] for b in m.buttons],
        "case_ref": m.case_ref,
        "relayed": m.relayed,
        "words": list(m.words) if m.words is not None else None,
        "copy": None
        if copy is None
        else [copy.case_ref, _id(copy.original), _id(copy.reply_to), _id(copy.replaces)],
        "image": None
        if m.image is None
        else [m.image.name, base64.b64encode(m.image.data).decode("ascii"), m.image.mime],
    }


def _load(d: dict[str, Any]) -> OutgoingMessage:
    copy = d.get("copy")
    words = d.get("words")
    image = d.get("image")
    return OutgoingMessage(
        Address(Platform(d["to"][0]), str(d["to"][1])),
        str(d["text"]),
        buttons=tuple(Button(str(label), str(cmd)) for label, cmd in d.get("buttons") or []),
        case_ref=d.get("case_ref"),
        relayed=bool(d.get("relayed")),
        words=(int(words[0]), int(words[1])) if words else None,
        copy=None
        if not copy
        else Copy(str(copy[0]), _unid(copy[1]), _unid(copy[2]), _unid(copy[3])),
        image=None
        if not image
        else Image(str(image[0]), base64.b64decode(image[1]), str(image[2])),
    )
