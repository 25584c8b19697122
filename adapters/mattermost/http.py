"""The adapter's HTTP side: button clicks and slash commands (signed, token-checked),
served by the bot's HTTP server (`bot.ops`)."""

from __future__ import annotations

import hmac
import logging
from typing import Any

from aiohttp import web

from adapters.mattermost.base import PLATFORM
from adapters.mattermost.receiving import Receiving
from bot.locales import t
from bot.logs import sensitive
from bot.messages import Address, IncomingMessage
from bot.text import scrub, valid_unicode

log = logging.getLogger(__name__)


class Http(Receiving):
    def http_routes(self) -> list[web.RouteDef]:
        """What the Mattermost server calls; served by the bot's HTTP server."""
        return [
            web.post("/mattermost/actions", self._action),
            web.post("/mattermost/commands", self._command),
        ]

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
        with sensitive(user_id):  # whatever logs meanwhile (a library's debug line too)
            try:
                return await self._clicked(body, context, user_id)
            except web.HTTPException:
                raise  # the adapter not running yet: 503, the server tries again
            except Exception as exc:  # noqa: BLE001 - the person gets a word, never a 500
                _failed("a button click", exc)
        return web.json_response({"ephemeral_text": t(self.options.locale, "command_failed")})

    async def _clicked(
        self, body: dict[str, Any], context: dict[str, Any], user_id: str
    ) -> web.Response:
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
        with sensitive(user_id, text):
            try:
                replies = await self._as_command(user_id, words[:2000])
            except web.HTTPException:
                raise  # the adapter not running yet: 503
            except Exception as exc:  # noqa: BLE001 - the person gets a word, never a 500
                _failed("a slash command", exc)
                replies = [t(self.options.locale, "command_failed")]
        return web.json_response({"response_type": "ephemeral", "text": "\n\n".join(replies)})


def _failed(what: str, exc: Exception) -> None:
    """One line, its cause's type only: an exception's text may hold the person's id (a
    REST URL) or their words."""
    log.error("mattermost: %s could not be answered (%s)", what, type(exc).__name__)
