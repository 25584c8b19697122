"""Handling one event: its claim, its changes and its messages in one transaction (the
outbox), retried on failure, set aside after too many; during a database outage, people
are told "un instant" once. Part of `Runtime` (bot/runtime.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from bot.backoff import Backoff
from bot.core import Bot
from bot.delivery import Delivery
from bot.ids import Platform
from bot.locales import t
from bot.logs import sensitive
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ports import Adapter, Clock, Lease, Store
from bot.say import to_coordinators

log = logging.getLogger(__name__)
# How long a handler waits for its own answers to leave (a slash command's reply is
# captured then); past it, they leave later, in order.
WAIT_DELIVERY = 10.0


class Handling:
    bot: Bot
    store: Store
    adapters: dict[Platform, Adapter]
    clock: Clock
    delivery: Delivery
    lease: Lease | None
    max_tries: int
    _stopping: asyncio.Event
    _handling: int
    _database_ok: bool
    _told: set[Address]

    async def on_message(self, message: IncomingMessage) -> None:
        """Handle one event until it is done: never raises; waits while stopping (the
        adapter then never marks it handled, and it comes back after a restart)."""
        while self._stopping.is_set() or not self._fenced():
            if self._stopping.is_set() or (self.lease is not None and self.lease.lost.is_set()):
                await asyncio.Event().wait()  # never handed over: back after a restart
            await asyncio.sleep(0.1)  # a late confirmation of the lease: wait for the next
        backoff = Backoff(base=0.5, cap=30.0)
        tries = 0
        self._handling += 1
        try:
            with sensitive(
                message.text, message.sender.user_id, message.handle, message.display_name
            ):
                while True:
                    try:
                        ids = await self._handle_once(message)
                        break
                    except Exception as exc:  # noqa: BLE001 - retried, never lost
                        if not await self._failed(message, exc):
                            tries += 1
                        if tries >= self.max_tries:
                            await self._set_aside(message.sender.platform, exc, tries)
                            return
                        await backoff.wait()
                self._database_back()
            await self.delivery.delivered(ids, WAIT_DELIVERY)
        finally:
            self._handling -= 1

    async def _handle_once(self, message: IncomingMessage) -> list[int]:
        now = self.clock.now()
        async with self.store.unit():
            if message.event_id and not await self.store.claim_event(
                message.sender.platform, message.event_id, now
            ):
                return []  # handled before (a replay after a restart, a repeat)
            out = await self.bot.handle(message)
            ids = await self.store.enqueue(out, now)
        self.delivery.enqueued(ids)
        return ids

    async def _failed(self, message: IncomingMessage, exc: Exception) -> bool:
        """Log without text; True when the database is unreachable (an outage: the try
        does not count, and the person is told "un instant" once)."""
        reachable = await self.store.ping()
        log.error(
            "message from %s could not be handled: %s%s",
            message.sender.platform,
            type(exc).__name__,
            "" if reachable else " (database unreachable)",
            exc_info=log.isEnabledFor(logging.DEBUG),
        )
        if reachable:
            return False
        self._database_ok = False
        if message.sender not in self._told:
            self._told.add(message.sender)
            await self._tell_directly(message.sender, "one_moment")
        return True

    async def _tell_directly(self, to: Address, key: str) -> None:
        """Straight to the platform (the outbox is in the unreachable database)."""
        adapter = self.adapters.get(to.platform)
        text = t(self.bot.ctx.policy.default_locale, key)
        try:
            if adapter is not None:
                await adapter.send(OutgoingMessage(to, text))
        except Exception as exc:  # noqa: BLE001
            log.warning("could not say 'one moment' on %s (%s)", to.platform, type(exc).__name__)

    def _database_back(self) -> None:
        if not self._database_ok:
            log.warning("database reachable again")
        self._database_ok = True
        self._told.clear()

    async def _set_aside(self, source: Platform, exc: Exception, tries: int) -> None:
        """An event that keeps failing: a dead letter, and its reference to coordinators."""
        try:
            ref = await self.store.dead_letter(source, type(exc).__name__, tries, self.clock.now())
            async with self.store.unit():
                ids = await self.store.enqueue(self._dead_letter_notice(ref), self.clock.now())
            self.delivery.enqueued(ids)
            log.error("an event from %s was set aside as %s", source, ref)
        except Exception as again:  # noqa: BLE001
            log.error("an event from %s was dropped (%s)", source, type(again).__name__)

    def _dead_letter_notice(self, ref: str) -> list[OutgoingMessage]:
        return to_coordinators(self.bot.ctx, "alert_dead_letter", ref)

    async def deliver(self, messages: Sequence[OutgoingMessage]) -> None:
        """Queue messages for delivery (through the outbox) and wait for them a moment."""
        async with self.store.unit():
            ids = await self.store.enqueue(messages, self.clock.now())
        self.delivery.enqueued(ids)
        await self.delivery.delivered(ids, WAIT_DELIVERY)

    def _fenced(self) -> bool:
        """The fencing check before each side effect: this replica is the active one."""
        return self.lease is None or self.lease.held()
