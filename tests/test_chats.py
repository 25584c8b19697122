"""The conversations of issue 11, as chats (PRODUCT.md §4): who writes what, who reads what."""

from __future__ import annotations

from bot.cases import CaseState
from tests.harness import Chat, listened_by_camille


async def _state(chat: Chat, ref: str) -> CaseState:
    case = await chat.store.case_by_ref(ref)
    assert case is not None
    return case.state


async def test_camille_listens_to_rita_and_is_listened_to_by_dominique(chat: Chat) -> None:
    rita = await listened_by_camille(chat, "rita")
    own = await chat.request("camille")
    await chat.deliver("dominique", f"accepter {own}")
    await chat.play(
        """
        camille> Bonjour Rita, je suis là pour toi
        → camille: Précise la référence
        → camille: {rita}
        ✗ dominique
        ✗ rita
        camille[{rita}]> Bonjour Rita, je suis là pour toi
        → rita: 💬 Bonjour Rita, je suis là pour toi
        ✗ dominique
        rita> merci, ça me touche
        → camille: **[{rita}]** merci, ça me touche
        camille> {own}: merci de ton écoute
        → dominique: **[{own}]** merci de ton écoute
        ✗ rita
        camille> clore
        → camille: `clore {own}`
        """,
        rita=rita,
        own=own,
    )
    assert await _state(chat, rita) is CaseState.ACCEPTED
    assert await _state(chat, own) is CaseState.ACCEPTED


async def test_short_messages_in_a_relay_are_words_for_the_other_person(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    await chat.play(
        """
        rita> annuler lundi ?
        → camille: **[{ref}]** annuler lundi ?
        rita> fermer la porte
        → camille: **[{ref}]** fermer la porte
        rita> aide moi
        → camille: **[{ref}]** aide moi
        rita> passer demain ?
        → camille: **[{ref}]** passer demain ?
        rita> numéro urgence
        → camille: **[{ref}]** numéro urgence
        rita> english please
        → camille: **[{ref}]** english please
        camille[{ref}]> Clore le sujet du travail, parlons de toi
        → rita: 💬 Clore le sujet du travail, parlons de toi
        camille[{ref}]> Accepter ses émotions…
        → rita: 💬 Accepter ses émotions…
        rita> merci
        → camille: **[{ref}]** merci
        """,
        ref=ref,
    )
    assert await _state(chat, ref) is CaseState.ACCEPTED


async def test_after_clore_words_of_distress_are_heard_and_the_question_stays(chat: Chat) -> None:
    await listened_by_camille(chat, "alice")
    await chat.play(
        """
        alice> clore
        → alice: 7 jours
        alice> je me sens encore mal, je voudrais reparler à quelqu'un
        → alice: `demande`
        alice> oui
        → alice: 7 jours
        """
    )


async def test_a_listener_with_two_cases_is_shown_how_to_address_one(chat: Chat) -> None:
    first = await listened_by_camille(chat, "alice")
    second = await listened_by_camille(chat, "bob")
    await chat.play(
        """
        camille> comment ça va ?
        → camille: Précise la référence
        → camille: : ton message`
        ✗ alice
        ✗ bob
        camille> {low} comment ça va ?
        → bob: 💬 comment ça va ?
        ✗ alice
        camille> [{first}] et toi ?
        → alice: 💬 et toi ?
        """,
        first=first,
        low=second.lower(),
    )


async def test_a_file_in_a_relay_is_not_passed_on_and_its_sender_knows(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    out = await chat.deliver("rita", "", files=True)
    assert [m.to.user_id for m in out] == ["rita"] and "direct" in out[0].text
    assert await chat.deliver("rita", "", files=True) == []  # told once per case
    out = await chat.deliver("camille", "", files=True, case_ref=ref)
    assert [m.to.user_id for m in out] == ["camille"] and out[0].case_ref == ref


async def test_a_listener_with_her_own_case_in_danger_where_no_case_is_named(chat: Chat) -> None:
    """The safety lane reads words that reach nobody: numbers first and the coordinators
    alerted (her own reference only), then "which case?"; a question asked before (which
    case) hides neither danger nor distress; her `oubli` waits until she hands Rita over."""
    rita = await listened_by_camille(chat, "rita")
    own = await chat.request("camille")
    await chat.deliver("dominique", f"accepter {own}")
    await chat.deliver("camille", "on se parle demain ?")
    assert "transmis à personne" in chat.last("camille")
    out = await chat.deliver("camille", "je n'en peux plus, je vais me tuer ce soir")
    assert [m.to.user_id for m in out] == ["camille", "claude", "camille"]
    assert "3114" in out[0].text and "transmis à personne" in out[2].text
    assert own in out[1].text and rita not in out[1].text and "tuer" not in out[1].text
    await chat.play(
        """
        camille> oubli
        → camille: `transférer {rita}`
        camille> je craque complètement
        → camille: est-ce que tu penses au suicide
        → camille: Il n'a été transmis à personne
        ✗ rita
        ✗ dominique
        camille> non
        → camille: Merci de m'avoir répondu
        camille> {own}: je craque complètement
        → dominique: **[{own}]** je craque complètement
        ✗ rita
        """,
        own=own,
        rita=rita,
    )
    assert await _state(chat, own) is CaseState.ACCEPTED  # `oubli` was refused: she listens


async def test_a_team_told_in_a_sentence_is_the_team(chat: Chat) -> None:
    await chat.deliver("rita", "demande")
    await chat.play(
        """
        rita> Je bosse à la Dinum depuis 2 ans
        → rita: Comment préfères-tu échanger
        """
    )
    await chat.deliver("sam", "demande")
    await chat.play(
        """
        sam> pourquoi tu veux savoir dans quelle équipe je suis ?
        → sam: Ma question reste ouverte
        """
    )


async def test_thanks_after_the_close_are_welcome(chat: Chat) -> None:
    ref = await listened_by_camille(chat, "rita")
    await chat.deliver("rita", f"clore {ref}")
    await chat.play(
        """
        rita> merci beaucoup pour tout
        → rita: Avec plaisir
        ✗ camille
        camille> merci à toi, prends soin de toi
        → camille: Avec plaisir
        ✗ rita
        """
    )


async def test_a_mistyped_command_is_suggested_and_a_team_name_is_not(chat: Chat) -> None:
    await chat.deliver("camille", "bonjour")
    await chat.deliver("rita", "bonjour")
    await chat.play(
        """
        camille> dipso off
        → camille: Tu voulais dire `dispo off` ?
        rita> cloe
        → rita: Tu voulais dire `clore` ?
        """
    )
    out = await chat.deliver("rita", "DINUM")
    assert all("Tu voulais dire" not in m.text for m in out)
