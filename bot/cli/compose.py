"""Composition root: settings → storage, adapters, bot → run.

With `bot/cli/admin.py`, the only modules of the core that import `adapters` and `storage`.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import signal
import socket
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot import departures
from bot.cli.signals import on_signals
from bot.clock import SystemClock
from bot.context import Context, Policy
from bot.core import Bot
from bot.directory import Answers, Index, load
from bot.directory.reload import DirectoryReloader
from bot.followups import QuietHours
from bot.ids import Platform
from bot.messages import Address
from bot.ops import CaseCounts, OpsServer, Ping
from bot.people import Listener, Roster
from bot.ports import Adapter, KeyValue
from bot.privacy import Retention
from bot.routing import Limits
from bot.runtime import Runtime
from bot.settings import ConfigError, Settings
from storage.crypto import FieldCipher

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger("soutien")
DEMO_DB = "demo.db"  # the only database `demo.reset_on_start` may delete


def roster_of(settings: Settings, console: bool) -> Roster:
    members = []
    for entry in settings.listeners:
        addresses = [Address(Platform.CONSOLE, entry.id)] if console else []
        if entry.matrix:
            addresses.append(Address(Platform.MATRIX, entry.matrix))
        if entry.mattermost:
            addresses.append(Address(Platform.MATTERMOST, entry.mattermost))
        members.append(
            Listener(
                id=entry.id,
                name=entry.name,
                teams=tuple(entry.teams),
                addresses=tuple(addresses),
                coordinator=entry.coordinator,
                listens=entry.listens,
                active=entry.active,
            )
        )
    return Roster(tuple(members))


def cipher_of(settings: Settings) -> FieldCipher:
    """The field cipher; the console demo alone may run on a throwaway key."""

    key = settings.security.secret_key
    if key is not None:
        olds = tuple(k.get_secret_value() for k in settings.security.old_secret_keys)
        try:
            return FieldCipher(key.get_secret_value(), olds)
        except ValueError as exc:
            raise ConfigError(f"SOUTIEN_SECURITY__SECRET_KEY: {exc}") from None
    if settings.console_demo:
        log.warning(
            "no security.secret_key: the console demo uses a throwaway key "
            "(its data cannot be read after this run)"
        )
        return FieldCipher.throwaway()
    raise ConfigError("security.secret_key is required: set SOUTIEN_SECURITY__SECRET_KEY")


def prepare_database(settings: Settings) -> None:
    """Before any engine opens it: the demo's reset (only of its own throwaway database),
    the file's folder and rights. The migrations come once the database answers (`run`)."""
    from storage.database import DatabaseUnusable, sqlite_file, writable_location

    url = settings.storage.url
    path = sqlite_file(url)
    if settings.demo.reset_on_start:
        _reset_demo(settings, path)
    writable_location(url)
    if not settings.storage.auto_migrate and path is not None and not path.exists():
        raise DatabaseUnusable(
            f"storage.url: no database at {path} and storage.auto_migrate is false: "
            "run `soutien-bot db upgrade` first"
        )


async def database_ready(
    settings: Settings, engine: AsyncEngine, cipher: FieldCipher | None, stopping: asyncio.Event
) -> bool:
    """A PostgreSQL server not up yet is waited for (with back-off, until SIGTERM: False),
    then the migrations (`storage.auto_migrate`), the schema and the key. What ends the
    start-up names storage.url, without its password."""
    from bot.cli.admin import upgrade_and_say
    from storage.database import DatabaseFailed, DatabaseUnusable, ping, sqlite_file
    from storage.keycheck import where
    from storage.startup import cause, patiently, ready

    url = settings.storage.url
    file = sqlite_file(url)
    try:
        if settings.storage.auto_migrate:
            if file is None and not await patiently(engine, lambda: ping(engine), stopping):
                return False
            await asyncio.to_thread(upgrade_and_say, url, log.info)
        return await ready(engine, cipher, stopping=stopping)
    except DatabaseUnusable:
        raise
    except Exception as exc:
        raise DatabaseFailed(f"storage.url: {where(engine)}: {cause(exc)}") from exc


def demo_kept(settings: Settings, path: Path | None) -> str | None:
    """Why `demo.reset_on_start` keeps the database (a warning naming it), or None: only
    the keyless console demo's own `demo.db` is reset, when the file says the demo wrote
    it under a throwaway key nobody can read again, or it is empty; whatever this run's key."""
    from storage.demo import kept_because

    ignored = "demo.reset_on_start ignored"
    if path is None or path.name != DEMO_DB or not settings.console_demo:
        only = f"only the console demo's own database (a SQLite file named {DEMO_DB})"
        return f"{ignored}: {only} is ever reset"
    if settings.security.secret_key is not None:
        return (
            f"{ignored} for {path}: a secret key is set, so its data may be real; the file is kept"
        )
    reason = kept_because(path)
    if reason is not None:
        hint = "delete it yourself if it is only demo data"
        return f"{ignored} for {path}: {reason}; the file is kept ({hint})"
    return None


def _reset_demo(settings: Settings, path: Path | None) -> None:
    kept = demo_kept(settings, path)
    if kept is not None:
        log.warning("%s", kept)
        return
    log.info("demo.reset_on_start: starting from an empty %s", path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def adapters_of(settings: Settings, state: KeyValue) -> list[Adapter]:
    """The console when no platform is configured; otherwise each configured platform."""
    if settings.console_demo:
        from adapters.console import ConsoleAdapter

        return [ConsoleAdapter(known=tuple(entry.id for entry in settings.listeners))]
    secret = settings.security.secret_key.get_secret_value() if settings.security.secret_key else ""
    adapters: list[Adapter] = []
    if settings.mattermost.configured:
        adapters.append(_mattermost(settings, state, secret))
    if settings.matrix.configured:
        adapters.append(_matrix(settings, state, secret))
    return adapters


def _mattermost(settings: Settings, state: KeyValue, secret: str) -> Adapter:
    from adapters.mattermost import MattermostAdapter, MattermostOptions

    mm = settings.mattermost
    listen = settings.http.listen or mm.http_listen
    options = MattermostOptions(
        url=mm.url or "",
        token=mm.token.get_secret_value() if mm.token else "",
        public_url=mm.public_url or f"http://{listen}",
        command_tokens=tuple(t.get_secret_value() for t in mm.command_tokens),
        signing_key=hmac.new(secret.encode(), b"mattermost-actions", hashlib.sha256).digest(),
        verify=mm.ca_file or mm.verify_tls,
        locale=settings.locale.default,
    )
    return MattermostAdapter(options, state)


def _matrix(settings: Settings, state: KeyValue, secret: str) -> Adapter:
    from adapters.matrix import MatrixAdapter, MatrixOptions

    m = settings.matrix
    options = MatrixOptions(
        homeserver=m.homeserver or "",
        user_id=m.user_id or "",
        pickle_key=hmac.new(secret.encode(), b"matrix-pickle", hashlib.sha256).hexdigest(),
        store_path=Path(m.store_path),
        password=m.password.get_secret_value() if m.password else None,
        access_token=m.access_token.get_secret_value() if m.access_token else None,
        device_name=m.device_name,
        allowed_servers=tuple(m.allowed_servers),
        min_send_interval=m.min_send_interval,
        send_burst=m.send_burst,
        undecryptable_grace=m.undecryptable_grace,
        max_backoff=m.max_backoff,
        locale=settings.locale.default,
    )
    return MatrixAdapter(options, state)


def ops_server(settings: Settings, store: CaseCounts, ping: Ping) -> OpsServer | None:
    """The operations server, or None for a console demo with no `http.listen`."""
    listen = settings.http.listen
    if listen is None and not settings.console_demo:
        listen = settings.mattermost.http_listen
    if listen is None:
        return None
    return OpsServer(listen, settings.http.ops_listen, ping, store)


async def run(settings: Settings, cipher: FieldCipher) -> None:
    from storage.database import create_engine, ping
    from storage.keyvalue import SqlKeyValue
    from storage.store import SqlStore

    loop = asyncio.get_running_loop()
    stopping = on_signals(loop)  # from here on, SIGTERM ends with status 0
    path = settings.directory.resolved
    answers = Answers(Index(load(path)))
    engine = create_engine(settings.storage.url)
    keyed = settings.security.secret_key is not None
    try:  # the schema and the key, before anything is written
        started = await database_ready(settings, engine, cipher if keyed else None, stopping)
        if not started or stopping.is_set():  # SIGTERM before the bot started: status 0
            await engine.dispose()
            return
    except BaseException:
        await engine.dispose()
        raise
    roster = roster_of(settings, settings.console_demo)
    try:  # no requester cut off by a roster edit (bot/departures.py)
        departures.check(await SqlStore(engine, cipher).held_by_absent(roster.members))
    except BaseException:
        await engine.dispose()
        raise
    state = SqlKeyValue(engine, cipher)
    adapters = adapters_of(settings, state)
    clock = SystemClock()
    policy = Policy(
        offer_timeout=settings.routing.offer_timeout,
        limits=Limits(settings.routing.max_active_cases, settings.routing.max_new_cases_per_week),
        default_locale=settings.locale.default,
        retention=Retention(
            timedelta(days=settings.privacy.retention_days),
            timedelta(days=settings.privacy.audit_days),
        ),
        waiting_retry=settings.routing.waiting_retry,
        nudge_after=settings.reminders.listener_nudge_after,
        quiet_hours=QuietHours.parse(settings.reminders.quiet_hours),
        heavy_cooldown=settings.routing.heavy_cooldown or timedelta(0),
        heavy_run=settings.routing.heavy_run,
    )
    store = SqlStore(engine, cipher)
    ctx = Context(
        store,
        roster,
        clock,
        answers,
        frozenset(a.platform for a in adapters),
        policy,
        state,
    )
    reloader = DirectoryReloader(path, answers)
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, reloader.reload)
    owner = f"{socket.gethostname()}:{os.getpid()}"
    lease = None
    if settings.ha.enabled:  # two replicas, one active (README: "Running two replicas")
        from storage.lease import AdvisoryLease

        lease = AdvisoryLease(settings.storage.url, settings.ha.takeover_seconds)
    tick = settings.reminders.tick_seconds
    runtime = Runtime(Bot(ctx, owner), adapters, clock, tick, lease=lease, stopping=stopping)
    watcher = asyncio.create_task(reloader.watch())

    async def reachable() -> None:
        await ping(engine)

    ops = ops_server(settings, store, reachable)
    try:
        await runtime.run(ops)
    finally:
        watcher.cancel()
        await engine.dispose()
