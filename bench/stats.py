"""Small statistics and process helpers shared by the benchmarks."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(values: list[float], digits: int = 2) -> dict[str, Any]:
    """Median and p99 (in the unit given), and the number of samples."""
    return {
        "p50": round(percentile(values, 50), digits),
        "p99": round(percentile(values, 99), digits),
        "n": len(values),
    }


def ratio(ours: float, bare: float) -> float:
    return round(ours / bare, 2) if bare else float("nan")


def compare(ours: list[float], bare: list[float]) -> dict[str, Any]:
    """Bot and baseline side by side, with the ratios of their medians and of their p99."""
    a, b = summary(ours), summary(bare)
    return {
        "bot_ms": a,
        "bare_ms": b,
        "ratio_p50": ratio(a["p50"], b["p50"]),
        "ratio_p99": ratio(a["p99"], b["p99"]),
    }


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def until(condition: Callable[[], Awaitable[bool]], within: float, what: str) -> None:
    import asyncio

    deadline = time.monotonic() + within
    while not await condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {within} s")
        await asyncio.sleep(0.02)
