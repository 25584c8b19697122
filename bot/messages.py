"""Platform-neutral message types exchanged between adapters and the core."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from bot.ids import Platform
from bot.text import valid_unicode


@dataclass(frozen=True, slots=True)
class Address:
    """A person on one platform, as the adapter identifies them."""

    platform: Platform
    user_id: str


@dataclass(frozen=True, slots=True)
class Button:
    """A clickable choice; `command` is the text command it stands for."""

    label: str
    command: str


@dataclass(frozen=True, slots=True)
class MessageId:
    """One message on one platform: a Matrix event id, a Mattermost post id."""

    platform: Platform
    id: str


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """What a person wrote to the bot in a direct conversation.

    `case_ref` is set when the adapter received it in a case's dedicated place
    (a Matrix room or a Mattermost thread) on the listener side. The adapter has
    already removed a reply's quoted fallback from `text`. `reply_to` and `edit_of`
    are ids on the sender's platform: the message this one answers, or the message
    this one is a new version of. `button` says a button was clicked (its command
    arrives as `text`): a command even inside a relay. `files` says the person also
    sent something that is not text (a file, an image, a voice message); `reaction`
    that this is only a reaction. Neither is ever relayed, and the sender is always told.
    """

    sender: Address
    text: str
    handle: str | None = None
    display_name: str | None = None
    case_ref: str | None = None
    event_id: str | None = None
    reply_to: str | None = None
    edit_of: str | None = None
    files: bool = False
    reaction: bool = False
    button: bool = False

    def __post_init__(self) -> None:
        # Every adapter cleans what it receives; this is the last line before the core,
        # whose encryption and hashing need encodable text.
        sender = self.sender
        if valid_unicode(sender.user_id) != sender.user_id:
            object.__setattr__(
                self, "sender", Address(sender.platform, valid_unicode(sender.user_id))
            )
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and valid_unicode(value) != value:
                object.__setattr__(self, f.name, valid_unicode(value))

    def message_id(self, raw: str | None) -> MessageId | None:
        """One of this message's ids, with its platform."""
        return MessageId(self.sender.platform, raw) if raw else None


@dataclass(frozen=True, slots=True)
class Copy:
    """Where relayed words come from, so that replies and edits reach the right copy.

    `original` is the message this one copies; `reply_to` the message it answers and
    `replaces` the message it is a new version of, both on the sender's side. The
    adapter that delivers it maps them to their copies on its side (for `case_ref`).
    """

    case_ref: str
    original: MessageId | None = None
    reply_to: MessageId | None = None
    replaces: MessageId | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """A picture the bot sends (a chart): file name, bytes, MIME type."""

    name: str
    data: bytes
    mime: str = "image/png"


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """Text the core asks an adapter to deliver.

    With `case_ref` set, the adapter posts into that case's dedicated place for
    the recipient (creating it if needed) instead of the plain direct message.
    `relayed` marks another person's words: an adapter must not post them where
    they would not be end-to-end encrypted, if its platform offers encryption.
    `idempotency_key` is stable across retries, so a platform can drop a repeat.
    `words` is the slice of `text` that holds another person's words: adapters show
    it exactly as typed (escaped for their format), never as the bot's Markdown.
    """

    to: Address
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    case_ref: str | None = None
    relayed: bool = False
    idempotency_key: str | None = None
    words: tuple[int, int] | None = None
    copy: Copy | None = None
    image: Image | None = None  # an image to upload, `text` its caption (`send_image`)

    def parts(self) -> tuple[str, str, str]:
        """The bot's Markdown before the person's words, the words, the Markdown after."""
        if self.words is None:
            return self.text, "", ""
        start, end = self.words
        return self.text[:start], self.text[start:end], self.text[end:]
