"""Mattermost adapter: DMs over the WebSocket, buttons and slash commands over HTTP
(routes served by the bot's HTTP server, `bot.ops`).

The driver is confined here (`rest`, `websocket`): replacing it touches this package only.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import random
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from adapters.mattermost.literal import literal
from adapters.mattermost.relaying import Relaying, text_of
from adapters.mattermost.rest import Rest, driver_options
from adapters.mattermost.websocket import ClientTlsWebsocket
from bot import metrics
from bot.locales import t
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ports import KeyValue, MessageHandler
from bot.text import scrub, valid_unicode

log = logging.getLogger(__name__)
PLATFORM = "mattermost"
NS = "mattermost"
_ID_LENGTH = 26
# WebSocket events read, and the field of `data` holding their JSON.
_READ = {"posted": "post", "post_edited": "post", "reaction_added": "reaction"}


@dataclass(frozen=True)
class MattermostOptions:
    url: str
    token: str
    public_url: str
    command_tokens: tuple[str, ...]
    signing_key: bytes
    verify: bool | str = True
    request_timeout: float = 15.0
    max_backoff: float = 60.0
    locale: str = "fr"


class MattermostAdapter:
    platform = PLATFORM

    def __init__(self, options: MattermostOptions, state: KeyValue) -> None:
        self.options = options
        self.state = state
        self.rest = Rest(
            driver_options(options.url, options.token, options.verify, options.request_timeout)
        )
        self.me: dict[str, Any] = {}
        self.relaying = Relaying(self.rest, state, NS + ".post")
        self._queue: asyncio.Queue[tuple[str, dict[str, Any]]] = asyncio.Queue()
        self._stopping = asyncio.Event()
        self._connected = False
        self._socket: ClientTlsWebsocket | None = None
        self._capture: tuple[str, list[str]] | None = None
        self._names: dict[str, str] = {}
        self._on_message: MessageHandler | None = None
        # Catch-ups started by a (re)connection: owned, so that stopping ends them while the
        # database is still open (a forgotten one was cancelled at loop close, mid-query, and
        # could hang the test teardown on aiosqlite's close).
        self._background: set[asyncio.Task[None]] = set()

    # running --------------------------------------------------------------------

    async def run(self, on_message: MessageHandler) -> None:
        self.me = await self.rest.me()
        self._on_message = on_message
        worker = asyncio.create_task(self._work())
        try:
            await self._listen()
        finally:
            pending = [worker, *self._background]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            self.rest.close()

    @property
    def connected(self) -> bool:
        """The WebSocket is open (readiness)."""
        return self._connected

    async def _listen(self) -> None:
        """Own the WebSocket: reconnect with backoff and jitter, then catch up on DMs."""
        failures = 0
        while not self._stopping.is_set():
            try:
                self._socket = ClientTlsWebsocket(self.rest.driver.options, self.options.token)
                await self._socket.connect(self._on_event)
                reason = "closed"
            except Exception as exc:  # noqa: BLE001 - any failure: reconnect
                reason = type(exc).__name__
            was_connected, self._connected = self._connected, False
            if self._stopping.is_set():
                return
            failures = 0 if was_connected else failures + 1
            metrics.RECONNECTS.labels(PLATFORM).inc()
            delay = min(self.options.max_backoff, 0.5 * 2 ** min(failures, 7))
            delay *= random.uniform(0.5, 1.5)
            log.warning("mattermost: websocket %s; reconnecting in %.1f s", reason, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)

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
        """Posts written in our DMs while the socket was down (deduplicated by id)."""
        channels = json.loads(await self.state.get(NS, "channels") or "{}")
        for channel_id, since in channels.items():
            try:
                for post in await self.rest.posts_since(channel_id, int(since)):
                    self._queue.put_nowait(("posted", post))
            except Exception as exc:  # noqa: BLE001 - try again at the next reconnect
                log.warning("mattermost: catch-up failed (%s)", type(exc).__name__)

    async def _work(self) -> None:
        while True:
            kind, item = await self._queue.get()
            try:
                if kind == "reaction_added":
                    await self._reaction(item)
                else:
                    await self._handle(item, edited=kind == "post_edited")
            except Exception as exc:  # noqa: BLE001 - one bad post must not stop the bot
                log.error("mattermost: a post could not be handled (%s)", type(exc).__name__)

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
        if not seen:
            await self._remember_channel(channel_id, int(post.get("create_at") or 0))
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

    async def _remember_channel(self, channel_id: str, create_at: int) -> None:
        channels = json.loads(await self.state.get(NS, "channels") or "{}")
        if create_at >= int(channels.get(channel_id, 0)):
            channels[channel_id] = create_at
            await self.state.put(NS, "channels", json.dumps(channels))

    async def _username(self, user_id: str) -> str:
        if user_id not in self._names:
            user = await self.rest.call(self.rest.driver.users.get_user, user_id)
            self._names[user_id] = str(user.get("username") or user_id)
        return self._names[user_id]

    # sending ------------------------------------------------------------------------

    async def _user_id(self, who: str) -> str:
        """Roster entries name people by username; requesters come with their id."""
        if len(who) == _ID_LENGTH and who.isalnum():
            return who
        cached = await self.state.get(NS + ".user", who)
        if cached:
            return cached
        user = await self.rest.user_by_name(who.lstrip("@"))
        await self.state.put(NS + ".user", who, str(user["id"]), owner=Address(PLATFORM, who))
        return str(user["id"])

    async def _dm(self, user_id: str) -> str:
        cached = await self.state.get(NS + ".dm", user_id)
        if cached:
            return cached
        channel_id = await self.rest.direct_channel(str(self.me["id"]), user_id)
        await self.state.put(NS + ".dm", user_id, channel_id, owner=Address(PLATFORM, user_id))
        await self._remember_channel(channel_id, int(time.time() * 1000))
        return channel_id

    async def send(self, message: OutgoingMessage) -> None:
        user_id = await self._user_id(message.to.user_id)
        if self._capture is not None and self._capture[0] == user_id and not message.case_ref:
            self._capture[1].append(message.text)  # answered as the slash command's reply
            return
        channel_id = await self._dm(user_id)
        root = ""
        if message.case_ref:
            root = await self.state.get(NS + ".case", f"{message.case_ref}|{user_id}") or ""
            if not root:  # no offer post to hang the thread on: start one
                title = t(None, "case_thread_title", ref=message.case_ref)
                first = await self.rest.post(channel_id, title)
                root = await self._thread(message.case_ref, user_id, str(first["id"]))
        before, words, after = message.parts()
        text = before + literal(words) + after
        copy = message.copy
        if copy is not None and await self.relaying.edit(copy, channel_id, text):
            return
        if copy is not None and not root:
            root = await self.relaying.thread_of(copy, channel_id)
        props = self._buttons(message, user_id) if message.buttons else None
        created = await self.rest.post(channel_id, text, root, props)
        await self.state.put(NS + ".post", str(created["id"]), channel_id)
        if copy is not None:
            await self.relaying.remember(copy, str(created["id"]))
        ref = _ref_of(message)
        if ref and message.buttons:
            await self._thread(ref, user_id, str(created["id"]))

    async def send_image(self, message: OutgoingMessage) -> None:
        """The image uploaded to the recipient's direct channel, posted with its caption."""
        assert message.image is not None
        user_id = await self._user_id(message.to.user_id)
        channel_id = await self._dm(user_id)
        image = message.image
        file_id = await self.rest.upload(channel_id, image.name, image.data, image.mime)
        await self.rest.post_files(channel_id, message.text, [file_id])

    async def _thread(self, ref: str, user_id: str, post_id: str) -> str:
        owner = Address(PLATFORM, user_id)  # erased with the person (`oubli`)
        await self.state.put(NS + ".case", f"{ref}|{user_id}", post_id, owner=owner)
        await self.state.put(NS + ".root", post_id, ref)
        return post_id

    def _buttons(self, message: OutgoingMessage, user_id: str) -> dict[str, Any]:
        url = self.options.public_url.rstrip("/") + "/mattermost/actions"
        actions = []
        for n, button in enumerate(message.buttons):
            context = {"command": button.command, "label": button.label, "user_id": user_id}
            context["signature"] = self._sign(context)
            actions.append(
                {
                    "id": f"choice{n}",
                    "name": button.label,
                    "type": "button",
                    "style": "primary" if n == 0 else "default",
                    "integration": {"url": url, "context": context},
                }
            )
        return {"attachments": [{"text": "", "actions": actions}]}

    def _sign(self, context: dict[str, Any]) -> str:
        payload = f"{context.get('command')}\x00{context.get('user_id')}".encode()
        return hmac.new(self.options.signing_key, payload, hashlib.sha256).hexdigest()

    # HTTP: buttons and slash commands ---------------------------------------------------

    def http_routes(self) -> list[web.RouteDef]:
        """What the Mattermost server calls; served by the bot's HTTP server."""
        return [
            web.post("/mattermost/actions", self._action),
            web.post("/mattermost/commands", self._command),
        ]

    async def _deliver(self, message: IncomingMessage) -> None:
        if self._on_message is None:  # a callback before the adapter runs
            raise web.HTTPServiceUnavailable(text="starting")
        await self._on_message(message)

    async def _action(self, request: web.Request) -> web.Response:
        """A button click: accepted only if the context is ours and the clicker is its owner."""
        try:
            body = scrub(await request.json())
            context = body.get("context") or {}
            user_id = str(body.get("user_id") or "")
        except (ValueError, AttributeError):
            return web.json_response({"ephemeral_text": "bad request"}, status=400)
        signature = str(context.get("signature") or "")
        expected = self._sign(context)
        if not hmac.compare_digest(signature, expected) or context.get("user_id") != user_id:
            log.warning("mattermost: refused a button click with a bad or foreign context")
            return web.json_response(
                {"ephemeral_text": t(self.options.locale, "button_refused")}, status=403
            )
        username = await self._username(user_id)
        # As if typed: the answers arrive in the conversation like any other.
        await self._deliver(
            IncomingMessage(
                Address(PLATFORM, user_id), str(context["command"]), handle=username, button=True
            )
        )
        chosen = f"✅ {context.get('label') or context['command']}"
        original = await self._message_of(str(body.get("post_id") or ""))
        update = {"message": f"{original}\n\n{chosen}".strip(), "props": {}}
        return web.json_response({"update": update, "ephemeral_text": chosen})

    async def _message_of(self, post_id: str) -> str:
        if not post_id:
            return ""
        try:
            post = await self.rest.call(self.rest.driver.posts.get_post, post_id)
        except Exception:  # noqa: BLE001 - the update then shows the choice alone
            return ""
        return str(post.get("message") or "")

    async def _as_command(self, user_id: str, text: str) -> list[str]:
        """Run `text` as if the user had typed it; their replies are returned, not posted."""
        user_id, text = valid_unicode(user_id), valid_unicode(text)
        captured: list[str] = []
        self._capture = (user_id, captured)
        try:
            await self._deliver(
                IncomingMessage(
                    Address(PLATFORM, user_id), text, handle=await self._username(user_id)
                )
            )
        finally:
            self._capture = None
        return captured

    async def _command(self, request: web.Request) -> web.Response:
        """Slash commands `/numeros …` and `/soutien …`: token checked in constant time."""
        header = request.headers.get("Authorization", "")
        given = header.removeprefix("Token ").strip()
        if not any(hmac.compare_digest(given, token) for token in self.options.command_tokens):
            log.warning("mattermost: refused a slash command with a wrong token")
            return web.json_response({"text": "forbidden"}, status=401)
        form = await request.post()
        command = str(form.get("command", "")).lstrip("/")
        text = str(form.get("text", "")).strip()
        user_id = str(form.get("user_id", ""))
        words = f"numéros {text}" if command.startswith("numero") else (text or "aide")
        replies = await self._as_command(user_id, words[:2000])
        return web.json_response({"response_type": "ephemeral", "text": "\n\n".join(replies)})

    async def stop(self) -> None:
        self._stopping.set()
        if self._socket is not None:
            self._socket.disconnect()


def _ref_of(message: OutgoingMessage) -> str | None:
    """The case reference an offer's buttons are about ("accepter K7Q2")."""
    for button in message.buttons:
        words = button.command.split()
        if len(words) == 2:
            return words[1]
    return None
