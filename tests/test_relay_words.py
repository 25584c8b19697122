"""Inside a relay, words go to the other person; only whole commands act (PRODUCT.md §4)."""

from __future__ import annotations

from bot.cases import Case, CaseState
from bot.ids import Platform
from bot.messages import Address
from tests.harness import Chat, listened_by_camille


async def _state(chat: Chat, ref: str) -> CaseState:
    case = await chat.store.case_by_ref(ref)
    assert case is not None
    return case.state


async def _case(chat: Chat, ref: str) -> Case:
    case = await chat.store.case_by_ref(ref)
    assert case is not None
    return case


async def test_ordinary_short_messages_are_relayed_not_obeyed(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    for text in (
        "annuler lundi ?",
        "fermer la porte",
        "aide moi",
        "passer demain ?",
        "numéro urgence",
        "english please",
    ):
        await chat.deliver("rita", text)
        assert chat.adapter.to("camille")[-1].text == f"**[{ref}]** {text}", text
    assert await _state(chat, ref) is CaseState.ACCEPTED
    person = await chat.store.person(Address(Platform.CONSOLE, "rita"), chat.clock.now())
    assert person.locale == "fr"


async def test_listener_words_that_start_like_commands_are_relayed(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    for text in ("Clore le sujet du travail, parlons de toi", "Accepter ses émotions…"):
        await chat.deliver("camille", text, case_ref=ref)
        assert chat.last("rita") == f"💬 {text}"
    assert await _state(chat, ref) is CaseState.ACCEPTED
    await chat.deliver("camille", "clore", case_ref=ref)
    assert await _state(chat, ref) is CaseState.CLOSED


async def test_whole_message_commands_still_work_in_a_relay(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    out = await chat.deliver("rita", "numéros burn-out")
    assert "tel:" in out[0].text
    await chat.deliver("rita", "!aide moi")
    assert "`demande`" in chat.last("rita")
    await chat.deliver("rita", "annuler")
    assert await _state(chat, ref) is CaseState.CANCELLED


async def test_command_words_opening_a_sentence_for_the_other_person_are_relayed(
    chat: Chat,
) -> None:
    """Black-box s07, s25, s66, s70, s88: a question, the second person or a comma after
    the word make words for the other person; a whole `numéros burn-out` is a search."""
    ref = await listened_by_camille(chat, "rita")
    for text in (
        "num de ton collègue qui t'avait aidé ?",
        "numéros, tu en as d'autres à me conseiller ?",
        "numéros utiles pour mon fils, tu en connais ?",
        "numéros ?",
    ):
        await chat.deliver("rita", text)
        assert chat.adapter.to("camille")[-1].text == f"**[{ref}]** {text}", text
    for text in (
        "note que tu as le droit de dire non à ton chef",
        "Note bien : tu n'es pas obligée de répondre tout de suite",
        "numéros de téléphone utiles, tu les as notés ?",
        "numéros ?",
    ):
        await chat.deliver("camille", text)
        assert chat.last("rita") == f"💬 {text}", text
        await chat.deliver("camille", text, case_ref=ref)
        assert chat.last("rita") == f"💬 {text}", text
    assert await chat.store.notes_of((await _case(chat, ref)).id) == []


async def test_a_listeners_note_in_a_relay_is_still_a_note(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    sent = len(chat.adapter.to("rita"))
    for text in (
        "note a besoin de temps pour répondre",
        "!note tu lui as dit que je reviens demain",
        f"note {ref} elle m'a dit : « tu ne comprends rien »",
    ):
        out = await chat.deliver("camille", text)
        assert "Note ajoutée" in out[0].text, text
        out = await chat.deliver("camille", text, case_ref=ref)
        assert "Note ajoutée" in out[0].text, text
    assert len(chat.adapter.to("rita")) == sent
    out = await chat.deliver("rita", "numéros burn-out")
    assert "tel:" in out[0].text


async def test_a_listener_who_is_also_a_requester_is_asked_which_case(chat: Chat) -> None:
    rita = await listened_by_camille(chat, "rita")
    own = await chat.request("camille")
    await chat.deliver("dominique", f"accepter {own}")
    before = len(chat.adapter.to("dominique"))
    out = await chat.deliver("camille", "Bonjour Rita, je suis là pour toi")
    assert "Précise la référence" in out[0].text and rita in out[0].text and own in out[0].text
    assert len(chat.adapter.to("dominique")) == before, "nothing relayed to Dominique"
    assert not any("je suis là" in t for t in chat.adapter.texts("rita"))
    await chat.deliver("camille", "Bonjour Rita, je suis là pour toi", case_ref=rita)
    assert chat.last("rita") == "💬 Bonjour Rita, je suis là pour toi"
    await chat.deliver("camille", f"{own.lower()} merci de ton écoute")
    assert chat.last("dominique") == f"**[{own}]** merci de ton écoute"
    out = await chat.deliver("camille", "clore")
    assert "Précise la référence" in out[0].text and f"`clore {own}`" in out[0].text
    assert await _state(chat, rita) is CaseState.ACCEPTED
    assert await _state(chat, own) is CaseState.ACCEPTED
    await chat.deliver("camille", f"clore {own}")
    assert await _state(chat, own) is CaseState.CLOSED
    assert await _state(chat, rita) is CaseState.ACCEPTED


async def test_which_case_shows_an_example_and_any_case_addresses(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    first = await chat.request("alice")
    await chat.deliver("camille", f"accepter {first}")
    second = await chat.request("bob")
    await chat.deliver("camille", f"accepter {second}")
    out = await chat.deliver("camille", "coucou")
    assert f"`{second}: ton message`" in out[0].text or f"`{first}: ton message`" in out[0].text
    await chat.deliver("camille", f"{second.lower()} comment ça va ?")
    assert chat.last("bob") == "💬 comment ça va ?"
    out = await chat.deliver("camille", "transférer")
    assert "Par exemple" in out[0].text and "transférer" in out[0].text


async def test_a_pending_question_does_not_swallow_what_people_say(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    assert await _state(chat, ref) is CaseState.CLOSED
    out = await chat.deliver("alice", "je me sens encore mal, je voudrais reparler à quelqu'un")
    said = " ".join(m.text for m in out)
    assert "`demande`" in said and "reste ouverte" in said
    out = await chat.deliver("alice", "demande")
    assert "même personne" in out[-1].text or "équipe" in out[-1].text


async def test_the_check_in_question_stays_open_after_another_message(chat: Chat) -> None:
    await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "numéros burn-out")
    out = await chat.deliver("alice", "oui")
    assert "7 jours" in out[0].text


async def test_the_safety_question_stays_open_after_a_detour(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    await chat.deliver("alice", "je craque")
    await chat.deliver("alice", "aide")
    out = await chat.deliver("alice", "oui")
    assert "3114" in out[0].text
