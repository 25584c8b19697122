"""Figures for bench/results.json (`make test-load`): written only when SOUTIEN_LOAD is set."""

from __future__ import annotations

import json
import os
from pathlib import Path

FIGURES = Path(os.environ.get("SOUTIEN_LOAD_FIGURES", "/tmp/soutien-load-figures.json"))


def record(**figures: object) -> None:
    """Add figures (several tests write, one after another): a key written `+key` adds up
    (a counter), `^key` keeps the highest value seen; any other key is replaced."""
    if not os.environ.get("SOUTIEN_LOAD"):
        return
    current = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    for key, value in figures.items():
        if key.startswith("+"):
            key = key[1:]
            current[key] = current.get(key, 0) + value
        elif key.startswith("^"):
            key = key[1:]
            current[key] = max(current.get(key, value), value)
        else:
            current[key] = value
    FIGURES.write_text(json.dumps(current, indent=2, sort_keys=True))
