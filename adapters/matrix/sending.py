"""Sending: into the right room, encrypted for every device there, at Tchap's pace.

About one message per second per room (Tchap's guidance); 429s are honoured by nio and
every failure is retried with backoff. A transaction id derived from the event that
caused a message lets the homeserver drop a repeat after a restart. A reply or an edit
of relayed words points at their copy on this side when the bot knows the pair.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import random
import time
from typing import Any

import aiohttp
from nio import RoomSendResponse, UploadResponse

from adapters.matrix import content
from adapters.matrix.base import NS, PLATFORM
from adapters.matrix.rooms import Rooms
from bot.locales import t
from bot.messages import MessageId, OutgoingMessage

log = logging.getLogger(__name__)


class Sending(Rooms):
    async def send(self, message: OutgoingMessage) -> None:
        await self._synced.wait()
        room_id = await self._room_for(message)
        if room_id is None:
            log.warning("matrix: no room could be opened with a recipient; message not sent")
            return
        await self._place(room_id, message)

    async def send_image(self, message: OutgoingMessage) -> None:
        """An `m.image` in the recipient's direct room, caption as its body; in an
        encrypted room the file is encrypted before upload (the keys travel in the
        event, itself encrypted)."""
        assert message.image is not None and self.client is not None
        await self._synced.wait()
        room_id = await self._dm(message.to.user_id)
        if room_id is None:
            log.warning("matrix: no room could be opened with a recipient; image not sent")
            return
        image = message.image
        room = self.client.rooms.get(room_id)
        encrypted = room is not None and room.encrypted
        response, keys = await self.client.upload(
            lambda *_: io.BytesIO(image.data),
            image.mime,
            image.name,
            encrypt=encrypted,
            filesize=len(image.data),
        )
        if not isinstance(response, UploadResponse):
            log.warning("matrix: image upload failed (%s)", type(response).__name__)
            return
        body: dict[str, Any] = {
            "msgtype": "m.image",
            "body": message.text or image.name,
            "filename": image.name,
            "info": {"mimetype": image.mime, "size": len(image.data)},
        }
        if keys is not None:
            body["file"] = {**keys, "url": response.content_uri}
        else:
            body["url"] = response.content_uri
        await self._post(room_id, body, message.idempotency_key)

    async def _place(self, room_id: str, message: OutgoingMessage) -> None:
        """Where a message for `room_id` goes now (a room waiting for its guest holds it)."""
        await self._deliver(room_id, message)

    async def _room_for(self, message: OutgoingMessage) -> str | None:
        user = message.to.user_id
        return await (
            self._case_room(message.case_ref, user) if message.case_ref else self._dm(user)
        )

    async def _deliver(self, room_id: str, message: OutgoingMessage) -> None:
        room = self.client.rooms.get(room_id) if self.client else None
        if message.relayed and (room is None or not room.encrypted):
            log.warning("matrix: refusing to relay into a room that is not encrypted")
            await self._notice(room_id, t(self.options.locale, "unencrypted_room"))
            return
        copy = message.copy
        reply_to = replaces = None
        if copy is not None and copy.replaces is not None:
            replaces = await self.copies.copy_of(copy.case_ref, copy.replaces, PLATFORM)
            replaces = replaces if await self._in(room_id, replaces) else None
        if copy is not None and copy.reply_to is not None:
            reply_to = await self.copies.twin(copy.case_ref, copy.reply_to, PLATFORM)
            reply_to = reply_to if await self._in(room_id, reply_to) else None
        body = content.outgoing(message, reply_to=reply_to, replaces=replaces)
        sent = await self._post(room_id, body, message.idempotency_key)
        if sent is not None:
            await self.state.put(NS + ".event", sent, room_id)
            if copy is not None and copy.original is not None and replaces is None:
                await self.copies.remember(copy.case_ref, copy.original, MessageId(PLATFORM, sent))

    async def _in(self, room_id: str, event_id: str | None) -> bool:
        """Whether an event we handled or sent is in this room (replies stay in a room)."""
        return event_id is not None and await self.state.get(NS + ".event", event_id) == room_id

    async def _notice(self, room_id: str, text: str) -> None:
        await self._post(room_id, content.plain(text), None)

    async def _post(self, room_id: str, payload: dict[str, Any], key: str | None) -> str | None:
        """Send one message (retrying until it is accepted); its event id."""
        assert self.client is not None
        tx_id = hashlib.sha256(f"{room_id}|{key}".encode()).hexdigest()[:32] if key else None
        await self._know_devices(room_id)
        lock = self._room_locks.setdefault(room_id, asyncio.Lock())
        async with lock:
            wait = self._last_send.get(room_id, 0.0) + self.options.min_send_interval
            if (delay := wait - time.monotonic()) > 0:
                await asyncio.sleep(delay)
            for attempt in range(1, 1_000):
                try:
                    response = await self.client.room_send(
                        room_id,
                        "m.room.message",
                        payload,
                        tx_id=tx_id,
                        ignore_unverified_devices=True,
                    )
                except (OSError, TimeoutError, aiohttp.ClientError) as exc:
                    response = exc
                if isinstance(response, RoomSendResponse):
                    self._last_send[room_id] = time.monotonic()
                    return str(response.event_id)
                delay = min(self.options.max_backoff, 2.0 ** min(attempt, 6)) * random.random()
                log.warning(
                    "matrix: send failed (%s); retrying in %.1f s", type(response).__name__, delay
                )
                await asyncio.sleep(delay)
        return None

    async def _know_devices(self, room_id: str) -> None:
        """Query the devices of members we have none for: otherwise they could not read us."""
        client = self.client
        assert client is not None and client.olm is not None
        room = client.rooms.get(room_id)
        if room is None:
            return
        unknown = {
            u
            for u in room.users
            if u != self.options.user_id and not list(client.device_store.active_user_devices(u))
        }
        if unknown:
            client.olm.users_for_key_query.update(unknown)
        if client.should_query_keys:
            await client.keys_query()
        for _ in range(3):  # without an Olm session, a device would not get the room key
            missing = client.get_missing_sessions(room_id)
            if not missing:
                return
            await client.keys_claim(missing)
