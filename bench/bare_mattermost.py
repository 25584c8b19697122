"""The floor for Mattermost: a bare relay with mattermostdriver and nothing else.

Run as its own process: `python -m bench.bare_mattermost URL TOKEN CA USER_A USER_B`.
Posts from A in its DM with us are posted to B's DM and back; anyone else gets one
greeting (the "first reply"). The driver is used the way the adapter uses it (REST in
a thread, the driver's WebSocket with TLS), with no database and no routing.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any
from urllib.parse import urlsplit

from mattermostdriver import Driver

from adapters.mattermost.websocket import ClientTlsWebsocket


def options(url: str, token: str, ca: str) -> dict[str, Any]:
    parts = urlsplit(url)
    return {
        "url": parts.hostname,
        "port": parts.port,
        "scheme": parts.scheme,
        "basepath": "/api/v4",
        "token": token,
        "verify": ca,
        "request_timeout": 10,
        "timeout": 30,
        "keepalive": False,
    }


async def main(url: str, token: str, ca: str, a: str, b: str) -> None:
    driver = Driver(options(url, token, ca))
    driver.client.token = token  # what login() would set
    me = await asyncio.to_thread(driver.users.get_user, "me")
    driver.client.userid = me["id"]
    dm = {}
    for user in (a, b):
        channel = await asyncio.to_thread(
            driver.channels.create_direct_message_channel, [me["id"], user]
        )
        dm[user] = channel["id"]
    other = {a: b, b: a}

    async def on_event(raw: str) -> None:
        event = json.loads(raw)
        if event.get("event") == "hello":
            print("ready", flush=True)
        if event.get("event") != "posted" or event["data"].get("channel_type") != "D":
            return
        post = json.loads(event["data"]["post"])
        sender = post["user_id"]
        if sender == me["id"]:
            return
        if sender in other:
            body = {"channel_id": dm[other[sender]], "message": f"[relay] {post['message']}"}
        else:
            body = {"channel_id": post["channel_id"], "message": "bonjour"}
        await asyncio.to_thread(driver.posts.create_post, options=body)

    tasks: set[asyncio.Task[None]] = set()

    async def spawn(raw: str) -> None:  # the driver cancels a slow handler: hand it off
        task = asyncio.create_task(on_event(raw))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    socket = ClientTlsWebsocket(driver.options, token)
    await socket.connect(spawn)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
