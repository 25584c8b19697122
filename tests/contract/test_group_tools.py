"""The group's tools on every store (memory, SQLite, PostgreSQL when TEST_DATABASE_URL is
set): roster seeding and changes, re-offering, rest state, notes, themes, statistics."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Policy
from bot.ids import ListenerId
from bot.ports import Store
from bot.routing import Limits
from tests.harness import Chat


async def test_group_tools_end_to_end(any_store: Store) -> None:
    chat = Chat(any_store, policy=Policy(limits=Limits(5, 9), heavy_cooldown=timedelta(days=1)))
    await chat.deliver("claude", "ajouter écoutant @sacha équipes Douanes")
    await chat.deliver("claude", "pause écoutant @sacha jusqu'au 11/03")
    ref = await chat.request("alice")
    await chat.deliver("camille", "refuser")
    await chat.deliver("dominique", "refuser")
    assert "Personne du groupe" in chat.last("alice")
    await chat.deliver("claude", f"relancer {ref}")
    assert ref in chat.last("camille")
    await chat.deliver("camille", "refuser")
    await chat.deliver("dominique", "refuser")
    out = await chat.deliver("claude", f"proposer {ref} @camille")
    assert "est proposée à @camille" in out[0].text
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"note {ref} à rappeler")
    await chat.deliver("camille", f"clore {ref} lourd")
    await chat.deliver("camille", f"thème {ref} sante")
    states = await any_store.listener_states()
    camille = states[ListenerId("camille")]
    assert camille.heavy_streak == 1 and camille.rest_until is not None
    case = await any_store.case_by_ref(ref)
    assert case is not None
    assert [n.text for n in await any_store.notes_of(case.id)] == ["à rappeler"]
    text = (await chat.deliver("claude", "stats mois"))[0].text
    assert "- Demandes : < 5" in text and "santé < 5" in text
    assert await any_store.returning_requesters(chat.clock.now() - timedelta(days=1)) == 0
    await chat.deliver("claude", "retirer écoutant @sacha")
    again = Chat(any_store, clock=chat.clock)
    await again.bot.start(again.clock.now())
    assert again.ctx.roster.get("sacha") is None and again.ctx.roster.get("camille") is not None
    await chat.bot.purge(chat.clock.now() + timedelta(days=91))
    assert await any_store.case_by_ref(ref) is None
