"""Runs the bot: feeds incoming messages to the core, delivers what it returns."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core import Bot
from bot.logs import sensitive
from bot.messages import IncomingMessage, OutgoingMessage
from bot.ports import Adapter, Clock

log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(days=1)


class Runtime:
    """One loop for every platform: messages are handled one at a time, in order."""

    def __init__(
        self, bot: Bot, adapters: Sequence[Adapter], clock: Clock, tick_every: float = 30.0
    ) -> None:
        self.bot = bot
        self.adapters = {a.platform: a for a in adapters}
        self.clock = clock
        self.tick_every = tick_every
        self._lock = asyncio.Lock()
        self._last_purge: datetime | None = None

    async def on_message(self, message: IncomingMessage) -> None:
        async with self._lock:
            with self._guard(message):
                await self.deliver(await self._answer(message))

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

    @staticmethod
    def _guard(message: IncomingMessage) -> contextlib.AbstractContextManager[None]:
        return sensitive(message.text, message.sender.user_id, message.handle, message.display_name)

    async def deliver(self, messages: Sequence[OutgoingMessage]) -> None:
        for message in messages:
            adapter = self.adapters.get(message.to.platform)
            if adapter is None:
                log.warning("no adapter for platform %s; message dropped", message.to.platform)
                continue
            try:
                await adapter.send(message)
            except Exception as exc:  # noqa: BLE001
                log.error("delivery on %s failed: %s", message.to.platform, type(exc).__name__)

    async def tick(self) -> None:
        async with self._lock:
            now = self.clock.now()
            out = await self.bot.tick(now)
            await self.deliver(out)
            if self._last_purge is None or now - self._last_purge >= PURGE_EVERY:
                report = await self.bot.purge(now)
                self._last_purge = now
                log.info(
                    "retention purge: %d cases, %d people, %d audit entries",
                    report.cases,
                    report.persons,
                    report.audit_entries,
                )

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(self.tick_every)
            try:
                await self.tick()
            except Exception as exc:  # noqa: BLE001
                log.error("periodic work failed: %s", type(exc).__name__)

    async def run(self) -> None:
        """Run until every adapter has stopped (the console stops at end of input)."""
        ticker = asyncio.create_task(self._ticker())
        try:
            await asyncio.gather(*(a.run(self.on_message) for a in self.adapters.values()))
        finally:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
            for adapter in self.adapters.values():
                await adapter.stop()
