"""A room the bot opens for someone holds its messages until they join, across a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path

import yaml

from tests.matrix.conftest import World
from tests.matrix.synapse import Synapse


async def test_an_offer_waits_for_the_listener_to_join_even_across_a_restart(
    world: World,
) -> None:
    camille = world.camille
    camille.auto_join = False  # she looks at the invitation later
    room = await world.alice.dm(world.bot.user_id)
    await world.alice.say(room, "demande")
    await world.alice.expect("équipe")
    await world.alice.say(room, "passer")
    await world.alice.expect("anonyme")
    await world.alice.say(room, "anonyme")
    searching = await world.alice.expect("Ta demande a la référence")
    ref = searching.body.split("**")[1]
    await camille.until(lambda: bool(camille.invites), within=60)
    invited = camille.invites[0]
    await asyncio.sleep(2)  # the offer is kept by the bot, not sent into the room yet
    world.bot.kill()
    await camille.client.join(invited)  # while the bot is down
    world.bot.start()
    offer = await camille.expect(f"Nouvelle demande {ref}", within=90)
    assert offer.room_id == invited and offer.sender == world.bot.user_id
    camille.auto_join = True  # she will join the case room at once
    await camille.say(invited, f"accepter {ref}")
    await world.alice.expect("Une personne du groupe a accepté", within=60)
    await camille.expect("Tu écoutes la demande")
    await asyncio.sleep(3)
    assert sum("Nouvelle demande" in m.body for m in camille.inbox) == 1
    assert "someone joined; the messages kept for them are sent" in world.bot.log()


async def test_a_declined_invitation_drops_what_waited_and_the_next_message_opens_a_room(
    synapse: Synapse, tmp_path: Path
) -> None:
    world = World(synapse, tmp_path)
    config = yaml.safe_load(world.bot.config.read_text())
    config["routing"] = {"offer_timeout": 10}
    world.bot.config.write_text(yaml.safe_dump(config))
    camille = world.camille
    camille.auto_join = False
    try:
        await world.start()
        room = await world.alice.dm(world.bot.user_id)
        await world.alice.say(room, "demande")
        await world.alice.expect("équipe")
        await world.alice.say(room, "passer")
        await world.alice.expect("anonyme")
        await world.alice.say(room, "anonyme")
        searching = await world.alice.expect("Ta demande a la référence")
        ref = searching.body.split("**")[1]
        await camille.until(lambda: bool(camille.invites), within=60)
        await camille.client.room_leave(camille.invites[0])  # she declines it
        # the offer expires; the next listener gets it, and camille is told in a new room
        await world.dominique.expect(f"Nouvelle demande {ref}", within=60)
        await camille.until(lambda: len(camille.invites) > 1, within=30)
        assert camille.invites[1] != camille.invites[0]
        await camille.client.join(camille.invites[1])
        await camille.expect(f"La proposition **{ref}** a expiré", within=60)
        assert not any("Nouvelle demande" in m.body for m in camille.inbox)
        assert "declined a room the bot opened; 1 waiting message(s) dropped" in world.bot.log()
    finally:
        await world.stop()
