"""End to end through a real Synapse, with encryption: the bot is a real process."""

from __future__ import annotations

import asyncio
import time

from tests.matrix.conftest import World


async def _request(world: World) -> tuple[str, str]:
    """alice asks (anonymous); camille is offered the case. Returns (alice's DM, ref)."""
    room = await world.alice.dm(world.bot.user_id)
    await world.alice.say(room, "demande")
    await world.alice.expect("équipe")
    await world.alice.say(room, "passer")
    await world.alice.expect("anonyme")
    await world.alice.say(room, "anonyme")
    searching = await world.alice.expect("Ta demande a la référence")
    ref = searching.body.split("**")[1]
    offer = await world.camille.expect(f"Nouvelle demande {ref}")
    assert offer.sender == world.bot.user_id
    return room, ref


async def test_first_contact_gives_welcome_and_emergency_numbers(world: World) -> None:
    room = await world.alice.dm(world.bot.user_id)
    await world.alice.say(room, "bonjour")
    welcome = await world.alice.expect("3114")
    assert welcome.room_id == room and "`demande`" in welcome.body
    assert world.bot.user_id in world.alice.client.rooms[room].users
    assert world.alice.client.rooms[room].encrypted


async def test_request_offer_accept_and_relay_both_ways(world: World) -> None:
    room, ref = await _request(world)
    offer = await world.camille.expect(f"Nouvelle demande {ref}")
    await world.camille.say(offer.room_id, f"accepter {ref}")
    await world.alice.expect("Une personne du groupe a accepté")
    case_room = await world.camille.expect("Tu écoutes la demande")
    assert case_room.room_name == f"Demande {ref}" and case_room.room_id != offer.room_id
    assert world.camille.client.rooms[case_room.room_id].encrypted
    await world.alice.say(room, "bonjour, merci d'être là")
    relayed = await world.camille.expect("bonjour, merci")
    assert relayed.room_id == case_room.room_id and relayed.body.startswith(f"**[{ref}]**")
    await world.camille.say(case_room.room_id, "je t'écoute, prends ton temps")
    back = await world.alice.expect("je t'écoute")
    assert back.room_id == room and back.body.startswith("💬")
    members = world.alice.client.rooms[room].users
    assert world.camille.user_id not in members  # never a third member in the DM


async def test_decline_goes_to_the_next_listener(world: World) -> None:
    _, ref = await _request(world)
    offer = await world.camille.expect(f"Nouvelle demande {ref}")
    await world.camille.say(offer.room_id, f"refuser {ref}")
    await world.camille.expect("C'est noté")
    await world.dominique.expect(f"Nouvelle demande {ref}")


async def test_message_sent_while_bot_is_killed_is_handled_once(world: World) -> None:
    room = await world.alice.dm(world.bot.user_id)
    await world.alice.say(room, "bonjour")
    await world.alice.expect("3114")
    await asyncio.sleep(1)  # let the bot save its sync position
    world.bot.kill()
    before = len(world.alice.inbox)
    await world.alice.say(room, "numéros burn-out")
    await asyncio.sleep(1)
    world.bot.start()
    await world.alice.expect("beta.gouv", after=before, within=90)
    await asyncio.sleep(6)
    answers = [m for m in world.alice.inbox[before:] if "beta.gouv" in m.body]
    assert len(answers) == 1


async def test_bot_reconnects_after_homeserver_restart(world: World) -> None:
    room = await world.alice.dm(world.bot.user_id)
    await world.alice.say(room, "bonjour")
    await world.alice.expect("3114")
    world.server.stop()
    await asyncio.sleep(3)
    world.server.start()
    before = len(world.alice.inbox)
    await world.alice.say(room, "aide")
    await world.alice.expect("Ce que je peux faire", after=before, within=90)
    assert "homeserver unreachable" in world.bot.log()


async def test_429_storm_with_default_rate_limits_loses_nothing(
    synapse_default_limits: object, tmp_path: object
) -> None:
    from pathlib import Path

    from tests.matrix.synapse import Synapse

    assert isinstance(synapse_default_limits, Synapse) and isinstance(tmp_path, Path)
    world = World(synapse_default_limits, tmp_path, send_interval=1.0)
    try:
        await world.start()
        room, ref = await _request(world)
        offer = await world.camille.expect(f"Nouvelle demande {ref}")
        await world.camille.say(offer.room_id, f"accepter {ref}")
        await world.camille.expect("Tu écoutes la demande")
        started = time.monotonic()
        count = 14  # Synapse's default burst is 10 messages, then one every 5 s
        for n in range(count):
            await world.alice.say(room, f"message numéro {n:02d}")
        for n in range(count):
            await world.camille.expect(f"message numéro {n:02d}", within=180)
        relayed = [m for m in world.camille.inbox if "message numéro" in m.body]
        assert sorted(m.body[-2:] for m in relayed) == [f"{n:02d}" for n in range(count)]
        assert time.monotonic() - started > 5  # the limits really applied
        assert "429" in world.bot.log() or "ratelimited" in world.bot.log().lower()
    finally:
        await world.stop()
