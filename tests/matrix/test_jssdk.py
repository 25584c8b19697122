"""People on Element's client stack (matrix-js-sdk, Rust crypto) that exclude insecure
devices reach the bot and go through a whole anonymous relay (real Synapse, real bot)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def _in_reply_to(message: dict[str, Any]) -> str | None:
    return ((message.get("relates_to") or {}).get("m.in_reply_to") or {}).get("event_id")


def _no_id_from(person: JsPerson, *others: str) -> None:
    """No Matrix id of `others` (nor its local part) in what `person` read."""
    for message in person.inbox:
        shown = str([message.get(k) for k in ("body", "formatted_body", "new_content")])
        for other in others:
            assert other not in shown and other.split(":")[0] not in shown, message


async def test_insecure_devices_excluded_requester_and_listener_complete_a_relay(
    js_world: JsWorld,
) -> None:
    """The whole Done-when of issue 18, with Element's client stack on both sides: the
    listener never wrote to the bot before the offer, and accepts it by a reply."""
    bot, alice, camille = js_world.bot, js_world.alice, js_world.camille
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

    # The bot opens a chat with camille, who accepts the invitation as Element shows it.
    invite = await camille.expect("", kind="invite")
    assert invite["sender"] == bot.user_id
    await camille.join(invite["room_id"])
    offer = await camille.expect(f"Nouvelle demande {ref}")
    assert offer["room_id"] == invite["room_id"]
    assert offer["sender"] == bot.user_id and offer["shield"] == "NONE", offer
    await camille.reply(offer, "accepter")  # from a mobile app: with its quoted fallback
    await alice.expect("Une personne du groupe a accepté")

    case_invite = await camille.expect(f"Demande {ref}", kind="invite")
    case = case_invite["room_id"]
    await camille.join(case)
    await camille.expect("Tu écoutes la demande")
    first = await alice.say(room, "bonjour, merci d'être là")
    relayed = await camille.expect("bonjour, merci")
    assert relayed["room_id"] == case and relayed["body"].startswith(f"**[{ref}]**")

    # replies both ways, each reaching the twin of what it answers
    answer = await camille.reply(relayed, "je t'écoute, prends ton temps")
    back = await alice.expect("je t'écoute")
    assert back["room_id"] == room and back["body"] == "💬 je t'écoute, prends ton temps"
    assert _in_reply_to(back) == first
    said = await alice.reply(back, "c'est dur en ce moment")
    there = await camille.expect("c'est dur")
    assert there["body"] == f"**[{ref}]** c'est dur en ce moment"
    assert _in_reply_to(there) == answer

    # an edit changes the copy
    await alice.edit(room, said, "c'est très dur en ce moment")
    changed = await camille.expect("très dur")
    assert changed["relates_to"] == {"rel_type": "m.replace", "event_id": there["event_id"]}
    assert changed["new_content"]["body"] == f"**[{ref}]** c'est très dur en ce moment"

    # files are not relayed in anonymous mode; the sender is told once
    await alice.file(room, "arret-alice-martin.pdf")
    told = await alice.expect("Je transmets seulement le texte")
    assert told["room_id"] == room
    await alice.file(room, "certificat-alice-martin.pdf")
    await camille.file(case, "notes-de-camille.pdf")
    await camille.expect("Seul le texte est transmis")
    await alice.say(room, "voilà, c'est tout")
    await camille.expect("c'est tout")  # handled after both of alice's files
    await camille.say(case, "d'accord")
    await alice.expect("d'accord")
    assert sum("Je transmets seulement" in m.get("body", "") for m in alice.inbox) == 1
    everything = str(alice.inbox + camille.inbox)
    assert "alice-martin" not in everything and "notes-de-camille" not in everything

    for person in (alice, camille):
        _no_lasting_failure(person)
        assert person.undecryptable() == [], person.undecryptable()
    _no_id_from(camille, alice.user_id)
    _no_id_from(alice, camille.user_id)
    assert "no session found" not in bot.log().lower()
