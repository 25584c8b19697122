"""A runtime on a real store with a queue-fed platform: people write, the bot answers."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.clock import SystemClock
from bot.context import Context, Policy
from bot.core import Bot
from bot.ids import Platform
from bot.lanes import Lanes
from bot.messages import Address, IncomingMessage, OutgoingMessage
from bot.ports import MessageHandler
from bot.routing import Limits
from bot.runtime import Runtime
from storage.store import SqlStore
from tests.harness import DEMO_ROSTER, answers


@dataclass
class QueuePlatform:
    """The platform edge: what people write is queued; what the bot sends is kept.
    `failing` names recipients whose delivery raises; `slow` ones that take a while."""

    platform: Platform = Platform.CONSOLE
    sent: list[OutgoingMessage] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    slow: dict[str, float] = field(default_factory=dict)
    inbox: asyncio.Queue[IncomingMessage] = field(default_factory=asyncio.Queue)
    handled: int = 0
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)
    lanes: Lanes = field(default_factory=Lanes)

    async def run(self, on_message: MessageHandler) -> None:
        while not self._stopping.is_set():
            getter = asyncio.ensure_future(self.inbox.get())
            stop = asyncio.ensure_future(self._stopping.wait())
            done, _ = await asyncio.wait({getter, stop}, return_when=asyncio.FIRST_COMPLETED)
            if getter not in done:
                getter.cancel()
                return
            stop.cancel()
            message = getter.result()
            await self.lanes.submit(
                message.sender.user_id, functools.partial(self._one, on_message, message)
            )
        await self.lanes.close()

    async def _one(self, on_message: MessageHandler, message: IncomingMessage) -> None:
        await on_message(message)
        self.handled += 1

    async def send(self, message: OutgoingMessage) -> None:
        who = message.to.user_id
        if who in self.failing:
            raise ConnectionError("refused")
        if who in self.slow:
            await asyncio.sleep(self.slow[who])
        self.sent.append(message)

    async def send_image(self, message: OutgoingMessage) -> None:
        await self.send(message)

    async def stop(self) -> None:
        self._stopping.set()

    def texts(self, user: str) -> list[str]:
        return [m.text for m in self.sent if m.to.user_id == user]

    def write(self, user: str, text: str, event_id: str | None = None, **more: Any) -> None:
        self.inbox.put_nowait(
            IncomingMessage(
                Address(self.platform, user), text, handle=user, event_id=event_id, **more
            )
        )


def runtime_on(store: SqlStore, platform: QueuePlatform, **options: Any) -> Runtime:
    ctx = Context(
        store,
        DEMO_ROSTER,
        SystemClock(),
        answers(),
        frozenset({platform.platform}),
        Policy(limits=Limits(2, 3)),
    )
    return Runtime(
        Bot(ctx), [platform], ctx.clock, tick_every=options.pop("tick_every", 3600), **options
    )


@contextlib.asynccontextmanager
async def running(runtime: Runtime) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(runtime.run())
    try:
        yield task
    finally:
        runtime.stop()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, 20)


async def until(condition: Callable[[], Any], within: float = 15) -> Any:
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def until_true(condition: Callable[[], Awaitable[bool]], within: float = 15) -> None:
    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
