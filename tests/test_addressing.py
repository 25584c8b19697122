"""`K7Q2: texte` addresses one case: never another (PRODUCT.md §4). A reference to a case
that is closed, not the writer's, or only offered to them relays nothing and says why.
Chats from the black-box runs s06, s58, s69."""

from __future__ import annotations

from tests.harness import Chat, listened_by_camille


async def test_words_for_a_closed_case_never_reach_the_next_one(chat: Chat) -> None:
    """s69: camille closed alice's case, then listens to bob."""
    alice = await listened_by_camille(chat, "alice")
    await chat.deliver("camille", "clore")
    bob = await listened_by_camille(chat, "bob")
    await chat.play(
        """
        camille> {alice}: au fait, as-tu pu parler à ta RH depuis hier ?
        → camille: **{alice}** est clos
        ✗ bob
        ✗ alice
        camille> {low} au fait ?
        → camille: **{alice}** est clos
        ✗ bob
        camille> RATP: grève demain, je décale notre échange ?
        → bob: 💬 RATP: grève demain, je décale notre échange ?
        camille> {bob}: bonjour
        → bob: 💬 bonjour
        """,
        alice=alice,
        low=alice.lower(),
        bob=bob,
    )


async def test_words_for_someone_elses_case_never_reach_mine(chat: Chat) -> None:
    """s58: camille holds alice's case; bob's case is offered to dominique."""
    await chat.deliver("dominique", "dispo off")
    alice = await chat.request("alice")
    await chat.deliver("dominique", "dispo on")
    bob = await chat.request("bob")
    await chat.deliver("camille", f"accepter {alice}")
    await chat.play(
        """
        camille> {bob} bonjour bob, tu m'entends ?
        → camille: Je ne trouve pas la référence **{bob}**
        ✗ alice
        ✗ bob
        camille> {bob}: test
        → camille: Rien n'a été transmis
        ✗ alice
        alice> {bob}: coucou
        → alice: Je ne trouve pas la référence **{bob}**
        ✗ camille
        """,
        alice=alice,
        bob=bob,
    )


async def test_words_for_a_case_only_offered_are_not_relayed(chat: Chat) -> None:
    """camille listens to alice and is offered bob's case: `accepter` comes first."""
    alice = await listened_by_camille(chat, "alice")
    await chat.deliver("dominique", "dispo off")
    bob = await chat.request("bob")
    await chat.play(
        """
        camille> {bob}: bonjour
        → camille: `accepter {bob}`
        ✗ alice
        ✗ bob
        """,
        bob=bob,
    )
    assert alice


async def test_the_english_catalog_says_it_too(chat: Chat) -> None:
    alice = await listened_by_camille(chat, "alice")
    await chat.deliver("alice", "english")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "no")
    out = await chat.deliver("alice", f"{alice}: hello?")
    assert [m.to.user_id for m in out] == ["alice"] and "is closed" in out[0].text


async def test_a_reference_that_does_not_match_accepts_nothing(chat: Chat) -> None:
    """s06: `accepter U` with one open offer names the right reference, accepts nothing."""
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    await chat.play(
        """
        camille> accepter U
        → camille: Je ne trouve pas la référence **U**
        → camille: `accepter {ref}`
        ✗ alice
        camille> refuser K
        → camille: `refuser {ref}`
        camille> accepter
        → alice: a accepté
        """,
        ref=ref,
    )
