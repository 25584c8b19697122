"""What every part of the Matrix adapter shares: its options and its state."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nio import AsyncClient

from bot.copies import Copies
from bot.ids import Platform
from bot.pacing import TokenBucket
from bot.ports import KeyValue

PLATFORM = Platform.MATRIX
NS = "matrix"


@dataclass(frozen=True)
class MatrixOptions:
    homeserver: str
    user_id: str
    pickle_key: str  # only for a store written before its own key was kept (picklekey.py)
    store_path: Path
    password: str | None = None
    access_token: str | None = None
    device_name: str = "Soutien"
    allowed_servers: tuple[str, ...] = ()
    min_send_interval: float = 1.0  # the average spacing of sends (the bucket's rate)
    send_burst: int = 5  # sends that may leave at once before the average applies
    undecryptable_grace: float = 60.0
    sync_timeout_ms: int = 30_000
    max_backoff: float = 60.0
    locale: str = "fr"
    # Once someone joined a room the bot opened for them: a moment for their client to
    # fetch the bot's device keys before the first message arrives (see waiting.py).
    join_settle: float = 1.0


class Checkpoint:
    """Marks the end of one sync's events in the queue: its token may now be saved."""

    def __init__(self, token: str) -> None:
        self.token = token


class MatrixBase:
    """The adapter's state; each concept (login, rooms, sending, waiting, receiving,
    the sync loop) is a layer over the previous one, and `MatrixAdapter` is the last."""

    def __init__(self, options: MatrixOptions, state: KeyValue) -> None:
        self.options = options
        self.state = state
        self.client: AsyncClient | None = None
        self.copies = Copies(state)
        self._queue: asyncio.Queue[tuple[str, Any] | Checkpoint] = asyncio.Queue()
        rate = 1 / options.min_send_interval if options.min_send_interval > 0 else 0.0
        self._pacing = TokenBucket(rate, options.send_burst)
        self._room_locks: dict[str, asyncio.Lock] = {}
        # rooms being opened (rooms.py); a lock lives as long as someone holds it
        self._openings: weakref.WeakValueDictionary[str, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )
        self._stopping = asyncio.Event()
        self._synced = asyncio.Event()
        self._connected = False  # the last sync succeeded (readiness)
        self._position: str | None = None
        self._background: set[asyncio.Task[None]] = set()
        self._cross_signed = False

    def _in_background(self, work: Any) -> asyncio.Task[None]:
        """Run `work` beside the sync loop and the runtime's lock, kept until done."""
        task: asyncio.Task[None] = asyncio.create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task
