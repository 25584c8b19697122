"""Runs the bot: feeds incoming messages to the core, delivers what it returns, and
drives the periodic work with APScheduler on the bot's own event loop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.core import Bot
from bot.logs import sensitive
from bot.messages import IncomingMessage, OutgoingMessage
from bot.ops import OpsServer
from bot.ports import Adapter, Clock

log = logging.getLogger(__name__)


class Runtime:
    """One loop for every platform: messages are handled one at a time, in order.

    The database holds every due action; APScheduler only wakes the bot up every
    `tick_every` seconds (coalesced, never two at once, however late) to look.
    """

    def __init__(
        self, bot: Bot, adapters: Sequence[Adapter], clock: Clock, tick_every: float = 10.0
    ) -> None:
        self.bot = bot
        self.adapters = {a.platform: a for a in adapters}
        self.clock = clock
        self.tick_every = tick_every
        self._lock = asyncio.Lock()
        # Ticks started by the scheduler: stopping ends them while the database is open
        # (one left running was cancelled at loop close, mid-query, and could hang there).
        self._ticks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: IncomingMessage) -> None:
        async with self._lock:
            with sensitive(
                message.text, message.sender.user_id, message.handle, message.display_name
            ):
                out = await self._answer(message)
                if message.event_id:  # a retried event produces the same keys
                    out = [
                        replace(m, idempotency_key=f"{message.event_id}:{i}")
                        for i, m in enumerate(out)
                    ]
                await self.deliver(out)

    async def _answer(self, message: IncomingMessage) -> list[OutgoingMessage]:
        try:
            return await self.bot.handle(message)
        except Exception as exc:  # one bad message must not stop the bot
            log.error(
                "message from %s could not be handled: %s",
                message.sender.platform,
                type(exc).__name__,
                exc_info=log.isEnabledFor(logging.DEBUG),
            )
            return []

    async def deliver(self, messages: Sequence[OutgoingMessage]) -> None:
        for message in messages:
            adapter = self.adapters.get(message.to.platform)
            if adapter is None:
                log.warning("no adapter for platform %s; message dropped", message.to.platform)
                continue
            try:
                if message.image is not None:
                    await adapter.send_image(message)
                else:
                    await adapter.send(message)
            except Exception as exc:  # noqa: BLE001
                log.error("delivery on %s failed: %s", message.to.platform, type(exc).__name__)

    async def tick(self) -> None:
        async with self._lock:
            try:
                out = await self.bot.tick(self.clock.now())
            except Exception as exc:  # noqa: BLE001 - try again at the next tick
                log.error("periodic work failed: %s", type(exc).__name__)
                return
            await self.deliver(out)

    async def _scheduled_tick(self) -> None:
        task = asyncio.current_task()
        assert task is not None  # the scheduler runs it as a task on our loop
        self._ticks.add(task)
        try:
            await self.tick()
        finally:
            self._ticks.discard(task)

    def scheduler(self) -> AsyncIOScheduler:
        scheduler = AsyncIOScheduler()
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

    async def run(self, ops: OpsServer | None = None) -> None:
        """Run until every adapter has stopped (the console stops at end of input).

        `ops`, the operations server, listens from start to stop (and serves the adapters'
        HTTP callbacks)."""
        if ops is not None:
            await ops.start(self.adapters.values())
        try:
            await self._run()
        finally:
            if ops is not None:
                await ops.stop()

    async def _run(self) -> None:
        await self.bot.start(self.clock.now())
        scheduler = self.scheduler()
        scheduler.start()
        try:
            await asyncio.gather(*(a.run(self.on_message) for a in self.adapters.values()))
        finally:
            scheduler.shutdown(wait=False)
            ticks = list(self._ticks)
            for task in ticks:
                task.cancel()
            await asyncio.gather(*ticks, return_exceptions=True)
            for adapter in self.adapters.values():
                await adapter.stop()
