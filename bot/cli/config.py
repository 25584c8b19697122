"""`soutien-bot config check|reference|example`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.reference import example, reference
from bot.directory import DirectoryError, load
from bot.settings import Settings, env_name
from bot.settings import load as load_settings


def command(args: argparse.Namespace) -> int:
    if args.action == "reference":
        text = reference()
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
            print(f"wrote {args.output}")
        else:
            sys.stdout.write(text)
        return 0
    if args.action == "example":
        sys.stdout.write(example())
        return 0
    from bot.cli import config_path

    path = config_path(args.config)
    settings = load_settings(path)  # a ConfigError says what is wrong, line by line
    needs, notes = review(settings)
    needs += _roster_in_database(settings, notes)
    print(f"{path or 'no file (defaults and environment)'}: valid")
    for line in notes:
        print(f"  note: {line}")
    for line in warnings(settings):
        print(f"  warning: {line}")
    for line in needs:
        print(f"  needed: {line}")
    if needs:
        print(f"{len(needs)} thing(s) still needed before `soutien-bot run`")
        return 1
    print("ready to run" + (" (the console demo)" if settings.console_demo else ""))
    return 0


def review(settings: Settings) -> tuple[list[str], list[str]]:
    """What is still needed (blocking), and what is worth knowing, platform by platform."""
    needs: list[str] = []
    notes: list[str] = []
    platforms = [
        name
        for name, on in (
            ("mattermost", settings.mattermost.configured),
            ("matrix", settings.matrix.configured),
        )
        if on
    ]
    notes.append("platforms: " + (", ".join(platforms) or "none, so the console demo"))
    if platforms and settings.security.secret_key is None:
        needs.append(
            f"{env_name('security', 'secret_key')}: the secret key "
            "(`soutien-bot keys new` prints one; keep it with the backups)"
        )
    if settings.mattermost.configured:
        needs += _mattermost(settings, notes)
    if settings.matrix.configured:
        needs += _matrix(settings, notes)
    members = settings.listeners
    if platforms and not any(m.listens and m.active for m in members):
        needs.append("listeners: nobody listens (`listens: true`): no case can be offered")
    if platforms and not any(m.coordinator for m in members):
        needs.append("listeners: no coordinator: danger alerts would reach nobody")
    try:
        count = len(load(settings.directory.resolved).resources)
        notes.append(f"directory: {settings.directory.resolved} ({count} resources)")
    except DirectoryError as exc:
        needs.append(f"directory.path: {settings.directory.resolved} is not valid:\n{exc}")
    start, end = settings.reminders.quiet_hours.split("-")
    if start == end:
        notes.append(
            f"reminders.quiet_hours: {start}-{end} starts where it ends, so there are no quiet "
            "hours: reminders and follow-ups go out at any time"
        )
    if not platforms:
        return needs, notes
    listen = settings.http.listen or settings.mattermost.http_listen
    where = f"http: {listen}" + (
        f", operations on {settings.http.ops_listen}" if settings.http.ops_listen else ""
    )
    if listen.startswith(("127.", "localhost", "[::1]")):
        where += " (this machine only; in a container set SOUTIEN_HTTP__LISTEN=0.0.0.0:8088)"
    notes.append(where)
    return needs, notes


def warnings(settings: Settings) -> list[str]:
    """What is valid but most likely a slip: a key with the spaces or quotes an env file may
    keep (the data are encrypted with the key exactly as given: fixed later, it is refused)."""
    security = settings.security
    keys = [(env_name("security", "secret_key"), security.secret_key)]
    keys += [(env_name("security", "old_secret_keys"), k) for k in security.old_secret_keys]
    found = []
    for name, key in keys:
        if key is not None and _padded(key.get_secret_value()) and name not in found:
            found.append(name)
    return [
        f"{name}: starts or ends with a space or a quote (kept by an env file?): the data are "
        "encrypted with the key exactly as given; remove them before the first start (once "
        "data are written, the key must stay as it is)"
        for name in found
    ]


def _padded(value: str) -> bool:
    quotes = ("'", '"')
    return value != value.strip() or value[:1] in quotes or value[-1:] in quotes


def _roster_in_database(settings: Settings, notes: list[str]) -> list[str]:
    """Listeners the file takes out while they hold an accepted case (`run` refuses)."""
    from bot.cli.admin import departures

    found = departures(settings)
    if found is None:
        return []  # no database yet: no case held
    if isinstance(found, str):
        notes.append(f"storage.url: the roster was not checked against the database ({found})")
        return []
    return found


def _mattermost(settings: Settings, notes: list[str]) -> list[str]:
    mm = settings.mattermost
    needs = []
    if not mm.command_tokens:
        needs.append(
            f"{env_name('mattermost', 'command_tokens')}: the tokens of /numeros and /soutien "
            '(a JSON list, e.g. ["tok1","tok2"]); without them the commands are refused'
        )
    if mm.public_url is None:
        listen = settings.http.listen or mm.http_listen
        notes.append(
            f"mattermost.public_url is not set: buttons call http://{listen}, "
            "which the Mattermost server must reach"
        )
    if not any(m.mattermost for m in settings.listeners):
        needs.append(
            "listeners: nobody has a `mattermost` username: no one to offer cases to there"
        )
    if mm.ca_file:
        needs += _ca_file(mm.ca_file)
    return needs


def _ca_file(name: str) -> list[str]:
    """A CA file that `run` could not use (it would retry the connection forever)."""
    import ssl

    path = Path(name)
    if not path.is_file():
        what = "is not a file" if path.exists() else "does not exist"
        return [f"mattermost.ca_file: {path.absolute()} {what} (a PEM file of CA certificates)"]
    try:
        ssl.create_default_context(cafile=str(path))
    except (ssl.SSLError, OSError) as exc:
        return [f"mattermost.ca_file: {path.absolute()} holds no usable CA certificate ({exc})"]
    return []


def _matrix(settings: Settings, notes: list[str]) -> list[str]:
    mx = settings.matrix
    needs = []
    if not any(m.matrix for m in settings.listeners):
        needs.append("listeners: nobody has a `matrix` id: no one to offer cases to there")
    if not mx.allowed_servers:
        notes.append("matrix.allowed_servers is empty: anyone who can reach the bot may write")
    for member in settings.listeners:
        server = (member.matrix or "").split(":", 1)[-1]
        if member.matrix and mx.allowed_servers and server not in mx.allowed_servers:
            notes.append(
                f"listener {member.id!r} is on {server}, which is not in matrix.allowed_servers: "
                "the bot declines the conversations they start"
            )
    notes.append(f"matrix store: {mx.store_path} (back it up with the database and the key)")
    return needs
