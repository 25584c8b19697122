"""A listener the configuration file takes out while they hold open cases (QA conf 1):
accepted cases stop the start-up with a line per listener, until the file keeps them with
`active: false`; offers they held go to the next listener at once."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.configuration import ConfigError
from bot.departures import Held, check
from bot.people import Roster
from storage.memory import MemoryStore
from storage.store import SqlStore
from tests.harness import DEMO_ROSTER, Chat, listened_by_camille
from tests.test_startup_checks import KEY, PRODUCTION, refused, soutien

WITHOUT_CAMILLE = Roster(tuple(m for m in DEMO_ROSTER.members if m.id != "camille"))


def with_camille(**changes: Any) -> Roster:
    return Roster(
        tuple(replace(m, **changes) if m.id == "camille" else m for m in DEMO_ROSTER.members)
    )


async def camille_holds_two(chat: Chat) -> tuple[str, str]:
    """alice's case accepted by camille, bob's offered to her (dominique away)."""
    accepted = await listened_by_camille(chat, "alice")
    await chat.deliver("dominique", "dispo off")
    offered = await chat.request("bob")
    await chat.deliver("dominique", "dispo on")
    return accepted, offered


async def test_who_the_file_takes_out_and_what_they_hold(any_store: SqlStore) -> None:
    chat = Chat(any_store)
    accepted, offered = await camille_holds_two(chat)
    gone = [Held("camille", (accepted,), (offered,), by_file=True)]
    assert await any_store.held_by_absent(DEMO_ROSTER.members) == []
    assert await any_store.held_by_absent(WITHOUT_CAMILLE.members) == gone
    renamed = with_camille(id="camille-b")
    assert await any_store.held_by_absent(renamed.members) == gone
    assert await any_store.held_by_absent(with_camille(listens=False).members) == gone
    assert await any_store.held_by_absent(with_camille(active=False).members) == []
    await chat.bot.refresh_roster(chat.clock.now())  # seeded already: the file still rules
    assert await any_store.held_by_absent(WITHOUT_CAMILLE.members) == gone
    await any_store.remove_member("camille", chat.clock.now())  # in chat: not the file's doing
    assert await any_store.held_by_absent(DEMO_ROSTER.members) == [
        Held("camille", (accepted,), (offered,), by_file=False)
    ]


def test_accepted_cases_refuse_the_start_one_line_per_listener() -> None:
    with pytest.raises(ConfigError) as refusal:
        check(
            [
                Held("camille", ("VW87", "K7Q2"), ("CFFH",)),
                Held("eden", ("AB12",)),
                Held("dominique", (), ("ZZ99",)),  # an offer goes on: no reason to stop
                Held("sacha", ("CD34",), by_file=False),  # taken out in chat: a warning
            ]
        )
    lines = str(refusal.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("listeners: camille holds 2 accepted cases (VW87, K7Q2)")
    assert "active: false" in lines[0] and "transferer VW87" in lines[0]
    assert lines[1].startswith("listeners: eden holds 1 accepted case (AB12)")
    check([Held("dominique", (), ("ZZ99",)), Held("sacha", ("CD34",), by_file=False)])


async def test_an_offer_to_someone_taken_out_goes_on_at_the_first_tick() -> None:
    store = MemoryStore()
    chat = Chat(store)
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("bob")
    await chat.deliver("dominique", "dispo on")
    assert any(ref in t for t in chat.adapter.texts("camille"))
    restarted = Chat(store, roster=WITHOUT_CAMILLE, clock=chat.clock)
    await restarted.bot.start(restarted.clock.now())
    out = await restarted.tick()  # long before the offer's time-out
    assert any(f"Nouvelle demande {ref}" in m.text for m in out if m.to.user_id == "dominique")
    case = await store.case_by_ref(ref)
    assert case is not None and case.listener_id == "dominique"


# --- the command line, on a real SQLite file ---

ACCEPTED_AND_OFFERED = (
    "/as dominique\ndispo off\n/as alice\ndemande\npasser\nanonyme\n/as camille\naccepter\n"
    "/as bob\ndemande\npasser\nanonyme\n"
)


def cases(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT ref, state, listener_id FROM cases").fetchall()
    return {ref: (state, listener) for ref, state, listener in rows}


def test_run_and_config_check_refuse_a_file_that_strands_a_case(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text(PRODUCTION)
    first = soutien(tmp_path, "run", stdin=ACCEPTED_AND_OFFERED, SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert first.returncode == 0, first.stderr
    db = tmp_path / "data" / "soutien.db"
    before = cases(db)
    accepted = next(ref for ref, (state, _) in before.items() if state == "accepted")
    gone = PRODUCTION.replace("  - {id: camille, name: Camille}\n", "")
    (tmp_path / "soutien.yaml").write_text(gone)
    done = soutien(
        tmp_path, "run", stdin="/as alice\nencore là ?\n", SOUTIEN_SECURITY__SECRET_KEY=KEY
    )
    refused(done, "listeners: camille holds 1 accepted case", accepted, "active: false")
    assert "camille is no longer a listener; the next" not in done.stderr  # nothing moved
    assert cases(db) == before
    checked = soutien(tmp_path, "config", "check")
    assert (
        checked.returncode == 1
        and f"needed: listeners: camille holds 1 accepted case ({accepted})" in checked.stdout
    )
    kept = gone.replace(
        "listeners:\n", "listeners:\n  - {id: camille, name: Camille, active: false}\n"
    )
    (tmp_path / "soutien.yaml").write_text(kept)
    assert soutien(tmp_path, "config", "check").returncode == 0
    done = soutien(
        tmp_path, "run", stdin="/as alice\nencore là ?\n", SOUTIEN_SECURITY__SECRET_KEY=KEY
    )
    assert done.returncode == 0, done.stderr
    assert f"[→ camille] **[{accepted}]** encore là ?" in done.stdout  # still heard


def test_config_check_says_nothing_of_the_demo_database_reset_at_start(tmp_path: Path) -> None:
    demo = PRODUCTION.replace("./data/soutien.db", "./data/demo.db")
    (tmp_path / "soutien.yaml").write_text(demo)
    assert soutien(tmp_path, "run", stdin=ACCEPTED_AND_OFFERED).returncode == 0  # keyless
    gone = demo.replace("  - {id: camille, name: Camille}\n", "")
    (tmp_path / "soutien.yaml").write_text(gone)
    assert soutien(tmp_path, "config", "check").returncode == 1  # run would refuse it
    (tmp_path / "soutien.yaml").write_text(gone + "demo: {reset_on_start: true}\n")
    checked = soutien(tmp_path, "config", "check")
    assert checked.returncode == 0, checked.stdout  # run empties it first
    done = soutien(tmp_path, "run", stdin="/as alice\nencore là ?\n")
    assert done.returncode == 0 and cases(tmp_path / "data" / "demo.db") == {}
