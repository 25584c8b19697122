"""The core alone, with the in-memory adapter of the tests: how many cases and relayed
messages per second it handles on SQLite and PostgreSQL, and how many SQL statements and
commits one relayed message costs (counted with SQLAlchemy's engine events)."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.people import Roster
from storage.store import SqlStore
from tests.conftest import _reset_postgres, make_store
from tests.harness import Chat, member


@contextmanager
def counted(engine: AsyncEngine) -> Iterator[dict[str, int]]:
    """SQL statements and commits run on `engine` inside the block."""
    counts = {"sql": 0, "commits": 0}

    def statement(*_: Any) -> None:
        counts["sql"] += 1

    def commit(*_: Any) -> None:
        counts["commits"] += 1

    sync = engine.sync_engine
    event.listen(sync, "before_cursor_execute", statement)
    event.listen(sync, "commit", commit)
    try:
        yield counts
    finally:
        event.remove(sync, "before_cursor_execute", statement)
        event.remove(sync, "commit", commit)


def _roster(listeners: int) -> Roster:
    people = [member(f"listener{n}") for n in range(listeners)]
    return Roster((*people, member("claude", coordinator=True, listens=False)))


async def _cases(store: SqlStore, cases: int) -> dict[str, Any]:
    """Requests opened through the dialog (3 messages each) until offered to listeners."""
    chat = Chat(store, roster=_roster(cases))
    offered = 0
    start = time.perf_counter()
    for n in range(cases):
        for text in ("demande", "passer", "anonyme"):
            out = await chat.deliver(f"person{n}", text)
        offered += any(m.to.user_id.startswith("listener") for m in out)
    seconds = time.perf_counter() - start
    return {"cases": cases, "offered": offered, "cases_per_s": round(cases / seconds, 1)}


async def _relay(store: SqlStore, messages: int) -> dict[str, Any]:
    """One accepted anonymous case; messages alternate between requester and listener."""
    chat = Chat(store)
    ref = await chat.request("alice")
    await chat.deliver("camille", "accepter")
    for n in range(4):  # warm-up
        await chat.deliver("alice", f"bonjour {n}")
    delivered = 0
    with counted(store.engine) as counts:
        start = time.perf_counter()
        for n in range(messages):
            if n % 2 == 0:
                out = await chat.deliver("alice", f"message {n}", event_id=f"$a{n}")
            else:
                out = await chat.deliver("camille", f"réponse {n}", case_ref=ref, event_id=f"$c{n}")
            delivered += any(f" {n}" in m.text for m in out)
        seconds = time.perf_counter() - start
    if delivered != messages:
        raise RuntimeError(f"core relay: {delivered} of {messages} messages relayed")
    return {
        "messages": messages,
        "relayed_msgs_per_s": round(messages / seconds, 1),
        "sql_per_relayed_msg": round(counts["sql"] / messages, 2),
        "commits_per_relayed_msg": round(counts["commits"] / messages, 2),
    }


async def _one(url: str, cases: int, messages: int) -> dict[str, Any]:
    store = await make_store(url)
    try:
        return {**await _cases(store, cases), **await _relay(store, messages)}
    finally:
        await store.engine.dispose()


async def run(postgres_url: str | None, cases: int = 300, messages: int = 1000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-core-") as folder:
        results: dict[str, Any] = {
            "sqlite": await _one(f"sqlite+aiosqlite:///{folder}/core.db", cases, messages)
        }
    if postgres_url:
        await _reset_postgres(postgres_url)
        results["postgres"] = await _one(postgres_url, cases, messages)
    return results


if __name__ == "__main__":
    import json
    import os

    found = asyncio.run(run(os.environ.get("BENCH_DATABASE_URL"), 50, 200))
    print(json.dumps(found, indent=2))
