"""Matrix: the bot's anonymous relay against a bare matrix-nio relay, on one real Synapse.

The homeserver is the tests' own (tests/matrix/synapse.py), its rate limits raised for both
relays alike; the bot runs as `soutien-bot run` with its production sending settings, the
baseline as bench/bare_matrix.py. The people are nio clients with E2EE in this process; a
message is timed from the moment its sender starts sending it to the moment its relayed
copy is decrypted by the receiver. Bot and baseline take turns in blocks.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from nio import MatrixRoom, RoomMessageText

from bench.stats import ROOT, compare, cpu_seconds, rss_mb
from tests.matrix.conftest import PASSWORD, World
from tests.matrix.people import MatrixUser
from tests.matrix.synapse import SYNAPSE_PYTHON, Synapse
from tests.processes import die_with_parent

GAP = 0.6  # between two samples: each room then hears from a relay about once a second


class Timed:
    """A person whose received messages are timed as they are decrypted."""

    def __init__(self, user: MatrixUser) -> None:
        self.user = user
        self.waiters: list[tuple[str, asyncio.Future[float]]] = []
        user.client.add_event_callback(self._got, RoomMessageText)

    async def _got(self, _: MatrixRoom, event: RoomMessageText) -> None:
        now = time.perf_counter()
        for entry in list(self.waiters):
            if entry[0] in event.body and not entry[1].done():
                entry[1].set_result(now)
                self.waiters.remove(entry)

    def expect(self, needle: str) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters.append((needle, future))
        return future


class Side:
    def __init__(self, a: Timed, a_room: str, b: Timed, b_room: str) -> None:
        self.a, self.a_room, self.b, self.b_room = a, a_room, b, b_room

    async def one(self, sender: Timed, room: str, to: Timed, text: str) -> float:
        arrived = to.expect(text)
        await sender.user.ready_to_encrypt(room)
        start = time.perf_counter()
        await sender.user.say(room, text)
        return await asyncio.wait_for(arrived, 60) - start

    async def relay_once(self, n: int) -> float:
        tag = f"{n} {os.urandom(4).hex()}"
        if n % 2 == 0:
            return await self.one(self.a, self.a_room, self.b, f"bonjour {tag}")
        return await self.one(self.b, self.b_room, self.a, f"je t'écoute {tag}")

    async def burst(self, size: int = 5) -> float:
        tag = os.urandom(4).hex()
        arrived = [self.b.expect(f"rafale {k} {tag}") for k in range(size)]
        await self.a.user.ready_to_encrypt(self.a_room)
        start = time.perf_counter()
        for k in range(size):
            await self.a.user.say(self.a_room, f"rafale {k} {tag}")
        return max(await asyncio.wait_for(asyncio.gather(*arrived), 120)) - start


async def _first_reply(server: Synapse, folder: Path, relay: str, name: str) -> float:
    """A new person opens a DM with the relay and says hello: time to the answer."""
    user_id = server.register(name, PASSWORD)
    person = MatrixUser(server.url, user_id, PASSWORD, folder / name)
    await person.start()
    try:
        room = await person.dm(relay)
        await person.ready_to_encrypt(room)
        start = time.perf_counter()
        await person.say(room, "bonjour")
        await person.until(lambda: any(m.room_id == room for m in person.inbox), within=60)
        return time.perf_counter() - start
    finally:
        await person.stop()


def _bare(argv: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bench.bare_matrix", *argv],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,
        )


def _text(log: Path) -> str:
    return log.read_text(errors="replace")


async def _wait_ready(process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while not _text(log).startswith("ready"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("bare relay: " + _text(log)[-1500:])
        await asyncio.sleep(0.1)


async def _open_case(world: World) -> tuple[str, str]:
    """alice's anonymous request, accepted by camille: (alice's DM, the case room)."""
    alice, camille = world.alice, world.camille
    room = await alice.dm(world.bot.user_id)
    for text, needle in (("demande", "équipe"), ("passer", "anonyme"), ("anonyme", "référence")):
        await alice.say(room, text)
        await alice.expect(needle)
    ref = (await alice.expect("Ta demande a la référence")).body.split("**")[1]
    offer = await camille.expect(f"Nouvelle demande {ref}")
    await camille.say(offer.room_id, f"accepter {ref}")
    await alice.expect("Une personne du groupe a accepté")
    return room, (await camille.expect("Tu écoutes la demande")).room_id


async def run(
    messages: int = 120, block: int = 10, bursts: int = 6, firsts: int = 4
) -> dict[str, Any]:
    if not SYNAPSE_PYTHON.exists():
        raise RuntimeError(".venv-synapse is missing: `make test` installs matrix-synapse")
    with tempfile.TemporaryDirectory(prefix="bench-mx-") as tmp:
        folder = Path(tmp)
        server = Synapse(folder / "synapse")
        server.start()
        world = World(server, folder / "bot", send_interval=1.0)  # the production default
        relay_id = server.register("relais", PASSWORD)
        extra = {n: server.register(n, PASSWORD) for n in ("ana", "bea")}
        people = {n: MatrixUser(server.url, u, PASSWORD, folder / n) for n, u in extra.items()}
        bare: subprocess.Popen[bytes] | None = None
        try:
            await world.start()
            argv = [server.url, relay_id, PASSWORD, str(folder / "bare-store"), *extra.values()]
            bare = _bare(argv, folder / "bare.log")
            for person in people.values():
                await person.start()
            await _wait_ready(bare, folder / "bare.log")
            alice_room, case_room = await _open_case(world)
            ana_room = await people["ana"].dm(relay_id)
            bea_room = await people["bea"].dm(relay_id)
            assert world.bot.process is not None
            pids = {"bot": world.bot.process.pid, "bare": bare.pid}
            sides = {
                "bot": Side(Timed(world.alice), alice_room, Timed(world.camille), case_room),
                "bare": Side(Timed(people["ana"]), ana_room, Timed(people["bea"]), bea_room),
            }
            for k in range(2):  # warm-up (and the bare relay's first Olm sessions)
                for side in sides.values():
                    await side.relay_once(k)
                    await asyncio.sleep(GAP)
            relay: dict[str, list[float]] = {"bot": [], "bare": []}
            cpu: dict[str, float] = {"bot": 0.0, "bare": 0.0}
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
                    await asyncio.sleep(1.5)
            first: dict[str, list[float]] = {"bot": [], "bare": []}
            relays = {"bot": world.bot.user_id, "bare": relay_id}
            for n in range(firsts):
                for name in ("bot", "bare") if n % 2 == 0 else ("bare", "bot"):
                    seconds = await _first_reply(server, folder, relays[name], f"new{name}{n}")
                    first[name].append(seconds * 1000)
            rss = rss_mb(pids["bot"])
        finally:
            for person in people.values():
                await person.stop()
            if bare is not None:
                bare.terminate()
                bare.wait(timeout=20)
            await world.stop()
            server.stop()
    return {
        "relay": compare(relay["bot"], relay["bare"]),
        "burst_of_5": compare(burst["bot"], burst["bare"]),
        "first_reply": compare(first["bot"], first["bare"]),
        "cpu_ms_per_relayed_msg": {n: round(cpu[n] * 1000 / len(relay[n]), 2) for n in cpu},
        "rss_mb_bot": rss,
        "samples": {"gap_s": GAP, "block": block, "min_send_interval_s": 1.0},
    }


if __name__ == "__main__":
    import json

    print(json.dumps(asyncio.run(run(messages=20, bursts=2, firsts=1)), indent=2))
