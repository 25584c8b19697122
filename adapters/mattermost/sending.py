"""Sending: direct messages, case threads, buttons, and no duplicate after a crash.

Mattermost has no transaction id: every post carries the outbox key in its props
(`soutien_key`), and a message whose earlier attempt may have landed is first looked
for in the conversation (`already_sent`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

from adapters.mattermost.base import NS, PLATFORM, MattermostBase
from adapters.mattermost.literal import literal
from bot.locales import t
from bot.messages import Address, OutgoingMessage

_ID_LENGTH = 26
KEY_PROP = "soutien_key"
# How far back a post of an uncertain earlier attempt is looked for.
_LOOK_BACK_MS = 24 * 3600 * 1000


class Sending(MattermostBase):
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
        me = await self.myself()
        channel_id = await self.rest.direct_channel(str(me["id"]), user_id)
        await self.state.put(NS + ".dm", user_id, channel_id, owner=Address(PLATFORM, user_id))
        await self._remember_channel(channel_id, int(time.time() * 1000))
        return channel_id

    async def _remember_channel(self, channel_id: str, create_at: int) -> None:
        channels = json_loads(await self.state.get(NS, "channels"))
        if create_at >= int(channels.get(channel_id, 0)):
            channels[channel_id] = create_at
            await self.state.put(NS, "channels", json_dumps(channels))

    async def already_sent(self, message: OutgoingMessage) -> bool:
        """Whether a post carrying this message's key is already in its conversation
        (asked only when an earlier attempt may have reached the server). Before the
        WebSocket connects too: a row a crash left behind is often sent first."""
        key = message.idempotency_key
        if not key:
            return False
        user_id = await self._user_id(message.to.user_id)
        channel_id = await self._dm(user_id)
        since = int(time.time() * 1000) - _LOOK_BACK_MS
        posts = await self.rest.posts_since(channel_id, since)
        return any((p.get("props") or {}).get(KEY_PROP) == key for p in posts)

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
        props = self._buttons(message, user_id) if message.buttons else {}
        if message.idempotency_key:
            props[KEY_PROP] = message.idempotency_key
        created = await self.rest.post(channel_id, text, root, props or None)
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
        # marked like text posts, so a resend after a crash finds it (`already_sent`); an
        # upload whose post failed is retried whole (the orphan file is never shown)
        key = message.idempotency_key
        await self.rest.post_files(
            channel_id, message.text, [file_id], {KEY_PROP: key} if key else None
        )

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


def json_loads(raw: str | None) -> dict[str, Any]:
    value = json.loads(raw or "{}")
    return value if isinstance(value, dict) else {}


def json_dumps(value: dict[str, Any]) -> str:
    return json.dumps(value)


def _ref_of(message: OutgoingMessage) -> str | None:
    """The case reference an offer's buttons are about ("accepter K7Q2")."""
    for button in message.buttons:
        words = button.command.split()
        if len(words) == 2:
            return words[1]
    return None
