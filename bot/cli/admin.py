"""Server-side commands: migrations, keys, the audit trail of a case, the Matrix identity."""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.cli.compose import cipher_of
from bot.settings import ConfigError, Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from storage.crypto import FieldCipher


def upgrade_and_say(url: str, say: Callable[[str], object]) -> None:
    """Apply pending migrations and say from which revision to which."""
    from storage.database import head, revision, upgrade

    before = revision(url)
    target = head()
    if before == target:
        say(f"database already at revision {target}: nothing to do")
        return
    say(f"upgrading the database from revision {before or '(empty)'} to {target}")
    upgrade(url)
    say(f"database now at revision {revision(url)}")


def db_upgrade(settings: Settings) -> int:
    upgrade_and_say(settings.storage.url, print)
    return 0


def new_key() -> str:
    """A fresh secret key: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def _need_key(settings: Settings) -> None:
    if settings.security.secret_key is None:
        raise ConfigError("security.secret_key is required: set SOUTIEN_SECURITY__SECRET_KEY")


async def opened(settings: Settings, cipher: FieldCipher | None) -> AsyncEngine:
    """An engine on an existing database at this version's schema, whose data the
    configured keys read (`cipher` None: no key to check). Nothing is created or written."""
    from storage.database import create_engine, existing
    from storage.startup import check

    existing(settings.storage.url)
    engine = create_engine(settings.storage.url)
    try:
        await check(engine, cipher, scratch=True)
    except BaseException:
        await engine.dispose()
        raise
    return engine


async def rotate_keys(settings: Settings) -> int:
    """Move everything to the current key: progress on stderr, a count per table at the end."""
    from storage.database import DatabaseUnusable, existing, revision, upgrade
    from storage.keycheck import where
    from storage.keys import report_rotation, rotate

    _need_key(settings)
    cipher = cipher_of(settings)
    url = settings.storage.url
    existing(url)  # a mistyped path is no new, empty database to "rotate"
    if await asyncio.to_thread(revision, url) is None:
        raise DatabaseUnusable(
            f"storage.url: {_shown(url)} holds no Soutien database: nothing to rotate "
            "(is storage.url the right database?)"
        )
    await asyncio.to_thread(upgrade, url)  # rotation needs this version's schema
    engine = await opened(settings, cipher)  # old keys included: a wrong set is refused
    try:
        print("re-encrypting every encrypted field with the current key…", flush=True)
        progress = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
        report = await rotate(engine, cipher, progress)
        return report_rotation(report, sys.stdout, where(engine))
    finally:
        await engine.dispose()


def departures(settings: Settings) -> list[str] | str | None:
    """What `run` would refuse about the file's roster (bot/departures.py), read from the
    database; or why it was not looked at (None: no SQLite file yet, or the demo's, reset
    at start). Nothing is created or written."""
    from bot.cli.compose import demo_kept, roster_of
    from bot.departures import refusal
    from storage.crypto import FieldCipher
    from storage.database import sqlite_file
    from storage.store import SqlStore

    file = sqlite_file(settings.storage.url)
    if file is not None and not file.exists():
        return None
    if settings.demo.reset_on_start and demo_kept(settings, file) is None:
        return None  # the demo's own database, emptied at start

    async def held() -> list[str]:
        engine = await opened(settings, None)  # cases and the roster are not encrypted
        try:
            store = SqlStore(engine, FieldCipher.throwaway())
            members = roster_of(settings, settings.console_demo).members
            return refusal(await store.held_by_absent(members))
        finally:
            await engine.dispose()

    try:
        return asyncio.run(asyncio.wait_for(held(), timeout=10))
    except Exception as exc:  # noqa: BLE001 - `config check` reads; `run` says what is wrong
        reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        return f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    from storage.database import sqlite_file

    return str(sqlite_file(url) or make_url(url).render_as_string(hide_password=True))


async def audit(args: argparse.Namespace, settings: Settings) -> int:
    """Who accessed one case, from the audit trail."""
    from storage.store import SqlStore

    _need_key(settings)
    cipher = cipher_of(settings)
    engine = await opened(settings, cipher)
    try:
        entries = await SqlStore(engine, cipher).audit_of(args.case)
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


async def matrix_identity(settings: Settings) -> int:
    """Print the master key that coordinators compare with what their client shows."""
    from adapters.matrix.crosssigning import fingerprint, stored_master_key
    from storage.keyvalue import SqlKeyValue

    _need_key(settings)
    cipher = cipher_of(settings)
    engine = await opened(settings, cipher)
    try:
        master = await stored_master_key(SqlKeyValue(engine, cipher))
    finally:
        await engine.dispose()
    if master is None:
        print("no cross-signing identity yet: the bot creates it at its first start on Matrix")
        return 1
    print(f"account:     {settings.matrix.user_id or '?'}")
    print(f"master key:  {fingerprint(master)}")
    return 0


async def stats(args: argparse.Namespace, settings: Settings) -> int:
    """The figures coordinators get with `stats`, for the yearly report (reads no
    encrypted field: no key needed)."""
    from bot.clock import SystemClock
    from bot.reporting import figures, text_of
    from bot.statistics import Period, csv_text
    from storage.crypto import FieldCipher
    from storage.store import SqlStore

    # No key is needed; a key that is set is checked all the same (an operator's early warning).
    keyed = cipher_of(settings) if settings.security.secret_key else None
    engine = await opened(settings, keyed)
    try:
        store = SqlStore(engine, FieldCipher.throwaway())
        r = await figures(store, Period(args.period), SystemClock().now())
        if args.csv:
            print(csv_text(r), end="")
        else:
            print(text_of(r, settings.locale.default))
        return 0
    finally:
        await engine.dispose()
