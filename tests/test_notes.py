"""Shared notes per case: seen by exactly the listeners who held it, encrypted at rest,
gone with the case, never shown to the requester, never logged."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.ports import Store
from storage.store import SqlStore
from tests.harness import Chat


@pytest.fixture
async def chat(store: SqlStore) -> Chat:
    """On SQLite: these tests read the raw database."""
    return Chat(store)


NOTE = "préfère les échanges le soir, parle de son chef"


async def _raw_notes(store: Store) -> list[bytes]:
    assert isinstance(store, SqlStore)
    async with store.engine.connect() as conn:
        return [bytes(r[0]) for r in await conn.execute(text("SELECT text_enc FROM case_notes"))]


async def test_notes_follow_the_case_to_the_next_listener_and_no_one_else(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await chat.deliver("claude", "ajouter écoutant @sacha")
    ref = await chat.request("alice", team="Douanes")
    holder = next(u for u in ("camille", "dominique", "sacha") if ref in chat.last(u))
    await chat.deliver(holder, f"accepter {ref}")
    out = await chat.deliver(holder, f"note {ref} {NOTE}")
    assert out[0].text.startswith(f"📝 Note ajoutée à **{ref}**")
    await chat.deliver(holder, f"transférer {ref}")
    offer_to = next(
        u for u in ("camille", "dominique", "sacha") if u != holder and ref in chat.last(u)
    )
    assert NOTE not in chat.last(offer_to)  # the offer itself shows nothing
    out = await chat.deliver(offer_to, f"accepter {ref}")
    shown = [m.text for m in out if m.to.user_id == offer_to]
    assert any(NOTE in t and "Notes sur" in t for t in shown)
    assert NOTE in (await chat.deliver(holder, f"note {ref}"))[0].text  # the first one still can
    third = next(u for u in ("camille", "dominique", "sacha") if u not in (holder, offer_to))
    out = await chat.deliver(third, f"note {ref}")
    assert NOTE not in out[0].text and "Je ne trouve pas la référence" in out[0].text
    out = await chat.deliver("claude", f"note {ref}")
    assert NOTE not in out[0].text
    for who in ("alice", "claude", third):
        assert not any(NOTE in t for t in chat.adapter.texts(who))
    assert NOTE not in caplog.text
    actions = [e.action for e in await chat.store.audit_of(ref)]
    assert "noted" in actions and "notes_read" in actions
    assert all(NOTE not in str(e) for e in await chat.store.audit_of(ref))


async def test_a_note_in_the_case_thread_never_reaches_the_requester(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", "note a besoin de temps pour répondre", case_ref=ref)
    await chat.deliver("camille", "Note : rappeler le 3114 si besoin")
    assert not any("besoin" in t for t in chat.adapter.texts("alice"))
    out = await chat.deliver("camille", "note", case_ref=ref)
    assert "a besoin de temps pour répondre" in out[0].text
    assert ": rappeler le 3114 si besoin" in out[0].text


async def test_note_text_is_encrypted_at_rest_and_purged_with_the_case(
    store: SqlStore, sqlite_url: str
) -> None:
    chat = Chat(store)
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"note {ref} {NOTE}")
    raw = await _raw_notes(store)
    assert len(raw) == 1 and NOTE.encode() not in raw[0] and b"chef" not in raw[0]
    database = sqlite_url.split("///", 1)[1]
    assert b"son chef" not in await asyncio.to_thread(Path(database).read_bytes)
    await chat.deliver("camille", f"clore {ref}")
    await chat.bot.purge(chat.clock.now() + timedelta(days=91))
    assert await _raw_notes(store) == []


async def test_forget_me_erases_the_notes_too(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", f"note {ref} {NOTE}")
    await chat.deliver("alice", "annuler")
    await chat.deliver("alice", "oubli")
    await chat.deliver("alice", "oui")
    assert await _raw_notes(chat.store) == []


async def test_note_refusals(chat: Chat) -> None:
    out = await chat.deliver("camille", "note rien à dire")
    assert "note RÉF texte" in out[0].text
    out = await chat.deliver("alice", "note K7Q2 coucou")
    assert "écoutant" in out[-1].text
    ref = await chat.request("bob")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("camille", f"note {ref} " + "x" * 2001)
    assert "2001 caractères" in out[0].text
    out = await chat.deliver("camille", f"note {ref}")
    assert f"Pas encore de note sur **{ref}**" in out[0].text
