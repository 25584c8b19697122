"""Benchmarks (`make bench`): each relay against its bare baseline, the core, memory,
start-up, the scheduler, the directory search and the safety reader.

Writes bench/results.json (keys written by other tools are kept) and bench/RESULTS.md,
and prints the table. Figures are measured here, never asserted in tests: the exit code
is non-zero only when a benchmark could not run, never when a target is missed.
`BENCH_ONLY=mattermost,core` runs some of them; `BENCH_DATABASE_URL` (or
`TEST_DATABASE_URL`) names the PostgreSQL database used for the core (it is wiped).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import core, footprint, matrix, mattermost, search  # noqa: E402
from bench.report import flatten, markdown  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"


def _postgres() -> str | None:
    return os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")


BENCHMARKS: dict[str, Callable[[], Any]] = {
    "mattermost": lambda: asyncio.run(mattermost.run()),
    "matrix": lambda: asyncio.run(matrix.run()),
    "core": lambda: asyncio.run(core.run(_postgres())),
    "footprint": footprint.run,
    "safety": search.bench_safety,
    "directory": search.bench_directory,
    "core_sqlite": lambda: asyncio.run(search.bench_core()),
}


def main() -> int:
    only = [n for n in os.environ.get("BENCH_ONLY", "").split(",") if n]
    results: dict[str, Any] = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    failed: list[str] = []
    for name, benchmark in BENCHMARKS.items():
        if only and name not in only:
            continue
        print(f"bench: {name}…", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            results[name] = benchmark()
            results.pop(f"{name}_error", None)
        except Exception as exc:  # noqa: BLE001 - report it, run the others, exit non-zero
            traceback.print_exc()
            results[f"{name}_error"] = f"{type(exc).__name__}: {exc}"[:500]
            failed.append(name)
        print(f"bench: {name} took {time.perf_counter() - start:.0f} s", file=sys.stderr)
    results |= flatten(results)
    results["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    table = markdown(results)
    (ROOT / "bench" / "RESULTS.md").write_text(table)
    print(table)
    if failed:
        print(f"bench: failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
