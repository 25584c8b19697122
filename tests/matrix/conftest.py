"""Fixtures: a real Synapse per session, the bot as a real process, users as nio clients."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import yaml

from tests.matrix.people import MatrixUser
from tests.matrix.synapse import ROOT, SYNAPSE_PYTHON, Synapse, free_port
from tests.processes import die_with_parent

_names = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def _need_synapse() -> None:
    if not SYNAPSE_PYTHON.exists():
        pytest.fail(".venv-synapse is missing: run `make test`, which installs matrix-synapse")


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    _need_synapse()
    server = Synapse(tmp_path_factory.mktemp("synapse"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def synapse_default_limits(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """Synapse with its default message, join, invite and room limits: 429s really happen."""
    _need_synapse()
    server = Synapse(tmp_path_factory.mktemp("synapse-default"), raised_limits=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()


class BotProcess:
    """`soutien-bot run` against a homeserver, as it runs in production."""

    def __init__(
        self,
        folder: Path,
        server: Synapse,
        roster: dict[str, str],
        send_interval: float = 0.0,
        storage_url: str | None = None,
    ) -> None:
        self.folder = folder
        self.n = next(_names)
        self.user_id = server.register(f"soutien{self.n}", PASSWORD)
        port = free_port()
        self.http = f"http://127.0.0.1:{port}"  # /healthz, /readyz, /metrics
        config = {
            "storage": {"url": storage_url or f"sqlite+aiosqlite:///{folder / 'bot.db'}"},
            "http": {"listen": f"127.0.0.1:{port}"},
            "matrix": {
                "homeserver": server.url,
                "user_id": self.user_id,
                "store_path": str(folder / "nio-store"),
                "min_send_interval": send_interval,
                "undecryptable_grace": 20,
                "max_backoff": 2,
            },
            "reminders": {"tick_seconds": 1},
            "directory": {"path": str(ROOT / "directory.yaml")},
            "listeners": [
                {
                    "id": "camille",
                    "name": "Camille",
                    "teams": ["DINUM"],
                    "matrix": roster["camille"],
                },
                {"id": "dominique", "name": "Dominique", "matrix": roster["dominique"]},
                {
                    "id": "claude",
                    "name": "Claude",
                    "coordinator": True,
                    "listens": False,
                    "matrix": roster["claude"],
                },
            ],
        }
        self.config = folder / "soutien.yaml"
        self.config.write_text(yaml.safe_dump(config))
        self.process: subprocess.Popen[bytes] | None = None
        self.secret = "matrix-test-secret-key-0123456789"  # a test may rotate it

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
        env |= {
            "SOUTIEN_LOG_LEVEL": os.environ.get("SOUTIEN_LOG_LEVEL", "INFO"),
            "SOUTIEN_SECURITY__SECRET_KEY": self.secret,
            "SOUTIEN_MATRIX__PASSWORD": PASSWORD,
        }
        with (self.folder / "bot.log").open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--config", str(self.config)],
                cwd=self.folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,  # even if pytest itself is killed
            )

    def replica(self, folder: Path) -> BotProcess:
        """A second process of this bot, as a second replica runs it: the same account,
        configuration, database and Matrix store (the replicas' shared volume), its own
        HTTP port and log."""
        folder.mkdir(parents=True, exist_ok=True)
        twin = copy.copy(self)
        twin.folder, twin.process = folder, None
        port = free_port()
        twin.http = f"http://127.0.0.1:{port}"
        config = yaml.safe_load(self.config.read_text())
        config["http"]["listen"] = f"127.0.0.1:{port}"
        twin.config = folder / "soutien.yaml"
        twin.config.write_text(yaml.safe_dump(config))
        return twin

    async def is_ready(self) -> bool:
        """Its /readyz: connected to the homeserver (a standby says 503)."""
        assert self.process is not None and self.process.poll() is None, self.log()[-3000:]
        try:
            url = self.http + "/readyz"
            with await asyncio.to_thread(urllib.request.urlopen, url, timeout=1) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    async def ready(self, within: float = 60) -> None:
        deadline = time.monotonic() + within
        while not await self.is_ready():
            if time.monotonic() > deadline:
                raise AssertionError("the bot never connected:\n" + self.log()[-3000:])
            await asyncio.sleep(0.1)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> int | None:
        """SIGTERM (SIGKILL if it does not end within 20 s); its exit status."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log(self) -> str:
        return (self.folder / "bot.log").read_text(errors="replace")


class World:
    """A bot and its people on one homeserver."""

    def __init__(self, server: Synapse, folder: Path, send_interval: float = 0.0) -> None:
        self.server = server
        self.folder = folder
        self.users: dict[str, MatrixUser] = {}
        for name in ("alice", "bob", "camille", "dominique", "claude"):
            user_id = server.register(f"{name}{next(_names)}", PASSWORD)
            self.users[name] = MatrixUser(server.url, user_id, PASSWORD, folder / name)
        roster = {n: u.user_id for n, u in self.users.items()}
        self.bot = BotProcess(folder, server, roster, send_interval)

    async def start(self) -> World:
        self.bot.start()
        for user in self.users.values():
            await user.start()
        return self

    def __getattr__(self, name: str) -> MatrixUser:
        users: dict[str, MatrixUser] = self.__dict__["users"]
        if name in users:
            return users[name]
        raise AttributeError(name)

    async def stop(self) -> None:
        """Stops everything, whatever failed: the bot process last but always."""
        try:
            for user in self.users.values():
                with contextlib.suppress(Exception):
                    await user.stop()
        finally:
            self.bot.stop()


@pytest.fixture
async def world(synapse: Synapse, tmp_path: Path) -> AsyncIterator[World]:
    w = World(synapse, tmp_path)
    try:
        await w.start()  # a failure half-way still stops what was started
        yield w
    except BaseException:
        raise
    finally:
        if w.bot.process is not None and w.bot.process.poll() is None:
            w.bot.process.send_signal(signal.SIGUSR1)
            await asyncio.sleep(0.5)
        await w.stop()
        if os.environ.get("SOUTIEN_SHOW_BOT_LOG"):
            print(w.bot.log())
