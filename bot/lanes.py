"""In order per conversation, concurrently across conversations (no global lock).

An adapter submits each incoming event under its conversation's key: events with the
same key run one after another, in submission order; different keys run side by side,
at most `limit` at once (then `submit` waits). `settle()` waits for everything submitted
so far: the Matrix sync token is only saved once the events before it are handled.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[None]]


class Lanes:
    def __init__(self, limit: int = 16) -> None:
        self._lanes: dict[str, deque[Job]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._room = asyncio.Semaphore(limit)
        self._idle = asyncio.Event()
        self._idle.set()

    async def submit(self, key: str, job: Job) -> None:
        if key in self._lanes:
            self._lanes[key].append(job)
            return
        await self._room.acquire()
        if key in self._lanes:  # opened while we waited for room
            self._room.release()
            self._lanes[key].append(job)
            return
        self._lanes[key] = deque([job])
        self._idle.clear()
        task = asyncio.create_task(self._drain(key))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _drain(self, key: str) -> None:
        lane = self._lanes[key]
        try:
            while lane:
                job = lane.popleft()
                try:
                    await job()
                except Exception as exc:  # noqa: BLE001 - jobs retry by themselves
                    log.error("a conversation's event was dropped (%s)", type(exc).__name__)
        finally:
            del self._lanes[key]
            self._room.release()
            if not self._lanes:
                self._idle.set()

    async def settle(self) -> None:
        """Wait until every job submitted so far has run."""
        await self._idle.wait()

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
