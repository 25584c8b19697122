"""The token bucket (a burst, then the average rate), Lanes (order per conversation,
conversations side by side) and the shared back-off."""

from __future__ import annotations

import asyncio
import time

from bot.backoff import Backoff
from bot.lanes import Lanes
from bot.pacing import TokenBucket


async def test_a_burst_leaves_at_once_then_the_average_rate_applies() -> None:
    bucket = TokenBucket(rate=10, burst=5)
    started = time.monotonic()
    for _ in range(5):
        await bucket.take()
    assert time.monotonic() - started < 0.05  # the burst
    for _ in range(5):
        await bucket.take()
    assert 0.4 <= time.monotonic() - started < 0.8  # five more at 10 a second


async def test_lanes_keep_order_per_key_and_run_keys_side_by_side() -> None:
    lanes = Lanes(limit=8)
    seen: list[str] = []

    def job(name: str, seconds: float):  # type: ignore[no-untyped-def]
        async def run() -> None:
            await asyncio.sleep(seconds)
            seen.append(name)

        return run

    started = time.monotonic()
    await lanes.submit("slow", job("s1", 0.3))
    await lanes.submit("slow", job("s2", 0.0))
    await lanes.submit("quick", job("q1", 0.0))
    await lanes.settle()
    assert seen == ["q1", "s1", "s2"]
    assert time.monotonic() - started < 0.6


async def test_a_job_that_raises_does_not_stop_its_lane() -> None:
    lanes = Lanes()
    seen: list[int] = []

    async def boom() -> None:
        raise RuntimeError("bad")

    async def fine() -> None:
        seen.append(1)

    await lanes.submit("a", boom)
    await lanes.submit("a", fine)
    await lanes.settle()
    assert seen == [1]


def test_backoff_grows_is_capped_and_resets() -> None:
    backoff = Backoff(base=1.0, cap=8.0)
    delays = [backoff.next_delay() for _ in range(8)]
    assert 0.5 <= delays[0] < 1.5 and all(d < 12.0 for d in delays)
    assert delays[-1] >= 4.0  # capped at 8, times a jitter of at least 0.5
    backoff.reset()
    assert backoff.next_delay() < 1.5
