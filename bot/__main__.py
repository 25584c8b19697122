"""Composition root and command line: settings → storage, adapters, bot → run.

The only module of the core that imports `adapters` and `storage`.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import logging
import os
import signal
import socket
import sys
from datetime import timedelta
from pathlib import Path

from bot.clock import SystemClock
from bot.context import Context, Policy
from bot.core import Bot
from bot.directory import Answers, DirectoryError, Index, load
from bot.directory import cli as directory_cli
from bot.directory.reload import DirectoryReloader
from bot.followups import QuietHours
from bot.logs import install as install_log_hygiene
from bot.messages import Address
from bot.people import Listener, Roster
from bot.ports import Adapter, KeyValue
from bot.privacy import Retention
from bot.routing import Limits
from bot.runtime import Runtime
from bot.settings import ConfigError, Settings
from bot.settings import load as load_settings
from storage.crypto import FieldCipher

log = logging.getLogger("soutien")
DEMO_DB = "demo.db"  # the only database `demo.reset_on_start` may delete


def roster_of(settings: Settings, console: bool) -> Roster:
    members = []
    for entry in settings.listeners:
        addresses = [Address("console", entry.id)] if console else []
        if entry.matrix:
            addresses.append(Address("matrix", entry.matrix))
        if entry.mattermost:
            addresses.append(Address("mattermost", entry.mattermost))
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


def _cipher(settings: Settings) -> FieldCipher:
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


def _prepare_database(settings: Settings) -> None:
    from sqlalchemy.engine import make_url

    from storage.database import upgrade

    url = make_url(settings.storage.url)
    if settings.demo.reset_on_start:
        demo_file = url.get_backend_name() == "sqlite" and Path(url.database or "").name == DEMO_DB
        if settings.console_demo and demo_file:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{url.database}{suffix}").unlink(missing_ok=True)
        else:  # never on a real database, whatever the file says
            log.warning(
                "demo.reset_on_start ignored: only the console demo's own database "
                "(a SQLite file named %s) is ever reset",
                DEMO_DB,
            )
    if settings.storage.auto_migrate:
        upgrade(settings.storage.url)


def _adapters(settings: Settings, state: KeyValue) -> list[Adapter]:
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
    options = MattermostOptions(
        url=mm.url or "",
        token=mm.token.get_secret_value() if mm.token else "",
        http_listen=mm.http_listen,
        public_url=mm.public_url or f"http://{mm.http_listen}",
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


async def _run(settings: Settings, cipher: FieldCipher) -> None:
    from storage.database import create_engine
    from storage.keyvalue import SqlKeyValue
    from storage.store import SqlStore

    path = Path(settings.directory.path)
    answers = Answers(Index(load(path)))
    engine = create_engine(settings.storage.url)
    state = SqlKeyValue(engine, cipher)
    adapters = _adapters(settings, state)
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
    )
    ctx = Context(
        SqlStore(engine, cipher),
        roster_of(settings, settings.console_demo),
        clock,
        answers,
        frozenset(a.platform for a in adapters),
        policy,
        state,
    )
    reloader = DirectoryReloader(path, answers)
    loop = asyncio.get_running_loop()
    if hasattr(signal, "SIGHUP"):
        loop.add_signal_handler(signal.SIGHUP, reloader.reload)
    if hasattr(signal, "SIGUSR1"):  # an operator's view of what the bot is waiting on
        loop.add_signal_handler(signal.SIGUSR1, _dump_tasks)
    watcher = asyncio.create_task(reloader.watch())
    owner = f"{socket.gethostname()}:{os.getpid()}"
    lease = None
    if settings.ha.enabled:  # two replicas, one active (README: "Running two replicas")
        from storage.lease import AdvisoryLease

        lease = AdvisoryLease(settings.storage.url, settings.ha.takeover_seconds)
    tick = settings.reminders.tick_seconds
    runtime = Runtime(Bot(ctx, owner), adapters, clock, tick, lease=lease)
    # SIGTERM: stop intake, drain the outbox (bounded), exit 0.
    loop.add_signal_handler(signal.SIGTERM, runtime.stop)
    try:
        await runtime.run()
    finally:
        watcher.cancel()
        await engine.dispose()


async def _admin(args: argparse.Namespace, settings: Settings) -> int:
    """Server-side commands: key rotation and the audit trail of one case."""
    from storage.database import create_engine
    from storage.keys import rotate
    from storage.store import SqlStore

    if settings.security.secret_key is None:
        raise ConfigError("security.secret_key is required: set SOUTIEN_SECURITY__SECRET_KEY")
    engine = create_engine(settings.storage.url)
    try:
        if args.command == "keys":
            count = await rotate(engine, _cipher(settings))
            print(f"re-encrypted {count} rows with the current key")
            return 0
        entries = await SqlStore(engine, _cipher(settings)).audit_of(args.case)
        for e in entries:
            print(
                f"{e.at.isoformat(timespec='seconds')}  {e.actor:<28} {e.action:<12} "
                f"{e.case_ref or '-'}  {e.platform}"
            )
        if not entries:
            print(f"no audit entry for {args.case.upper()}")
        return 0
    finally:
        await engine.dispose()


async def _matrix_identity(settings: Settings) -> int:
    """Print the master key that coordinators compare with what their client shows."""
    from adapters.matrix.crosssigning import fingerprint, stored_master_key
    from storage.database import create_engine
    from storage.keyvalue import SqlKeyValue

    if settings.security.secret_key is None:
        raise ConfigError("security.secret_key is required: set SOUTIEN_SECURITY__SECRET_KEY")
    engine = create_engine(settings.storage.url)
    try:
        master = await stored_master_key(SqlKeyValue(engine, _cipher(settings)))
    finally:
        await engine.dispose()
    if master is None:
        print("no cross-signing identity yet: the bot creates it at its first start on Matrix")
        return 1
    print(f"account:     {settings.matrix.user_id or '?'}")
    print(f"master key:  {fingerprint(master)}")
    return 0


def _dump_tasks() -> None:
    import io

    for task in asyncio.all_tasks():
        out = io.StringIO()
        task.print_stack(limit=12, file=out)
        log.warning("task %s:\n%s", task.get_name(), out.getvalue())


def _config_path(given: str | None) -> Path | None:
    if given:
        return Path(given)
    default = Path("soutien.yaml")
    return default if default.exists() else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="soutien-bot", description="Soutien peer-support bot")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the bot (migrates first)")
    run.add_argument("--config")
    db = sub.add_parser("db", help="database")
    db.add_argument("action", choices=["upgrade"])
    db.add_argument("--config")
    directory = sub.add_parser("directory", help="the helpline directory")
    dsub = directory.add_subparsers(dest="action", required=True)
    check = dsub.add_parser("check", help="validate a directory file")
    check.add_argument("file", nargs="?", default="directory.yaml")
    dsub.add_parser("schema", help="print the JSON Schema of directory.yaml")
    search = dsub.add_parser("search", help="search; '-' reads JSON lines on stdin")
    search.add_argument("query")
    search.add_argument("--at")
    search.add_argument("--lang", choices=["fr", "en"], default="fr")
    search.add_argument("--json", action="store_true")
    search.add_argument("--directory", default="directory.yaml")
    keys = sub.add_parser("keys", help="encryption keys")
    keys.add_argument("action", choices=["rotate"])
    keys.add_argument("--config")
    audit = sub.add_parser("audit", help="who accessed a case (for coordinators, on the server)")
    audit.add_argument("--case", required=True, metavar="REF")
    audit.add_argument("--config")
    matrix = sub.add_parser("matrix", help="Tchap / Matrix")
    matrix.add_argument("action", choices=["identity"], help="the bot's master key fingerprint")
    matrix.add_argument("--config")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    install_log_hygiene()
    level = os.environ.get("SOUTIEN_LOG_LEVEL", "WARNING").upper()
    if not isinstance(logging.getLevelName(level), int):
        print(f"soutien-bot: SOUTIEN_LOG_LEVEL: unknown level {level!r}", file=sys.stderr)
        return 2
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Library chatter that says nothing useful to an operator.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    logging.getLogger("nio.events.misc").setLevel(logging.ERROR)
    try:
        if args.command == "directory":
            return _directory(args)
        settings = load_settings(_config_path(args.config))
        if args.command == "db":
            from storage.database import upgrade

            upgrade(settings.storage.url)
            return 0
        if args.command in ("keys", "audit"):
            return asyncio.run(_admin(args, settings))
        if args.command == "matrix":
            return asyncio.run(_matrix_identity(settings))
        cipher = _cipher(settings)  # before the database is touched
        _prepare_database(settings)
        asyncio.run(_run(settings, cipher))
        return 0
    except ConfigError as exc:
        for line in str(exc).splitlines():
            print(f"soutien-bot: {line}", file=sys.stderr)
        return 2
    except DirectoryError as exc:
        print(f"soutien-bot: invalid directory, not starting:\n{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one line for the operator; the traceback only in debug logs
        log.debug("stopped by an error", exc_info=True)
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        print(f"soutien-bot: {type(exc).__name__}: {first}", file=sys.stderr)
        return 1


def _directory(args: argparse.Namespace) -> int:
    if args.action == "check":
        return directory_cli.check(Path(args.file), sys.stdout)
    if args.action == "schema":
        return directory_cli.schema(sys.stdout)
    try:
        return directory_cli.search(
            Path(args.directory),
            args.query,
            args.at,
            args.lang,
            args.json,
            sys.stdin.buffer,  # bytes: a line that is not UTF-8 gets its own error answer
            sys.stdout,
        )
    except ValueError as exc:
        print(f"soutien-bot: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
