"""A room the bot opens for someone holds its first messages until they have joined.

Why: Element (matrix-js-sdk 37 and its Rust crypto) in "exclude insecure devices" mode
fetches the bot's device keys only once it has joined the room. A message that arrives
before then is marked UNKNOWN_SENDER_DEVICE and never retried, so a listener who never
wrote to the bot could not read their offer. Sending the room key with the sender's
device keys (MSC4147) does not help: the Rust crypto checks the cross-signing of those
keys against the owner's identity, which it still has to fetch (UNSIGNED_SENDER_DEVICE).

So when the bot creates a room (a DM or a case room), what it writes there waits in the
database (encrypted at rest like all adapter state, erased once sent) until the sync
loop sees the invitee join. The messages then go out in order, from a background task:
neither the runtime's lock nor the sync loop waits for them. Each keeps a transaction id
fixed when it was queued, so a restart in the middle sends nothing twice. If the invitee
never joins, the messages wait at most a week (the core's offer expiry moves on to another
listener meanwhile), then they are dropped; if they decline, the messages are dropped,
said in the log, and the next message for them opens a new room.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from dataclasses import asdict, replace
from typing import Any

from nio import MatrixRoom, RoomMemberEvent, SyncResponse

from adapters.matrix.base import NS, MatrixOptions
from adapters.matrix.sending import Sending
from bot.ids import Platform
from bot.messages import Address, Button, Copy, MessageId, OutgoingMessage
from bot.ports import KeyValue

log = logging.getLogger(__name__)
WAITING = NS + ".waiting"  # room id → {"user": invitee, "messages": [...]}
INDEX = "waiting"  # under NS: the rooms that hold messages for someone who has not joined
HELD_AT = "held_at"  # when a message was queued (seconds since the epoch)
MAX_HOLD = 7 * 24 * 3600.0  # longer than any offer: past it, nobody is waiting for these words
EXPIRY_CHECK = 3600.0  # look at most once an hour


class Waiting(Sending):
    def __init__(self, options: MatrixOptions, state: KeyValue) -> None:
        super().__init__(options, state)
        self._waiting: dict[str, str] = {}  # room id → the invitee it waits for
        self._flushing: dict[str, asyncio.Task[None]] = {}
        self._waiting_lock = asyncio.Lock()  # each change of the stored queue is whole
        self._expired_at = 0.0

    async def _load_waiting(self) -> None:
        """At start: the rooms still waiting for someone (they survive a restart)."""
        for room_id in json.loads(await self.state.get(NS, INDEX) or "[]"):
            held = await self._held(room_id)
            if held is not None:
                self._waiting[room_id] = held["user"]

    async def _create(self, user: str, name: str | None, direct: bool) -> str | None:
        room_id = await super()._create(user, name, direct)
        if room_id is not None:
            async with self._waiting_lock:
                await self._keep(room_id, {"user": user, "messages": []})
                self._waiting[room_id] = user
                await self._save_index()
        return room_id

    async def _place(self, room_id: str, message: OutgoingMessage) -> None:
        if not await self._hold(room_id, message):
            await self._deliver(room_id, message)

    async def _hold(self, room_id: str, message: OutgoingMessage) -> bool:
        """Queue `message` if its room still waits for its invitee."""
        async with self._waiting_lock:
            held = await self._held(room_id) if room_id in self._waiting else None
            if held is None:
                return False
            if message.idempotency_key is None:  # fixed now: a resend is dropped by the server
                message = replace(message, idempotency_key=f"waiting:{uuid.uuid4().hex}")
            held["messages"].append({**_encode(message), HELD_AT: time.time()})
            await self._keep(room_id, held)
        return True

    async def _expire_waiting(self, now: float) -> int:
        """Drop what waited longer than `MAX_HOLD` for someone who never joined: a person's
        words are not kept (the offer itself moved on long ago). Returns how many."""
        if now - self._expired_at < EXPIRY_CHECK:
            return 0
        self._expired_at = now
        dropped = 0
        async with self._waiting_lock:
            for room_id in list(self._waiting):
                held = await self._held(room_id)
                if not held:
                    continue
                kept = [m for m in held["messages"] if now - m.get(HELD_AT, now) < MAX_HOLD]
                if len(kept) < len(held["messages"]):
                    dropped += len(held["messages"]) - len(kept)
                    await self._keep(room_id, {**held, "messages": kept})
        if dropped:
            days = MAX_HOLD / 86400
            log.warning("matrix: %d message(s) waited %g days for someone; dropped", dropped, days)
        return dropped

    async def _check_waiting(self, response: SyncResponse) -> None:
        """After each sync: send what waited for someone who joined; drop it if they left."""
        assert self.client is not None
        await self._expire_waiting(time.time())
        for room_id, user in list(self._waiting.items()):
            info = response.rooms.join.get(room_id)
            events = [*info.state, *info.timeline.events] if info is not None else []
            left = [
                e
                for e in events
                if isinstance(e, RoomMemberEvent)
                and e.state_key == user
                and e.membership in ("leave", "ban")
            ]
            room = self.client.rooms.get(room_id)
            if left and (room is None or user not in room.users):
                await self._declined(room_id, user)
            elif _joined(room, user) and room_id not in self._flushing:
                self._flushing[room_id] = self._in_background(self._flush(room_id))

    async def _flush(self, room_id: str) -> None:
        """Send a room's waiting messages in order, then write there as usual."""
        try:
            await asyncio.sleep(self.options.join_settle)
            while True:
                async with self._waiting_lock:
                    held = await self._held(room_id)
                    if not held or not held["messages"]:
                        await self._done(room_id)
                        log.info("matrix: someone joined; the messages kept for them are sent")
                        return
                    message = _decode(held["messages"][0])
                await self._deliver(room_id, message)
                async with self._waiting_lock:
                    held = await self._held(room_id)
                    if held and held["messages"]:
                        held["messages"].pop(0)
                        await self._keep(room_id, held)
        except Exception as exc:  # noqa: BLE001 - tried again after the next sync
            log.warning("matrix: waiting messages not sent yet (%s)", type(exc).__name__)
        finally:
            self._flushing.pop(room_id, None)

    async def _declined(self, room_id: str, user: str) -> None:
        async with self._waiting_lock:
            held = await self._held(room_id)
            count = len(held["messages"]) if held else 0
            await self._done(room_id)
            kind = await self.state.get(NS + ".room", room_id) or ""
            if kind == "dm:" + user:
                await self.state.put(NS + ".dm", user, "")
            elif kind.startswith("case:"):
                await self.state.put(NS + ".case", f"{kind.split(':', 1)[1]}|{user}", "")
        log.warning(
            "matrix: someone declined a room the bot opened; %d waiting message(s) dropped",
            count,
        )

    # the stored queue (call with _waiting_lock held) ---------------------------------

    async def _held(self, room_id: str) -> dict[str, Any] | None:
        raw = await self.state.get(WAITING, room_id)
        return json.loads(raw) if raw else None

    async def _keep(self, room_id: str, held: dict[str, Any]) -> None:
        await self.state.put(WAITING, room_id, json.dumps(held))

    async def _done(self, room_id: str) -> None:
        await self.state.put(WAITING, room_id, "")  # no word of the messages stays
        self._waiting.pop(room_id, None)
        await self._save_index()

    async def _save_index(self) -> None:
        await self.state.put(NS, INDEX, json.dumps(sorted(self._waiting)))


def _joined(room: MatrixRoom | None, user: str) -> bool:
    return room is not None and user in room.users and user not in room.invited_users


def _encode(message: OutgoingMessage) -> dict[str, Any]:
    return asdict(message)


def _decode(data: dict[str, Any]) -> OutgoingMessage:
    copy = data.get("copy")

    def mid(value: dict[str, str] | None) -> MessageId | None:
        return MessageId(Platform(value["platform"]), value["id"]) if value else None

    to = data["to"]
    return OutgoingMessage(
        to=Address(Platform(to["platform"]), to["user_id"]),
        text=data["text"],
        buttons=tuple(Button(**b) for b in data.get("buttons") or ()),
        case_ref=data.get("case_ref"),
        relayed=bool(data.get("relayed")),
        idempotency_key=data.get("idempotency_key"),
        words=tuple(data["words"]) if data.get("words") else None,
        copy=Copy(
            case_ref=copy["case_ref"],
            original=mid(copy.get("original")),
            reply_to=mid(copy.get("reply_to")),
            replaces=mid(copy.get("replaces")),
        )
        if copy
        else None,
    )
