"""`soutien-bot run` as a process against the fake Mattermost server (over TLS), and a
scripted conversation that can be replayed with a SIGKILL at a chosen point."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sqlite3
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trustme
import yaml

from tests.matrix.synapse import free_port
from tests.mattermost.fake import FakeMattermost
from tests.processes import die_with_parent

ROOT = Path(__file__).resolve().parent.parent.parent
PEOPLE = ("alice", "bob", "camille", "claude")


class BotProcess:
    def __init__(
        self,
        folder: Path,
        fake: FakeMattermost,
        ca_file: Path,
        db_url: str,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.folder = folder
        self.port = free_port()
        config = {
            "storage": {"url": db_url},
            "mattermost": {
                "url": fake.url,
                "http_listen": f"127.0.0.1:{self.port}",
                "ca_file": str(ca_file),
            },
            "reminders": {"tick_seconds": 1},
            "directory": {"path": str(ROOT / "directory.yaml")},
            "listeners": [
                {"id": "camille", "name": "Camille", "mattermost": "camille"},
                {
                    "id": "claude",
                    "name": "Claude",
                    "coordinator": True,
                    "listens": False,
                    "mattermost": "claude",
                },
            ],
        }
        config |= extra or {}
        folder.mkdir(parents=True, exist_ok=True)
        self.config = folder / "soutien.yaml"
        self.config.write_text(yaml.safe_dump(config))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
        env |= {
            "SOUTIEN_LOG_LEVEL": os.environ.get("SOUTIEN_TEST_BOT_LOG_LEVEL", "INFO"),
            "SOUTIEN_SECURITY__SECRET_KEY": "chaos-test-secret-key-0123456789abcdef",
            "SOUTIEN_MATTERMOST__TOKEN": "bot-token",
        }
        with (self.folder / "bot.log").open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(self.config)],
                cwd=self.folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,
            )

    async def is_ready(self) -> bool:
        """Connected to the server (the adapter's /readyz; a standby does not serve it)."""
        assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
        url = f"http://127.0.0.1:{self.port}/readyz"
        try:
            with await asyncio.to_thread(urllib.request.urlopen, url, timeout=1) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    async def ready(self, within: float = 60) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if await self.is_ready():
                return
            await asyncio.sleep(0.1)
        raise AssertionError("the bot never connected:\n" + self.log()[-3000:])

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> int | None:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.terminate()
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def log(self) -> str:
        path = self.folder / "bot.log"
        return path.read_text(errors="replace") if path.exists() else ""


@dataclass
class Stage:
    fake: FakeMattermost
    ids: dict[str, str]
    bot_id: str
    ca_file: Path
    outbox: Path | None = None  # the bot's SQLite database: rows not yet sent count as busy

    def posts_to(self, name: str) -> list[str]:
        return [p["message"] for p in self.fake.bot_posts_to(self.bot_id, self.ids[name])]

    def all_posts(self) -> int:
        return sum(len(self.posts_to(name)) for name in PEOPLE)

    async def quiet(self, within: float = 30, calm: float = 1.2) -> None:
        """Until the bot has posted nothing new for `calm` seconds and, with `outbox`, has
        nothing left to send: a reply still queued after a restart is waited for, so the
        next step cannot overtake it."""
        deadline = time.monotonic() + within
        count, since = self.all_posts(), time.monotonic()
        while time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            now = self.all_posts()
            if now != count or await asyncio.to_thread(_queued, self.outbox):
                count, since = now, time.monotonic()
            elif time.monotonic() - since >= calm:
                return
        raise AssertionError("the bot never went quiet")


def _queued(database: Path | None) -> bool:
    """Whether the bot's outbox holds rows (read-only; a locked or new database: no)."""
    if database is None or not database.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            return bool(db.execute("SELECT count(*) FROM outbox").fetchone()[0])
    except sqlite3.Error:
        return False


@asynccontextmanager
async def stage(folder: Path) -> AsyncIterator[Stage]:
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(server_tls)
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    fake = FakeMattermost(ssl_context=server_tls)
    bot_id = fake.add_user("soutien", token="bot-token")
    ids = {name: fake.add_user(name) for name in PEOPLE}
    await fake.start()
    try:
        yield Stage(fake, ids, bot_id, ca_file)
    finally:
        await fake.stop()


# The scripted conversation: (who, text); "{ref}" is the case's reference; "thread" says
# the listener answers in the case's thread.
SCRIPT: tuple[tuple[str, str], ...] = (
    ("alice", "bonjour"),
    ("alice", "demande"),
    ("alice", "passer"),
    ("alice", "anonyme"),
    ("camille", "accepter {ref}"),
    ("alice", "merci d'être là"),
    ("camille", "thread:je t'écoute, prends ton temps"),
    ("alice", "ça va un peu mieux"),
    ("alice", "clore"),
    ("bob", "bonjour"),
)
_REF = re.compile(r"\*\*([A-Z0-9]{4})\*\*")


def case_ref(stage: Stage) -> str:
    for text in stage.posts_to("alice"):
        if "référence" in text and (found := _REF.search(text)):
            return found.group(1)
    raise AssertionError("no case reference told to alice")


def say(stage: Stage, who: str, text: str) -> None:
    if "{ref}" in text:
        text = text.format(ref=case_ref(stage))
    root = ""
    if text.startswith("thread:"):
        text = text.removeprefix("thread:")
        offers = stage.fake.bot_posts_to(stage.bot_id, stage.ids[who])
        root = next(p["id"] for p in offers if p["props"].get("attachments"))
    stage.fake.say(stage.ids[who], stage.bot_id, text, root)


def received(stage: Stage) -> dict[str, list[str]]:
    """What each person received, the case reference written as REF."""
    try:
        ref = case_ref(stage)
    except AssertionError:
        ref = None
    return {
        name: [text.replace(ref, "REF") if ref else text for text in stage.posts_to(name)]
        for name in PEOPLE
    }


async def play(
    folder: Path, db_url: str, kill_at: int | None = None, delay: float = 0.0
) -> tuple[dict[str, list[str]], BotProcess]:
    """Run the script; with `kill_at`, SIGKILL the bot `delay` s after that step's message,
    restart it and finish. Returns what each person received."""
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    async with stage(folder) as world:
        if db_url.startswith("sqlite"):
            world.outbox = Path(db_url.split(":///", 1)[1])
        bot = BotProcess(folder, world.fake, world.ca_file, db_url)
        bot.start()
        try:
            await bot.ready()
            for n, (who, text) in enumerate(SCRIPT):
                say(world, who, text)
                if n == kill_at:
                    await asyncio.sleep(delay)
                    bot.kill()
                    bot.start()
                    await bot.ready()
                await world.quiet()
            return received(world), bot
        finally:
            code = bot.stop()
            assert code in (0, None), f"exit {code}: " + bot.log()[-3000:]
