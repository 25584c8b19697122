"""The one reconnection and retry back-off every adapter and worker uses.

Exponential with jitter, capped; reset after a success. Waiting returns early when the
bot is stopping, so a back-off never delays a clean exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import random


class Backoff:
    """`base · factor^(failures-1)`, capped at `cap`, times a jitter in [0.5, 1.5)."""

    def __init__(self, base: float = 0.5, cap: float = 60.0, factor: float = 2.0) -> None:
        self.base = base
        self.cap = cap
        self.factor = factor
        self.failures = 0

    def reset(self) -> None:
        self.failures = 0

    def next_delay(self) -> float:
        """Count one more failure; the delay before the next attempt."""
        self.failures += 1
        exponent = min(self.failures - 1, 30)
        return min(self.cap, self.base * self.factor**exponent) * random.uniform(0.5, 1.5)

    async def wait(self, stopping: asyncio.Event | None = None) -> float:
        """Count a failure and sleep its delay (less if `stopping` is set meanwhile)."""
        delay = self.next_delay()
        await pause(delay, stopping)
        return delay


async def pause(delay: float, stopping: asyncio.Event | None = None) -> None:
    """Sleep `delay` seconds, less if `stopping` is set meanwhile (a delay said before it
    is waited: "retrying in …")."""
    if stopping is None:
        await asyncio.sleep(delay)
    else:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), delay)
