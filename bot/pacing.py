"""Pacing per account: a token bucket (a short burst, then the platform's average rate).

Tchap asks for about one call a second on average; a bucket lets five quick messages
leave at once instead of one a second, and still keeps the average.
"""

from __future__ import annotations

import asyncio
import time


class TokenBucket:
    """`rate` tokens a second (0: unlimited), at most `burst` saved up."""

    def __init__(self, rate: float, burst: int = 5) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self._tokens = float(self.burst)
        self._at = time.monotonic()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now

    async def take(self) -> None:
        """Wait for one token (callers are served in turn)."""
        if self.rate <= 0:
            return
        async with self._lock:
            self._refill()
            if self._tokens < 1:
                await asyncio.sleep((1 - self._tokens) / self.rate)
                self._refill()
            self._tokens -= 1
