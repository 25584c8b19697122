"""Why the connection to the server failed, in the operator's words: the cause, the key or
variable at fault, and the server's own message (a token refused, a URL that ends in
/api/v4, a CA file that is missing or holds no certificate, a server out of reach)."""

from __future__ import annotations

import logging
import ssl
from dataclasses import dataclass

import requests
import websockets
from mattermostdriver.exceptions import (
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
)

log = logging.getLogger(__name__)
TOKEN = "SOUTIEN_MATTERMOST__TOKEN"
RESAY = 10  # a setting's mistake, failing again: said once every this many tries


@dataclass(frozen=True)
class Failure:
    """What to log; `auth`: the server refused the token (retried on the long back-off);
    `setting`: a configuration mistake that repeats until fixed (said at ERROR); `closed`:
    the server closed the WebSocket (before its hello: the REST API may say why)."""

    text: str
    auth: bool = False
    setting: bool = False
    closed: bool = False  # the WebSocket was closed by the server


class Told:
    """Says each failure: a setting's mistake at ERROR the first time, then (the same
    mistake again) at WARNING every RESAY tries; anything else every time."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.said, self.again = "", 0

    def say(self, why: Failure, delay: float) -> None:
        if why.text != self.said:
            self.said, self.again = why.text, 0
        if not why.setting or self.again % RESAY == 0:
            level = logging.ERROR if why.setting and self.again == 0 else logging.WARNING
            more = f" (failed {self.again + 1} times)" if self.again else ""
            log.log(level, "mattermost: %s; retrying in %.1f s%s", why.text, delay, more)
        self.again += 1


def failure(exc: BaseException, url: str, ca_file: str | None) -> Failure:
    """Explain a failed connection to the Mattermost server at `url` (never raises)."""
    try:
        return _explained(exc, url, ca_file)
    except Exception:  # noqa: BLE001 - explaining must not stop the reconnection loop
        return Failure(f"websocket {type(exc).__name__}")


def _explained(exc: BaseException, url: str, ca_file: str | None) -> Failure:
    if isinstance(exc, websockets.ConnectionClosed):
        return Failure("websocket closed by the server", closed=True)
    said = _server_said(exc)
    if isinstance(exc, NoAccessTokenProvided):
        return Failure(
            f"the server refused the bot's token (401{said}): check {TOKEN} "
            "(the bot account's access token)",
            auth=True,
            setting=True,
        )
    if isinstance(exc, NotEnoughPermissions):
        return Failure(
            f"the server refused the bot's account (403{said}): check {TOKEN} and that "
            "the account is active",
            auth=True,
            setting=True,
        )
    if isinstance(exc, ResourceNotFound):
        return Failure(_not_found(url, said), setting=True)
    if ca_file and isinstance(exc, OSError) and _missing_ca(exc):
        return Failure(f"mattermost.ca_file: no such file {ca_file!r}", setting=True)
    found = _tls_error(exc)
    if found is not None:
        return Failure(_tls(found, ca_file), setting=True)
    if isinstance(exc, requests.ConnectionError | requests.Timeout | OSError):
        return Failure(
            f"cannot reach {url} ({_root_text(exc)}): the server is down, or mattermost.url "
            "is wrong"
        )
    return Failure(f"websocket {type(exc).__name__}")


def _server_said(exc: BaseException) -> str:
    message = " ".join(str(exc.args[0] if exc.args else "").split())[:200]
    return f' "{message}"' if message else ""


def _not_found(url: str, said: str) -> str:
    base = url.rstrip("/")
    if base.endswith("/api/v4"):
        return (
            f"nothing at {base}/api/v4 (404{said}): mattermost.url is the server's address, "
            f"without /api/v4 ({base.removesuffix('/api/v4')})"
        )
    return (
        f"no Mattermost API at {base}/api/v4 (404{said}): check mattermost.url (the "
        "server's address, as in a browser)"
    )


def _missing_ca(exc: OSError) -> bool:
    return "CA certificate bundle" in str(exc) or isinstance(exc, FileNotFoundError)


def _tls(error: ssl.SSLError, ca_file: str | None) -> str:
    reason = " ".join(str(getattr(error, "verify_message", "") or error.reason or error).split())
    if not isinstance(error, ssl.SSLCertVerificationError):
        where = f"mattermost.ca_file ({ca_file})" if ca_file else "TLS"
        return f"{where}: no usable CA certificate ({reason}): give a PEM file of CA certificates"
    if ca_file:
        return (
            f"the server's TLS certificate is not signed by mattermost.ca_file ({ca_file}): "
            f"{reason}"
        )
    return (
        f"the server's TLS certificate was refused ({reason}): set mattermost.ca_file to "
        "the CA that signed it"
    )


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and what it wraps: requests → urllib3 (its `reason`) → ssl or socket errors."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo and len(seen) < 20:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.append(current)
        # urllib3 keeps the cause in `reason`; only an attribute of the instance is read (a
        # websockets ConnectionClosed has a deprecated `reason` property)
        reason = getattr(current, "__dict__", {}).get("reason")
        inner = [reason, current.__cause__, current.__context__]
        inner += list(current.args)
        todo += [e for e in inner if isinstance(e, BaseException)]
    return seen


def _tls_error(exc: BaseException) -> ssl.SSLError | None:
    return next((e for e in _causes(exc) if isinstance(e, ssl.SSLError)), None)


def _root_text(exc: BaseException) -> str:
    root = _causes(exc)[-1]
    text = " ".join(str(root).split())[:200]
    return f"{type(root).__name__}: {text}" if text else type(root).__name__
