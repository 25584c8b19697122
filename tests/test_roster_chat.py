"""Coordinators keep the roster in chat; the database holds it, the configuration seeds it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.people import Roster
from bot.ports import Store
from storage.store import SqlStore
from tests.harness import DEMO_ROSTER, Chat, member


@pytest.fixture
async def chat(store: SqlStore) -> Chat:
    """On SQLite: these tests read the raw database."""
    return Chat(store)


async def _audit(store: Store) -> list[tuple[str, str, str | None]]:
    assert isinstance(store, SqlStore)
    async with store.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT actor, action, subject FROM audit WHERE action LIKE 'roster_%' ORDER BY id"
            )
        )
        return [(r[0], r[1], r[2]) for r in rows]


async def test_roster_shows_availability_load_and_handles(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("dominique", "dispo off jusqu'au 20/03")
    out = await chat.deliver("claude", "écoutants")
    listing = out[0].text
    assert "Camille (@camille) — disponible, 1 en cours / 1 sur 3" in listing
    assert "Dominique (@dominique) — en pause jusqu'au 20/03/2026 inclus" in listing
    assert "alice" not in listing and ref not in listing
    assert "ajouter écoutant" in listing


async def test_add_listener_with_excluded_teams_gets_offers_but_not_from_them(
    chat: Chat,
) -> None:
    await chat.deliver("camille", "dispo off")
    await chat.deliver("dominique", "dispo off")
    out = await chat.deliver("claude", "ajouter écoutant @sacha équipes DGFiP, Santé publique")
    assert out[0].text == "✅ @sacha rejoint l'écoute. Équipes exclues : DGFiP, Santé publique."
    assert "Bienvenue dans le groupe d'écoute" in chat.last("sacha")
    await chat.request("alice", team="la DGFiP à Lyon")
    assert not any("Nouvelle demande" in t for t in chat.adapter.texts("sacha"))
    await chat.request("bob", team="Douanes")
    assert "Nouvelle demande" in chat.last("sacha")
    listing = (await chat.deliver("claude", "écoutants"))[0].text
    assert "Sacha (@sacha)" in listing
    assert await _audit(chat.store) == [("coordinator:claude", "roster_added", "sacha")]


async def test_added_listener_can_accept_and_a_waiting_case_reaches_them(chat: Chat) -> None:
    await chat.deliver("camille", "dispo off")
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    out = await chat.deliver("claude", "ajouter écoutant @sacha")
    assert "Équipes exclues : aucune" in out[0].text
    assert ref in chat.last("sacha")
    await chat.deliver("sacha", f"accepter {ref}")
    assert "a accepté" in chat.last("alice")


async def test_adding_a_listener_again_keeps_the_teams_they_are_kept_from(chat: Chat) -> None:
    out = await chat.deliver("claude", "ajouter écoutant @camille")
    assert "DINUM" in out[0].text
    out = await chat.deliver("claude", "ajouter écoutant @camille équipes Santé")
    assert "DINUM" in out[0].text and "Santé" in out[0].text
    await chat.deliver("dominique", "dispo off")
    await chat.request("alice", team="DINUM")
    assert not any("Nouvelle demande" in t for t in chat.adapter.texts("camille"))


async def test_a_team_corrected_during_the_mode_question_is_kept_from_too(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    await chat.deliver("bob", "demande")
    await chat.deliver("bob", "DGFiP")
    out = await chat.deliver("bob", "en fait c'est DINUM")
    assert "anonyme" in out[-1].text and "comprends pas" not in out[0].text
    await chat.deliver("bob", "anonyme")
    assert not any("Nouvelle demande" in t for t in chat.adapter.texts("camille"))


async def test_remove_listener_stops_offers_and_survives_a_restart(store: SqlStore) -> None:
    chat = Chat(store)
    out = await chat.deliver("claude", "retirer écoutant @camille")
    assert out[0].text == "✅ @camille ne reçoit plus de demandes."
    assert "retiré·e du groupe" in chat.last("camille")
    await chat.request("alice")
    assert not any("Nouvelle demande" in t for t in chat.adapter.texts("camille"))
    # a restart with the same configuration does not bring camille back
    again = Chat(store, clock=chat.clock)
    await again.bot.start(again.clock.now())
    listing = (await again.deliver("claude", "écoutants"))[0].text
    assert "Camille" not in listing and "Dominique" in listing
    assert await _audit(store) == [("coordinator:claude", "roster_removed", "camille")]


async def test_configuration_seeds_new_members_but_never_overwrites_chat_changes(
    store: SqlStore,
) -> None:
    chat = Chat(store)
    await chat.deliver("claude", "ajouter écoutant @camille équipes Douanes")
    grown = Roster((*DEMO_ROSTER.members, member("eden", teams=["Cour des comptes"])))
    again = Chat(store, roster=grown, clock=chat.clock)
    await again.bot.start(again.clock.now())
    camille = again.ctx.roster.get("camille")
    assert camille is not None and camille.teams == ("DINUM", "Douanes")  # the chat change
    assert again.ctx.roster.get("eden") is not None  # a new configured member is added


async def test_pause_listener_until_an_inclusive_date(chat: Chat) -> None:
    out = await chat.deliver("claude", "pause écoutant @camille jusqu'au 12/03")
    assert out[0].text == (
        "✅ @camille est en pause jusqu'au 12/03/2026 inclus : aucune proposition d'ici là."
    )
    assert "jusqu'au 12/03/2026 inclus" in chat.last("camille")
    await chat.request("alice")
    assert chat.adapter.to("camille")[-1].text.startswith("La coordination")
    assert "Nouvelle demande" in chat.last("dominique")
    # still paused on the 12th in the evening, back on the 13th
    await chat.tick(timedelta(days=2, hours=10))  # 12/03, 20:00 in Paris
    bob = await chat.request("bob")
    assert not any(bob in t for t in chat.adapter.texts("camille"))
    await chat.tick(timedelta(hours=5))  # 13/03, 01:00
    listing = (await chat.deliver("claude", "écoutants"))[0].text
    assert "Camille (@camille) — disponible" in listing
    assert await _audit(chat.store) == [("coordinator:claude", "roster_paused", "camille")]


async def test_roster_commands_refuse_bad_input_clearly(chat: Chat) -> None:
    out = await chat.deliver("claude", "ajouter écoutant")
    assert "ajouter écoutant @camille équipes" in out[0].text
    out = await chat.deliver("claude", "retirer écoutant @personne")
    assert "Je ne trouve pas @personne" in out[0].text
    out = await chat.deliver("claude", "pause écoutant @camille")
    assert "pause écoutant @camille jusqu'au 30/11" in out[0].text
    out = await chat.deliver("claude", "pause écoutant @camille jusqu'au 31/02")
    assert "31/02" in out[0].text
    assert await _audit(chat.store) == []


async def test_removing_a_listener_who_holds_a_case_is_refused(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("claude", "retirer écoutant @camille")
    assert "accompagne encore 1 cas" in out[0].text


async def test_roster_commands_are_for_coordinators_only(chat: Chat) -> None:
    out = await chat.deliver("camille", "ajouter écoutant @mallory")
    assert "réservée à la coordination" in out[0].text
    out = await chat.deliver("alice", "retirer écoutant @camille")
    assert "réservée à la coordination" in out[-1].text
    assert await _audit(chat.store) == []
