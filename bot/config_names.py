"""The names servers and people go by on each platform, checked for the slips that can never
work: a URL or a Matrix id where a Matrix server name goes, a Mattermost username with its
`@`, a space or capitals, an address that already holds the path the bot adds to it.

A Matrix server name is `hostname[:port]` (the part after the first `:` of a Matrix id;
the Matrix specification, appendix "Server Name"). A Mattermost username is made of
lowercase letters, digits, `.`, `-` and `_`, at most 64 (the server lowercases the names it
stores, and the bot recognises a listener by the name the server gives back)."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator

from bot.config_values import HttpUrl

_SERVER_NAME = re.compile(r"^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,255})(?::\d{1,5})?$")
_USERNAME = re.compile(r"^[a-z0-9._-]{1,64}$")


def _server_name(value: str) -> str:
    example = "write the part after ':' in a Matrix id, e.g. agent.tchap.gouv.fr"
    if not value.strip():
        raise ValueError(f"is empty: {example}")
    if "://" in value or "/" in value:
        raise ValueError(f"is an address, not a server name: {example}")
    if value.startswith("@"):
        raise ValueError(f"is a Matrix id, not a server name: {example}")
    if "*" in value:
        raise ValueError(f"wildcards are not understood: list each server by name ({example})")
    if not _SERVER_NAME.match(value):
        raise ValueError(f"is not a server name (letters, digits, '.', '-', ':port'): {example}")
    return value


def _username(value: str) -> str:
    if not value:  # an empty name is no name, as before
        return value
    if "://" in value or "/" in value:
        raise ValueError("is an address: write the Mattermost username alone, e.g. alice")
    if any(c.isspace() for c in value):
        raise ValueError(
            "holds a space: a Mattermost username has none (the name people see is `name`)"
        )
    if value.startswith("@"):
        lower = ", in lowercase" if value != value.lower() else ""
        raise ValueError(f"write the username without the '@'{lower}: {value[1:].lower()!r}")
    if value != value.lower():
        raise ValueError(f"Mattermost usernames are lowercase: write {value.lower()!r}")
    if not _USERNAME.match(value):
        raise ValueError(
            "is not a Mattermost username (lowercase letters, digits, '.', '-', '_'; at most 64)"
        )
    return value


def _homeserver(value: str) -> str:
    parts = urlsplit(value)
    if "/_matrix" in parts.path:
        base = parts.path[: parts.path.index("/_matrix")]
        raise ValueError(
            "is the server's address, without /_matrix/… (the bot adds it): "
            f"write {parts.scheme}://{parts.netloc}{base}"
        )
    return value


def _callback_base(value: str) -> str:
    parts = urlsplit(value)
    path = parts.path.rstrip("/")
    for tail in ("/mattermost/actions", "/mattermost/commands"):
        if path.endswith(tail):
            raise ValueError(
                f"is the bot's address, without {tail} (the bot adds it): "
                f"write {parts.scheme}://{parts.netloc}{path[: -len(tail)]}"
            )
    return value


ServerName = Annotated[str, AfterValidator(_server_name)]
MattermostName = Annotated[str, AfterValidator(_username)]
Homeserver = Annotated[HttpUrl, AfterValidator(_homeserver)]
CallbackBase = Annotated[HttpUrl, AfterValidator(_callback_base)]
