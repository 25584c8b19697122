"""The safety lane in conversation: numbers first, a plain question, alerts without text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.harness import Chat


async def test_danger_after_a_command_word_is_danger_not_help(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    out = await chat.deliver("alice", "aide je veux mourir")
    assert "3114" in out[0].text and "Ce que je peux faire" not in out[0].text
    assert any("Alerte" in m.text for m in chat.adapter.to("claude"))


async def test_danger_inside_demande_gives_numbers_then_starts_the_request(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    out = await chat.deliver("alice", "demande, j'ai envie de mourir")
    assert "3114" in out[0].text
    assert "équipe" in out[-1].text


async def test_danger_inside_numbers_query_alerts_and_answers(chat: Chat) -> None:
    out = await chat.deliver("alice", "numéros je veux me tuer")
    assert "3114" in out[0].text
    assert chat.adapter.to("claude"), "coordinators are alerted"


async def test_cancel_with_danger_keeps_the_request(chat: Chat) -> None:
    ref = await chat.request("alice")
    out = await chat.deliver("alice", "annuler, laisse tomber, j'ai déjà avalé toute la boîte")
    assert "3114" in out[0].text
    assert "retirée" not in " ".join(m.text for m in out)
    person = await chat.store.person(out[0].to, chat.clock.now())
    case = await chat.store.open_case_of(person.id)
    assert case is not None and case.ref == ref


async def test_violence_now_gets_police_sms_and_3919_first(chat: Chat) -> None:
    out = await chat.deliver("alice", "il m'a frappée, il est dans la pièce à côté")
    first = out[0].text
    assert first.index("17") < first.index("3919") and "114" in first
    assert "3114" not in first


async def test_pills_swallowed_get_the_samu_first(chat: Chat) -> None:
    out = await chat.deliver("alice", "j'ai avalé toute ma boîte de cachets il y a 20 min")
    first = out[0].text
    assert first.index("**15**") < first.index("**112**") < first.index("**3114**")
    assert any("Alerte" in m.text for m in chat.adapter.to("claude"))


async def test_someone_else_at_risk_gets_numbers_and_how_to_help(chat: Chat) -> None:
    out = await chat.deliver("alice", "mon collègue m'a dit qu'il allait se foutre en l'air")
    assert "3114" in out[0].text and "Pour aider cette personne" in out[0].text


async def test_distress_is_asked_plainly_and_yes_leads_to_danger(chat: Chat) -> None:
    out = await chat.deliver("alice", "au secours, je n'en peux plus")
    assert "Bonjour" in out[0].text  # who the bot is, then the question, last, to answer
    assert "penses au suicide" in out[-1].text
    assert [b.command for b in out[-1].buttons] == ["oui", "non"]
    assert chat.adapter.to("claude") == []
    out = await chat.deliver("alice", "oui")
    assert "3114" in out[0].text
    assert any("Alerte" in m.text for m in chat.adapter.to("claude"))


async def test_distress_answered_no_is_heard_not_alerted(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    await chat.deliver("alice", "j'ai besoin d'aide, ça va pas")
    out = await chat.deliver("alice", "non")
    assert "`demande`" in out[0].text and "compris" not in out[0].text
    assert chat.adapter.to("claude") == []


async def test_words_of_distress_are_never_not_understood(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    for text in (
        "au secours",
        "j'ai besoin d'aide",
        "je n'en peux plus",
        "I feel awful and I don't know who to talk to",
    ):
        out = await chat.deliver("alice", text)
        assert all("je ne comprends pas" not in m.text for m in out), text
        await chat.deliver("alice", "non")


async def test_the_concern_question_never_swallows_another_message(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    await chat.deliver("alice", "je craque")
    out = await chat.deliver("alice", "demande")
    assert "équipe" in out[-1].text


async def test_a_yes_after_demande_answers_the_concern_question_not_the_team(chat: Chat) -> None:
    await chat.deliver("alice", "je n'en peux plus")
    await chat.deliver("alice", "demande")
    out = await chat.deliver("alice", "oui")
    assert "3114" in out[0].text and "équipe" in out[-1].text  # the team question stays
    assert any("Alerte" in m.text for m in chat.adapter.to("claude"))
    await chat.deliver("bob", "je n'en peux plus")
    await chat.deliver("bob", "demande")
    await chat.deliver("bob", "passer")
    out = await chat.deliver("bob", "anonyme")
    assert "penses-tu au suicide" in out[-1].text  # still open once the request is made
    out = await chat.deliver("bob", "oui")
    assert "3114" in out[0].text


async def test_distress_again_while_asked_is_heard_and_asked_again(chat: Chat) -> None:
    await chat.deliver("alice", "je n'en peux plus")
    out = await chat.deliver("alice", "au secours")
    assert "je ne comprends pas" not in " ".join(m.text for m in out)
    assert "Je t'entends" in out[-1].text and "penses au suicide" in out[-1].text
    out = await chat.deliver("alice", "oui")
    assert "3114" in out[0].text


async def test_a_cry_after_aide_gets_the_question_not_the_commands(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    for text in (
        "aide je n'en peux plus",
        "aide moi",
        "ça va pas",
        "je me sens vraiment mal",
        "😭😭",
    ):
        out = await chat.deliver("alice", text)
        assert "penses au suicide" in out[-1].text, text
        await chat.deliver("alice", "non")
    out = await chat.deliver("alice", "aide")
    assert "Ce que je peux faire" in out[-1].text


async def test_french_after_an_english_hello_is_answered_in_french(chat: Chat) -> None:
    out = await chat.deliver("alice", "ce dossier me tue")
    assert "Bonjour" in out[0].text
    await chat.deliver("bob", "hello")
    out = await chat.deliver("bob", "je veux mourir, je suis à bout")
    assert "appelle tout de suite" in out[0].text


async def test_a_pending_question_never_hides_danger(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    await chat.deliver("alice", "oubli")
    out = await chat.deliver("alice", "oui j'ai pris tous mes cachets")
    assert "3114" in out[0].text
    assert "effacé" not in " ".join(m.text for m in out)


async def test_idioms_and_negations_raise_nothing(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    for text in ("ce dossier me tue", "mort de fatigue ce soir", "je ne suis pas suicidaire"):
        out = await chat.deliver("alice", text)
        assert all("3114" not in m.text for m in out), text
    assert chat.adapter.to("claude") == []


async def test_listener_side_danger_is_read_too(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    out = await chat.deliver("camille", "moi aussi j'ai envie d'en finir", case_ref=ref)
    assert "3114" in out[0].text and out[0].to.user_id == "camille"
    assert "en finir" in chat.last("alice")
    alert = chat.last("claude")
    assert "en finir" not in alert and "camille" not in alert
    assert "équipe d'écoute" in alert and "rien d'autre à faire" not in alert


async def test_english_danger_and_concern(chat: Chat) -> None:
    out = await chat.deliver("bob", "I want to kill myself")
    assert "3114" in out[0].text
    out = await chat.deliver("eve", "I feel awful and I don't know who to talk to")
    assert "thinking about suicide" in out[-1].text


async def test_coordinators_are_alerted_once_an_hour_for_one_reference(chat: Chat) -> None:
    await chat.deliver("alice", "je veux me tuer")
    await chat.deliver("alice", "je pense encore à mourir")
    alerts = [m for m in chat.adapter.to("claude") if "Alerte" in m.text]
    assert len(alerts) == 1
    await chat.tick(timedelta(minutes=61))
    await chat.deliver("alice", "je veux toujours mourir")
    assert len([m for m in chat.adapter.to("claude") if "Alerte" in m.text]) == 2


async def test_acute_danger_is_alerted_even_after_an_earlier_alert(chat: Chat) -> None:
    """Black-box s66: an ordinary goodbye once raised an alert, and the rope bought for
    tonight two lines later reached no coordinator. The means at hand always alert."""
    await chat.deliver("alice", "je veux mourir")
    await chat.deliver("alice", "j'ai acheté une corde, c'est pour ce soir")
    assert len([m for m in chat.adapter.to("claude") if "Alerte" in m.text]) == 2


async def test_a_case_opened_since_the_last_alert_is_news_for_coordinators(chat: Chat) -> None:
    await chat.deliver("alice", "je veux me tuer")
    await chat.tick(timedelta(minutes=5))
    ref = await chat.request("alice")
    await chat.tick(timedelta(minutes=5))
    await chat.deliver("alice", "ce soir j'ai envie d'en finir")
    alerts = [m.text for m in chat.adapter.to("claude") if "Alerte" in m.text]
    assert len(alerts) == 2 and ref in alerts[1]
    await chat.deliver("alice", "je veux mourir")  # the same reference within the hour
    assert len([m for m in chat.adapter.to("claude") if "Alerte" in m.text]) == 2


async def test_the_question_the_safety_question_interrupted_is_asked_again(chat: Chat) -> None:
    await chat.deliver("alice", "demande")
    out = await chat.deliver("alice", "au secours, je n'en peux plus")
    assert "penses au suicide" in out[-1].text
    out = await chat.deliver("alice", "non")
    assert "équipe" in out[-1].text  # the team question is open again, and said so
    out = await chat.deliver("alice", "passer")
    assert "anonyme" in out[-1].text  # and "passer" answers it


async def test_after_a_yes_to_the_safety_question_the_request_goes_on(chat: Chat) -> None:
    await chat.deliver("alice", "demande")
    await chat.deliver("alice", "au secours, je n'en peux plus")
    out = await chat.deliver("alice", "oui")
    assert "3114" in out[0].text
    out = await chat.deliver("alice", "passer")  # the team question is still open
    assert "anonyme" in out[-1].text


async def test_the_check_in_question_survives_the_safety_question(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("rita")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("rita", "clore")
    await chat.deliver("rita", "au secours, je n'en peux plus")
    out = await chat.deliver("rita", "non")
    assert "7 jours" in out[-1].text
    out = await chat.deliver("rita", "oui")
    assert "pas compris" not in out[-1].text and "je ne comprends pas" not in out[-1].text


async def test_danger_written_to_the_bot_in_direct_mode_says_it_reaches_nobody(chat: Chat) -> None:
    ref = await chat.request("alice", mode="direct")
    await chat.deliver("camille", "accepter")
    out = await chat.deliver("alice", "je n'ai plus envie de vivre")
    assert "3114" in out[0].text and "ne le voit pas" in out[0].text and ref in out[0].text
    assert "écris `demande`" not in out[0].text
    waiting = await chat.request("bob")
    out = await chat.deliver("bob", "je veux mourir")
    assert f"**{waiting}** reste ouverte" in out[0].text and "`demande`" not in out[0].text


@pytest.mark.parametrize(
    "answer", ["parfois", "des fois oui", "ça m'arrive d'y penser", "peut-être", "sometimes",
               "non mais j'y ai pensé hier", "je sais pas"]
)  # fmt: skip
async def test_sometimes_or_maybe_to_the_question_is_heard_as_yes(chat: Chat, answer: str) -> None:
    await chat.deliver("alice", "je n'en peux plus")
    out = await chat.deliver("alice", answer)
    assert "3114" in out[0].text and "je ne comprends pas" not in out[-1].text
    assert any("Alerte" in m.text for m in chat.adapter.to("claude"))


async def test_no_but_a_little_tired_is_a_no(chat: Chat) -> None:
    await chat.deliver("alice", "je n'en peux plus")
    await chat.deliver("alice", "non, juste un peu fatiguée")
    assert chat.adapter.to("claude") == []


async def test_help_alone_is_the_list_of_commands(chat: Chat) -> None:
    for text in ("help", "/help", "aide"):
        out = await chat.deliver(f"p-{text}", text)
        assert "**" in out[-1].text and "suicide" not in out[-1].text, text


async def test_a_colleague_who_swallowed_pills_gets_the_samu_first(chat: Chat) -> None:
    out = await chat.deliver("alice", "ma collègue vient d'avaler une boîte de médicaments")
    text = out[0].text
    assert text.index("**15**") < text.index("**3114**") and "Pour aider" in text


@pytest.mark.parametrize(
    "text",
    [
        "il m'a suivie jusqu'à chez moi et il attend en bas",
        "il est devant ma porte et il veut entrer, j'ai peur",
        "he is outside my door and trying to get in",
        "un homme me suit dans la rue",
    ],
)
async def test_someone_at_the_door_or_following_gets_the_police_first(
    chat: Chat, text: str
) -> None:
    out = await chat.deliver("alice", text)
    assert "**17**" in out[0].text and "**114**" in out[0].text, text
