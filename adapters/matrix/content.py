"""Matrix message content, both ways.

In: what a person sent, read from the plain `body` only. A reply's fallback (the
`> <@sender:server> quoted text` lines and their blank line) is removed, so neither
the quote nor the other person's id is ever read as a command or relayed; the
`formatted_body`, with its `<mx-reply>`, is never read at all. An edit gives its new
text (`m.new_content`), an emote `* text`; files, images, voice messages, videos,
stickers and locations give no text, only the fact that something was sent.

Out: the bot's Markdown rendered as HTML around someone's literal words (escaped,
never rendered), as a reply (`m.in_reply_to`) or an edit (`m.replace`) when asked.
No reply fallback is added (Matrix 1.13 dropped them; the body holds only the text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nio import (
    BadEvent,
    ReactionEvent,
    RoomEncryptedMedia,
    RoomMessageEmote,
    RoomMessageMedia,
    RoomMessageText,
    RoomMessageUnknown,
    StickerEvent,
)

from adapters.matrix.html import message_html
from bot.ids import Platform
from bot.messages import Address, OutgoingMessage

# What people send that the bot reads or answers (notices are other bots': ignored).
PERSON_EVENTS = (
    RoomMessageText,
    RoomMessageEmote,
    RoomMessageMedia,
    RoomEncryptedMedia,
    RoomMessageUnknown,
    StickerEvent,
    ReactionEvent,
)


def from_person(event: Any) -> bool:
    """Whether the bot reads `event`: a person's message or reaction, or media that nio
    could not parse (a file sent with a plain `url` in an encrypted room fails its schema:
    still something the sender must hear about)."""
    if isinstance(event, PERSON_EVENTS):
        return True
    if not isinstance(event, BadEvent) or event.type != "m.room.message":
        return False
    msgtype = (event.source.get("content") or {}).get("msgtype")
    return isinstance(msgtype, str) and msgtype not in ("m.text", "m.emote", "m.notice")


@dataclass(frozen=True)
class Read:
    """One event as the core sees it."""

    text: str
    reply_to: str | None = None
    edit_of: str | None = None
    files: bool = False
    reaction: bool = False


def read(event: Any) -> Read:
    """The person's own words in `event`, and what it answers or replaces."""
    if isinstance(event, ReactionEvent):
        return Read("", reaction=True)
    content: dict[str, Any] = event.source.get("content") or {}
    relates = content.get("m.relates_to") or {}
    reply_to = (relates.get("m.in_reply_to") or {}).get("event_id")
    if relates.get("rel_type") == "m.replace" and isinstance(content.get("m.new_content"), dict):
        return Read(_text(content["m.new_content"]), edit_of=relates.get("event_id"))
    if not isinstance(event, RoomMessageText | RoomMessageEmote):
        return Read("", reply_to=reply_to, files=True)
    return Read(_text(content, replying=bool(reply_to)), reply_to=reply_to)


def _text(content: dict[str, Any], replying: bool = False) -> str:
    body = content.get("body")
    if not isinstance(body, str) or content.get("msgtype") not in ("m.text", "m.emote"):
        return ""
    body = strip_fallback(body, replying)
    return "* " + body if content.get("msgtype") == "m.emote" else body


def strip_fallback(body: str, replying: bool) -> str:
    """Remove a reply's quoted fallback: leading `>` lines, then one blank line.

    Done for every reply, and for any body that opens with a `> <@id>` header (a client
    that quotes without saying it replies would otherwise leak the id).
    """
    if not (replying or body.startswith("> <")):
        return body
    lines = body.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith(">"):
        n += 1
    if 0 < n < len(lines) and not lines[n].strip():
        n += 1
    return "\n".join(lines[n:])


def plain(text: str) -> dict[str, Any]:
    """The bot's own Markdown, rendered."""
    return outgoing(OutgoingMessage(Address(Platform.MATRIX, ""), text))


def outgoing(
    message: OutgoingMessage, reply_to: str | None = None, replaces: str | None = None
) -> dict[str, Any]:
    """The `m.room.message` content for `message`: a reply or an edit when given."""
    before, words, after = message.parts()
    formatted = message_html(before, words, after)
    new: dict[str, Any] = {
        "msgtype": "m.text",
        "body": message.text,
        "format": "org.matrix.custom.html",
        "formatted_body": formatted,
        "m.mentions": {},
    }
    if replaces:
        return {
            **new,
            "body": "* " + message.text,
            "formatted_body": "* " + formatted,
            "m.new_content": new,
            "m.relates_to": {"rel_type": "m.replace", "event_id": replaces},
        }
    if reply_to:
        return {**new, "m.relates_to": {"m.in_reply_to": {"event_id": reply_to}}}
    return new
