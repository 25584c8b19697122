"""Load: N requesters at once through the real Synapse (encrypted) and 4 listeners.
Exactly one acknowledgement per requester, one accepted listener per case, every relayed
message delivered exactly once; p50 and p99 of the time to acknowledgement."""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import time
from pathlib import Path

import pytest
import yaml
from nio import MatrixRoom, MegolmEvent

from tests.matrix.conftest import PASSWORD, BotProcess, _names
from tests.matrix.people import MatrixUser
from tests.matrix.synapse import Synapse
from tests.reliability.figures import record

REQUESTERS = int(os.environ.get("SOUTIEN_LOAD_REQUESTERS", "50"))
LISTENERS = ("camille", "dominique", "eliott", "farah")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _listen(user: MatrixUser, stop: asyncio.Event) -> None:
    """Accept every offer received, in its room."""
    answered: set[str] = set()
    while not stop.is_set():
        for message in list(user.inbox):
            if message.body.startswith("📩") and "Nouvelle demande" in message.body:
                ref = message.body.split("Nouvelle demande ")[1].split("**")[0].strip()
                if ref not in answered:
                    answered.add(ref)
                    await user.say(message.room_id, f"accepter {ref}")
        await asyncio.sleep(0.2)


async def _request(user: MatrixUser, bot: str, n: int) -> tuple[float, str]:
    room = await user.dm(bot)
    started = time.monotonic()
    await user.say(room, "demande")
    await user.expect("équipe", within=180)
    acknowledged = time.monotonic() - started
    await user.say(room, "passer")
    await user.expect("anonyme", within=180)
    await user.say(room, "anonyme")
    searching = await user.expect("Ta demande a la référence", within=180)
    ref = searching.body.split("**")[1]
    # not "a accepté" alone: the searching message says "je te préviens dès que quelqu'un
    # a accepté", and words written before the acceptance are not relayed (still_searching)
    await user.expect(f"a accepté ta demande **{ref}**", within=300)
    for k in (1, 2):
        await user.say(room, f"message {n}-{k}")
    return acknowledged, ref


@pytest.mark.timeout(900)
async def test_load_exactly_once(synapse: Synapse, tmp_path: Path) -> None:
    names = [f"req{i}" for i in range(REQUESTERS)]
    people: dict[str, MatrixUser] = {}
    for name in [*names, *LISTENERS, "claude"]:
        user_id = synapse.register(f"{name}x{next(_names)}", PASSWORD)
        people[name] = MatrixUser(synapse.url, user_id, PASSWORD, tmp_path / name)
    roster = {n: people[n].user_id for n in ("camille", "dominique", "claude")}
    bot = BotProcess(tmp_path, synapse, roster)
    config = yaml.safe_load(bot.config.read_text())
    config["listeners"] += [
        {"id": n, "name": n.capitalize(), "matrix": people[n].user_id} for n in LISTENERS[2:]
    ]
    config["routing"] = {"max_active_cases": 50, "max_new_cases_per_week": 100}
    bot.config.write_text(yaml.safe_dump(config))
    stop = asyncio.Event()
    bot.start()
    try:
        await asyncio.gather(*(u.start() for u in people.values()))
        undecryptable: list[str] = []

        async def unreadable(room: MatrixRoom, event: MegolmEvent) -> None:
            undecryptable.append(event.event_id)

        for name in LISTENERS:  # what a listener's client could not decrypt (told apart)
            people[name].client.add_event_callback(unreadable, MegolmEvent)
        listeners = [asyncio.create_task(_listen(people[n], stop)) for n in LISTENERS]
        started = time.monotonic()
        results = await asyncio.gather(
            *(_request(people[n], bot.user_id, i) for i, n in enumerate(names))
        )
        refs = [ref for _, ref in results]
        wanted = {f"message {i}-{k}" for i in range(REQUESTERS) for k in (1, 2)}

        def relayed() -> list[str]:
            return [
                m.body.split("** ", 1)[-1]
                for n in LISTENERS
                for m in people[n].inbox
                if m.body.startswith("**[")
            ]

        with contextlib.suppress(TimeoutError):
            await people["camille"].until(lambda: wanted <= set(relayed()), within=300)
        elapsed = time.monotonic() - started
        stop.set()
        await asyncio.gather(*listeners, return_exceptions=True)
        got = [text for text in relayed() if text in wanted]
        acks = {
            n: sum("Ta demande a la référence" in m.body for m in people[n].inbox) for n in names
        }
        accepted = {
            ref: sum(
                f"Tu écoutes la demande **{ref}**" in m.body
                for n in LISTENERS
                for m in people[n].inbox
            )
            for ref in refs
        }
        offers = [m.body for n in LISTENERS for m in people[n].inbox if m.body.startswith("📩")]
        duplicate_offers = len(offers) - len(set(offers))
        times = [t for t, _ in results]
        record(
            requesters=REQUESTERS,
            listeners=len(LISTENERS),
            load_ack_p50_s=round(statistics.median(times), 3),
            load_ack_p99_s=round(_percentile(times, 0.99), 3),
            load_seconds=round(elapsed, 1),
            cases_lost=sum(1 for c in accepted.values() if c == 0),
            messages_lost=len(wanted - set(got)),
            duplicate_offers=duplicate_offers,
            duplicate_messages=len(got) - len(set(got)),
            undecryptable_at_listeners=len(set(undecryptable)),
        )
        assert len(set(refs)) == REQUESTERS
        assert all(count == 1 for count in acks.values()), acks
        assert all(count == 1 for count in accepted.values()), accepted
        assert duplicate_offers == 0
        assert sorted(got) == sorted(wanted)  # every relayed message, exactly once
    finally:
        stop.set()
        for user in people.values():
            with contextlib.suppress(Exception):
                await user.stop()
        bot.stop()
