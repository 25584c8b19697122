"""Mattermost: the bot's anonymous relay against a bare mattermostdriver relay.

Both run as their own processes against one protocol-faithful fake server (tests/mattermost)
over HTTPS/WSS; this process plays the people and the server, and times each message
from the moment it is posted to the moment its relayed copy is posted. Bot and baseline
take turns in blocks, so that a busy machine slows both alike.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import trustme
import yaml

from bench.stats import ROOT, compare, cpu_seconds, free_port, rss_mb
from tests.mattermost.fake import FakeMattermost
from tests.processes import die_with_parent

SECRET = "bench-secret-key-0123456789-abcdef"
GAP = 0.05  # seconds between two samples: post-delivery work settles, as between two people


class TimedFake(FakeMattermost):
    """The fake server, noting when each post is created (the moment of delivery)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.waiters: list[tuple[Any, asyncio.Future[float]]] = []

    def store_post(self, channel_id: str, user_id: str, message: str, *a: Any, **k: Any) -> Any:
        post = super().store_post(channel_id, user_id, message, *a, **k)
        now = time.perf_counter()
        for entry in list(self.waiters):
            match, future = entry
            if match(post) and not future.done():
                future.set_result(now)
                self.waiters.remove(entry)
        return post

    def expect(self, channel: str, sender: str, needle: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()

        def match(p: dict[str, Any]) -> bool:
            return p["channel_id"] == channel and p["user_id"] == sender and needle in p["message"]

        self.waiters.append((match, future))
        return future

    def found(self, channel: str, sender: str, needle: str) -> dict[str, Any] | None:
        return next(
            (
                p
                for p in sorted(self.posts.values(), key=lambda p: p["create_at"])
                if p["channel_id"] == channel and p["user_id"] == sender and needle in p["message"]
            ),
            None,
        )


class Side:
    """One relay (the bot or the baseline), seen from the people's side."""

    def __init__(self, fake: TimedFake, relay: str, a: str, b: str, b_root: str = "") -> None:
        self.fake, self.relay, self.a, self.b, self.b_root = fake, relay, a, b, b_root
        self.process: subprocess.Popen[bytes] | None = None

    async def one(self, sender: str, text: str, to: str, root: str = "") -> float:
        """Post `text`; seconds until its copy reaches `to`."""
        fake = self.fake
        arrived = fake.expect(fake.dm_between(self.relay, to), self.relay, text)
        start = time.perf_counter()
        fake.say(sender, self.relay, text, root)
        return await asyncio.wait_for(arrived, 30) - start

    async def relay_once(self, n: int) -> float:
        if n % 2 == 0:
            return await self.one(self.a, f"bonjour {n} {os.urandom(4).hex()}", self.b)
        return await self.one(self.b, f"je t'écoute {n} {os.urandom(4).hex()}", self.a, self.b_root)

    async def burst(self, size: int = 5) -> float:
        tag = os.urandom(4).hex()
        fake, to = self.fake, self.fake.dm_between(self.relay, self.b)
        last = [fake.expect(to, self.relay, f"rafale {k} {tag}") for k in range(size)]
        start = time.perf_counter()
        for k in range(size):
            fake.say(self.a, self.relay, f"rafale {k} {tag}")
        return max(await asyncio.wait_for(asyncio.gather(*last), 60)) - start

    async def first_reply(self, name: str) -> float:
        person = self.fake.add_user(name)
        fake = self.fake
        arrived = fake.expect(fake.dm_between(self.relay, person), self.relay, "")
        start = time.perf_counter()
        fake.say(person, self.relay, "bonjour")
        return await asyncio.wait_for(arrived, 30) - start


def _bot_config(folder: Path, fake: TimedFake, ca: Path, port: int) -> Path:
    config = {
        "storage": {"url": f"sqlite+aiosqlite:///{folder / 'bot.db'}"},
        "mattermost": {
            "url": fake.url,
            "http_listen": f"127.0.0.1:{port}",
            "public_url": f"http://127.0.0.1:{port}",
            "ca_file": str(ca),
        },
        "reminders": {"tick_seconds": 10},
        "directory": {"path": str(ROOT / "directory.yaml")},
        "listeners": [
            {"id": "camille", "name": "Camille", "teams": ["DINUM"], "mattermost": "camille"},
            {"id": "dominique", "name": "Dominique", "mattermost": "dominique"},
            {"id": "claude", "name": "Claude", "coordinator": True, "listens": False},
        ],
    }
    path = folder / "soutien.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def _start(
    argv: list[str], folder: Path, name: str, env: dict[str, str]
) -> subprocess.Popen[bytes]:
    with (folder / f"{name}.log").open("ab") as log:
        return subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


async def _wait(condition: Any, within: float, what: str) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not within {within} s")
        await asyncio.sleep(0.01)


async def _open_case(fake: TimedFake, bot: str, alice: str, camille: str) -> str:
    """alice's anonymous request, accepted by camille; the offer post (camille's thread)."""
    for text, needle in (("demande", "Dans quelle"), ("passer", "Comment"), ("anonyme", "réf")):
        waiting = fake.expect(fake.dm_between(bot, alice), bot, needle)
        fake.say(alice, bot, text)
        await asyncio.wait_for(waiting, 30)
    await _wait(
        lambda: fake.found(fake.dm_between(bot, camille), bot, "Nouvelle demande"), 30, "offer"
    )
    offer = fake.found(fake.dm_between(bot, camille), bot, "Nouvelle demande")
    assert offer is not None
    accepted = fake.expect(fake.dm_between(bot, alice), bot, "accepté")
    fake.say(camille, bot, "accepter", offer["id"])
    await asyncio.wait_for(accepted, 30)
    return str(offer["id"])


async def run(
    messages: int = 120, block: int = 10, bursts: int = 10, firsts: int = 12
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-mm-") as tmp:
        folder = Path(tmp)
        ca = trustme.CA()
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("localhost", "127.0.0.1").configure_cert(tls)
        ca_file = folder / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        fake = TimedFake(ssl_context=tls)
        bot = fake.add_user("soutien", token="bot-token")
        bare = fake.add_user("relais", token="bare-token")
        ids = {
            n: fake.add_user(n) for n in ("alice", "camille", "dominique", "claude", "ana", "bea")
        }
        await fake.start()
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
        env |= {
            "SOUTIEN_SECURITY__SECRET_KEY": SECRET,
            "SOUTIEN_MATTERMOST__TOKEN": "bot-token",
            "SOUTIEN_LOG_LEVEL": "WARNING",
        }
        config = _bot_config(folder, fake, ca_file, port)
        started = time.perf_counter()
        bot_process = _start(
            [sys.executable, "-m", "bot", "run", "--config", str(config)], folder, "bot", env
        )
        bare_process = _start(
            [
                sys.executable,
                "-m",
                "bench.bare_mattermost",
                fake.url,
                "bare-token",
                str(ca_file),
                ids["ana"],
                ids["bea"],
            ],
            folder,
            "bare",
            env,
        )
        try:
            ready = f"http://127.0.0.1:{port}/readyz"
            await _wait(lambda: bot_process.poll() is None and _ready(ready), 60, "bot ready")
            startup = time.perf_counter() - started
            try:
                await _wait(
                    lambda: (folder / "bare.log").read_text().startswith("ready"), 60, "bare"
                )
            except TimeoutError:
                raise RuntimeError((folder / "bare.log").read_text()[-2000:]) from None
            await asyncio.sleep(1)
            rss_idle = rss_mb(bot_process.pid)
            root = await _open_case(fake, bot, ids["alice"], ids["camille"])
            sides = {
                "bot": Side(fake, bot, ids["alice"], ids["camille"], root),
                "bare": Side(fake, bare, ids["ana"], ids["bea"]),
            }
            pids = {"bot": bot_process.pid, "bare": bare_process.pid}
            relay: dict[str, list[float]] = {"bot": [], "bare": []}
            cpu: dict[str, float] = {"bot": 0.0, "bare": 0.0}
            for k in range(2):  # warm-up, not counted
                for side in sides.values():
                    await side.relay_once(k)
            for b in range(messages // block):
                for name in ("bot", "bare") if b % 2 == 0 else ("bare", "bot"):
                    before = cpu_seconds(pids[name])
                    for n in range(block):
                        relay[name].append(await sides[name].relay_once(n) * 1000)
                        await asyncio.sleep(GAP)
                    cpu[name] += cpu_seconds(pids[name]) - before
            burst: dict[str, list[float]] = {"bot": [], "bare": []}
            for b in range(bursts):
                for name in ("bot", "bare") if b % 2 == 0 else ("bare", "bot"):
                    burst[name].append(await sides[name].burst() * 1000)
                    await asyncio.sleep(0.3)
            first: dict[str, list[float]] = {"bot": [], "bare": []}
            for n in range(firsts):
                for name in ("bot", "bare") if n % 2 == 0 else ("bare", "bot"):
                    first[name].append(await sides[name].first_reply(f"new{name}{n}") * 1000)
                    await asyncio.sleep(GAP)
            rss_after = rss_mb(bot_process.pid)
        finally:
            for process in (bot_process, bare_process):
                process.terminate()
            for process in (bot_process, bare_process):
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            await fake.stop()
    relayed = compare(relay["bot"], relay["bare"])
    return {
        "relay": relayed,
        "burst_of_5": compare(burst["bot"], burst["bare"]),
        "first_reply": compare(first["bot"], first["bare"]),
        "cpu_ms_per_relayed_msg": {
            name: round(cpu[name] * 1000 / len(relay[name]), 2) for name in cpu
        },
        "startup_s": round(startup, 2),
        "rss_mb_idle": rss_idle,
        "rss_mb_after": rss_after,
        "samples": {"gap_s": GAP, "block": block},
    }


if __name__ == "__main__":
    import json

    print(json.dumps(asyncio.run(run(messages=40, bursts=4, firsts=4)), indent=2))
