"""Platform-neutral message types exchanged between adapters and the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NewType

Platform = NewType("Platform", str)
CaseRef = NewType("CaseRef", str)


@dataclass(frozen=True, slots=True)
class Address:
    """A person on one platform, as the adapter identifies them."""

    platform: str
    user_id: str


@dataclass(frozen=True, slots=True)
class Button:
    """A clickable choice; `command` is the text command it stands for."""

    label: str
    command: str


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """Text a person wrote to the bot in a direct conversation.

    `case_ref` is set when the adapter received it in a case's dedicated place
    (a Matrix room or a Mattermost thread) on the listener side.
    """

    sender: Address
    text: str
    handle: str | None = None
    display_name: str | None = None
    case_ref: str | None = None
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """Text the core asks an adapter to deliver.

    With `case_ref` set, the adapter posts into that case's dedicated place for
    the recipient (creating it if needed) instead of the plain direct message.
    `relayed` marks another person's words: an adapter must not post them where
    they would not be end-to-end encrypted, if its platform offers encryption.
    `idempotency_key` is stable across retries, so a platform can drop a repeat.
    """

    to: Address
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    case_ref: str | None = None
    relayed: bool = False
    idempotency_key: str | None = None
