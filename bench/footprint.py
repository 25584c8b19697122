"""Memory with 10,000 historical cases, and the scheduler with 100,000 pending follow-ups.

The database is filled directly (closed cases, pending `dispo_return` follow-ups), then a
fresh process builds the bot on it as `soutien-bot run` does (both adapters' modules
imported), starts it and runs its periodic work. The follow-ups live in the database, so
"rebuilding" the schedule at start is the bot's start plus its first look at what is due;
lateness is `done_at - due_at` of follow-ups falling due while the bot ticks every second.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from bench.stats import ROOT, percentile, rss_mb
from bot.ids import Platform
from storage.tables import CaseRow, DueActionRow, PersonRow

CASES = 10_000
PENDING = 100_000
FIRING = 100  # of the pending follow-ups, these fall due during the measurement,
FIRING_OVER = 20.0  # spread over these seconds
TICK = 1.0


async def fill(url: str, cases: int, pending: int) -> None:
    from tests.conftest import make_store

    store = await make_store(url)
    now = datetime.now(UTC)
    async with store.engine.begin() as conn:
        people = [
            {"lookup": f"{n:064d}", "ref": f"P{n:07d}", "platform": "console",
             "user_id_enc": store.cipher.encrypt(f"user{n}"), "created_at": now}
            for n in range(cases)
        ]  # fmt: skip
        await conn.execute(insert(PersonRow), people)
        old = now - timedelta(days=30)
        rows = [
            {"ref": f"C{n:07d}", "requester_id": n + 1, "state": "closed", "mode": "anonymous",
             "created_at": old, "ended_at": old + timedelta(hours=1)}
            for n in range(cases)
        ]  # fmt: skip
        await conn.execute(insert(CaseRow), rows)
        due = [
            {"key": f"dispo:camille:{n}", "kind": "dispo_return", "subject": "camille",
             "state": "pending", "created_at": now, "due_at": now + timedelta(days=1 + n % 300)}
            for n in range(pending)
        ]  # fmt: skip
        for k in range(0, len(due), 10_000):
            await conn.execute(insert(DueActionRow), due[k : k + 10_000])
    await store.engine.dispose()


async def child(url: str, seconds: float) -> dict[str, Any]:
    """In a fresh process: the bot on the filled database, as `run` builds it."""
    import adapters.matrix
    import adapters.mattermost  # noqa: F401
    from bot.clock import SystemClock
    from bot.context import Context
    from bot.core import Bot
    from bot.policy import Policy
    from storage.crypto import FieldCipher
    from storage.database import create_engine
    from storage.store import SqlStore
    from tests.conftest import SECRET
    from tests.harness import DEMO_ROSTER, answers

    store = SqlStore(create_engine(url), FieldCipher(SECRET))
    clock = SystemClock()
    bot = Bot(
        Context(store, DEMO_ROSTER, clock, answers(), frozenset({Platform.CONSOLE}), Policy())
    )
    start = time.perf_counter()
    await bot.start(clock.now())
    await bot.tick(clock.now())
    rebuild = time.perf_counter() - start
    rss_started = rss_mb_self()
    await _bring_forward(store, clock.now())
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await bot.tick(clock.now())
        await asyncio.sleep(TICK)
    async with store.engine.connect() as conn:
        done = (
            await conn.execute(
                select(DueActionRow.due_at, DueActionRow.done_at).where(
                    DueActionRow.done_at.is_not(None), DueActionRow.kind == "dispo_return"
                )
            )
        ).all()
    await store.engine.dispose()
    late = [(d - u).total_seconds() for u, d in done]
    return {
        "rebuild_s": round(rebuild, 3),
        "rss_mb": rss_started,
        "fired": len(late),
        "lateness_p50_s": round(percentile(late, 50), 3) if late else None,
        "lateness_p99_s": round(percentile(late, 99), 3) if late else None,
    }


async def _bring_forward(store: Any, now: datetime) -> None:
    """FIRING of the pending follow-ups now fall due over the next FIRING_OVER seconds."""
    step = FIRING_OVER / FIRING
    async with store.engine.begin() as conn:
        for n in range(FIRING):
            await conn.execute(
                update(DueActionRow)
                .where(DueActionRow.key == f"dispo:camille:{n}")
                .values(due_at=now + timedelta(seconds=2 + n * step))
            )


def rss_mb_self() -> float:
    import os

    return rss_mb(os.getpid())


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-fp-") as folder:
        url = f"sqlite+aiosqlite:///{folder}/fp.db"
        start = time.perf_counter()
        asyncio.run(fill(url, CASES, PENDING))
        filled = time.perf_counter() - start
        found = subprocess.run(
            [sys.executable, "-m", "bench.footprint", url, str(FIRING_OVER + 6)],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
        )  # fmt: skip
    result: dict[str, Any] = json.loads(found.stdout)
    if result["fired"] < FIRING:
        raise RuntimeError(f"scheduler: {result['fired']} of {FIRING} follow-ups fired")
    return {
        **result,
        "historical_cases": CASES,
        "pending_followups": PENDING,
        "tick_s": TICK,
        "fill_s": round(filled, 1),
    }


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(json.dumps(asyncio.run(child(sys.argv[1], float(sys.argv[2])))))
    else:
        print(json.dumps(run(), indent=2))
