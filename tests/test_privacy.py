"""Privacy, proven on what is actually stored and logged."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from bot.cases import CaseState
from bot.ids import Platform
from bot.logs import REDACTED, install, sensitive
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ports import MessageHandler
from bot.runtime import Runtime
from storage.crypto import FieldCipher
from storage.keys import rotate
from storage.store import SqlStore
from tests.conftest import SECRET
from tests.harness import Chat

REQUESTER = "alice.secret-handle"
TEAM = "Direction Zorglub des Finances"
WORDS = "mon chef me harcèle depuis des mois et je n'en dors plus"


class ScriptAdapter:
    """Plays a scripted conversation through the real Runtime, records what is sent."""

    platform = Platform.CONSOLE

    def __init__(self, script: Sequence[tuple[str, str]]) -> None:
        self.script = script
        self.sent: list[OutgoingMessage] = []

    async def run(self, on_message: MessageHandler) -> None:
        for user, line in self.script:
            await on_message(IncomingMessage(Address(Platform.CONSOLE, user), line, handle=user))

    async def send(self, message: OutgoingMessage) -> None:
        self.sent.append(message)

    async def send_image(self, message: OutgoingMessage) -> None:
        self.sent.append(message)

    async def stop(self) -> None:
        return None


SCRIPT = [
    (REQUESTER, "bonjour"),
    (REQUESTER, "demande"),
    (REQUESTER, TEAM),
    (REQUESTER, "anonyme"),
    ("camille", "accepter"),
    (REQUESTER, WORDS),
    ("camille", "je t'entends, on en parle"),
    (REQUESTER, "j'ai envie d'en finir parfois"),
    ("claude", "en attente"),
    (REQUESTER, "clore"),
    (REQUESTER, "oui"),
]


async def _converse(store: SqlStore) -> tuple[Chat, ScriptAdapter]:
    chat = Chat(store)
    adapter = ScriptAdapter(SCRIPT)
    await Runtime(chat.bot, [adapter], chat.clock, tick_every=3600).run()
    return chat, adapter


async def _raw(store: SqlStore, folder: Path) -> bytes:
    if store.engine.url.get_backend_name() == "sqlite":
        await store.engine.dispose()
        return await asyncio.to_thread(
            lambda: b"".join(p.read_bytes() for p in folder.glob("soutien.db*"))
        )
    dump = []
    async with store.engine.connect() as conn:
        tables = await conn.run_sync(lambda c: inspect(c).get_table_names())
        for table in tables:
            rows = await conn.execute(text(f'SELECT row_to_json(t)::text FROM "{table}" t'))
            dump += [row[0] for row in rows]
    return "\n".join(dump).encode()


async def test_conversation_leaves_no_identity_team_or_text_in_db_or_logs(
    any_store: SqlStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    install()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # logs SQL parameters
        try:
            _, adapter = await _converse(any_store)
        finally:
            logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    assert any(WORDS in m.text for m in adapter.sent)  # the relay did happen
    logs = caplog.text
    assert "INSERT INTO" in logs  # SQL really was logged, parameters included
    raw = await _raw(any_store, tmp_path)
    for secret in (REQUESTER, TEAM, "Zorglub", WORDS, "harcèle", "envie d'en finir"):
        assert secret.encode() not in raw, f"{secret!r} is stored"
        assert secret not in logs, f"{secret!r} is logged"


def test_log_scrubbing_is_central() -> None:
    install()
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(handler.format(record))  # type: ignore[method-assign]
    logger = logging.getLogger("somelibrary")
    logger.addHandler(handler)
    try:
        with sensitive("texte très privé", "@bob:example.org"):
            logger.error("got %s", "texte très privé")
            try:
                raise ValueError("texte très privé in an exception")
            except ValueError:
                logger.exception("failed")
        logger.error("user @carol:tchap.gouv.fr wrote to dave@example.com")
    finally:
        logger.removeHandler(handler)
    joined = "\n".join(records)
    assert "très privé" not in joined and REDACTED in joined
    assert "@carol:tchap.gouv.fr" not in joined and "dave@example.com" not in joined


async def test_my_data_then_forget_round_trip(chat: Chat) -> None:
    ref = await chat.request("alice", team="DINUM")
    out = await chat.deliver("alice", "mes données")
    export = out[0].text
    assert ref in export and "DINUM" in export and "alice" in export and "aucun message" in export
    await chat.deliver("alice", "oubli")
    assert "définitif" in chat.last("alice")
    await chat.deliver("alice", "non")
    assert await chat.store.case_by_ref(ref) is not None
    await chat.deliver("alice", "oubli")
    await chat.deliver("alice", "oui")
    assert "ne garde plus rien" in chat.last("alice")
    assert "retirée" in chat.last("dominique") and "alice" not in chat.last("dominique")
    assert await chat.store.case_by_ref(ref) is None
    audit = await chat.store.audit_of(ref)
    assert [e.action for e in audit][-1] == "erased"
    assert all("alice" not in e.actor for e in audit)


async def test_retention_purges_old_cases_and_keeps_anonymous_counts(chat: Chat) -> None:
    old = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "non")
    chat.clock.advance(timedelta(days=60))
    recent = await chat.request("bob")
    await chat.deliver("bob", "annuler")
    chat.clock.advance(timedelta(days=31))
    report = await chat.bot.purge(chat.clock.now())
    assert report.cases == 1 and report.persons == 2  # alice, and camille's own row; not bob
    assert await chat.store.case_by_ref(old) is None
    assert (await chat.store.case_by_ref(recent)) is not None
    counts = await chat.store.monthly_counts()
    assert counts == {("2026-03", "closed"): 1}
    again = await chat.bot.purge(chat.clock.now())
    assert again.cases == 0 and await chat.store.monthly_counts() == counts


async def test_audit_records_each_access_without_identities(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("camille", "mes cas")
    await chat.deliver("camille", "bonjour")
    await chat.deliver("claude", "stats")
    actions = [(e.actor, e.action) for e in await chat.store.audit_of(ref)]
    assert actions == [
        ("listener:camille", "offered"),
        ("listener:camille", "accepted"),
        ("listener:camille", "viewed"),
        ("listener:camille", "relayed"),
    ]


async def test_key_rotation_keeps_everything_readable(store: SqlStore, sqlite_url: str) -> None:
    chat = Chat(store)
    ref = await chat.request("alice", team="DINUM")
    new = FieldCipher("a-brand-new-secret-key-1234567", old_secrets=(SECRET,))
    assert (await rotate(store.engine, new)).complete
    rotated = SqlStore(store.engine, FieldCipher("a-brand-new-secret-key-1234567"))
    case = await rotated.case_by_ref(ref)
    assert case is not None and case.team == "DINUM" and case.state is CaseState.OFFERED
    again = await rotated.person(Address(Platform.CONSOLE, "alice"), chat.clock.now())
    assert again.id == case.requester_id  # the look-up hash follows the new key


def test_cli_audit_and_key_rotation(tmp_path: Path) -> None:
    """`soutien-bot audit --case REF` and `soutien-bot keys rotate`, as an operator runs them."""
    import os
    import subprocess
    import sys

    url = f"sqlite+aiosqlite:///{tmp_path / 'ops.db'}"

    async def scenario() -> str:
        from tests.conftest import make_store

        store = await make_store(url)
        chat = Chat(store)
        ref = await chat.request("alice", team="DINUM")  # camille is linked: dominique
        await chat.deliver("dominique", "accepter")
        await store.engine.dispose()
        return ref

    ref = asyncio.run(scenario())
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {"SOUTIEN_STORAGE__URL": url, "SOUTIEN_SECURITY__SECRET_KEY": SECRET}

    def cli(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env | extra,
            timeout=60,
        )

    audit = cli("audit", "--case", ref.lower())
    assert audit.returncode == 0, audit.stderr
    assert "listener:dominique" in audit.stdout and "accepted" in audit.stdout
    assert "alice" not in audit.stdout
    new_key = "another-long-secret-key-for-rotation"
    rotated = cli(
        "keys",
        "rotate",
        SOUTIEN_SECURITY__SECRET_KEY=new_key,
        SOUTIEN_SECURITY__OLD_SECRET_KEYS=f'["{SECRET}"]',
    )
    assert rotated.returncode == 0, rotated.stderr
    assert "persons: 2 rewritten" in rotated.stdout and "cases: 1 rewritten" in rotated.stdout
    assert "done: every row is under the current key" in rotated.stdout
    assert "persons: 2/2" in rotated.stderr  # progress, on stderr
    again = cli(
        "keys",
        "rotate",
        SOUTIEN_SECURITY__SECRET_KEY=new_key,
        SOUTIEN_SECURITY__OLD_SECRET_KEYS=f'["{SECRET}"]',
    )
    assert again.returncode == 0 and "persons: 0 rewritten, 2 already" in again.stdout
    assert cli("audit", "--case", ref, SOUTIEN_SECURITY__SECRET_KEY=new_key).returncode == 0
