"""Free words that ask about a helpline get the directory's answer, not "je ne comprends
pas"; ordinary words still get the bot's honest fallback, and a relay still relays."""

from __future__ import annotations

import pytest

from tests.harness import Chat


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("3114 c'est gratuit ?", "3114"),
        ("quel numéro appeler la nuit ?", "SOS Amitié"),
        ("c'est quoi SOS Amitié", "09 72 39 40 50"),
        ("tu as un numéro d'écoute gratuit ?", "tel:"),
        ("which number can I call tonight?", "tel:"),
    ],
)
async def test_a_question_about_a_line_is_answered_from_the_directory(
    chat: Chat, text: str, shown: str
) -> None:
    await chat.deliver("zoe", "bonjour")
    out = await chat.deliver("zoe", text)
    assert shown in out[0].text and "je ne comprends pas" not in out[0].text


@pytest.mark.parametrize(
    "text", ["j'ai 15 dossiers en retard", "le chat est sur la table", "il est 17 h"]
)
async def test_ordinary_words_get_the_honest_fallback(chat: Chat, text: str) -> None:
    await chat.deliver("zoe", "bonjour")
    out = await chat.deliver("zoe", text)
    assert "je ne comprends pas" in out[0].text and "`demande`" in out[0].text


async def test_in_a_relay_a_question_about_a_line_is_relayed(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("rita")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("rita", "tu connais le 3114 ?")
    assert [m.to.user_id for m in out] == ["camille"] and "3114" in out[0].text


async def test_a_question_while_the_bot_waits_for_an_answer_keeps_the_question(
    chat: Chat,
) -> None:
    await chat.deliver("zoe", "demande")
    out = await chat.deliver("zoe", "quel numéro appeler si ça ne va pas ?")
    assert "tel:" in out[0].text
    assert "équipe" in out[-1].text  # the team question stays open


@pytest.mark.parametrize(
    "text",
    [
        "je me sens encore mal, je voudrais reparler à quelqu'un",
        "j'ai besoin de parler",
        "I'd like to talk to someone",
    ],
)
async def test_the_wish_to_talk_leads_to_demande(chat: Chat, text: str) -> None:
    await chat.deliver("sam", "bonjour")
    out = await chat.deliver("sam", text)
    asked = ("sans lien avec ton équipe", "penses au suicide", "thinking about suicide")
    assert any(words in out[-1].text for words in asked)  # English is answered in English
    assert [b.command for b in out[-1].buttons] in (["demande"], ["oui", "non"])


async def test_thanks_are_welcome(chat: Chat) -> None:
    await chat.deliver("sam", "bonjour")
    out = await chat.deliver("sam", "merci beaucoup 🙏")
    assert "Avec plaisir" in out[0].text


async def test_a_mistyped_command_gets_did_you_mean_for_the_person_s_roles(chat: Chat) -> None:
    out = await chat.deliver("claude", "attente")  # a coordinator
    assert "`en attente`" in out[0].text and out[0].buttons[0].command == "en attente"
    out = await chat.deliver("camille", "dipso off")  # a listener
    assert out[0].buttons[0].command == "dispo off"
    await chat.deliver("sam", "bonjour")
    for text in ("attente", "dipso off"):  # not theirs: no hint of the group's commands
        out = await chat.deliver("sam", text)
        assert "je ne comprends pas" in out[0].text and not out[0].buttons
    out = await chat.deliver("sam", "demmande")
    assert out[0].buttons[0].command == "demande"


async def test_yes_and_no_are_never_taken_for_a_mistyped_command(chat: Chat) -> None:
    await chat.deliver("sam", "bonjour")
    for text in ("oui", "non", "ok"):
        out = await chat.deliver("sam", text)
        assert not any(b.command == "oubli" for m in out for b in m.buttons), text


async def test_a_typo_is_answered_in_the_persons_language_with_the_reference_kept(
    chat: Chat,
) -> None:
    """ "cloe 8y7b": the French "clore", not the English "close"; the reference as one."""
    out = await chat.deliver("camille", "cloe 8y7b")
    assert "`clore 8Y7B`" in out[-1].text
