"""Conversation flows end to end through the core, on a real SQLite file."""

from __future__ import annotations

from datetime import timedelta

from bot.cases import CaseState
from bot.followups import Kind
from bot.ids import Platform
from bot.messages import Address
from tests.harness import Chat


async def test_first_contact_welcomes_with_emergency_numbers_and_choices(chat: Chat) -> None:
    out = await chat.deliver("alice", "bonjour")
    assert len(out) == 1
    text = out[0].text
    for expected in ("3114", "15", "112", "`demande`", "`numéros`", "`aide`", "sans lien"):
        assert expected in text
    assert "psys" in text.lower() or "ni des psys" in text
    # nothing reached anyone else
    assert {m.to.user_id for m in chat.adapter.sent} == {"alice"}


async def test_welcome_is_given_once(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    out = await chat.deliver("alice", "re-bonjour")
    assert "3114" not in out[0].text
    assert "aide" in out[0].text


async def test_first_message_that_is_a_command_is_done_with_short_welcome(chat: Chat) -> None:
    out = await chat.deliver("alice", "!demande")
    short = out[0].text
    assert "3114" in short and len(short) < 400  # the essentials, in half the welcome
    assert "ni psys" in short and "confidentiel" in short and "`numéros`" in short
    assert "équipe" in out[1].text


async def test_consent_first_nothing_sent_before_demande(chat: Chat) -> None:
    await chat.deliver("alice", "je ne vais pas bien du tout au travail")
    await chat.deliver("alice", "mon manager me parle mal")
    assert chat.adapter.to("camille") == [] and chat.adapter.to("dominique") == []


async def test_full_anonymous_flow_and_relay_both_ways(chat: Chat) -> None:
    ref = await chat.request("alice")
    offer = chat.adapter.to("camille")[-1]
    assert ref in offer.text and "Aucun lien" in offer.text
    assert [b.command for b in offer.buttons] == [f"accepter {ref}", f"refuser {ref}"]
    assert "alice" not in offer.text
    await chat.deliver("camille", "accepter")
    assert "Une personne du groupe a accepté" in chat.last("alice")
    assert "Camille" not in chat.last("alice")
    await chat.deliver("alice", "bonjour, merci de prendre le temps")
    relayed = chat.adapter.to("camille")[-1]
    assert relayed.case_ref == ref and relayed.text.startswith(f"**[{ref}]**")
    assert "bonjour, merci" in relayed.text
    await chat.deliver("camille", "Bonjour, je t'écoute", case_ref=ref)
    assert chat.last("alice") == "💬 Bonjour, je t'écoute"


async def test_listener_relay_in_dm_with_ref_prefix_and_ambiguity(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    ref1 = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref1}")
    ref2 = await chat.request("bob")
    await chat.deliver("camille", f"accepter {ref2}")
    out = await chat.deliver("camille", "coucou")
    assert "Précise la référence" in out[0].text and ref1 in out[0].text
    await chat.deliver("camille", f"{ref2}: pour toi")
    assert chat.last("bob") == "💬 pour toi"
    assert not any("pour toi" in t for t in chat.adapter.texts("alice"))


async def test_direct_mode_gives_handle_to_listener_and_name_to_requester(chat: Chat) -> None:
    ref = await chat.request("alice", mode="direct")
    await chat.deliver("camille", f"accepter {ref}")
    assert "Camille" in chat.last("alice")
    assert "alice" in chat.last("camille")
    out = await chat.deliver("alice", "tu es là ?")
    assert "mode direct" in out[0].text
    assert not any("tu es là" in t for t in chat.adapter.texts("camille"))


async def test_team_exclusion_skips_linked_listener(chat: Chat) -> None:
    await chat.request("alice", team="Je suis à la dinum")
    assert chat.adapter.to("camille") == []
    assert "Nouvelle demande" in chat.last("dominique")


async def test_decline_goes_to_next_and_requester_sees_nothing(chat: Chat) -> None:
    ref = await chat.request("alice")
    before = len(chat.adapter.to("alice"))
    await chat.deliver("camille", f"refuser {ref}")
    assert "Nouvelle demande" in chat.last("dominique")
    assert len(chat.adapter.to("alice")) == before
    out = await chat.deliver("camille", f"accepter {ref}")
    assert "ne t'est plus proposée" in out[0].text


async def test_everybody_declines_then_nobody_fallback_and_coordinator_alert(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "refuser")
    await chat.deliver("dominique", "refuser")
    text = chat.last("alice")
    assert "Personne du groupe n'est disponible" in text and "tel:" in text
    assert ref in chat.last("claude") and "alice" not in chat.last("claude")
    # the alert is not repeated at each retry
    await chat.tick(timedelta(hours=3))
    assert sum(ref in t for t in chat.adapter.texts("claude")) == 1


async def test_offer_expiry_moves_on_and_never_comes_back(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.tick(timedelta(minutes=19))
    assert chat.adapter.to("dominique") == []
    await chat.tick(timedelta(minutes=2))
    assert "expiré" in chat.last("camille")
    assert ref in chat.last("dominique")
    await chat.tick(timedelta(minutes=21))
    assert "expiré" in chat.last("dominique")
    assert sum("Nouvelle demande" in t for t in chat.adapter.texts("camille")) == 1


async def test_offer_expiry_is_a_follow_up_row_like_the_others(chat: Chat) -> None:
    await chat.request("alice")
    due = await chat.store.due_actions(chat.clock.now() + timedelta(minutes=21), timedelta(0))
    assert [(a.kind, a.subject) for a in due] == [(Kind.OFFER_EXPIRY, "camille")]
    await chat.deliver("camille", "accepter")
    later = chat.clock.now() + timedelta(minutes=21)
    assert [a.kind for a in await chat.store.due_actions(later, timedelta(0))] == []


async def test_cancel_withdraws_and_tells_listener_neutrally(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("alice", "annuler")
    assert "retirée" in chat.last("alice")
    assert "retirée" in chat.last("camille") and "alice" not in chat.last("camille")
    case = await chat.store.case_by_ref(ref)
    assert case is not None and case.state is CaseState.CANCELLED
    out = await chat.deliver("alice", "annuler")
    assert "pas de demande" in out[0].text


async def test_cancel_during_questions(chat: Chat) -> None:
    await chat.deliver("alice", "demande")
    out = await chat.deliver("alice", "/annuler")
    assert "on s'arrête là" in out[0].text
    assert chat.adapter.to("camille") == []


async def test_close_by_requester_and_checkin_optin(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    assert "7 jours" in chat.last("alice")
    assert "clos par l'autre" in chat.last("camille")
    await chat.deliver("alice", "oui")
    assert "dans 7 jours" in chat.last("alice")
    case = await chat.store.case_by_ref(ref)
    assert case is not None and case.state is CaseState.CLOSED and case.checkin_wanted


async def test_close_by_listener_asks_requester_for_checkin(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("camille", f"clore {ref}")
    assert "Merci pour ton écoute" in chat.last("camille")
    assert "7 jours" in chat.last("alice")
    await chat.deliver("alice", "non")
    case = await chat.store.case_by_ref(ref)
    assert case is not None and not case.checkin_wanted


async def test_returning_requester_asked_for_same_listener(chat: Chat) -> None:
    await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "non")
    await chat.deliver("dominique", "dispo on")
    out = await chat.deliver("alice", "demande")
    assert "même" in out[0].text
    await chat.deliver("alice", "oui")
    await chat.deliver("alice", "passer")
    await chat.deliver("alice", "passer")
    # camille has fewer... both have 0 active; continuity wins over rotation
    assert sum("Nouvelle demande" in t for t in chat.adapter.texts("camille")) == 2


async def test_transfer_hands_over_to_another_listener(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("camille", f"transférer {ref}")
    assert "autre personne" in chat.last("alice")
    assert ref in chat.last("dominique")


async def test_dispo_off_on_and_until(chat: Chat) -> None:
    out = await chat.deliver("camille", "dispo off")
    assert "indisponible" in out[0].text
    await chat.request("alice")
    assert not any("Nouvelle" in t for t in chat.adapter.texts("camille"))
    assert "Nouvelle demande" in chat.last("dominique")
    await chat.deliver("dominique", "refuser")
    assert "Personne du groupe" in chat.last("alice")
    out = await chat.deliver("camille", "dispo on")
    assert any("Nouvelle demande" in m.text for m in out)
    out = await chat.deliver("dominique", "dispo off jusqu'au 20/03")
    assert "20/03/2026" in out[0].text


async def test_dispo_until_comes_back_by_itself(chat: Chat) -> None:
    await chat.deliver("camille", "dispo off jusqu'au 11/03")  # the 11th included
    await chat.deliver("dominique", "dispo off")
    await chat.request("alice")
    assert not any("Nouvelle" in t for t in chat.adapter.texts("camille"))
    await chat.tick(timedelta(days=1))  # 11/03 10:00: still away
    assert not any("Nouvelle" in t for t in chat.adapter.texts("camille"))
    await chat.tick(timedelta(hours=15))  # 12/03 01:00 Paris: back, and offered the case
    assert any("Nouvelle demande" in t for t in chat.adapter.texts("camille")[-2:])


async def test_mes_cas_lists_only_own_cases(chat: Chat) -> None:
    ref = await chat.request("alice")
    out = await chat.deliver("camille", "mes cas")
    assert ref in out[0].text
    out = await chat.deliver("dominique", "mes cas")
    assert ref not in out[0].text


async def test_capacity_limits_active_cases(chat: Chat) -> None:
    for user in ("u1", "u2"):
        await chat.request(user)
        await chat.deliver("camille", "accepter")
    await chat.request("u3")
    assert "Nouvelle demande" in chat.last("dominique")


async def test_safety_lane_gives_numbers_first_and_alerts_with_reference_only(chat: Chat) -> None:
    out = await chat.deliver("alice", "j'ai envie d'en finir")
    assert out[0].text.startswith("🚨") and "3114" in out[0].text
    alert = chat.last("claude")
    assert "Alerte" in alert and "finir" not in alert and "alice" not in alert
    # whatever the state: in the middle of the questions too
    await chat.deliver("alice", "demande")
    out = await chat.deliver("alice", "je veux me suicider")
    assert "3114" in out[0].text


async def test_safety_lane_in_relay_still_relays(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    out = await chat.deliver("alice", "ce soir j'ai des idées noires, je ne sais plus")
    assert "3114" in out[0].text
    relayed, marker = chat.adapter.to("camille")[-2:]
    assert "idées noires" in relayed.text and marker.case_ref == ref
    assert "3114" in marker.text and "idées" not in marker.text
    assert ref in chat.last("claude")


async def test_listener_commands_refused_to_others(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    for command in ("accepter K7Q2", "refuser", "dispo on", "mes cas", "transférer K7Q2"):
        out = await chat.deliver("alice", command)
        assert "réservée aux écoutant" in out[0].text
    for command in ("stats", "en attente", "écoutants"):
        out = await chat.deliver("camille", command)
        assert "réservée à la coordination" in out[0].text


async def test_coordinator_sees_counts_and_refs_never_identities(chat: Chat) -> None:
    ref = await chat.request("alice", team="Direction des finances")
    await chat.deliver("camille", "refuser")
    await chat.deliver("dominique", "refuser")
    stats = (await chat.deliver("claude", "stats"))[0].text
    assert "Demandes : < 5" in stats and "en cours < 5" in stats
    waiting = (await chat.deliver("claude", "en attente"))[0].text
    assert ref in waiting and "alice" not in waiting and "finances" not in waiting
    roster = (await chat.deliver("claude", "écoutants"))[0].text
    assert "Camille" in roster and "Dominique" in roster


async def test_accept_not_offered_to_you_changes_nothing(chat: Chat) -> None:
    ref = await chat.request("alice")
    out = await chat.deliver("dominique", f"accepter {ref}")
    made_up = "ZZ99" if ref != "ZZ99" else "ZZ98"
    unknown = await chat.deliver("dominique", f"accepter {made_up}")
    assert out[0].text == unknown[0].text.replace(made_up, ref)  # no oracle: same answer
    case = await chat.store.case_by_ref(ref)
    assert case is not None and case.state is CaseState.OFFERED and case.listener_id == "camille"
    out = await chat.deliver("dominique", "accepter")
    assert "Aucune proposition" in out[0].text


async def test_second_request_while_one_is_open(chat: Chat) -> None:
    ref = await chat.request("alice")
    out = await chat.deliver("alice", "demande")
    assert ref in out[0].text and "déjà" in out[0].text


async def test_waiting_requester_message_is_not_sent_anywhere(chat: Chat) -> None:
    await chat.request("alice")
    out = await chat.deliver("alice", "il y a quelqu'un ?")
    assert "transmis à personne" in out[0].text


async def test_bad_input_never_crashes(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    for text in (
        "",
        "   ",
        "\x00\x01\x02\ufffd",
        "😀😀😀",
        "# Titre\n**gras** `code`\n> cite",
        "<script>alert(1)</script> @channel @all @here",
    ):
        await chat.deliver("alice", text)
    huge = "a" * 100_000
    out = await chat.deliver("alice", huge)
    relayed = chat.adapter.to("camille")[-1].text
    assert len(relayed) < 5_000 and "tronqué" in relayed
    assert any("très long" in m.text for m in out)
    texts = chat.adapter.texts("camille")
    assert any("<script>" in t for t in texts)  # escaped by the adapter that renders HTML
    assert not any("@channel" in t or "@all" in t for t in texts)
    case = await chat.store.case_by_ref(ref)
    assert case is not None and case.state is CaseState.ACCEPTED


async def test_unknown_command_gets_short_help(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    out = await chat.deliver("alice", "blablabla")
    assert "aide" in out[0].text


async def test_help_lists_role_commands(chat: Chat) -> None:
    assert "accepter" not in (await chat.deliver("alice", "aide"))[0].text
    assert "accepter" in (await chat.deliver("camille", "AIDE"))[0].text
    assert "stats" in (await chat.deliver("claude", "/aide"))[0].text


async def test_numbers_command_answers_from_directory(chat: Chat) -> None:
    out = await chat.deliver("alice", "numéros burn-out")
    assert "tel:" in out[-1].text or "beta.gouv" in out[-1].text
    out = await chat.deliver("alice", "numéros")
    assert "`violence`" in out[0].text and "tout-public" not in out[0].text


async def test_english_when_user_writes_english(chat: Chat) -> None:
    out = await chat.deliver("bob", "hello, how does this work?")
    assert "Hello" in out[0].text and "3114" in out[0].text
    out = await chat.deliver("bob", "request")
    assert "team" in out[0].text
    out = await chat.deliver("bob", "français")
    assert "français" in out[0].text


async def test_requester_identity_is_found_again_across_messages(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    first = await chat.store.person(Address(Platform.CONSOLE, "alice"), chat.clock.now())
    again = await chat.store.person(Address(Platform.CONSOLE, "alice"), chat.clock.now())
    other = await chat.store.person(Address(Platform.MATRIX, "alice"), chat.clock.now())
    assert first.id == again.id != other.id


async def test_plus_alone_shows_the_next_page_and_is_a_query_inside_a_sentence(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    first = (await chat.deliver("alice", "numéros psy"))[-1].text
    following = (await chat.deliver("alice", "plus"))[-1].text
    assert following != first and "tel:" in following
    out = await chat.deliver("alice", "numéros je n'en peux plus")
    assert "tel:" in out[-1].text
