"""A pending question takes only its answer: a message that carries more is handled as if
nothing were pending (relayed, read for danger, answered), and the question stays open
(PRODUCT.md §1, §4). Chats from the black-box runs s57, s68, s82, s85, s86, s91, s92."""

from __future__ import annotations

from bot.cases import CaseState
from bot.conversation.answers import yes_no_alone
from bot.ids import Platform
from bot.messages import Address
from bot.people import Dialog, Person
from tests.harness import Chat, listened_by_camille


async def _person(chat: Chat, user: str) -> Person:
    return await chat.store.person(Address(Platform.CONSOLE, user), chat.clock.now())


async def _state(chat: Chat, ref: str) -> CaseState:
    case = await chat.store.case_by_ref(ref)
    assert case is not None
    return case.state


async def test_danger_after_yes_to_the_erasure_question_is_relayed_not_swallowed(
    chat: Chat,
) -> None:
    ref = await listened_by_camille(chat, "alice")
    words = "oui mais avant, dis à la personne que j'ai pris tous mes cachets"
    await chat.deliver("alice", "oubli")
    out = await chat.deliver("alice", words)
    to_camille = [m.text for m in out if m.to.user_id == "camille"]
    assert f"**[{ref}]** {words}" in to_camille
    assert any("peut signaler un danger" in t for t in to_camille)
    assert any("3114" in m.text and "transmis" in m.text for m in out if m.to.user_id == "alice")
    alerts = [m.text for m in out if m.to.user_id == "claude"]
    assert len(alerts) == 1 and "accompagne déjà" in alerts[0] and "cachets" not in alerts[0]
    assert await _state(chat, ref) is CaseState.ACCEPTED  # nothing erased
    assert (await _person(chat, "alice")).dialog is Dialog.FORGET  # the question stays open
    await chat.play(
        """
        alice> non
        → alice: je ne change rien
        """
    )


async def test_danger_after_no_to_the_erasure_question_is_relayed_and_alerted_once(
    chat: Chat,
) -> None:
    ref = await listened_by_camille(chat, "alice")
    await chat.play(
        """
        alice> oubli
        alice> non, en fait ce soir j'ai envie d'en finir
        → camille: **[{ref}]** non, en fait ce soir j'ai envie d'en finir
        → camille: peut signaler un danger
        → alice: 3114
        → claude: accompagne déjà
        """,
        ref=ref,
    )
    assert len(chat.adapter.to("claude")) == 1
    assert (await _person(chat, "alice")).dialog is Dialog.FORGET
    await chat.play(
        """
        camille> je suis là
        → alice: 💬 je suis là
        """
    )


async def test_a_bare_yes_still_answers_the_erasure_question(chat: Chat) -> None:
    await chat.play(
        """
        alice> bonjour
        alice> oubli
        alice> Oui !
        → alice: C'est fait
        """
    )


async def test_team_with_danger_keeps_the_team_question_open(chat: Chat) -> None:
    """s57/s68: the numbers at once; the team is not lost, the next mode word is not
    stored as the team, and a listener of that team never gets the offer."""
    await chat.play(
        """
        alice> demande
        alice> DINUM, et franchement j'ai envie de mourir
        → alice: 3114
        → alice: travailles-tu
        → claude: en préparation
        alice> anonyme
        → alice: travailles-tu
        ✗ camille
        ✗ dominique
        alice> DINUM
        → alice: Comment préfères-tu échanger
        alice> anonyme
        → dominique: Nouvelle demande
        ✗ camille
        """
    )
    assert len(chat.adapter.to("claude")) == 1


async def test_erasure_refused_in_the_middle_of_a_request_keeps_its_question(chat: Chat) -> None:
    """s82/s85: `oubli` then `non` asks the request's question again; its answer works."""
    await chat.play(
        """
        alice> demande
        alice> DINUM
        → alice: Comment préfères-tu échanger
        alice> oubli
        → alice: tout effacer
        alice> non
        → alice: je ne change rien
        → alice: `anonyme`, `direct` ou `passer`
        alice> anonyme
        → alice: Ta demande a la référence
        → dominique: Nouvelle demande
        ✗ camille
        """
    )
    await chat.play(
        """
        bob> demande
        bob> oubli
        bob> non
        → bob: travailles-tu
        bob> passer
        → bob: Comment préfères-tu échanger
        """
    )


async def test_a_listener_with_a_case_open_is_told_to_hand_it_over_before_erasure(
    chat: Chat,
) -> None:
    """s48: the erasure never leaves a relay running to someone who asked to be forgotten."""
    ref = await listened_by_camille(chat, "alice")
    await chat.play(
        """
        camille> oubli
        → camille: `transférer {ref}`
        ✗ alice
        alice> tu es là ?
        → camille: **[{ref}]** tu es là ?
        camille> transférer {ref}
        → dominique: Nouvelle demande
        """,
        ref=ref,
    )
    await chat.deliver("camille", "oubli")
    assert (await _person(chat, "camille")).dialog is Dialog.FORGET
    await chat.play(
        """
        camille> oui
        → camille: C'est fait
        """
    )


async def test_a_case_accepted_while_the_erasure_question_is_open_stops_it(chat: Chat) -> None:
    await chat.deliver("dominique", "dispo off")
    await chat.deliver("camille", "oubli")
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.play(
        """
        camille> oui
        → camille: `clore {ref}`
        ✗ alice
        """,
        ref=ref,
    )
    assert await _state(chat, ref) is CaseState.ACCEPTED


def test_a_yes_said_warmly_is_still_the_answer() -> None:
    """ "oui ça me ferait plaisir" answers the check-in question; "oui mais…" and words of
    danger are more than an answer."""
    assert yes_no_alone("oui ça me ferait plaisir") is True
    assert yes_no_alone("yes that would be nice") is True
    assert yes_no_alone("non je préfère pas") is False
    assert yes_no_alone("oui mais avant, dis-lui que je pense à elle") is None
    assert yes_no_alone("non, en fait ce soir j'ai envie d'en finir") is None


async def test_an_accepted_request_sets_the_erasure_question_aside(chat: Chat) -> None:
    """Black-box s48: `oubli` asked, then a listener accepts; the requester's "oui" to the
    listener's "on en parle maintenant ?" must not erase everything."""
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    await chat.deliver("alice", "oubli")
    await chat.deliver("camille", f"accepter {ref}")
    assert any("mise de côté" in m.text for m in chat.adapter.to("alice"))
    await chat.deliver("camille", "tu veux qu'on en parle maintenant ?")
    await chat.deliver("alice", "oui")
    assert chat.adapter.to("camille")[-1].text.endswith("oui")
    assert (await _person(chat, "alice")).dialog is Dialog.NONE
