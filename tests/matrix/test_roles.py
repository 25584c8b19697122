"""A listener who is also a requester, on a real Synapse: the case room decides (PRODUCT.md §4).

camille listens to alice's anonymous case in the room "Demande XXXX", and has her own
case, accepted by dominique. Her direct conversation with the bot holds both: offers,
commands and her own request, and any listened case addressed there with its reference,
so it does not say which case; she is asked, with an example, and nothing is passed on.
"""

from __future__ import annotations

import asyncio

from tests.matrix.conftest import World
from tests.matrix.test_matrix import _request


async def _own_request(world: World, dm: str) -> str:
    """camille asks for herself in her direct conversation; dominique accepts. Her ref."""
    after = len(world.camille.inbox)
    await world.camille.say(dm, "demande")
    await world.camille.expect("équipe", after=after)
    await world.camille.say(dm, "passer")
    await world.camille.expect("anonyme", after=after)
    await world.camille.say(dm, "anonyme")
    searching = await world.camille.expect("Ta demande a la référence", after=after)
    own = searching.body.split("**")[1]
    offer = await world.dominique.expect(f"Nouvelle demande {own}")
    await world.dominique.say(offer.room_id, f"accepter {own}")
    await world.camille.expect("Une personne du groupe a accepté", after=after)
    return own


async def test_a_listener_with_her_own_case_the_case_room_decides(world: World) -> None:
    alice_dm, ref = await _request(world)
    offer = await world.camille.expect(f"Nouvelle demande {ref}")
    dm = offer.room_id  # camille's direct conversation with the bot
    await world.camille.say(dm, f"accepter {ref}")
    await world.alice.expect("Une personne du groupe a accepté")
    case_room = (await world.camille.expect("Tu écoutes la demande")).room_id
    own = await _own_request(world, dm)
    dominique_room = await world.dominique.expect("Tu écoutes la demande")
    assert dominique_room.room_name == f"Demande {own}"

    # In alice's case room, camille's words reach alice, and only her.
    await world.camille.say(case_room, "je suis là pour toi")
    heard = await world.alice.expect("je suis là pour toi")
    assert heard.room_id == alice_dm and heard.body.startswith("💬")

    # The direct conversation does not say which case: she is asked, with an example.
    after = len(world.camille.inbox)
    await world.camille.say(dm, "on se parle demain midi ?")
    asked = await world.camille.expect("Il n'a été transmis à personne", after=after)
    assert asked.room_id == dm and own in asked.body and ref in asked.body
    assert ": ton message`" in asked.body

    # `ref texte` reaches the side it names, whatever room it is written in.
    await world.camille.say(dm, f"{own.lower()} on se parle demain midi ?")
    to_dominique = await world.dominique.expect("on se parle demain midi ?")
    assert to_dominique.room_id == dominique_room.room_id
    assert to_dominique.body.startswith(f"**[{own}]**")
    await world.camille.say(dm, f"{ref}: courage, je lis tout")
    assert (await world.alice.expect("courage, je lis tout")).room_id == alice_dm

    # `clore` in alice's case room closes alice's case, not hers.
    after = len(world.camille.inbox)
    await world.camille.say(case_room, "clore")
    await world.alice.expect(f"L'échange **{ref}** est clos")
    await world.camille.expect(f"L'échange **{ref}** est clos", after=after)
    # Her own case is still open, and now the only one: her direct words go to dominique.
    await world.camille.say(dm, "merci d'être là")
    await world.dominique.expect("merci d'être là")

    await asyncio.sleep(1)  # anything misrouted would have arrived by now
    assert not [m for m in world.alice.inbox if "demain midi" in m.body or "merci d'être" in m.body]
    assert not [m for m in world.dominique.inbox if "je suis là" in m.body or "courage" in m.body]
    assert not [m for m in world.dominique.inbox if "est clos" in m.body]
