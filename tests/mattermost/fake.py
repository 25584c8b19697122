"""A protocol-faithful fake Mattermost server (HTTP + WebSocket + TLS) for the tests.

It answers as the real server does where the adapter depends on it (exact
`Content-Type: application/json`, 201 on creates, the challenge → hello (seq 0) →
OK handshake, `posted` events whose `data.post` is a JSON string, echo of the bot's
own posts, 429 with headers), and it misbehaves on demand: close 1000, abort,
slow answers, bad token. Every REST exchange is recorded so that a test can check
it against the OpenAPI reference.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
import ssl
import string
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

ID_CHARS = string.ascii_lowercase + string.digits


def new_id() -> str:
    return "".join(secrets.choice(ID_CHARS) for _ in range(26))


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    content_type: str
    body: bytes


@dataclass
class Faults:
    rate_limited: int = 0  # the next N REST calls get a 429
    slow_seconds: float = 0.0  # every REST answer waits this long
    drop_events: bool = False  # posts are stored but not pushed (socket "asleep")
    not_found: bool = False  # every REST call gets the API's 404, as behind a wrong URL


@dataclass
class FakeMattermost:
    ssl_context: ssl.SSLContext | None = None
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    posts: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, tuple[dict[str, Any], bytes]] = field(default_factory=dict)  # info, bytes
    exchanges: list[Exchange] = field(default_factory=list)
    faults: Faults = field(default_factory=Faults)
    sockets: list[tuple[str, web.WebSocketResponse, itertools.count[int]]] = field(
        default_factory=list
    )
    port: int = 0

    # set-up -------------------------------------------------------------------------

    def add_user(self, username: str, token: str | None = None) -> str:
        user_id = new_id()
        now = int(time.time() * 1000)
        self.users[user_id] = {
            "id": user_id,
            "username": username,
            "email": f"{username}@example.org",
            "first_name": username.capitalize(),
            "last_name": "",
            "nickname": "",
            "create_at": now,
            "update_at": now,
            "delete_at": 0,
            "roles": "system_user",
            "locale": "fr",
            "auth_service": "",
        }
        if token:
            self.tokens[token] = user_id
        return user_id

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/api/v4/users/{user_id}", self._get_user)
        app.router.add_get("/api/v4/users/username/{username}", self._get_user_by_name)
        app.router.add_post("/api/v4/channels/direct", self._direct)
        app.router.add_post("/api/v4/posts", self._create_post)
        app.router.add_post("/api/v4/files", self._upload_file)
        app.router.add_get("/api/v4/posts/{post_id}", self._get_post)
        app.router.add_put("/api/v4/posts/{post_id}/patch", self._patch_post)
        app.router.add_get("/api/v4/channels/{channel_id}/posts", self._channel_posts)
        app.router.add_get("/api/v4/users/{user_id}/channels", self._channels_of)
        app.router.add_get("/api/v4/websocket", self._websocket)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", self.port, ssl_context=self.ssl_context)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for _, socket, _ in list(self.sockets):
            # a client already gone never answers the close: not waited for long
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(socket.close(), 5)
        await self.runner.cleanup()

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://localhost:{self.port}"

    # HTTP plumbing --------------------------------------------------------------------

    @staticmethod
    def json(data: Any, status: int = 200) -> web.Response:
        """Exactly `application/json`, no charset: the driver checks the header verbatim."""
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json"},
        )

    def error(self, status: int, message: str) -> web.Response:
        return self.json(
            {
                "id": "api.fake.error",
                "message": message,
                "detailed_error": "",
                "request_id": new_id(),
                "status_code": status,
            },
            status,
        )

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.endswith("/websocket"):
            return await handler(request)  # type: ignore[no-any-return]
        if self.faults.slow_seconds:
            await asyncio.sleep(self.faults.slow_seconds)
        if self.faults.rate_limited > 0:
            self.faults.rate_limited -= 1
            reset = int(time.time()) + 1
            return web.Response(
                text="too many requests\n",
                status=429,
                content_type="text/plain",
                headers={
                    "X-RateLimit-Limit": "10",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": str(reset),
                    "Retry-After": "1",
                },
            )
        if request.match_info.http_exception is not None or self.faults.not_found:
            # no such route: the server's own 404 for the API, token or not (api4 Handle404)
            response: web.StreamResponse = self.error(404, "Sorry, we could not find the page.")
        elif self._caller(request) is None:
            response = self.error(401, "Invalid or expired session")
        else:
            response = await handler(request)
        if isinstance(response, web.Response):
            self.exchanges.append(
                Exchange(
                    request.method,
                    request.path,
                    response.status,
                    response.headers.get("Content-Type", ""),
                    response.body if isinstance(response.body, bytes) else b"",
                )
            )
        return response

    def _caller(self, request: web.Request) -> str | None:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return self.tokens.get(token)

    # REST ---------------------------------------------------------------------------

    async def _get_user(self, request: web.Request) -> web.Response:
        user_id = request.match_info["user_id"]
        if user_id == "me":
            user_id = self._caller(request) or ""
        user = self.users.get(user_id)
        return self.json(user) if user else self.error(404, "Unable to find the user.")

    async def _get_user_by_name(self, request: web.Request) -> web.Response:
        name = request.match_info["username"]
        user = next((u for u in self.users.values() if u["username"] == name), None)
        return self.json(user) if user else self.error(404, "Unable to find the user.")

    async def _direct(self, request: web.Request) -> web.Response:
        ids = await request.json()
        if not isinstance(ids, list) or len(ids) != 2 or not all(i in self.users for i in ids):
            return self.error(400, "Invalid user ids")
        channel = self.channels[self.dm_between(ids[0], ids[1])]
        return self.json({k: v for k, v in channel.items() if k != "members"}, 201)

    async def _channels_of(self, request: web.Request) -> web.Response:
        """Every channel the user is a member of, direct ones included."""
        user_id = request.match_info["user_id"]
        if user_id == "me":
            user_id = self._caller(request) or ""
        if user_id not in self.users:
            return self.error(404, "Unable to find the user")
        mine = [
            {k: v for k, v in c.items() if k != "members"}
            for c in self.channels.values()
            if user_id in c["members"]
        ]
        return self.json(mine)

    async def _create_post(self, request: web.Request) -> web.Response:
        body = await request.json()
        channel = self.channels.get(str(body.get("channel_id")))
        if channel is None:
            return self.error(400, "Invalid channel_id")
        user_id = self._caller(request) or ""
        post = self.store_post(
            channel["id"],
            user_id,
            str(body.get("message", "")),
            str(body.get("root_id") or ""),
            body.get("props") or {},
            file_ids=[str(f) for f in body.get("file_ids") or [] if f in self.files],
        )
        for file_id in post["file_ids"]:
            self.files[file_id][0]["post_id"] = post["id"]
        return self.json(post, 201)

    async def _upload_file(self, request: web.Request) -> web.Response:
        """POST /files, multipart: `channel_id` and one or more `files` parts."""
        form = await request.post()
        channel_id = str(form.get("channel_id", ""))
        if channel_id not in self.channels:
            return self.error(400, "Invalid channel_id")
        infos = []
        for part in form.getall("files", []):
            if not isinstance(part, web.FileField):
                return self.error(400, "Unable to upload file(s).")
            data = part.file.read()
            now = int(time.time() * 1000)
            name = part.filename or "file"
            file_id = new_id()
            info: dict[str, Any] = {
                "id": file_id,
                "user_id": self._caller(request) or "",
                "post_id": "",
                "create_at": now,
                "update_at": now,
                "delete_at": 0,
                "name": name,
                "extension": name.rsplit(".", 1)[-1] if "." in name else "",
                "size": len(data),
                "mime_type": part.content_type,
                "has_preview_image": False,
            }
            self.files[file_id] = (info, data)
            infos.append(info)
        if not infos:
            return self.error(400, "Unable to upload file(s).")
        return self.json({"file_infos": infos, "client_ids": []}, 201)

    async def _get_post(self, request: web.Request) -> web.Response:
        post = self.posts.get(request.match_info["post_id"])
        return self.json(post) if post else self.error(404, "Unable to find the post.")

    async def _patch_post(self, request: web.Request) -> web.Response:
        post = self.posts.get(request.match_info["post_id"])
        if post is None:
            return self.error(404, "Unable to find the post.")
        if post["user_id"] != self._caller(request):
            return self.error(403, "You do not have the appropriate permissions.")
        body = await request.json()
        return self.json(self.edit(post["user_id"], post["id"], str(body.get("message", ""))))

    async def _channel_posts(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "0"))
        posts = {
            p["id"]: p
            for p in self.posts.values()
            if p["channel_id"] == request.match_info["channel_id"] and p["create_at"] > since
        }
        order = sorted(posts, key=lambda i: posts[i]["create_at"], reverse=True)
        return self.json({"order": order, "posts": posts, "next_post_id": "", "prev_post_id": ""})

    def store_post(
        self,
        channel_id: str,
        user_id: str,
        message: str,
        root_id: str = "",
        props: dict[str, Any] | None = None,
        *,
        kind: str = "",
        file_ids: list[str] | None = None,
    ) -> dict[str, Any]:
        now = int(time.time() * 1000)
        while any(p["create_at"] == now for p in self.posts.values()):
            now += 1
        post: dict[str, Any] = {
            "id": new_id(),
            "create_at": now,
            "update_at": now,
            "edit_at": 0,
            "delete_at": 0,
            "user_id": user_id,
            "channel_id": channel_id,
            "root_id": root_id,
            "original_id": "",
            "message": message,
            "type": kind,
            "props": props or {},
            "file_ids": file_ids or [],
            "hashtags": "",
            "pending_post_id": "",
        }
        self.posts[post["id"]] = post
        if not self.faults.drop_events:
            asyncio.get_running_loop().create_task(self._broadcast(post))
        return post

    def edit(self, user_id: str, post_id: str, message: str) -> dict[str, Any]:
        """Someone edits their post: new text, `edit_at` set, `post_edited` broadcast."""
        post = self.posts[post_id]
        assert post["user_id"] == user_id
        now = max(int(time.time() * 1000), post["update_at"] + 1)
        post.update(message=message, edit_at=now, update_at=now)
        if not self.faults.drop_events:
            data = {"post": json.dumps(post)}
            asyncio.get_running_loop().create_task(self._broadcast(post, "post_edited", data))
        return post

    def react(self, user_id: str, post_id: str, emoji: str) -> None:
        """Someone adds a reaction: `reaction_added` with the reaction as a JSON string."""
        post = self.posts[post_id]
        reaction = {
            "user_id": user_id,
            "post_id": post_id,
            "emoji_name": emoji,
            "create_at": int(time.time() * 1000),
        }
        data = {"reaction": json.dumps(reaction)}
        asyncio.get_running_loop().create_task(self._broadcast(post, "reaction_added", data))

    async def _broadcast(
        self, post: dict[str, Any], kind: str = "posted", data: dict[str, Any] | None = None
    ) -> None:
        channel = self.channels[post["channel_id"]]
        sender = self.users.get(post["user_id"], {})
        data = data or {
            "channel_display_name": "@" + sender.get("username", ""),
            "channel_name": channel["name"],
            "channel_type": channel["type"],
            "post": json.dumps(post),
            "sender_name": "@" + sender.get("username", ""),
            "team_id": "",
            "set_online": True,
        }
        for user_id, socket, seq in list(self.sockets):
            if user_id in channel["members"] and not socket.closed:
                event = {
                    "event": kind,
                    "data": data,
                    "broadcast": {
                        "omit_users": None,
                        "user_id": "",
                        "channel_id": channel["id"],
                        "team_id": "",
                    },
                    "seq": next(seq),
                }
                await socket.send_str(json.dumps(event))

    # WebSocket ------------------------------------------------------------------------

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        try:
            challenge = json.loads(await socket.receive_str(timeout=10))
        except (TimeoutError, ValueError, TypeError):
            await socket.close()
            return socket
        user_id = self.tokens.get(str(challenge.get("data", {}).get("token")))
        if challenge.get("action") != "authentication_challenge" or user_id is None:
            await socket.close()  # a bad token: closed without a reply
            return socket
        seq = itertools.count(0)
        await socket.send_str(
            json.dumps(
                {
                    "event": "hello",
                    "data": {"server_version": "9.5.0.fake", "connection_id": new_id()},
                    "broadcast": {
                        "omit_users": None,
                        "user_id": user_id,
                        "channel_id": "",
                        "team_id": "",
                    },
                    "seq": next(seq),
                }
            )
        )
        await socket.send_str(json.dumps({"status": "OK", "seq_reply": challenge.get("seq", 1)}))
        entry = (user_id, socket, seq)
        self.sockets.append(entry)
        try:
            async for _ in socket:
                pass
        finally:
            if entry in self.sockets:
                self.sockets.remove(entry)
        return socket

    async def close_sockets(self, abort: bool = False) -> None:
        """Fault: end every WebSocket, politely (close 1000) or by cutting the connection."""
        for entry in list(self.sockets):
            _, socket, _ = entry
            if abort:
                transport = socket._req.transport if socket._req else None
                if transport is not None:
                    transport.abort()
            else:
                await socket.close(code=aiohttp.WSCloseCode.OK)
            if entry in self.sockets:
                self.sockets.remove(entry)

    # what a person does in the Mattermost UI ----------------------------------------------

    def dm_between(self, a: str, b: str) -> str:
        """The direct channel of two users, created on first use (as the server does)."""
        name = "__".join(sorted([a, b]))
        channel = next((c for c in self.channels.values() if c["name"] == name), None)
        if channel is None:
            now = int(time.time() * 1000)
            channel = {
                "id": new_id(),
                "name": name,
                "type": "D",
                "team_id": "",
                "display_name": "",
                "create_at": now,
                "update_at": now,
                "delete_at": 0,
                "creator_id": a,
                "members": [a, b],
            }
            self.channels[channel["id"]] = channel
        return str(channel["id"])

    def say(
        self, user_id: str, other: str, text: str, root_id: str = "", **more: Any
    ) -> dict[str, Any]:
        """A post in the DM of two users; `more`: `kind` ("me" for `/me`), `file_ids`."""
        return self.store_post(self.dm_between(user_id, other), user_id, text, root_id, **more)

    def bot_posts_to(self, bot_id: str, user_id: str) -> list[dict[str, Any]]:
        channel = self.dm_between(bot_id, user_id)
        return sorted(
            (
                p
                for p in self.posts.values()
                if p["channel_id"] == channel and p["user_id"] == bot_id
            ),
            key=lambda p: p["create_at"],
        )

    async def click(
        self, post: dict[str, Any], index: int, user_id: str, context: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """POST the click to the integration URL, as the server does."""
        action = post["props"]["attachments"][0]["actions"][index]
        body = {
            "user_id": user_id,
            "user_name": self.users[user_id]["username"],
            "channel_id": post["channel_id"],
            "channel_name": "",
            "team_id": "",
            "team_domain": "",
            "post_id": post["id"],
            "trigger_id": new_id(),
            "type": "",
            "data_source": "",
            "context": context if context is not None else action["integration"]["context"],
        }
        async with (
            aiohttp.ClientSession() as session,
            session.post(action["integration"]["url"], json=body) as response,
        ):
            return response.status, await response.json()

    async def slash(
        self, url: str, command: str, text: str, user_id: str, token: str
    ) -> tuple[int, dict[str, Any]]:
        form = {
            "token": token,
            "team_id": new_id(),
            "team_domain": "team",
            "channel_id": new_id(),
            "channel_name": "town-square",
            "user_id": user_id,
            "user_name": self.users[user_id]["username"],
            "command": command,
            "text": text,
            "trigger_id": new_id(),
            "response_url": f"{self.url}/hooks/commands/{new_id()}",
        }
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=form, headers={"Authorization": f"Token {token}"}) as response,
        ):
            return response.status, await response.json()
