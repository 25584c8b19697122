"""`make test-load`: load (real Synapse, encrypted), failover (on the scripted Mattermost
conversation, and during the Synapse load), chaos, database outage and start-up runs;
their figures are merged into bench/results.json under `reliability` (other keys of that
file are kept). Exits non-zero when a run fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
RUNS = [
    "tests/matrix/test_startup.py",
    "tests/reliability/test_outage.py",
    "tests/reliability/test_chaos.py",
    "tests/reliability/test_failover.py",
    "tests/load/test_load.py",
    "tests/load/test_failover_load.py",
]
ZERO = ("cases_lost", "messages_lost", "duplicate_offers", "duplicate_messages")


def main() -> int:
    figures = Path(tempfile.mkdtemp()) / "figures.json"
    env = os.environ | {
        "SOUTIEN_LOAD": "1",
        "SOUTIEN_LOAD_FIGURES": str(figures),
        "SOUTIEN_OUTAGE_SECONDS": os.environ.get("SOUTIEN_OUTAGE_SECONDS", "30"),
        "SOUTIEN_CHAOS_ROUNDS": os.environ.get("SOUTIEN_CHAOS_ROUNDS", "4"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:randomly", "-x", "--durations=0", *RUNS],
        cwd=ROOT,
        env=env,
    )
    got = json.loads(figures.read_text()) if figures.exists() else {}
    got.setdefault("kills", 0)
    got.setdefault("failovers", 0)
    got["passed"] = done.returncode == 0
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["reliability"] = got
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(json.dumps(got, indent=2, sort_keys=True))
    if done.returncode != 0:
        return done.returncode
    return 1 if any(got.get(key, 0) for key in ZERO) else 0


if __name__ == "__main__":
    sys.exit(main())
