"""Inside a relay on a real Synapse, as Element and Tchap send and render messages."""

from __future__ import annotations

import asyncio
import html
from typing import Any

from tests.matrix.conftest import World
from tests.matrix.people import Received
from tests.matrix.test_matrix import _request

TRICKY = (
    "**gras** [clique ici](https://exemple.org/piege) ![photo](https://exemple.org/p.png) "
    "fichier \u202egpj.exe @room <b>html</b>"
)


def reply(to: Received, text: str) -> dict[str, Any]:
    """A reply as Element's mobile apps and Tchap send it: with its quoted fallback."""
    quoted = "\n".join(f"> {line}" for line in to.body.split("\n"))
    quoted = quoted.replace("> ", f"> <{to.sender}> ", 1)
    link = f"https://matrix.to/#/{to.room_id}/{to.event_id}"
    who = f'<a href="https://matrix.to/#/{to.sender}">{to.sender}</a>'
    return {
        "msgtype": "m.text",
        "body": f"{quoted}\n\n{text}",
        "format": "org.matrix.custom.html",
        "formatted_body": (
            f'<mx-reply><blockquote><a href="{link}">In reply to</a> {who}<br>'
            f"{html.escape(to.body)}</blockquote></mx-reply>{html.escape(text)}"
        ),
        "m.relates_to": {"m.in_reply_to": {"event_id": to.event_id}},
    }


def edit(event_id: str, text: str) -> dict[str, Any]:
    """An edit as Element sends it."""
    new = {"msgtype": "m.text", "body": text}
    return {
        **new,
        "body": f" * {text}",
        "m.new_content": new,
        "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
    }


def in_reply_to(received: Received) -> str | None:
    relates = received.content.get("m.relates_to") or {}
    return (relates.get("m.in_reply_to") or {}).get("event_id")


def assert_no_id(world: World, *messages: Received) -> None:
    ids = [u.user_id for u in world.users.values()] + [world.bot.user_id]
    for message in messages:
        for user_id in ids:
            assert user_id not in message.body and user_id not in message.formatted
            assert user_id.split(":")[0] not in message.body + message.formatted


async def _accepted_by_reply(world: World) -> tuple[str, str, str]:
    """alice's request, accepted by camille replying `accepter` to the offer, fallback and all.
    Returns (alice's DM, the case room, ref)."""
    room, ref = await _request(world)
    offer = await world.camille.expect(f"Nouvelle demande {ref}")
    await world.camille.send(offer.room_id, reply(offer, "accepter"))
    await world.alice.expect("Une personne du groupe a accepté")
    case_room = await world.camille.expect("Tu écoutes la demande")
    return room, case_room.room_id, ref


async def test_replies_reach_the_copy_with_no_id_and_words_stay_literal(world: World) -> None:
    room, case_room, ref = await _accepted_by_reply(world)
    mine = await world.alice.say(room, "première question")
    first = await world.camille.expect("première question")
    # alice replies to her own message: its fallback holds her Matrix id
    own = world.alice.client.rooms[room]
    quoted = Received(room, own.name, world.alice.user_id, "première question", mine)
    answered = await world.alice.send(room, reply(quoted, TRICKY))
    tricky = await world.camille.expect("clique ici")
    assert tricky.room_id == case_room and in_reply_to(tricky) == first.event_id
    assert tricky.body == (
        f"**[{ref}]** **gras** clique ici (https://exemple.org/piege) "
        "photo (https://exemple.org/p.png) fichier gpj.exe @\u200broom <b>html</b>"
    )
    assert tricky.formatted == (
        f"<strong>[{ref}]</strong> **gras** clique ici (https://exemple.org/piege) "
        "photo (https://exemple.org/p.png) fichier gpj.exe @\u200broom &lt;b&gt;html&lt;/b&gt;"
    )
    assert tricky.content["m.mentions"] == {}
    # camille replies to that copy: the fallback quotes the bot and alice's words
    await world.camille.send(case_room, reply(tricky, "je vois, **merci**"))
    back = await world.alice.expect("je vois")
    assert back.body == "💬 je vois, **merci**" and back.formatted == "💬 je vois, **merci**"
    assert in_reply_to(back) == answered  # the original of the copy camille answered
    assert_no_id(world, first, tricky, back)


async def test_edits_emotes_and_files_in_a_relay(world: World) -> None:
    room, case_room, ref = await _accepted_by_reply(world)
    said = await world.alice.say(room, "je suis fatiguée")
    copy = await world.camille.expect("fatiguée")
    await world.alice.send(room, edit(said, "je suis très fatiguée"))
    changed = await world.camille.expect("très fatiguée")
    assert changed.content["m.relates_to"] == {"rel_type": "m.replace", "event_id": copy.event_id}
    assert changed.content["m.new_content"]["body"] == f"**[{ref}]** je suis très fatiguée"
    await world.alice.send(room, {"msgtype": "m.emote", "body": "sourit"})
    await world.camille.expect(f"**[{ref}]** * sourit")
    # an encrypted image (as Element sends it in an encrypted room), then a plain file
    await world.alice.send(room, _encrypted_image("photo-alice-martin.jpg"))
    told = await world.alice.expect("Je transmets seulement le texte")
    assert told.room_id == room and "`direct`" in told.body
    await world.alice.send(
        room, {"msgtype": "m.file", "body": "arret-alice-martin.pdf", "url": "mxc://localhost/x"}
    )
    await world.camille.send(
        case_room, {"msgtype": "m.audio", "body": "vocal.ogg", "url": "mxc://localhost/y"}
    )
    await world.camille.expect("Seul le texte est transmis")
    await world.alice.say(room, "voilà, c'est tout")
    await world.camille.expect("c'est tout")
    await asyncio.sleep(2)
    everything = " ".join(m.body for m in world.camille.inbox + world.alice.inbox)
    assert "alice-martin" not in everything and "vocal.ogg" not in everything
    assert sum("Je transmets seulement" in m.body for m in world.alice.inbox) == 1
    assert sum("fatiguée" in m.body and "très" not in m.body for m in world.camille.inbox) == 1


def _encrypted_image(name: str) -> dict[str, Any]:
    return {
        "msgtype": "m.image",
        "body": name,
        "info": {"mimetype": "image/jpeg", "size": 1000, "w": 10, "h": 10},
        "file": {
            "v": "v2",
            "url": "mxc://localhost/z",
            "key": {
                "alg": "A256CTR",
                "ext": True,
                "k": "qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA",
                "key_ops": ["encrypt", "decrypt"],
                "kty": "oct",
            },
            "iv": "X85+XgHN+HEAAAAAAAAAAA",
            "hashes": {"sha256": "5qG4fFnbbVdlAB1Q72JDKwCagV6Dbkx9uds4rSak37c"},
        },
    }
