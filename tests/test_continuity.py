"""A returning requester may ask for the same listener: them when eligible, else the usual
routing, and the person is told neutrally which it is."""

from __future__ import annotations

from bot.locales import t
from tests.harness import Chat


async def _first_case_with_camille(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "non")


async def _came_back(chat: Chat, wants_same: str = "oui", team: str = "passer") -> list[str]:
    """alice had a case with camille and closed it; she asks again. Her texts from then on."""
    start = len(chat.adapter.to("alice"))
    out = await chat.deliver("alice", "demande")
    assert "la même personne" in out[0].text
    await chat.deliver("alice", wants_same)
    await chat.deliver("alice", team)
    await chat.deliver("alice", "anonyme")
    return chat.adapter.texts("alice")[start:]


async def test_same_listener_when_eligible_even_against_rotation(chat: Chat) -> None:
    await _first_case_with_camille(chat)
    bob = await chat.request("bob")
    await chat.deliver("camille", f"accepter {bob}")  # camille is busier than dominique
    await chat.deliver("dominique", "dispo on")
    await _came_back(chat)
    offer = chat.last("camille")
    assert "Nouvelle demande" in offer
    await chat.deliver("camille", "accepter")
    assert chat.last("alice") == "C'est la même personne que la dernière fois."
    assert not any("Nouvelle demande" in t for t in chat.adapter.texts("dominique")[-1:])


async def test_same_listener_unavailable_goes_elsewhere_told_neutrally(chat: Chat) -> None:
    await _first_case_with_camille(chat)
    await chat.deliver("dominique", "dispo on")
    await chat.deliver("camille", "dispo off")
    told = (await _came_back(chat))[-1]
    # the same words whatever the reason (away, busy, linked to the team): nothing to infer
    assert told == t("fr", "continuity_elsewhere")
    assert told.startswith("La même personne n'est pas disponible en ce moment")
    assert "Nouvelle demande" in chat.last("dominique")
    await chat.deliver("dominique", "accepter")
    assert chat.last("alice") == "C'est une autre personne du groupe que la dernière fois."


async def test_same_listener_now_linked_to_the_team_is_not_offered(chat: Chat) -> None:
    await _first_case_with_camille(chat)
    await chat.deliver("dominique", "dispo on")
    texts = await _came_back(chat, team="DINUM")
    assert texts[-1] == t("fr", "continuity_elsewhere")
    assert "Nouvelle demande" in chat.last("dominique")


async def test_no_continuity_when_not_wanted(chat: Chat) -> None:
    await _first_case_with_camille(chat)
    await chat.deliver("dominique", "dispo on")
    texts = await _came_back(chat, wants_same="non")
    assert not any("même personne" in t for t in texts[1:])  # the question aside
    holder = "camille" if "Nouvelle demande" in chat.last("camille") else "dominique"
    await chat.deliver(holder, "accepter")
    assert "a accepté" in chat.last("alice")


async def test_not_asked_when_that_listener_left_the_group(chat: Chat) -> None:
    await _first_case_with_camille(chat)
    await chat.deliver("claude", "retirer écoutant @camille")
    out = await chat.deliver("alice", "demande")
    assert "la même personne" not in out[0].text and "équipe" in out[0].text
