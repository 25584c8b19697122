"""Listeners' well-being: weekly cap, rest after a heavy case, a word after a run of them,
and a debrief asked with the reference only."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Policy
from bot.routing import Limits
from storage.store import SqlStore
from tests.harness import Chat


async def test_weekly_cap_of_new_cases_per_listener(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(5, 1)))
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"clore {ref}")
    second = await chat.request("bob")
    assert not any(second in t for t in chat.adapter.texts("camille"))
    listing = (await chat.deliver("claude", "écoutants"))[0].text
    assert "Camille (@camille) — disponible, 0 en cours / 1 sur 1" in listing
    await chat.tick(timedelta(days=7, minutes=1))  # a rolling week later, the waiting retry
    assert second in chat.last("camille")


async def test_heavy_case_gives_a_rest_before_new_offers(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(2, 3), heavy_cooldown=timedelta(days=2)))
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("camille", "clore lourd", case_ref=ref)  # in the case's thread
    texts = [m.text for m in out if m.to.user_id == "camille"]
    assert texts[0].startswith(f"L'échange **{ref}** est clos")
    assert "pas de nouvelle proposition avant le 12/03 10:00" in texts[1]
    bob = await chat.request("bob")
    assert bob in chat.last("dominique")
    await chat.deliver("dominique", "refuser")
    assert not any(bob in t for t in chat.adapter.texts("camille"))
    await chat.tick(timedelta(days=2, hours=1))
    assert bob in chat.last("camille") and "Nouvelle demande" in chat.last("camille")


async def test_dispo_on_ends_the_rest_early(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(2, 3), heavy_cooldown=timedelta(days=2)))
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"clore {ref} lourd")
    bob = await chat.request("bob")
    assert not any(bob in t for t in chat.adapter.texts("camille"))
    await chat.deliver("camille", "dispo on")
    assert bob in chat.last("camille")


async def test_a_run_of_heavy_cases_suggests_dispo_off_and_a_light_one_resets_it(
    store: SqlStore,
) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(2, 9), heavy_run=2))
    await chat.deliver("dominique", "dispo off")

    async def held_and_closed(who: str, how: str) -> list[str]:
        ref = await chat.request(who)
        await chat.deliver("camille", f"accepter {ref}")
        out = await chat.deliver("camille", f"clore {ref} {how}".strip())
        return [m.text for m in out if m.to.user_id == "camille"]

    first = await held_and_closed("alice", "lourd")
    assert "ce cas a été lourd" in first[1] and not any("d'affilée" in t for t in first)
    second = await held_and_closed("bob", "lourd")
    assert "2 cas lourds d'affilée" in second[-1] and "`dispo off" in second[-1]
    light = await held_and_closed("chloe", "")
    assert len(light) == 1
    again = await held_and_closed("dan", "lourd")
    assert not any("d'affilée" in t for t in again)


async def test_heavy_close_inside_a_relay_is_a_command_not_words(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"clore {ref} lourd")
    assert chat.last("alice").startswith(f"L'échange **{ref}** est clos")
    assert not any("lourd" in t for t in chat.adapter.texts("alice"))  # never told


async def test_supervision_tells_coordinators_the_reference_only(chat: Chat) -> None:
    ref = await chat.request("alice", team="Douanes")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("alice", "je n'en peux plus de mon chef")
    await chat.deliver("camille", f"clore {ref}")
    out = await chat.deliver("camille", f"supervision {ref}")
    assert "la coordination sait que tu souhaites un débrief" in out[0].text
    alert = chat.last("claude")
    assert alert.startswith(f"🫂 Camille souhaite un débrief pour le cas **{ref}**")
    for private in ("alice", "Douanes", "chef"):
        assert private not in alert
    events = [(e.actor, e.action) for e in await chat.store.audit_of(ref)]
    assert ("listener:camille", "supervision") in events


async def test_supervision_only_for_a_case_one_held(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("dominique", f"supervision {ref}")
    assert f"Je ne trouve pas la référence **{ref}**" in out[0].text
    out = await chat.deliver("dominique", "supervision")
    assert "supervision K7Q2" in out[0].text
    out = await chat.deliver("bob", f"supervision {ref}")
    assert "écoutant" in out[-1].text
    assert not any("débrief" in t for t in chat.adapter.texts("claude"))
