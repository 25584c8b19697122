"""A room the bot opens for someone holds its messages until they join, across a restart."""

from __future__ import annotations

import asyncio

from tests.matrix.conftest import World


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
