"""Follow-ups: right time, once, after restarts, across replicas, in quiet hours."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import threading
import time as wallclock
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.followups import Kind, QuietHours, next_allowed, next_local
from bot.messages import OutgoingMessage
from storage.crypto import FieldCipher
from storage.database import create_engine
from storage.store import SqlStore
from tests.conftest import SECRET
from tests.harness import START, Chat
from tests.processes import die_with_parent

ROOT = Path(__file__).resolve().parent.parent
QUIET = QuietHours()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("kind", "due", "expected"),
    [
        (Kind.NUDGE, "2026-03-10T21:30", "2026-03-11T07:00"),  # Tue 22:30 Paris → Wed 08:00
        (Kind.NUDGE, "2026-03-14T09:00", "2026-03-16T07:00"),  # Saturday → Monday 08:00
        (Kind.NUDGE, "2026-03-13T20:30", "2026-03-16T07:00"),  # Friday 21:30 → Monday
        (Kind.NUDGE, "2026-05-01T09:00", "2026-05-04T06:00"),  # 1 May (Friday) → Monday, CEST
        (Kind.CHECKIN, "2026-03-14T09:00", "2026-03-14T09:00"),  # check-ins may come on Saturday
        (Kind.CHECKIN, "2026-03-14T22:00", "2026-03-15T07:00"),
        (Kind.CHECKIN, "2026-03-29T01:00", "2026-03-29T06:00"),  # spring forward: 08:00 CEST
        (Kind.CHECKIN, "2026-10-25T03:00", "2026-10-25T07:00"),  # fall back: 08:00 CET
        (Kind.DIGEST, "2026-03-15T08:00", "2026-03-16T07:00"),  # Sunday → Monday
        (Kind.DISPO_RETURN, "2026-03-14T23:00", "2026-03-14T23:00"),  # not a message to wait
        (Kind.PURGE, "2026-03-14T02:30", "2026-03-14T02:30"),
    ],
)
def test_quiet_hours_weekends_holidays_and_dst(kind: Kind, due: str, expected: str) -> None:
    assert next_allowed(utc(due), kind, QUIET) == utc(expected)


def test_next_local_keeps_paris_wall_clock_across_dst() -> None:
    before = next_local(utc("2026-03-28T12:00"), datetime.min.time().replace(hour=3, minute=30))
    assert before == utc("2026-03-29T01:30")  # 03:30 CEST on the change day
    digest = next_local(utc("2026-03-10T12:00"), datetime.min.time().replace(hour=9), 0)
    assert digest == utc("2026-03-16T08:00")


def texts(out: list[OutgoingMessage], user: str) -> list[str]:
    return [m.text for m in out if m.to.user_id == user]


async def test_nudge_after_three_days_then_weekly_until_closed(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    assert texts(await chat.tick(timedelta(days=2, hours=23)), "camille") == []
    out = texts(await chat.tick(timedelta(hours=1, minutes=1)), "camille")
    assert len(out) == 1 and ref in out[0] and f"clore {ref}" in out[0]
    assert texts(await chat.tick(timedelta(days=6)), "camille") == []
    assert len(texts(await chat.tick(timedelta(days=1, minutes=1)), "camille")) == 1
    await chat.deliver("camille", f"clore {ref}")
    await chat.deliver("alice", "non")
    assert texts(await chat.tick(timedelta(days=8)), "camille") == []


async def test_checkin_seven_days_after_closing_only_when_asked(chat: Chat) -> None:
    await chat.request("alice")
    await chat.deliver("camille", "accepter")
    await chat.deliver("alice", "clore")
    await chat.deliver("alice", "oui")
    await chat.request("bob")
    await chat.deliver("dominique", "accepter")
    await chat.deliver("bob", "clore")
    await chat.deliver("bob", "non")
    assert texts(await chat.tick(timedelta(days=6, hours=23)), "alice") == []
    out = await chat.tick(timedelta(hours=2))
    assert len(texts(out, "alice")) == 1 and "nouvelles" in texts(out, "alice")[0]
    assert texts(out, "bob") == []
    assert texts(await chat.tick(timedelta(days=30)), "alice") == []


async def test_dispo_off_until_turns_itself_back_on(chat: Chat) -> None:
    await chat.deliver("camille", "dispo off jusqu'au 11/03")  # the 11th included
    await chat.deliver("dominique", "dispo off")
    ref = await chat.request("alice")
    out = await chat.tick(timedelta(days=1, hours=15))  # past 12/03 00:00 Paris
    assert any("de nouveau" in t for t in texts(out, "camille"))
    assert any(ref in t for t in texts(out, "camille"))


async def test_weekly_digest_has_counts_only(chat: Chat) -> None:
    await chat.bot.start(chat.clock.now())
    ref = await chat.request("alice", team="Zorglub")
    out = await chat.tick(timedelta(days=6))  # Monday 16 March 09:00 Paris is due
    digest = texts(out, "claude")
    assert len(digest) == 1 and "nouvelles demandes : 1" in digest[0]
    assert ref not in digest[0] and "alice" not in digest[0] and "Zorglub" not in digest[0]
    later = texts(await chat.tick(timedelta(days=1)), "claude")
    assert not any("semaine" in t for t in later)


async def test_daily_purge_runs_once_a_day(chat: Chat) -> None:
    await chat.bot.start(chat.clock.now())
    await chat.request("alice")
    await chat.deliver("alice", "annuler")
    chat.clock.advance(timedelta(days=91))
    await chat.tick()
    await chat.tick(timedelta(days=1))  # the next day's purge was scheduled by the first
    assert await chat.store.monthly_counts() == {("2026-03", "cancelled"): 1}
    due = await chat.store.due_actions(chat.clock.now() + timedelta(days=2), timedelta(0))
    assert [a.kind for a in due].count(Kind.PURGE) == 1


async def test_restart_runs_each_overdue_action_once(store: SqlStore) -> None:
    first = Chat(store)
    await first.bot.start(first.clock.now())
    await first.request("alice")
    await first.deliver("camille", "accepter")
    await first.request("bob")
    await first.deliver("dominique", "accepter")
    await first.deliver("bob", "clore")
    await first.deliver("bob", "oui")
    # the bot stops; three weeks go by; a new process starts on the same database
    first.clock.advance(timedelta(days=21))
    second = Chat(store, clock=first.clock, owner="restarted")
    await second.bot.start(second.clock.now())
    out = await second.tick()
    assert len(texts(out, "camille")) == 1  # one nudge, not one per missed week
    assert len(texts(out, "bob")) == 1  # the check-in
    assert len(texts(out, "claude")) == 1  # the digest that fell due meanwhile
    again = await second.tick(timedelta(minutes=5))
    assert texts(again, "camille") == texts(again, "bob") == texts(again, "claude") == []


async def test_two_replicas_run_each_action_once(any_store: SqlStore) -> None:
    if any_store.engine.dialect.name == "sqlite":
        pytest.skip("two replicas need PostgreSQL: ha.enabled refuses SQLite")
    url = any_store.engine.url.render_as_string(hide_password=False)
    other = SqlStore(create_engine(url), FieldCipher(SECRET))
    try:
        a = Chat(any_store, owner="replica-a")
        b = Chat(other, owner="replica-b", clock=a.clock)
        await asyncio.gather(a.bot.start(a.clock.now()), b.bot.start(b.clock.now()))
        for n in range(4):  # two listeners × max_active_cases 2
            await a.request(f"user{n}")
            await a.deliver("camille" if n % 2 == 0 else "dominique", "accepter")
        a.clock.advance(timedelta(days=7))
        out_a, out_b = await asyncio.gather(a.bot.tick(a.clock.now()), b.bot.tick(b.clock.now()))
        nudges = [m for m in (*out_a, *out_b) if "rappel" in m.text]
        assert len(nudges) == 4
        assert len({m.text for m in nudges}) == 4
        digests = [m for m in (*out_a, *out_b) if m.to.user_id == "claude"]
        assert len(digests) == 1
    finally:
        await other.engine.dispose()


def test_real_clock_offer_moves_on_after_two_seconds(tmp_path: Path) -> None:
    """A live run: camille ignores the offer; two seconds later dominique gets it."""
    shutil.copy(ROOT / "directory.yaml", tmp_path / "directory.yaml")
    shutil.copy(ROOT / "soutien.example.yaml", tmp_path / "soutien.example.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {"SOUTIEN_ROUTING__OFFER_TIMEOUT": "2", "SOUTIEN_REMINDERS__TICK_SECONDS": "0.5"}
    lines: list[str] = []
    with (tmp_path / "stderr.log").open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--config", "soutien.example.yaml"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=tmp_path,
            env=env,
            preexec_fn=die_with_parent,
        )
    assert process.stdin is not None and process.stdout is not None
    out = process.stdout
    reader = threading.Thread(target=lambda: lines.extend(out), daemon=True)
    reader.start()
    try:
        process.stdin.write("/as alice\ndemande\npasser\nanonyme\n")
        process.stdin.flush()
        # dominique answers as soon as the offer reaches her (it lasts 2 s), however long
        # the start-up took
        deadline = wallclock.monotonic() + 60
        while not any(line.startswith("[→ dominique] 📩") for line in list(lines)):
            assert wallclock.monotonic() < deadline, "".join(lines)
            wallclock.sleep(0.02)
        process.stdin.write("/as dominique\naccepter\n")
        process.stdin.close()
        process.wait(timeout=60)
        reader.join(timeout=10)
    finally:  # a failure or Ctrl-C above must not leave the bot running
        if process.poll() is None:
            process.kill()
            process.wait()
        out.close()
    stdout, stderr = "".join(lines), (tmp_path / "stderr.log").read_text()
    assert process.returncode == 0, stderr
    assert "[→ camille] La proposition" in stdout and "expiré" in stdout
    assert "[→ dominique] 📩 **Nouvelle demande" in stdout
    assert "[→ alice] Une personne du groupe a accepté" in stdout
    assert START  # the fake clock is not involved here
