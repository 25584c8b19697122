"""Rights as SECURITY.md promises them: `mes données` shows everything kept (requesters and
listeners), `oubli` erases adapter state too and leaves only the erasure in the audit,
refused attempts are audited without identifying text, no oracle on references.
Checked on the raw database and the captured logs, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.ids import ListenerId, Platform
from bot.messages import Address
from storage.keyvalue import SqlKeyValue
from storage.store import SqlStore
from tests.harness import Chat

ALICE = Address(Platform.CONSOLE, "alice.secret-handle")
TEAM = "Direction Zorglub des Finances"


def chat_with_state(store: SqlStore) -> Chat:
    chat = Chat(store)
    chat.ctx.state = SqlKeyValue(store.engine, store.cipher)  # the real adapter state
    return chat


async def database_text(store: SqlStore) -> str:
    """Every row of every table, as text (what a backup thief would read)."""
    out = []
    async with store.engine.connect() as conn:
        for table in ("persons", "cases", "offers", "audit", "kv", "listener_states"):
            rows = (await conn.execute(text(f"SELECT * FROM {table}"))).all()
            out += [json.dumps([repr(v) for v in row]) for row in rows]
    return "\n".join(out)


async def audit_rows(store: SqlStore) -> list[tuple[str, str, str | None]]:
    async with store.engine.connect() as conn:
        rows = await conn.execute(text("SELECT actor, action, case_ref FROM audit ORDER BY id"))
        return [(a, b, c) for a, b, c in rows.all()]


async def test_my_data_shows_everything_kept_for_a_requester(any_store: SqlStore) -> None:
    chat = chat_with_state(any_store)
    ref = await chat.request(ALICE.user_id, team=TEAM)
    await chat.deliver("camille", f"accepter {ref}")
    person = await any_store.person(ALICE, chat.clock.now())
    person.last_alert_at = chat.clock.now()
    await any_store.save_person(person)
    await chat.deliver(ALICE.user_id, "clore")
    await chat.deliver(ALICE.user_id, "oui")  # news in 7 days
    shown = (await chat.deliver(ALICE.user_id, "mes données"))[0].text
    for kept in (
        ALICE.user_id,  # the id, and the handle (the same here)
        "pseudo",
        person.ref,
        TEAM,
        ref,
        "acceptée le",
        "terminée le",
        "nouvelles dans 7 jours : demandées",
        "dernière alerte de sécurité",
        "conversation privée sur console",
        "dernier message",
    ):
        assert kept in shown, kept


async def test_my_data_shows_a_listeners_side(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    ref = await chat.request("alice")  # offered to camille (least loaded)
    await chat.deliver("camille", f"accepter {ref}")
    await chat.deliver("camille", "dispo off jusqu'au 30/12")
    shown = (await chat.deliver("camille", "mes données"))[0].text
    assert "Comme écoutant·e" in shown and "camille" in shown
    assert "indisponible (30/12/" in shown
    assert f"{ref} (acceptée" in shown  # the offers received
    assert "2 entrée(s)" in shown  # offered + accepted, in the audit
    assert "alice" not in shown  # nothing about the person helped


async def test_forget_erases_adapter_state_and_keeps_only_the_erasure(
    any_store: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = chat_with_state(any_store)
    kv = chat.ctx.state
    ref = await chat.request(ALICE.user_id, team=TEAM)
    await chat.deliver("camille", f"accepter {ref}")
    await kv.put("fake.dm", ALICE.user_id, "!room-of-alice", owner=ALICE)
    await kv.put("fake.case", f"{ref}|{ALICE.user_id}", "post-1", owner=ALICE)
    await kv.put(
        "fake.dm", "camille", "!room-of-camille", owner=Address(Platform.CONSOLE, "camille")
    )
    await chat.deliver(ALICE.user_id, "oubli")
    out = await chat.deliver(ALICE.user_id, "oui")
    assert "je ne garde plus rien" in out[0].text
    assert await kv.get("fake.dm", ALICE.user_id) is None
    assert await kv.get("fake.case", f"{ref}|{ALICE.user_id}") is None
    assert await kv.get("fake.dm", "camille") == "!room-of-camille"  # others untouched
    assert [row for row in await audit_rows(any_store) if row[2] == ref] == [
        ("requester", "erased", ref)
    ]
    raw = await database_text(any_store)
    for secret in (ALICE.user_id, TEAM, "alice"):
        assert secret not in raw and secret not in caplog.text


async def test_a_listeners_forget_says_what_stays(any_store: SqlStore) -> None:
    chat = chat_with_state(any_store)
    await chat.deliver("camille", "dispo off")
    await chat.deliver("camille", "oubli")
    out = (await chat.deliver("camille", "oui"))[0].text
    assert "je ne garde plus rien" not in out
    assert "ton nom reste dans sa liste" in out and "365 jours" in out


async def test_refused_attempts_are_audited_without_identity(
    any_store: SqlStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(any_store)
    ref = await chat.request(ALICE.user_id)  # offered to camille
    assert "coordination" in (await chat.deliver(ALICE.user_id, "stats"))[0].text
    assert "écoutant" in (await chat.deliver(ALICE.user_id, "accepter"))[0].text
    await chat.deliver("dominique", f"accepter {ref}")  # not hers
    await chat.deliver("dominique", "transférer ZZ77")  # made up
    await chat.deliver("dominique", "stats")  # a listener, not a coordinator
    refused = [row for row in await audit_rows(any_store) if row[1].startswith("refused")]
    assert refused == [
        ("requester", "refused stats", None),
        ("requester", "refused accept", None),
        ("listener:dominique", "refused", ref),
        ("listener:dominique", "refused", "ZZ77"),
        ("listener:dominique", "refused stats", None),
    ]
    raw = await database_text(any_store)
    assert ALICE.user_id not in raw and "alice" not in caplog.text


async def test_unknown_and_not_yours_answer_the_same(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    for verb in ("clore", "transférer", "accepter", "refuser"):
        theirs = (await chat.deliver("dominique", f"{verb} {ref}"))[0].text
        made_up = (await chat.deliver("dominique", f"{verb} QQ11"))[0].text
        assert theirs == made_up.replace("QQ11", ref), verb


async def test_a_date_that_does_not_exist_is_refused_clearly(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    for wrong in ("dispo off 29/02/2027", "dispo off jusqu'au 31/04", "dispo off jusqu'au 12/34"):
        out = (await chat.deliver("camille", wrong))[0].text
        assert "Rien n'a changé" in out and "n'existe pas" in out, wrong
    states = await any_store.listener_states()
    assert "camille" not in states or states[ListenerId("camille")].is_available(chat.clock.now())
    out = (await chat.deliver("camille", "dispo off jusqu'au 30/12"))[0].text
    assert "30/12/" in out and "inclus" in out
    assert not (await any_store.listener_states())[ListenerId("camille")].is_available(
        chat.clock.now() + timedelta(days=1)
    )


async def test_the_purge_erases_adapter_state_of_people_it_deletes(any_store: SqlStore) -> None:
    chat = chat_with_state(any_store)
    kv = chat.ctx.state
    await chat.request("alice")
    await chat.deliver("alice", "annuler")
    await kv.put("fake.dm", "alice", "!room-of-alice", owner=Address(Platform.CONSOLE, "alice"))
    chat.clock.advance(timedelta(days=60))
    await chat.deliver("bob", "bonjour")
    await kv.put("fake.dm", "bob", "!room-of-bob", owner=Address(Platform.CONSOLE, "bob"))
    chat.clock.advance(timedelta(days=31))
    report = await chat.bot.purge(chat.clock.now())
    assert report.persons == 1  # alice; bob wrote 31 days ago
    assert await kv.get("fake.dm", "alice") is None
    assert await kv.get("fake.dm", "bob") == "!room-of-bob"


async def test_words_in_the_room_of_a_case_not_theirs(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    theirs = (await chat.deliver("dominique", "bonjour", case_ref=ref))[0].text
    made_up = (await chat.deliver("dominique", "bonjour", case_ref="QQ11"))[0].text
    assert theirs == made_up.replace("QQ11", ref)
    assert ("listener:dominique", "refused", ref) in await audit_rows(any_store)
    assert not [
        m
        for m in chat.adapter.sent
        if m.to == Address(Platform.CONSOLE, "alice") and "bonjour" in m.text
    ]
