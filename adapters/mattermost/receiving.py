"""Receiving: the WebSocket (connected, and reconnected, with the shared back-off), the
catch-up of what was written while it was down, and one worker handing posts over."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import Any

from adapters.mattermost.base import NS, PLATFORM
from adapters.mattermost.failures import Failure, Told, failure
from adapters.mattermost.relaying import text_of
from adapters.mattermost.sending import Sending, json_loads
from adapters.mattermost.websocket import ClientTlsWebsocket
from bot import metrics
from bot.backoff import Backoff, pause
from bot.messages import Address, IncomingMessage
from bot.text import scrub

log = logging.getLogger(__name__)
# WebSocket events read, and the field of `data` holding their JSON.
# Tries of one post before it is set aside (about a quarter of an hour with the back-off).
_TRIES = 20
_READ = {"posted": "post", "post_edited": "post", "reaction_added": "reaction"}


class Receiving(Sending):
    async def _listen(self) -> None:
        """Own the WebSocket: who we are (first time), connect, and on any failure back
        off and try again; each (re)connection catches up on the direct conversations.
        A failure says its cause and the setting at fault; a setting's mistake is said at
        ERROR once, then less often (`Told`), and a token refused waits the longest
        back-off between tries."""
        backoff = Backoff(base=0.5, cap=self.options.max_backoff)
        refused = Backoff(base=self.options.max_backoff, cap=self.options.max_backoff)
        told = Told()
        while not self._stopping.is_set():
            try:
                await self.myself()
                self._socket = ClientTlsWebsocket(self.rest.driver.options, self.options.token)
                await self._socket.connect(self._on_event)
                why = None
            except Exception as exc:  # noqa: BLE001 - any failure: reconnect
                why = failure(exc, self.options.url, self._ca_file)
            was_connected, self._connected = self._connected, False
            if self._stopping.is_set():
                return
            if not was_connected and (why is None or why.closed):  # before its hello
                why = await self._refused() or why
            if was_connected:
                backoff.reset()
                told.reset()
            metrics.RECONNECTS.labels(PLATFORM).inc()
            delay = (refused if why is not None and why.auth else backoff).next_delay()
            if why is None:
                log.warning("mattermost: websocket closed; reconnecting in %.1f s", delay)
            else:
                told.say(why, delay)
            await pause(delay, self._stopping)

    async def _refused(self) -> Failure | None:
        """Why the server closed a WebSocket before its hello (a token revoked since the
        start fails the challenge silently; the REST API says 401), or None."""
        try:
            await self.rest.me()
        except Exception as exc:  # noqa: BLE001 - what it says is the point
            return failure(exc, self.options.url, self._ca_file)
        return None

    @property
    def _ca_file(self) -> str | None:
        verify = self.options.verify
        return verify if isinstance(verify, str) else None

    async def _on_event(self, raw: str) -> None:
        """Only parse and enqueue: the driver cancels a slow handler."""
        try:
            event = json.loads(raw)
        except ValueError:
            return
        if event.get("event") == "hello":
            self._connected = True
            log.info("mattermost: connected")
            task = asyncio.get_running_loop().create_task(self._catch_up())
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        elif event.get("event") in _READ:
            data = event.get("data") or {}
            if event["event"] == "posted" and data.get("channel_type") != "D":
                return
            try:
                item = json.loads(data.get(_READ[event["event"]]) or "{}")
            except ValueError:
                return
            if isinstance(item, dict):
                self._queue.put_nowait((str(event["event"]), item))

    async def _catch_up(self) -> None:
        """Posts written in our DMs while the socket was down (deduplicated by id),
        including direct channels opened meanwhile (a newcomer writing during a restart)."""
        try:
            channels = json_loads(await self.state.get(NS, "channels"))
            for channel in await self.rest.direct_channels():
                channels.setdefault(str(channel["id"]), 0)
        except Exception as exc:  # noqa: BLE001 - the database may be down: next reconnect
            log.warning("mattermost: catch-up postponed (%s)", type(exc).__name__)
            return
        for channel_id, since in channels.items():
            try:
                for post in await self.rest.posts_since(channel_id, int(since)):
                    self._queue.put_nowait(("posted", post))
            except Exception as exc:  # noqa: BLE001 - try again at the next reconnect
                log.warning("mattermost: catch-up failed (%s)", type(exc).__name__)

    async def _work(self) -> None:
        """Hand posts over in order per person, people side by side (`Lanes`)."""
        try:
            while True:
                kind, item = await self._queue.get()
                key = str(item.get("user_id") or "")
                await self._lanes.submit(key, functools.partial(self._hand_over, kind, item))
        finally:
            await self._lanes.close()

    async def _hand_over(self, kind: str, item: dict[str, Any]) -> None:
        """A failure is retried with back-off, never dropped at once (the runtime answers
        a message once, however often it is handed over)."""
        backoff = Backoff(base=0.2, cap=self.options.max_backoff)
        while True:
            try:
                if kind == "reaction_added":
                    await self._reaction(item)
                else:
                    await self._handle(item, edited=kind == "post_edited")
                return
            except Exception as exc:  # noqa: BLE001 - one bad post must not stop the bot
                delay = await backoff.wait(self._stopping)
                log.error(
                    "mattermost: a post could not be handled (%s); retried after %.1f s",
                    type(exc).__name__,
                    delay,
                )
                if self._stopping.is_set():
                    return
                if backoff.failures >= _TRIES:  # a catch-up brings it back (not marked)
                    log.error("mattermost: a post was set aside after %d tries", _TRIES)
                    return

    async def _handle(self, post: dict[str, Any], edited: bool = False) -> None:
        """A new post, or a new version of one (`post_edited`, or found edited at catch-up)."""
        post = scrub(post)  # lone surrogates (JSON escapes) become U+FFFD here, at the edge
        post_id, user_id = post.get("id"), post.get("user_id")
        if not post_id or not user_id or user_id == self.me.get("id"):
            return
        if post.get("type") not in ("", None, "me"):  # system messages
            return
        channel_id = str(post.get("channel_id"))
        seen = await self.state.get(NS + ".post", post_id) is not None
        edit_at = int(post.get("edit_at") or 0)
        version = f"{post_id}:{edit_at}"
        if not seen and edited:
            return  # an edit of a post we never saw (not in our direct conversations)
        if seen and (not edit_at or await self.state.get(NS + ".post", version) is not None):
            return  # already handled (an echo of the catch-up, or a replay)
        if not seen:  # a catch-up starts just before this post until it is handled
            await self._remember_channel(channel_id, int(post.get("create_at") or 0) - 1)
        root = str(post.get("root_id") or "")
        ref = await self.state.get(NS + ".root", root) if root else None
        await self._deliver(
            IncomingMessage(
                Address(PLATFORM, user_id),
                text_of(post),
                handle=await self._username(user_id),
                case_ref=ref or None,
                event_id=version if seen else post_id,
                reply_to=root or None,
                edit_of=post_id if seen else None,
                files=bool(post.get("file_ids")),
            )
        )
        await self.state.put(NS + ".post", post_id, channel_id)
        await self.state.put(NS + ".post", version, channel_id)

    async def _reaction(self, reaction: dict[str, Any]) -> None:
        """Reactions are never relayed; in a relay, the person is told (by the core)."""
        reaction = scrub(reaction)
        user_id, post_id = str(reaction.get("user_id") or ""), str(reaction.get("post_id") or "")
        if not user_id or user_id == self.me.get("id"):
            return
        channel_id = await self.state.get(NS + ".post", post_id)
        if channel_id is None:  # not a post of our direct conversations
            return
        post = await self.rest.get_post(post_id)
        root = str(post.get("root_id") or "")
        ref = await self.state.get(NS + ".root", root or post_id)
        await self._deliver(
            IncomingMessage(
                Address(PLATFORM, user_id),
                "",
                handle=await self._username(user_id),
                case_ref=ref or None,
                reaction=True,
            )
        )
