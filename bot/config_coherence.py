"""Checks between keys, once each value is valid on its own: a platform without its secret,
the bot's two HTTP servers on one address, the bot's own account in the roster. Each problem
is one line that starts with where the value came from (`at`, from `bot.settings`)."""

from __future__ import annotations

from collections.abc import Callable

from bot.config_values import env_name
from bot.configuration import Settings

Loc = tuple[str | int, ...]
At = Callable[[Loc, str], str]  # (location, key as said) -> "FILE:LINE: key: " or "VAR: "
_ANY_ADDRESS = {"0.0.0.0", "::", ""}


def coherence(settings: Settings, at: At) -> list[str]:
    """Every problem between keys, one line each."""
    return [
        *_platform_secrets(settings, at),
        *_listen_addresses(settings, at),
        *_roster(settings, at),
    ]


def _platform_secrets(settings: Settings, at: At) -> list[str]:
    """A platform section without its secret is a mistake, never "no platform"."""
    problems: list[str] = []
    mm, mx = settings.mattermost, settings.matrix
    if mm.url and not mm.token:
        problems.append(
            at(("mattermost", "url"), "mattermost.url")
            + f"is set but {env_name('mattermost', 'token')} is not: set the bot's token "
            "in the environment (or remove mattermost.url for the console demo)"
        )
    if mm.token and not mm.url:
        problems.append(f"{env_name('mattermost', 'token')}: is set but mattermost.url is not")
    if mx.homeserver or mx.user_id or mx.password or mx.access_token:
        for key in ("homeserver", "user_id"):
            if not getattr(mx, key):
                problems.append(
                    f"matrix.{key}: is required with the other matrix settings "
                    f"(or {env_name('matrix', key)})"
                )
        if not (mx.password or mx.access_token):
            problems.append(
                at(("matrix", "homeserver"), "matrix.homeserver")
                + f"is set but neither {env_name('matrix', 'password')} nor "
                f"{env_name('matrix', 'access_token')} is: set one in the environment"
            )
    return problems


def _listen_addresses(settings: Settings, at: At) -> list[str]:
    """The operations server cannot bind the address the main server already holds."""
    ops = settings.http.ops_listen
    main, key = settings.http.listen, "http.listen"
    if main is None and not settings.console_demo:
        main, key = settings.mattermost.http_listen, "mattermost.http_listen"
    if ops is None or main is None or not _overlap(main, ops):
        return []
    return [
        at(("http", "ops_listen"), "http.ops_listen")
        + f"{ops} is also where the bot's HTTP server listens ({key}: {main}): give the "
        "operations endpoints another port, or remove http.ops_listen to serve them there"
    ]


def _overlap(first: str, second: str) -> bool:
    """Two HOST:PORT that one machine cannot bind both (same port, same or any address)."""
    (host1, port1), (host2, port2) = (_host_port(first), _host_port(second))
    if port1 != port2:
        return False
    return host1 == host2 or host1 in _ANY_ADDRESS or host2 in _ANY_ADDRESS


def _host_port(address: str) -> tuple[str, int]:
    host, port = address.rsplit(":", 1)
    host = host.strip("[]").lower()
    return ("127.0.0.1" if host == "localhost" else host), int(port)


def _roster(settings: Settings, at: At) -> list[str]:
    """The bot never offers a case to itself."""
    bot = settings.matrix.user_id
    return [
        at(("listeners", i, "matrix"), f"listeners[{i}].matrix")
        + "is the bot's own account (matrix.user_id): give this listener their own Matrix id"
        for i, entry in enumerate(settings.listeners)
        if bot is not None and entry.matrix == bot
    ]
