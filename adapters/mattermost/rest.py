"""Mattermost REST through mattermostdriver, off the event loop, with 429 handling."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from mattermostdriver import Driver

from adapters.mattermost.session import KeptAliveClient

log = logging.getLogger(__name__)
T = TypeVar("T")


def driver_options(url: str, token: str, verify: bool | str, timeout: float) -> dict[str, Any]:
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    return {
        "url": parts.hostname or "localhost",
        "port": parts.port or (443 if secure else 80),
        "scheme": parts.scheme or "https",
        "basepath": (parts.path.rstrip("/") or "") + "/api/v4",
        "token": token,
        "verify": verify,
        "request_timeout": timeout,
        "timeout": 30,
        "keepalive": False,
    }


class Rest:
    """Every call runs in a thread; a 429 waits `Retry-After` and tries again."""

    def __init__(self, options: dict[str, Any], max_retries: int = 8) -> None:
        self.options = options
        self.driver = Driver(options, client_cls=KeptAliveClient)  # connections kept open
        # every call carries the token from the first: a send before `me()` (a row a crash
        # left behind, sent at start-up) is authorised like any other
        self.driver.client.token = options["token"]
        self.max_retries = max_retries

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        for attempt in range(self.max_retries + 1):
            try:
                return await asyncio.to_thread(fn, *args, **kwargs)
            except requests.HTTPError as exc:
                response = exc.response
                if response is None or response.status_code != 429 or attempt == self.max_retries:
                    raise
                wait = float(response.headers.get("Retry-After", "1") or 1)
                log.warning("mattermost: rate limited; waiting %.1f s", wait)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the kept-alive connections."""
        self.driver.client.close()

    async def me(self) -> dict[str, Any]:
        user: dict[str, Any] = await self.call(self.driver.users.get_user, "me")
        self.driver.client.userid = user["id"]
        return user

    async def user_by_name(self, username: str) -> dict[str, Any]:
        found: dict[str, Any] = await self.call(self.driver.users.get_user_by_username, username)
        return found

    async def direct_channel(self, me: str, other: str) -> str:
        channel = await self.call(self.driver.channels.create_direct_message_channel, [me, other])
        return str(channel["id"])

    async def post(
        self, channel_id: str, message: str, root_id: str = "", props: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        body: dict[str, Any] = {"channel_id": channel_id, "message": message}
        if root_id:
            body["root_id"] = root_id
        if props:
            body["props"] = props
        created: dict[str, Any] = await self.call(self.driver.posts.create_post, options=body)
        return created

    async def upload(self, channel_id: str, name: str, data: bytes, mime: str) -> str:
        """Upload one file to a channel (POST /files, multipart); its file id."""
        files = {"files": (name, data, mime)}
        answer = await self.call(self.driver.files.upload_file, channel_id, files)
        return str(answer["file_infos"][0]["id"])

    async def post_files(
        self, channel_id: str, message: str, file_ids: list[str], props: dict[str, Any] | None
    ) -> None:
        body: dict[str, Any] = {"channel_id": channel_id, "message": message, "file_ids": file_ids}
        if props:
            body["props"] = props
        await self.call(self.driver.posts.create_post, options=body)

    async def get_post(self, post_id: str) -> dict[str, Any]:
        post: dict[str, Any] = await self.call(self.driver.posts.get_post, post_id)
        return post

    async def edit_post(self, post_id: str, message: str) -> dict[str, Any]:
        edited: dict[str, Any] = await self.call(
            self.driver.posts.patch_post, post_id, options={"message": message}
        )
        return edited

    async def direct_channels(self) -> list[dict[str, Any]]:
        """The bot's direct channels (`GET /users/me/channels`, all teams)."""
        channels = await self.call(self.driver.client.get, "/users/me/channels")
        return [c for c in channels or [] if isinstance(c, dict) and c.get("type") == "D"]

    async def posts_since(self, channel_id: str, since_ms: int) -> list[dict[str, Any]]:
        page = await self.call(
            self.driver.posts.get_posts_for_channel, channel_id, params={"since": since_ms}
        )
        posts = page.get("posts") or {}
        return sorted(posts.values(), key=lambda p: p.get("create_at", 0))
