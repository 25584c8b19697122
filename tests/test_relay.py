"""Inside a relay: literal words, replies and edits that follow, and what is not text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.copies import NS, Copies
from bot.ids import Platform
from bot.messages import Copy, MessageId
from storage.crypto import FieldCipher
from storage.keyvalue import SqlKeyValue
from storage.store import SqlStore
from tests.conftest import SECRET
from tests.harness import Chat

TRICKY = "**gras** [clique ici](https://exemple.org/piege) <b>html</b> @room"


async def _relay(chat: Chat) -> str:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    return ref


async def test_the_persons_words_are_a_literal_part_of_the_relayed_message(chat: Chat) -> None:
    ref = await _relay(chat)
    await chat.deliver("alice", TRICKY)
    relayed = chat.adapter.to("camille")[-1]
    before, words, after = relayed.parts()
    assert before == f"**[{ref}]** " and after == ""
    assert words == "**gras** clique ici (https://exemple.org/piege) <b>html</b> @\u200broom"
    await chat.deliver("camille", "[lien](https://exemple.org) *là*", case_ref=ref)
    back = chat.adapter.to("alice")[-1]
    assert back.parts() == ("💬 ", "lien (https://exemple.org) *là*", "")


async def test_a_long_message_is_cut_with_a_note_outside_the_words(chat: Chat) -> None:
    await _relay(chat)
    await chat.deliver("alice", "mot " * 2000)
    relayed = [m for m in chat.adapter.to("camille") if m.relayed][-1]
    _, words, after = relayed.parts()
    assert len(words) <= 4000 and "tronqué" in after and "tronqué" not in words
    assert "seul le début" in chat.last("alice")


async def test_replies_and_edits_name_their_originals(chat: Chat) -> None:
    ref = await _relay(chat)
    await chat.deliver("alice", "tu es là ?", event_id="$q")
    relayed = chat.adapter.to("camille")[-1]
    assert relayed.copy == Copy(ref, original=MessageId(Platform.CONSOLE, "$q"))
    await chat.deliver("camille", "oui", case_ref=ref, event_id="$a", reply_to="$copy-of-q")
    answer = chat.adapter.to("alice")[-1]
    assert answer.text == "💬 oui"
    assert answer.copy == Copy(
        ref,
        original=MessageId(Platform.CONSOLE, "$a"),
        reply_to=MessageId(Platform.CONSOLE, "$copy-of-q"),
    )
    await chat.deliver("camille", "oui, je suis là", case_ref=ref, event_id="$e", edit_of="$a")
    edit = chat.adapter.to("alice")[-1]
    assert edit.text == "💬 oui, je suis là"
    assert edit.copy == Copy(
        ref, original=MessageId(Platform.CONSOLE, "$a"), replaces=MessageId(Platform.CONSOLE, "$a")
    )


async def test_a_command_sent_as_a_reply_is_still_a_command(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter", reply_to="$offer")
    assert "Une personne du groupe a accepté" in chat.last("alice")
    assert ref in chat.last("camille")


async def test_files_in_a_relay_are_not_passed_on_and_the_sender_is_told_once(
    chat: Chat,
) -> None:
    ref = await _relay(chat)
    to_camille = len(chat.adapter.to("camille"))
    out = await chat.deliver("alice", "", files=True)
    assert [m.to.user_id for m in out] == ["alice"]
    assert "seulement le texte" in out[0].text and "`direct`" in out[0].text
    assert await chat.deliver("alice", "", files=True) == []  # once per case
    await chat.deliver("alice", "voici ma photo", files=True)  # the text still goes
    assert chat.last("camille") == f"**[{ref}]** voici ma photo"
    assert len(chat.adapter.to("camille")) == to_camille + 1
    out = await chat.deliver("camille", "", case_ref=ref, files=True)
    assert out[0].to.user_id == "camille" and out[0].case_ref == ref
    assert "Seul le texte est transmis" in out[0].text and ref in out[0].text
    assert await chat.deliver("camille", "", case_ref=ref, reaction=True) == []


async def test_a_reaction_in_a_relay_is_said_not_passed_on(chat: Chat) -> None:
    await _relay(chat)
    out = await chat.deliver("alice", "", reaction=True)
    assert len(out) == 1 and "réactions" in out[0].text and out[0].to.user_id == "alice"
    assert not any(m.relayed for m in out)


async def test_outside_a_relay_the_bot_says_it_reads_text_only(chat: Chat) -> None:
    out = await chat.deliver("bob", "", files=True)
    assert len(out) == 1 and "Je ne lis que le texte" in out[0].text
    out = await chat.deliver("bob", "", files=True)
    assert "Je ne lis que le texte" in out[0].text  # every time: nothing is relayed anyway
    assert await chat.deliver("bob", "", reaction=True) == []  # meant for no one
    out = await chat.deliver("bob", "aide", files=True)
    assert "Ce que je peux faire" in out[-2].text and "Je ne lis que le texte" in out[-1].text


async def test_waiting_requester_file_is_not_relayed(chat: Chat) -> None:
    await chat.request("alice")
    out = await chat.deliver("alice", "", files=True)
    assert [m.to.user_id for m in out] == ["alice"] and "Je ne lis que le texte" in out[0].text


async def test_copy_pairs_expire_and_the_purge_removes_relay_marks(store: SqlStore) -> None:
    kv = SqlKeyValue(store.engine, FieldCipher(SECRET))
    now = [1000.0]
    copies = Copies(kv, keep=timedelta(days=30), clock=lambda: now[0])
    original, copy = MessageId(Platform.MATRIX, "$a"), MessageId(Platform.MATTERMOST, "p1")
    await copies.remember("K7Q2", original, copy)
    assert await copies.copy_of("K7Q2", original, Platform.MATTERMOST) == "p1"
    assert await copies.twin("K7Q2", copy, Platform.MATRIX) == "$a"
    assert (
        await copies.copy_of("K7Q2", copy, Platform.MATRIX) is None
    )  # an edit changes a copy only
    assert await copies.twin("Z9Z9", original, Platform.MATTERMOST) is None  # per case
    now[0] += timedelta(days=31).total_seconds()
    assert await copies.twin("K7Q2", original, Platform.MATTERMOST) is None
    await kv.put("matrix", "sync_token", "s1")
    later = datetime.now(UTC) + timedelta(days=1)
    await store.purge(later, later - timedelta(days=365))
    assert await kv.get(NS, "K7Q2|matrix|$a") is None
    assert await kv.get("matrix", "sync_token") == "s1"
