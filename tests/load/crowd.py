"""The load's people: N requesters at once and 4 listeners through the real Synapse
(encrypted), for one bot account; what each received, and the exactly-once checks."""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from nio import MatrixRoom, MegolmEvent

from tests.matrix.conftest import PASSWORD, BotProcess, _names
from tests.matrix.people import MatrixUser
from tests.matrix.synapse import Synapse

REQUESTERS = int(os.environ.get("SOUTIEN_LOAD_REQUESTERS", "50"))
LISTENERS = ("camille", "dominique", "eliott", "farah")
STEP = 300.0  # the longest wait for any one answer (a takeover and a queue ahead of it)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Outcome:
    """What people received once the load is over."""

    refs: list[str]
    times: list[float]  # each requester's time to acknowledgement
    elapsed: float
    acks: dict[str, int]  # requester → acknowledgements received
    accepted: dict[str, int]  # case → listeners told they listen to it
    duplicate_offers: int
    wanted: set[str]
    got: list[str]  # the wanted words as the listeners received them
    undecryptable: int  # events a listener's client could not decrypt
    undecryptable_by_requesters: int

    def figures(self, prefix: str) -> dict[str, Any]:
        """Times to acknowledgement under `prefix`, and the losses, duplicates and
        undecryptable events as counters (each run of the load adds to them)."""
        p50, p99 = ack_percentiles(self.times)
        return {
            f"{prefix}_ack_p50_s": p50,
            f"{prefix}_ack_p99_s": p99,
            f"{prefix}_seconds": round(self.elapsed, 1),
            "+undecryptable_at_listeners": self.undecryptable,
            "+undecryptable_at_requesters": self.undecryptable_by_requesters,
            "+cases_lost": sum(1 for count in self.accepted.values() if count == 0),
            "+messages_lost": len(self.wanted - set(self.got)),
            "+duplicate_offers": self.duplicate_offers,
            "+duplicate_messages": len(self.got) - len(set(self.got)),
        }

    def check(self, requesters: int) -> None:
        """Exactly once everywhere, and nothing a listener could not read."""
        assert len(set(self.refs)) == requesters
        assert all(count == 1 for count in self.acks.values()), self.acks
        assert all(count == 1 for count in self.accepted.values()), self.accepted
        assert self.duplicate_offers == 0
        assert sorted(self.got) == sorted(self.wanted)  # every relayed message, exactly once
        assert self.undecryptable == 0
        assert self.undecryptable_by_requesters == 0


class Crowd:
    def __init__(self, synapse: Synapse, folder: Path, requesters: int = REQUESTERS) -> None:
        self.names = [f"req{i}" for i in range(requesters)]
        self.people: dict[str, MatrixUser] = {}
        for name in [*self.names, *LISTENERS, "claude"]:
            user_id = synapse.register(f"{name}x{next(_names)}", PASSWORD)
            self.people[name] = MatrixUser(synapse.url, user_id, PASSWORD, folder / name)
        self.roster = {n: self.people[n].user_id for n in ("camille", "dominique", "claude")}
        self.acknowledged = 0  # requesters acknowledged so far
        self.halfway = asyncio.Event()  # half of them were
        self._undecryptable: dict[str, set[str]] = {}  # person → events they could not read
        self._stop = asyncio.Event()
        self._listeners: list[asyncio.Task[None]] = []

    def configure(self, bot: BotProcess, **sections: Any) -> None:
        """Every listener in the bot's roster, limits for the crowd, and `sections`."""
        config = yaml.safe_load(bot.config.read_text())
        config["listeners"] += [
            {"id": n, "name": n.capitalize(), "matrix": self.people[n].user_id}
            for n in LISTENERS[2:]
        ]
        config["routing"] = {"max_active_cases": 50, "max_new_cases_per_week": 100}
        config |= sections
        bot.config.write_text(yaml.safe_dump(config))

    async def start(self) -> None:
        await asyncio.gather(*(user.start() for user in self.people.values()))

        for name, user in self.people.items():  # what a client could not decrypt
            unread = self._undecryptable.setdefault(name, set())

            async def unreadable(
                room: MatrixRoom, event: MegolmEvent, into: set[str] = unread
            ) -> None:
                into.add(event.event_id)

            user.client.add_event_callback(unreadable, MegolmEvent)
        self._listeners = [asyncio.create_task(self._listen(self.people[n])) for n in LISTENERS]

    async def _listen(self, user: MatrixUser) -> None:
        """Accept every offer received, in its room."""
        answered: set[str] = set()
        while not self._stop.is_set():
            for message in list(user.inbox):
                if message.body.startswith("📩") and "Nouvelle demande" in message.body:
                    ref = message.body.split("Nouvelle demande ")[1].split("**")[0].strip()
                    if ref not in answered:
                        answered.add(ref)
                        await user.say(message.room_id, f"accepter {ref}")
            await asyncio.sleep(0.2)

    async def _request(self, user: MatrixUser, bot: str, n: int) -> tuple[float, str]:
        room = await user.dm(bot)
        started = time.monotonic()
        await user.say(room, "demande")
        await user.expect("équipe", within=STEP)
        acknowledged = time.monotonic() - started
        self.acknowledged += 1
        if self.acknowledged >= len(self.names) // 2:
            self.halfway.set()
        await user.say(room, "passer")
        await user.expect("anonyme", within=STEP)
        await user.say(room, "anonyme")
        searching = await user.expect("Ta demande a la référence", within=STEP)
        ref = searching.body.split("**")[1]
        # not "a accepté" alone: the searching message says "je te préviens dès que
        # quelqu'un a accepté", and words written before the acceptance are not relayed
        await user.expect(f"a accepté ta demande **{ref}**", within=STEP)
        for k in (1, 2):
            await user.say(room, f"message {n}-{k}")
        return acknowledged, ref

    def _relayed(self) -> list[str]:
        return [
            m.body.split("** ", 1)[-1]
            for n in LISTENERS
            for m in self.people[n].inbox
            if m.body.startswith("**[")
        ]

    async def run(self, bot: str) -> Outcome:
        """Every requester at once, from the request to two words relayed to a listener."""
        started = time.monotonic()
        answers = await asyncio.gather(
            *(self._request(self.people[n], bot, i) for i, n in enumerate(self.names)),
            return_exceptions=True,
        )
        failed = {
            n: a for n, a in zip(self.names, answers, strict=True) if isinstance(a, Exception)
        }
        assert not failed, "\n".join(
            f"{n} ({len(self._undecryptable[n])} undecryptable): {a}" for n, a in failed.items()
        )
        results = [a for a in answers if not isinstance(a, BaseException)]
        wanted = {f"message {i}-{k}" for i in range(len(self.names)) for k in (1, 2)}
        with contextlib.suppress(TimeoutError):
            await self.people["camille"].until(lambda: wanted <= set(self._relayed()), STEP)
        elapsed = time.monotonic() - started
        await asyncio.sleep(2)  # a duplicate sent last would arrive now
        self._stop.set()
        await asyncio.gather(*self._listeners, return_exceptions=True)
        refs = [ref for _, ref in results]
        inboxes = [m for n in LISTENERS for m in self.people[n].inbox]
        offers = [m.body for m in inboxes if m.body.startswith("📩")]
        return Outcome(
            refs=refs,
            times=[t for t, _ in results],
            elapsed=elapsed,
            acks={
                n: sum("Ta demande a la référence" in m.body for m in self.people[n].inbox)
                for n in self.names
            },
            accepted={
                ref: sum(f"Tu écoutes la demande **{ref}**" in m.body for m in inboxes)
                for ref in refs
            },
            duplicate_offers=len(offers) - len(set(offers)),
            wanted=wanted,
            got=[text for text in self._relayed() if text in wanted],
            undecryptable=sum(len(self._undecryptable[n]) for n in LISTENERS),
            undecryptable_by_requesters=sum(len(self._undecryptable[n]) for n in self.names),
        )

    async def close(self) -> None:
        """Stops every client, whatever failed."""
        self._stop.set()
        for task in self._listeners:
            task.cancel()
        await asyncio.gather(*self._listeners, return_exceptions=True)
        for user in self.people.values():
            with contextlib.suppress(Exception):
                await user.stop()


def ack_percentiles(times: list[float]) -> tuple[float, float]:
    return round(statistics.median(times), 3), round(_percentile(times, 0.99), 3)
