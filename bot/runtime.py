"""Runs the bot: each platform on its own (it fails and reconnects alone), every event
handled once through the transactional outbox, periodic work driven by APScheduler.

Handling an event is one transaction: its claim (a replay finds it and does nothing),
the state it changes, and the messages it produces as outbox rows; `Delivery` then sends
them. Nothing here dies: a failure is logged without text, backed off and retried; an
event that keeps failing is set aside (dead letter) and coordinators get its reference.
While the database is unreachable, people who write are told "un instant" once, and
their messages wait (an adapter only marks an event handled once it was handed over).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.backoff import Backoff
from bot.clock import ZONE
from bot.core import Bot
from bot.delivery import MAX_TRIES, Delivery
from bot.handling import Handling
from bot.messages import Address
from bot.ops import OpsServer
from bot.ports import Adapter, Clock, Lease

log = logging.getLogger(__name__)
DRAIN_SECONDS = 10.0
TICK_GRACE = 3.0  # a periodic tick still running at the stop may finish its unit


class LeaseLost(RuntimeError):
    """This replica stopped being the active one."""


class Runtime(Handling):
    """Every platform supervised apart; messages in order per conversation.

    The database holds every due action; APScheduler only wakes the bot up every
    `tick_every` seconds (coalesced, never two at once, however late) to look.
    """

    def __init__(
        self,
        bot: Bot,
        adapters: Sequence[Adapter],
        clock: Clock,
        tick_every: float = 10.0,
        max_tries: int = MAX_TRIES,
        lease: Lease | None = None,
        stopping: asyncio.Event | None = None,
    ) -> None:
        self.bot = bot
        self.store = bot.ctx.store
        self.adapters = {a.platform: a for a in adapters}
        self.clock = clock
        self.tick_every = tick_every
        self.max_tries = max_tries
        self.lease = lease
        self.delivery = Delivery(
            self.store, self.adapters, clock, self._dead_letter_notice, max_tries, self._fenced
        )
        self._stopping = stopping or asyncio.Event()  # set by `stop()` (or by its owner)
        self._handling = 0
        self._database_ok = True
        self._told: set[Address] = set()  # told "un instant" during this outage
        self._workers: dict[str, asyncio.Task[Any]] = {}
        # Ticks started by the scheduler: stopping ends them while the database is open
        # (one left running was cancelled at loop close, mid-query, and could hang there).
        self._ticks: set[asyncio.Task[None]] = set()

    # periodic work ---------------------------------------------------------------------

    async def tick(self) -> None:
        if not self._fenced() or self._stopping.is_set():
            return  # stopping: the next start does this work
        try:
            now = self.clock.now()
            async with self.store.unit():
                out = await self.bot.tick(now)
                ids = await self.store.enqueue(out, now)
        except Exception as exc:  # noqa: BLE001 - try again at the next tick
            log.error("periodic work failed: %s", type(exc).__name__)
            return
        self.delivery.enqueued(ids)

    async def _scheduled_tick(self) -> None:
        task = asyncio.current_task()
        assert task is not None  # the scheduler runs it as a task on our loop
        self._ticks.add(task)
        try:
            await self.tick()
        except asyncio.CancelledError:
            if not self._stopping.is_set():
                raise
            # cancelled as the bot stops: its unit of work was rolled back, and the next
            # start does it again (not an error for the scheduler to log)
            log.info("periodic work interrupted by the stop; done again after restart")
        finally:
            self._ticks.discard(task)

    def scheduler(self) -> AsyncIOScheduler:
        # The bot's own zone, never the host's: a TZ that is not an IANA name (TZ=CET-1CEST)
        # would stop APScheduler, which reads the local zone by default.
        scheduler = AsyncIOScheduler(timezone=ZONE)
        scheduler.add_job(
            self._scheduled_tick,
            "interval",
            seconds=self.tick_every,
            id="soutien-tick",
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
            next_run_time=self.clock.now() + timedelta(seconds=0.2),
        )
        return scheduler

    # running ---------------------------------------------------------------------------

    def readiness(self) -> dict[str, Any]:
        """For /readyz: every worker running and the database reachable."""
        workers = {name: not task.done() for name, task in self._workers.items()}
        senders = {f"sender:{p}": up for p, up in self.delivery.running.items()}
        everything = workers | senders
        ready = bool(everything) and all(everything.values()) and self._database_ok
        return {"ready": ready, "database": self._database_ok, "workers": everything}

    def stop(self) -> None:
        """Stop intake (SIGTERM): `run` then drains the outbox and returns."""
        self._stopping.set()

    async def _supervise(self, adapter: Adapter) -> None:
        """One platform: run it; if it fails, log, back off and run it again. Returns
        when the adapter ends by itself (the console at end of input)."""
        backoff = Backoff(base=1.0, cap=60.0)
        while not self._stopping.is_set():
            try:
                await adapter.run(self.on_message)
                return
            except Exception as exc:  # noqa: BLE001 - one platform never stops another
                delay = backoff.next_delay()
                log.error(
                    "%s stopped (%s); restarting in %.1f s",
                    adapter.platform,
                    type(exc).__name__,
                    delay,
                )
                try:
                    await asyncio.wait_for(self._stopping.wait(), delay)
                except TimeoutError:
                    continue

    async def run(self, ops: OpsServer | None = None) -> None:
        """Run until every adapter has stopped by itself (the console at end of input)
        or `stop()`; then drain the outbox for up to DRAIN_SECONDS. With a lease, wait
        as a standby first (no platform connection), and step down if it is lost.

        `ops`, the operations server, listens from start to stop, standby included (its
        /readyz says 503 until the platforms are connected), and serves the adapters'
        HTTP callbacks."""
        if ops is not None:
            await ops.start(self.adapters.values())
        try:
            if self.lease is not None and not await self.lease.acquire(self._stopping):
                return
            await self._run_active()
        finally:
            if ops is not None:
                await ops.stop()
            if self.lease is not None:
                lost = self.lease.lost.is_set()
                await self.lease.release()
                if lost:
                    raise LeaseLost("another replica may be active now; restart as standby")

    async def _run_active(self) -> None:
        await self._start_bot()
        scheduler = self.scheduler()
        scheduler.start()
        senders = [asyncio.create_task(self.delivery.run(p)) for p in self.adapters]
        for name, adapter in self.adapters.items():
            self._workers[name] = asyncio.create_task(self._supervise(adapter))
        stopping = asyncio.create_task(self._stopping.wait())
        lost = asyncio.create_task(self.lease.lost.wait() if self.lease else asyncio.Event().wait())
        every = asyncio.ensure_future(
            asyncio.gather(*self._workers.values(), return_exceptions=True)
        )
        try:
            await asyncio.wait([stopping, every, lost], return_when=asyncio.FIRST_COMPLETED)
            self._stopping.set()
            scheduler.shutdown(wait=False)
            if not lost.done():
                await self._drain()
        finally:
            if scheduler.running:
                scheduler.shutdown(wait=False)
            stopping.cancel()
            lost.cancel()
            for adapter in self.adapters.values():
                await adapter.stop()
            if self._ticks:  # a tick cancelled mid-query leaves its connection to the GC
                await asyncio.wait(set(self._ticks), timeout=TICK_GRACE)
            rest = [every, *self._workers.values(), *senders, *self._ticks]
            for task in rest:
                task.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

    async def _start_bot(self) -> None:
        backoff = Backoff(base=0.5, cap=30.0)
        while True:
            try:
                await self.bot.start(self.clock.now())
                return
            except Exception as exc:  # noqa: BLE001 - the database may not be up yet
                delay = await backoff.wait(self._stopping)
                log.error("start-up failed (%s); retried after %.1f s", type(exc).__name__, delay)
                if self._stopping.is_set():
                    return

    async def _drain(self) -> None:
        """In-flight events finish, then what they produced is sent (bounded)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + DRAIN_SECONDS
        while loop.time() < deadline:
            if self._handling == 0 and not self._ticks and await self._outbox_empty():
                return
            await asyncio.sleep(0.05)
        log.warning("stopping with messages still queued (they are sent after restart)")

    async def _outbox_empty(self) -> bool:
        try:
            for platform in self.adapters:
                if await self.store.pending(platform, 1):
                    return False
        except Exception:  # noqa: BLE001
            return False
        return True
