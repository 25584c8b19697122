"""Receiving: invitations, people's messages, and events that cannot be read yet.

Events are only queued here; one worker hands them to the core in order, apart from
the sync loop, and remembers each handled event id (nio saves its sync token before
callbacks run, and a restart must neither lose nor repeat a message). An undecryptable
event gets a key request and a retry at each sync; the person is told only after a
grace period.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from nio import InviteMemberEvent, JoinError, MegolmEvent

from adapters.matrix import content
from adapters.matrix.base import NS, PLATFORM, Checkpoint, MatrixOptions
from adapters.matrix.waiting import Waiting
from bot.backoff import Backoff
from bot.lanes import Lanes
from bot.locales import t
from bot.messages import Address, IncomingMessage
from bot.ports import KeyValue, MessageHandler
from bot.text import valid_unicode

log = logging.getLogger(__name__)


@dataclass
class Pending:
    room_id: str
    event: MegolmEvent
    since: float = field(default_factory=time.monotonic)


class Receiving(Waiting):
    def __init__(self, options: MatrixOptions, state: KeyValue) -> None:
        super().__init__(options, state)
        self._pending: dict[str, Pending] = {}

    async def _invited(self, room_id: str, invite_state: list[Any]) -> None:
        assert self.client is not None
        me = self.options.user_id
        invite = next(
            (
                e
                for e in invite_state
                if isinstance(e, InviteMemberEvent)
                and e.state_key == me
                and e.membership == "invite"
            ),
            None,
        )
        if invite is None:
            return
        sender = valid_unicode(invite.sender)
        server = sender.split(":", 1)[-1]
        allowed = not self.options.allowed_servers or server in self.options.allowed_servers
        if not allowed:
            log.info("matrix: refused an invitation from a server not in allowed_servers")
            await self.client.room_leave(room_id)
            return
        joined = await self.client.join(room_id)
        if isinstance(joined, JoinError):
            log.warning("matrix: could not join an invited room (%s)", joined.status_code)
            return
        if invite.content.get("is_direct"):
            owner = Address(PLATFORM, sender)  # erased with the person (`oubli`)
            await self.state.put(NS + ".dm", sender, room_id, owner=owner)
            await self.state.put(NS + ".room", room_id, "dm:" + sender, owner=owner)
            log.info("matrix: joined a direct conversation")
        else:
            await self._notice(room_id, t(self.options.locale, "private_only"))
            await self.client.room_leave(room_id)

    async def _event(self, room_id: str, event: Any) -> None:
        if getattr(event, "sender", None) == self.options.user_id:
            return
        if content.from_person(event):
            await self._queue.put((room_id, event))
        elif (
            isinstance(event, MegolmEvent)
            and event.event_id not in self._pending
            and await self.state.get(NS + ".event", event.event_id) is None
        ):
            self._pending[event.event_id] = Pending(room_id, event)
            # Never hold the sync loop on a key request: it runs beside it, bounded.
            self._in_background(self._request_key(event))

    async def _request_key(self, event: MegolmEvent) -> None:
        assert self.client is not None
        with contextlib.suppress(Exception):  # already requested, no session yet, or slow
            await asyncio.wait_for(self.client.request_room_key(event), 15)

    async def _retry_undecrypted(self) -> None:
        assert self.client is not None
        for event_id, pending in list(self._pending.items()):
            try:
                decrypted = self.client.decrypt_event(pending.event)
            except Exception:  # noqa: BLE001 - the key has not arrived yet
                decrypted = None
            if decrypted is not None and not isinstance(decrypted, MegolmEvent):
                del self._pending[event_id]  # text or not (a file's key arriving late)
                if content.from_person(decrypted):
                    await self._queue.put((pending.room_id, decrypted))
            elif time.monotonic() - pending.since > self.options.undecryptable_grace:
                del self._pending[event_id]
                log.warning("matrix: an event stayed undecryptable; asking the sender to resend")
                await self._notice(pending.room_id, t(self.options.locale, "undecryptable"))
                await self.state.put(NS + ".event", event_id, "undecryptable")

    async def _work(self, on_message: MessageHandler) -> None:
        """Hand events to the core apart from the sync loop: in order per room, rooms side
        by side; the sync token is saved once every event before it was handed over."""
        lanes = Lanes()
        try:
            while True:
                item = await self._queue.get()
                if isinstance(item, Checkpoint):
                    await lanes.settle()
                    await self._retrying(self._hand_over, item, on_message)
                else:
                    job = functools.partial(self._retrying, self._hand_over, item, on_message)
                    await lanes.submit(item[0], job)
        finally:
            await lanes.close()

    async def _retrying(self, work: Any, *args: Any) -> None:
        """A failure (the database down) is retried with back-off: nothing is skipped."""
        backoff = Backoff(base=0.2, cap=self.options.max_backoff)
        while not self._stopping.is_set():
            try:
                await work(*args)
                return
            except Exception as exc:  # noqa: BLE001 - the worker never dies
                delay = await backoff.wait(self._stopping)
                log.error(
                    "matrix: an event could not be handed over (%s); retried after %.1f s",
                    type(exc).__name__,
                    delay,
                )

    async def _hand_over(
        self, item: tuple[str, Any] | Checkpoint, on_message: MessageHandler
    ) -> None:
        if isinstance(item, Checkpoint):
            await self.state.put(NS, "sync_token", item.token)
            return
        room_id, event = item
        if await self.state.get(NS + ".event", event.event_id) is not None:
            return  # handled before a restart
        sender = valid_unicode(event.sender)  # lone surrogates become U+FFFD, at the edge
        place = await self._room_of(room_id, sender)
        if place is not None:
            _kind, ref = place
            read = content.read(event)
            await on_message(
                IncomingMessage(
                    Address(PLATFORM, sender),
                    valid_unicode(read.text),
                    handle=sender,
                    case_ref=ref,
                    event_id=event.event_id,
                    reply_to=read.reply_to,
                    edit_of=read.edit_of,
                    files=read.files,
                    reaction=read.reaction,
                )
            )
        # Handled; the room is kept so that a reply or edit stays in its own room.
        await self.state.put(NS + ".event", event.event_id, room_id)
