"""Chaos: SIGKILL at a random point of a scripted Mattermost conversation, restart, finish.
Each person receives exactly the messages of the run without the kill."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.reliability.figures import record
from tests.reliability.mmbot import SCRIPT, play

ROUNDS = int(os.environ.get("SOUTIEN_CHAOS_ROUNDS", "2"))


@pytest.mark.timeout(120 + 60 * ROUNDS)
async def test_sigkill_at_random_points_changes_nothing_anyone_receives(tmp_path: Path) -> None:
    reference, _ = await play(tmp_path / "reference", f"sqlite+aiosqlite:///{tmp_path / 'r.db'}")
    assert any("REF" in text for text in reference["camille"])  # the script went through
    seed = int(os.environ.get("SOUTIEN_CHAOS_SEED", "20"))
    chance = random.Random(seed)
    for n in range(ROUNDS):
        kill_at = chance.randrange(len(SCRIPT))
        delay = chance.choice([0.0, 0.01, 0.03, 0.08, 0.2])
        folder = tmp_path / f"round{n}"
        got, bot = await play(folder, f"sqlite+aiosqlite:///{folder / 'bot.db'}", kill_at, delay)
        where = f"seed {seed}, round {n}: kill after step {kill_at} (+{delay} s)"
        # on a difference, what the bot said of itself (levels and names, never words)
        notable = "\n".join(
            line
            for line in bot.log().splitlines()
            if " DEBUG " not in line and "alembic" not in line
        )
        assert got == reference, f"{where}\n{_differences(got, reference)}\n{notable[-6000:]}"
        assert "Traceback" not in bot.log(), where
        record(**{"+kills": 1})


def _differences(got: dict[str, list[str]], reference: dict[str, list[str]]) -> str:
    """Who received what, where the two runs differ (each message's start)."""
    lines = []
    for name in reference:
        if got.get(name) != reference[name]:
            lines.append(f"{name}: got / expected")
            for n in range(max(len(got.get(name, [])), len(reference[name]))):
                mine = got.get(name, [])[n][:50] if n < len(got.get(name, [])) else "-"
                theirs = reference[name][n][:50] if n < len(reference[name]) else "-"
                mark = "   " if mine == theirs else " ≠ "
                lines.append(f"  {n}{mark}{mine!r} / {theirs!r}")
    return "\n".join(lines)
