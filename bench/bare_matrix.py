"""The floor for Matrix: a bare matrix-nio relay with end-to-end encryption, nothing else.

Run as its own process: `python -m bench.bare_matrix HOMESERVER USER PASSWORD STORE A B`.
It joins every invitation; a message from A is sent to the room it shares with B and back;
anyone else gets one greeting (the "first reply"). Same client library, same E2EE and the
same sync long-poll as the bot's adapter, with no database and no routing.
"""

from __future__ import annotations

import asyncio
import os
import sys

from nio import AsyncClient, AsyncClientConfig, InviteMemberEvent, MatrixRoom, RoomMessageText


async def main(homeserver: str, user: str, password: str, store: str, a: str, b: str) -> None:
    os.makedirs(store, exist_ok=True)
    client = AsyncClient(
        homeserver,
        user,
        store_path=store,
        config=AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True),
    )
    await client.login(password)
    other = {a: b, b: a}

    def room_with(person: str) -> str | None:
        return next((r for r, room in client.rooms.items() if person in room.users), None)

    async def on_message(room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == user:
            return
        if event.sender in other:
            target, text = room_with(other[event.sender]), f"[relay] {event.body}"
        else:
            target, text = room.room_id, "bonjour"
        if target is not None:
            content = {"msgtype": "m.text", "body": text}
            await client.room_send(
                target, "m.room.message", content, ignore_unverified_devices=True
            )

    async def on_invite(room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key == user and event.membership == "invite":
            await client.join(room.room_id)

    client.add_event_callback(on_message, RoomMessageText)
    client.add_event_callback(on_invite, InviteMemberEvent)
    await client.sync(timeout=0, full_state=True)
    print("ready", flush=True)
    try:
        await client.sync_forever(timeout=30000, full_state=True)
    finally:
        await client.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:7]))
