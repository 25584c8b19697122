"""The labelled danger corpus in tests/corpus/: tuning files and held-out files.

`danger_tune*.yaml` may be used to write patterns and train the model;
`danger_heldout*.yaml` never is: it measures how the reader does on wording it never saw.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
PARTS = {"tuning": "danger_tune*.yaml", "held-out": "danger_heldout*.yaml"}


def load(part: str) -> list[dict[str, Any]]:
    """Every labelled message of one part (`tuning` or `held-out`)."""
    items: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob(PARTS[part])):
        items += [
            {**x, "file": path.stem} for x in yaml.safe_load(path.read_text(encoding="utf-8"))
        ]
    return items


def training() -> list[dict[str, Any]]:
    """What the model learns from: the tuning messages and the tuning directory queries
    (the reader serves both doors). Held-out files are never read here."""
    items = load("tuning")
    for path in sorted(CORPUS.glob("directory_*.yaml")):
        if "heldout" not in path.name:
            queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
            items += [
                {"text": q["query"], "level": "danger" if q.get("danger") else "none"}
                for q in queries
            ]
    return items
