"""The rooms the bot writes in: a person's direct conversation, a case's own room.

Tchap's DMs take two members at most, so a listener gets a separate private, encrypted
room per case ("Demande K7Q2"). The database maps person → DM, case → room and room →
what it is, so that the place of a message says whose and which case it is.
"""

from __future__ import annotations

import asyncio
import logging

from nio import RoomCreateError, RoomPreset, RoomVisibility
from nio.event_builders import EnableEncryptionBuilder

from adapters.matrix.base import NS, PLATFORM
from adapters.matrix.login import Login
from bot.locales import t
from bot.messages import Address

log = logging.getLogger(__name__)


class Rooms(Login):
    async def _room_of(self, room_id: str, sender: str) -> tuple[str, str | None] | None:
        """('dm', None) or ('case', REF) for a room we know; learn 1:1 rooms we joined."""
        kind = await self.state.get(NS + ".room", room_id)
        if kind is None:
            assert self.client is not None
            room = self.client.rooms.get(room_id)
            if room is None or room.member_count != 2 or sender not in room.users:
                return None
            kind = "dm:" + sender
            await self.state.put(NS + ".room", room_id, kind, owner=Address(PLATFORM, sender))
            await self.state.put(NS + ".dm", sender, room_id, owner=Address(PLATFORM, sender))
        if kind.startswith("case:"):
            return "case", kind.split(":", 1)[1]
        return ("dm", None) if kind == "dm:" + sender else None

    async def _dm(self, user: str) -> str | None:
        async with self._opening("dm|" + user):
            room_id = await self.state.get(NS + ".dm", user)
            if room_id:
                return room_id
            room_id = await self._create(user, name=None, direct=True)
            if room_id:
                owner = Address(PLATFORM, user)
                await self.state.put(NS + ".dm", user, room_id, owner=owner)
                await self.state.put(NS + ".room", room_id, "dm:" + user, owner=owner)
            return room_id

    async def _case_room(self, ref: str, user: str) -> str | None:
        key = f"{ref}|{user}"
        async with self._opening("case|" + key):
            room_id = await self.state.get(NS + ".case", key)
            if room_id:
                return room_id
            name = t(None, "case_room_name", ref=ref)
            room_id = await self._create(user, name=name, direct=False)
            if room_id:
                owner = Address(PLATFORM, user)
                await self.state.put(NS + ".case", key, room_id, owner=owner)
                await self.state.put(NS + ".room", room_id, "case:" + ref, owner=owner)
            return room_id

    def _opening(self, key: str) -> asyncio.Lock:
        """One lock per room to open: whoever comes second while it is being created
        finds it (a look-up then a creation, not atomic by themselves, would open two).
        Only the active replica sends (fencing), so a lock in this process suffices."""
        lock = self._openings.get(key)
        if lock is None:
            lock = self._openings[key] = asyncio.Lock()
        return lock

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
        # Nothing is written before the invitee joins (waiting.py): by then nio knows the
        # room and its members, and the room key reaches every device there.
        return str(response.room_id)
