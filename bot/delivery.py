"""Senders over the transactional outbox: one per platform, in order per conversation,
concurrently across conversations; a row is deleted once its platform accepted it.

A row this process did not enqueue itself, or whose earlier attempt failed, may already
have reached the platform: Matrix drops the repeat by its transaction id (the row's
key); an adapter without one answers `already_sent` (Mattermost looks for its key).
A row that keeps failing is set aside (dead letter) and coordinators get its reference.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

from bot.backoff import Backoff
from bot.ids import Platform
from bot.messages import OutgoingMessage
from bot.ports import Adapter, Clock, Queued, Store

log = logging.getLogger(__name__)
MAX_TRIES = 8
_BATCH = 500
_POLL = 1.0  # rows written elsewhere (a restart, another replica) are found this often
_UNWAITED = 10_000  # rows done before their handler waited for them, remembered


class Delivery:
    def __init__(
        self,
        store: Store,
        adapters: Mapping[Platform, Adapter],
        clock: Clock,
        notice: Callable[[str], Sequence[OutgoingMessage]],
        max_tries: int = MAX_TRIES,
        fenced: Callable[[], bool] = lambda: True,
    ) -> None:
        self.store = store
        self.adapters = adapters
        self.clock = clock
        self.notice = notice
        self.max_tries = max_tries
        self.fenced = fenced
        self._wake = {p: asyncio.Event() for p in adapters}
        self._waiters: dict[int, asyncio.Future[None]] = {}
        self._fresh: set[int] = set()  # enqueued here and never attempted uncertainly
        self._alerts: set[int] = set()  # dead-letter notices: never noticed themselves
        self._busy: dict[Platform, dict[str, asyncio.Task[None]]] = {p: {} for p in adapters}
        # Rows done here, with the number of outbox reads begun by then: a read begun
        # earlier may still return them (it raced the deletion); a later one cannot.
        self._gone: dict[int, int] = {}
        self._reads = 0
        self._unwaited: OrderedDict[int, bool] = OrderedDict()  # done, no waiter yet
        self.running: dict[Platform, bool] = dict.fromkeys(adapters, False)

    def enqueued(self, ids: Sequence[int]) -> None:
        self._fresh.update(ids)
        for event in self._wake.values():
            event.set()

    async def delivered(self, ids: Sequence[int], within: float) -> None:
        """Wait (at most `within` seconds) until these rows are sent or set aside.

        A row may be done already: a sender's read can find it as soon as it is committed,
        before its handler asks. Waiting for it then would hold that person's next message
        for the whole `within` (a listener's reply lost behind a kill and a restart)."""
        loop = asyncio.get_running_loop()
        futures = {
            i: self._waiters.setdefault(i, loop.create_future())
            for i in ids
            if not self._unwaited.pop(i, False)
        }
        if futures:
            await asyncio.wait(futures.values(), timeout=within)
        late = [i for i, future in futures.items() if not future.done()]
        for i in late:  # given up on: forgotten, not kept for ever
            if self._waiters.get(i) is futures[i]:
                del self._waiters[i]
        if late:
            log.warning("outbox: %d row(s) still unsent after %.0f s; going on", len(late), within)

    def idle(self) -> bool:
        return not any(self._busy.values()) and not self._waiters

    async def run(self, platform: Platform) -> None:
        """The sender of one platform: never dies (every failure backs off and retries)."""
        backoff = Backoff(base=0.2, cap=30.0)
        wake = self._wake[platform]
        self.running[platform] = True
        try:
            while True:
                wake.clear()
                read = self._reads
                self._reads += 1
                try:
                    rows = await self.store.pending(platform, _BATCH)
                    backoff.reset()
                except Exception as exc:  # noqa: BLE001 - the database may be down
                    log.warning("outbox of %s unreadable (%s)", platform, type(exc).__name__)
                    await backoff.wait()
                    continue
                self._start(platform, self._current(rows, read))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wake.wait(), _POLL)
        finally:
            self.running[platform] = False
            busy = list(self._busy[platform].values())
            for task in busy:
                task.cancel()
            await asyncio.gather(*busy, return_exceptions=True)

    def _current(self, rows: Sequence[Queued], read: int) -> list[Queued]:
        """`rows` without those done here while the read was under way: a slow read
        taken before a sender deleted its row would otherwise send it twice."""
        for row_id in [i for i, seen in self._gone.items() if seen <= read]:
            del self._gone[row_id]  # this read began after: it cannot hold them
        return [row for row in rows if row.id not in self._gone]

    def _start(self, platform: Platform, rows: Sequence[Queued]) -> None:
        groups: dict[str, list[Queued]] = {}
        for row in rows:
            groups.setdefault(row.conversation, []).append(row)
        busy = self._busy[platform]
        for conversation, group in groups.items():
            if conversation in busy:
                continue  # its sender takes the rest in order at the next round
            task = asyncio.create_task(self._conversation(platform, group))
            busy[conversation] = task
            task.add_done_callback(functools.partial(self._finished, platform, conversation))

    def _finished(self, platform: Platform, conversation: str, _: object) -> None:
        self._busy[platform].pop(conversation, None)
        self._wake[platform].set()

    async def _conversation(self, platform: Platform, rows: Sequence[Queued]) -> None:
        backoff = Backoff(base=0.5, cap=30.0)
        for row in rows:
            while not await self._deliver(platform, row):
                await backoff.wait()  # the rest of this conversation waits: order kept
            backoff.reset()

    async def _deliver(self, platform: Platform, row: Queued) -> bool:
        """True once the row is done with (sent, or set aside)."""
        adapter = self.adapters[platform]
        if not self.fenced():  # not (or no longer) the active replica: nothing leaves
            return False
        try:
            uncertain = row.id not in self._fresh
            already = getattr(adapter, "already_sent", None)
            if not (uncertain and already is not None and await already(row.message)):
                if row.message.image is not None:
                    await adapter.send_image(row.message)
                else:
                    await adapter.send(row.message)
        except Exception as exc:  # noqa: BLE001 - retried, then set aside
            self._fresh.discard(row.id)  # it may have reached the platform anyway
            return await self._failed(platform, row, type(exc).__name__)
        try:
            await self.store.sent(row.id)
        except Exception as exc:  # noqa: BLE001 - sent, but not yet marked
            self._fresh.discard(row.id)  # next time: looked for before sending
            log.warning("outbox: a sent row could not be marked (%s)", type(exc).__name__)
            return False
        self._done(row.id)
        return True

    async def _failed(self, platform: Platform, row: Queued, reason: str) -> bool:
        try:
            tries = await self.store.failed(row.id)
        except Exception:  # noqa: BLE001 - the database is down too: try again later
            return False
        log.error("delivery on %s failed (%s), try %d", platform, reason, tries)
        if tries < self.max_tries:
            return False
        try:
            ref = await self.store.dead_letter(
                f"outbox:{platform}", reason, tries, self.clock.now()
            )
            async with self.store.unit():
                await self.store.drop(row.id)
                notices = [] if row.id in self._alerts else list(self.notice(ref))
                ids = await self.store.enqueue(notices, self.clock.now())
        except Exception:  # noqa: BLE001
            return False
        log.error("outbox: a message to %s was set aside as %s", platform, ref)
        self._alerts.update(ids)
        self.enqueued(ids)
        self._done(row.id)
        return True

    def _done(self, row_id: int) -> None:
        self._gone[row_id] = self._reads
        self._fresh.discard(row_id)
        self._alerts.discard(row_id)
        future = self._waiters.pop(row_id, None)
        if future is None:  # done before anyone asked: said at once when they do
            self._unwaited[row_id] = True
            while len(self._unwaited) > _UNWAITED:
                self._unwaited.popitem(last=False)
        elif not future.done():
            future.set_result(None)
