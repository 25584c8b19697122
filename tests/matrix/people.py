"""Test users as real nio clients with end-to-end encryption."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    MatrixRoom,
    RoomMessageText,
    RoomPreset,
    RoomVisibility,
)
from nio.event_builders import EnableEncryptionBuilder


@dataclass(frozen=True)
class Received:
    room_id: str
    room_name: str | None
    sender: str
    body: str
    event_id: str = ""
    content: dict[str, Any] = field(default_factory=dict)  # as decrypted

    @property
    def formatted(self) -> str:
        return str(self.content.get("formatted_body", ""))


class MatrixUser:
    def __init__(self, homeserver: str, user_id: str, password: str, store: Path) -> None:
        store.mkdir(parents=True, exist_ok=True)
        self.user_id = user_id
        self.password = password
        self.client = AsyncClient(
            homeserver,
            user_id,
            store_path=str(store),
            config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True),
        )
        self.inbox: list[Received] = []
        self.invites: list[str] = []  # rooms this person was invited to
        self.auto_join = True  # as a person who accepts every invitation at once
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> MatrixUser:
        await self.client.login(self.password)
        self.client.add_event_callback(self._message, RoomMessageText)
        self.client.add_event_callback(self._invite, InviteMemberEvent)
        self._task = asyncio.create_task(self.client.sync_forever(timeout=500, full_state=True))
        return self

    async def _message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender != self.user_id:
            content = event.source.get("content") or {}
            self.inbox.append(
                Received(room.room_id, room.name, event.sender, event.body, event.event_id, content)
            )

    async def _invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key == self.user_id and event.membership == "invite":
            self.invites.append(room.room_id)
            if self.auto_join:
                await self.client.join(room.room_id)

    async def dm(self, other: str) -> str:
        """Open an encrypted direct conversation, as Element/Tchap do, and wait for the join."""
        response = await self.client.room_create(
            visibility=RoomVisibility.private,
            is_direct=True,
            invite=[other],
            preset=RoomPreset.trusted_private_chat,
            initial_state=[EnableEncryptionBuilder().as_dict()],
        )
        room_id: str = response.room_id
        await self.until(lambda: self.joined(room_id, other), within=60)
        return room_id

    def joined(self, room_id: str, other: str) -> bool:
        room = self.client.rooms.get(room_id)
        return room is not None and other in room.users and other not in room.invited_users

    async def say(self, room_id: str, text: str) -> str:
        """Send a plain text message; its event id."""
        return await self.send(room_id, {"msgtype": "m.text", "body": text})

    async def send(self, room_id: str, content: dict[str, Any]) -> str:
        """Send any `m.room.message` content (a reply, an edit, a file…); its event id."""
        await self.until(lambda: room_id in self.client.rooms, within=30)
        await self.ready_to_encrypt(room_id)
        response = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        return str(response.event_id)

    async def ready_to_encrypt(self, room_id: str) -> None:
        """As Element does: know every member's devices and hold an Olm session with each
        before encrypting, or a device would not receive the room key."""
        olm = self.client.olm
        assert olm is not None
        members = [u for u in self.client.rooms[room_id].users if u != self.user_id]
        for _ in range(50):
            unknown = [
                u for u in members if not list(self.client.device_store.active_user_devices(u))
            ]
            olm.users_for_key_query.update(unknown)
            if self.client.should_query_keys:
                await self.client.keys_query()
            missing = self.client.get_missing_sessions(room_id)
            if missing:
                await self.client.keys_claim(missing)
            if not unknown and not self.client.get_missing_sessions(room_id):
                return
            await asyncio.sleep(0.1)

    async def until(self, condition: object, within: float = 60) -> None:
        deadline = time.monotonic() + within
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.1)

    async def expect(self, needle: str, within: float = 60, after: int = 0) -> Received:
        """The first message (from index `after`) containing `needle`."""
        found: list[Received] = []

        def seen() -> bool:
            found[:] = [m for m in self.inbox[after:] if needle in m.body]
            return bool(found)

        try:
            await self.until(seen, within)
        except TimeoutError:
            bodies = [m.body[:80] for m in self.inbox[after:]]
            raise AssertionError(f"{self.user_id} never got {needle!r}; got {bodies}") from None
        return found[0]

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.client.close()
