"""Tchap / Matrix adapter on matrix-nio, end-to-end encrypted.

- one persistent device: credentials kept (encrypted) in the bot's database, the nio
  store on disk with a real pickle key; a lost store means a new device, said in the log;
- no loss, no duplicate: our own sync token is saved only once the events before it are
  handled, the first sync after start is `full_state`, handled event ids are remembered,
  and sends use transaction ids derived from the event that caused them;
- undecryptable events: keys are requested and decryption retried; the person is told
  only after a grace period;
- about one message per second per room (Tchap's guidance), 429s honoured by nio;
- reconnection with backoff and jitter, state changes logged, never message text.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    JoinError,
    LoginResponse,
    MegolmEvent,
    RoomCreateError,
    RoomPreset,
    RoomSendResponse,
    RoomVisibility,
    SyncError,
    SyncResponse,
    WhoamiResponse,
)
from nio.event_builders import EnableEncryptionBuilder

from adapters.matrix import content
from adapters.matrix.crosssigning import CrossSigning, CrossSigningError
from bot.copies import Copies
from bot.locales import t
from bot.messages import Address, IncomingMessage, MessageId, OutgoingMessage
from bot.ports import KeyValue, MessageHandler

log = logging.getLogger(__name__)
PLATFORM = "matrix"
NS = "matrix"


@dataclass(frozen=True)
class MatrixOptions:
    homeserver: str
    user_id: str
    pickle_key: str
    store_path: Path
    password: str | None = None
    access_token: str | None = None
    device_name: str = "Soutien"
    allowed_servers: tuple[str, ...] = ()
    min_send_interval: float = 1.0
    undecryptable_grace: float = 60.0
    sync_timeout_ms: int = 30_000
    max_backoff: float = 60.0
    locale: str = "fr"


@dataclass
class _Pending:
    room_id: str
    event: MegolmEvent
    since: float = field(default_factory=time.monotonic)


class _Checkpoint:
    """Marks the end of one sync's events in the queue: its token may now be saved."""

    def __init__(self, token: str) -> None:
        self.token = token


class MatrixAdapter:
    platform = PLATFORM

    def __init__(self, options: MatrixOptions, state: KeyValue) -> None:
        self.options = options
        self.state = state
        self.client: AsyncClient | None = None
        self.copies = Copies(state)
        self._queue: asyncio.Queue[tuple[str, Any] | _Checkpoint] = asyncio.Queue()
        self._pending: dict[str, _Pending] = {}
        self._last_send: dict[str, float] = {}
        self._room_locks: dict[str, asyncio.Lock] = {}
        self._stopping = asyncio.Event()
        self._synced = asyncio.Event()
        self._position: str | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._cross_signed = False

    # connection -------------------------------------------------------------------

    def _new_client(self) -> AsyncClient:
        config = AsyncClientConfig(
            encryption_enabled=True,
            store_sync_tokens=False,
            pickle_key=self.options.pickle_key,
            max_timeouts=0,  # our loop reconnects, with jitter, and says so
            request_timeout=self.options.sync_timeout_ms / 1000 + 30,
        )
        self.options.store_path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return AsyncClient(
            self.options.homeserver,
            self.options.user_id,
            store_path=str(self.options.store_path),
            config=config,
        )

    async def _login(self) -> AsyncClient:
        """Restore the one device we have, or log in once and remember it."""
        client = self._new_client()
        saved = await self.state.get(NS, "credentials")
        if saved:
            creds = json.loads(saved)
            store = self.options.store_path / f"{creds['user_id']}_{creds['device_id']}.db"
            if store.exists():
                client.restore_login(creds["user_id"], creds["device_id"], creds["access_token"])
                log.info("matrix: restored device %s", creds["device_id"])
                return client
            log.warning(
                "matrix: the encryption store of device %s is missing; logging in "
                "as a new device (old encrypted history is unreadable)",
                creds["device_id"],
            )
        if self.options.access_token and not saved:
            client.access_token = self.options.access_token
            who = await client.whoami()
            if isinstance(who, WhoamiResponse) and who.device_id:
                await self._remember(who.user_id, who.device_id, self.options.access_token)
                client.restore_login(who.user_id, who.device_id, self.options.access_token)
                return client
        if not self.options.password:
            raise RuntimeError("matrix: no usable credentials (set matrix.password)")
        response = await client.login(self.options.password, device_name=self.options.device_name)
        if not isinstance(response, LoginResponse):
            raise RuntimeError(f"matrix: login refused ({getattr(response, 'status_code', '?')})")
        await self._remember(response.user_id, response.device_id, response.access_token)
        log.info("matrix: logged in as a new device %s", response.device_id)
        return client

    async def _remember(self, user: str, device: str, token: str) -> None:
        """Keep the device for life (in the database, encrypted like every value)."""
        creds = {"user_id": user, "device_id": device, "access_token": token}
        await self.state.put(NS, "credentials", json.dumps(creds))

    async def run(self, on_message: MessageHandler) -> None:
        self.client = await self._login()
        worker = asyncio.create_task(self._work(on_message))
        try:
            await self._sync_forever()
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker

    async def _sync_forever(self) -> None:
        assert self.client is not None
        failures, first = 0, True
        while not self._stopping.is_set():
            try:
                # In memory: where the last sync ended. In the database: where the
                # handled events end (a restart starts there; handled ids drop repeats).
                since = self._position or await self.state.get(NS, "sync_token")
                response = await self.client.sync(
                    timeout=0 if first else self.options.sync_timeout_ms,
                    since=since,
                    full_state=first,
                )
                if isinstance(response, SyncError):
                    raise ConnectionError(f"sync refused: {response.status_code}")
            except (OSError, TimeoutError, ConnectionError, aiohttp.ClientError) as exc:
                failures += 1
                delay = min(self.options.max_backoff, 2.0 ** min(failures, 6))
                delay *= random.uniform(0.5, 1.5)
                log.warning(
                    "matrix: homeserver unreachable (%s); retrying in %.1f s",
                    type(exc).__name__,
                    delay,
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), delay)
                continue
            if failures or first:
                log.info("matrix: connected (after %d failed attempts)", failures)
            failures, first = 0, False
            self._position = response.next_batch
            await self._after_sync(response)
            self._synced.set()

    async def _after_sync(self, response: SyncResponse) -> None:
        client = self.client
        assert client is not None
        if client.should_upload_keys:
            await client.keys_upload()
        if not self._cross_signed:
            await self._cross_sign()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())
        await client.send_to_device_messages()
        for room_id, info in response.rooms.invite.items():
            await self._invited(room_id, info.invite_state)
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                await self._event(room_id, event)
        await self._retry_undecrypted()
        await self._queue.put(_Checkpoint(response.next_batch))

    async def _cross_sign(self) -> None:
        """Once our device keys are on the server: vouch for the device (retried until done)."""
        assert self.client is not None
        try:
            await CrossSigning(self.client, self.state, self.options.password).ensure()
            self._cross_signed = True  # done, or refused for a reason logged as an error
        except (CrossSigningError, OSError, TimeoutError, aiohttp.ClientError) as exc:
            log.warning("matrix: cross-signing not done yet (%s); retrying later", exc)

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
            self._pending[event.event_id] = _Pending(room_id, event)
            # Never hold the sync loop on a key request: it runs beside it, bounded.
            task = asyncio.create_task(self._request_key(event))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

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

    # invitations and rooms ----------------------------------------------------------

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
        sender = invite.sender
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
            await self.state.put(NS + ".dm", sender, room_id)
            await self.state.put(NS + ".room", room_id, "dm:" + sender)
            log.info("matrix: joined a direct conversation")
        else:
            await self._notice(room_id, t(self.options.locale, "private_only"))
            await self.client.room_leave(room_id)

    async def _room_of(self, room_id: str, sender: str) -> tuple[str, str | None] | None:
        """('dm', None) or ('case', REF) for a room we know; learn 1:1 rooms we joined."""
        kind = await self.state.get(NS + ".room", room_id)
        if kind is None:
            assert self.client is not None
            room = self.client.rooms.get(room_id)
            if room is None or room.member_count != 2 or sender not in room.users:
                return None
            kind = "dm:" + sender
            await self.state.put(NS + ".room", room_id, kind)
            await self.state.put(NS + ".dm", sender, room_id)
        if kind.startswith("case:"):
            return "case", kind.split(":", 1)[1]
        return ("dm", None) if kind == "dm:" + sender else None

    # handling, in order, apart from the sync loop ------------------------------------

    async def _work(self, on_message: MessageHandler) -> None:
        while True:
            item = await self._queue.get()
            if isinstance(item, _Checkpoint):
                await self.state.put(NS, "sync_token", item.token)
                continue
            room_id, event = item
            if await self.state.get(NS + ".event", event.event_id) is not None:
                continue  # handled before a restart
            place = await self._room_of(room_id, event.sender)
            if place is not None:
                _kind, ref = place
                read = content.read(event)
                await on_message(
                    IncomingMessage(
                        Address(PLATFORM, event.sender),
                        read.text,
                        handle=event.sender,
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

    # sending --------------------------------------------------------------------

    async def send(self, message: OutgoingMessage) -> None:
        await self._synced.wait()
        user = message.to.user_id
        room_id = await (
            self._case_room(message.case_ref, user) if message.case_ref else self._dm(user)
        )
        if room_id is None:
            log.warning("matrix: no room could be opened with a recipient; message not sent")
            return
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

    async def _dm(self, user: str) -> str | None:
        room_id = await self.state.get(NS + ".dm", user)
        if room_id:
            return room_id
        room_id = await self._create(user, name=None, direct=True)
        if room_id:
            await self.state.put(NS + ".dm", user, room_id)
            await self.state.put(NS + ".room", room_id, "dm:" + user)
        return room_id

    async def _case_room(self, ref: str, user: str) -> str | None:
        key = f"{ref}|{user}"
        room_id = await self.state.get(NS + ".case", key)
        if room_id:
            return room_id
        room_id = await self._create(user, name=f"Demande {ref}", direct=False)
        if room_id:
            await self.state.put(NS + ".case", key, room_id)
            await self.state.put(NS + ".room", room_id, "case:" + ref)
        return room_id

    async def _create(self, user: str, name: str | None, direct: bool) -> str | None:
        """A private, encrypted room with one person (Tchap DMs take two members at most)."""
        assert self.client is not None
        response = await self.client.room_create(
            visibility=RoomVisibility.private,
            name=name,
            is_direct=direct,
            preset=RoomPreset.trusted_private_chat,
            invite=[user],
            initial_state=[EnableEncryptionBuilder().as_dict()],
        )
        if isinstance(response, RoomCreateError):
            log.warning("matrix: room creation refused (%s)", response.status_code)
            return None
        room_id: str = response.room_id
        # Before writing, nio must know the room and the invitation (a sync later):
        # the room key is shared with the members it knows, and no one else.
        for _ in range(400):
            room = self.client.rooms.get(room_id)
            if room is not None and user in room.users:
                break
            await asyncio.sleep(0.05)
        else:
            log.warning("matrix: a new room was not seen in time; writing anyway")
        return room_id

    async def stop(self) -> None:
        self._stopping.set()
        if self.client is not None:
            await self.client.close()
