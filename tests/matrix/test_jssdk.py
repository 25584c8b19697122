"""People on Element's client stack (matrix-js-sdk, Rust crypto) that exclude insecure
devices reach the bot and go through a whole anonymous relay (real Synapse, real bot)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.matrix.conftest import PASSWORD, BotProcess
from tests.matrix.jsperson import JsPerson
from tests.matrix.synapse import Synapse


@dataclass
class JsWorld:
    bot: BotProcess
    alice: JsPerson
    camille: JsPerson


@pytest.fixture
async def js_world(synapse: Synapse, tmp_path: Path) -> AsyncIterator[JsWorld]:
    ids = {
        n: synapse.register(f"{n}js{tmp_path.name[-12:]}", PASSWORD) for n in ("alice", "camille")
    }
    roster = {
        "camille": ids["camille"],
        "dominique": "@dominique-absent:localhost",
        "claude": "@claude-absent:localhost",
    }
    bot = BotProcess(tmp_path, synapse, roster)
    people = [JsPerson(synapse.url, ids[n], PASSWORD, tmp_path) for n in ("alice", "camille")]
    try:
        bot.start()
        await asyncio.wait_for(asyncio.gather(*(p.start() for p in people)), 150)
        yield JsWorld(bot, *people)
    finally:
        for person in people:
            with contextlib.suppress(Exception):
                await person.stop()
        bot.stop()


def _no_lasting_failure(person: JsPerson) -> None:
    """Every event that failed to decrypt was decrypted later (a late key is fine)."""
    read = {e["event_id"] for e in person.inbox if e["event"] == "message"}
    lasting = [e for e in person.undecryptable() if e["event_id"] not in read]
    assert lasting == [], lasting


async def test_insecure_devices_excluded_requester_and_listener_complete_a_relay(
    js_world: JsWorld,
) -> None:
    bot, alice, camille = js_world.bot, js_world.alice, js_world.camille
    # A listener's first step (README): write to the bot once, so that their client knows
    # the bot's device before an offer arrives (Element does not retry a message whose
    # sender device was unknown when it arrived).
    listener_room = await camille.dm(bot.user_id)
    await camille.say(listener_room, "aide")
    await camille.expect("")
    room = await alice.dm(bot.user_id)
    await alice.say(room, "bonjour")
    welcome = await alice.expect("3114", within=60)
    assert welcome["room_id"] == room and welcome["encrypted"]
    assert welcome["shield"] == "NONE", welcome  # no red shield: a device signed by its owner

    await alice.say(room, "demande")
    await alice.expect("équipe")
    await alice.say(room, "passer")
    await alice.expect("anonyme")
    await alice.say(room, "anonyme")
    searching = await alice.expect("Ta demande a la référence")
    ref = searching["body"].split("**")[1]

    offer = await camille.expect(f"Nouvelle demande {ref}")
    assert offer["room_id"] == listener_room
    assert offer["sender"] == bot.user_id and offer["shield"] == "NONE", offer
    await camille.say(offer["room_id"], f"accepter {ref}")
    await alice.expect("Une personne du groupe a accepté")

    case_invite = await camille.expect(f"Demande {ref}", kind="invite")
    await camille.join(case_invite["room_id"])
    await camille.expect("Tu écoutes la demande")
    await alice.say(room, "bonjour, merci d'être là")
    relayed = await camille.expect("bonjour, merci")
    assert relayed["room_id"] == case_invite["room_id"]
    assert relayed["body"].startswith(f"**[{ref}]**")
    await camille.say(case_invite["room_id"], "je t'écoute, prends ton temps")
    back = await alice.expect("je t'écoute")
    assert back["room_id"] == room and back["body"].startswith("💬")

    for person in (alice, camille):
        _no_lasting_failure(person)
        for message in person.inbox:
            assert message.get("code") != "UNSIGNED_SENDER_DEVICE", message
    assert camille.user_id not in str(alice.inbox) and alice.user_id not in str(camille.inbox)
    assert "no session found" not in bot.log().lower()
