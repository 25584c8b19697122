"""Coordinators act on waiting cases: `relancer`, `proposer`; alerts say what to do next."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.context import Policy
from bot.routing import Limits
from storage.store import SqlStore
from tests.harness import Chat


async def _declined_by_everyone(chat: Chat) -> str:
    ref = await chat.request("alice", team="Douanes")
    await chat.deliver("camille", "refuser")
    await chat.deliver("dominique", "refuser")
    return ref


async def test_waiting_alert_and_list_say_which_command_comes_next(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    alert = chat.last("claude")
    assert f"`proposer {ref} @pseudo`" in alert and f"`relancer {ref}`" in alert
    listing = (await chat.deliver("claude", "en attente"))[0].text
    assert ref in listing and "`relancer RÉF`" in listing and "`proposer RÉF @pseudo`" in listing


async def test_relancer_offers_a_declined_case_again_now(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    out = await chat.deliver("claude", f"relancer {ref}")
    assert out[0].text == f"✅ La demande **{ref}** est de nouveau proposée."
    assert ref in chat.last("camille") and "Nouvelle demande" in chat.last("camille")
    await chat.deliver("camille", f"accepter {ref}")
    assert "a accepté" in chat.last("alice")


async def test_a_relaunched_offer_expires_and_moves_on_like_any_other(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    await chat.deliver("claude", f"relancer {ref}")
    assert ref in chat.last("camille")
    await chat.tick(timedelta(minutes=21))
    assert "expiré" in chat.last("camille")
    assert ref in chat.last("dominique") and "Nouvelle demande" in chat.last("dominique")


async def test_relancer_when_nobody_is_eligible_says_what_else_to_do(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    await chat.deliver("camille", "dispo off")
    await chat.deliver("dominique", "dispo off")
    out = await chat.deliver("claude", f"relancer {ref}")
    assert "Personne d'éligible" in out[0].text and f"`proposer {ref} @pseudo`" in out[0].text
    assert len(out) == 1  # the requester is not told again


async def test_proposer_to_one_listener_who_declined_before(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    before = len(chat.adapter.to("camille"))
    out = await chat.deliver("claude", f"proposer {ref} @dominique")
    assert out[0].text.startswith(f"✅ La demande **{ref}** est proposée à @dominique (20 min")
    assert ref in chat.last("dominique")
    assert len(chat.adapter.to("camille")) == before
    await chat.deliver("dominique", "accepter")
    assert "a accepté" in chat.last("alice")


async def test_proposer_keeps_team_exclusion_and_does_not_reveal_the_team(chat: Chat) -> None:
    ref = await chat.request("alice", team="DINUM")
    await chat.deliver("dominique", "refuser")
    out = await chat.deliver("claude", f"proposer {ref} @camille")
    text = out[0].text
    assert "règle de confidentialité" in text and "DINUM" not in text and "dinum" not in text
    assert not any(ref in t for t in chat.adapter.texts("camille"))


async def test_proposer_refusals_say_why(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    await chat.deliver("camille", "dispo off")
    out = await chat.deliver("claude", f"proposer {ref} @camille")
    assert out[0].text == "@camille est indisponible en ce moment."
    out = await chat.deliver("claude", f"proposer {ref} @inconnu")
    assert "Je ne trouve pas @inconnu" in out[0].text
    out = await chat.deliver("claude", f"proposer {ref} @claude")
    assert "ne fait pas partie des écoutant·es" in out[0].text
    out = await chat.deliver("claude", "proposer ZZZZ @dominique")
    assert "aucune demande **ZZZZ**" in out[0].text
    out = await chat.deliver("claude", "proposer")
    assert "proposer K7Q2 @camille" in out[0].text
    await chat.deliver("claude", f"proposer {ref} @dominique")
    out = await chat.deliver("claude", f"relancer {ref}")
    assert "proposée en ce moment" in out[0].text


async def test_proposer_respects_the_load_limits(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(1, 3)))
    first = await chat.request("bob")
    await chat.deliver("camille", f"accepter {first}")
    ref = await chat.request("alice")
    await chat.deliver("dominique", f"refuser {ref}")
    out = await chat.deliver("claude", f"proposer {ref} @camille")
    assert out[0].text == "@camille accompagne déjà le maximum de cas en même temps."
    weekly = Chat(store, policy=Policy(limits=Limits(2, 1)), clock=chat.clock)
    out = await weekly.deliver("claude", f"proposer {ref} @camille")
    assert out[0].text == "@camille a déjà reçu son maximum de nouveaux cas cette semaine."


async def test_acting_on_cases_is_for_coordinators_only(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    out = await chat.deliver("camille", f"relancer {ref}")
    assert "réservée à la coordination" in out[0].text


async def test_safety_alert_gives_the_next_step(chat: Chat) -> None:
    ref = await _declined_by_everyone(chat)
    await chat.deliver("alice", "je veux mourir, je vais me tuer ce soir")
    alert = chat.last("claude")
    assert "Alerte sécurité" in alert and f"`proposer {ref} @pseudo`" in alert
    await chat.deliver("bob", "je vais me suicider")
    assert "Pas de demande ouverte" in chat.last("claude")


async def test_an_offer_moves_on_when_its_listener_goes_away(chat: Chat) -> None:
    """Black-box s11: `dispo off` with an offer open left the request waiting for the
    offer's time-out; it goes to the next listener at once."""
    ref = await chat.request("alice")
    offered = [
        n for n in ("camille", "dominique") if any(ref in m.text for m in chat.adapter.to(n))
    ]
    assert len(offered) == 1
    first = offered[0]
    other = "dominique" if first == "camille" else "camille"
    out = await chat.deliver(first, "dispo off")
    assert any(ref in m.text for m in out if m.to.user_id == first)
    assert any(ref in m.text for m in chat.adapter.to(other))


@pytest.mark.parametrize(
    "command", ["retirer écoutant @{who}", "pause écoutant @{who} jusqu'au 12/03"]
)
async def test_an_offer_moves_on_when_a_coordinator_takes_its_listener_off(
    chat: Chat, command: str
) -> None:
    """Black-box s50, s51: a removed or paused listener kept the open offer."""
    ref = await chat.request("alice")
    first = next(
        n for n in ("camille", "dominique") if any(ref in m.text for m in chat.adapter.to(n))
    )
    other = "dominique" if first == "camille" else "camille"
    await chat.deliver("claude", command.format(who=first))
    assert any(ref in m.text for m in chat.adapter.to(other))
