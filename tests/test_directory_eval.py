"""The directory passes ≥ 95 % of the tuning query sets (sample and tune).

Danger queries need the safety reader to say what the situation is; here the reader
answers with each query's label, so that this test measures the directory's part
(the fitting numbers first, the right lines, open at the right time). `make eval`
measures both together, and the held-out set, which tuning never looks at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import bot.directory.query as query_module
from bench.eval_directory import CORPUS, TUNING, Scored, queries, rate, score
from bot.directory import Index, load
from bot.safety import Level, Reading, Situation

ROOT = Path(__file__).resolve().parent.parent
INDEX = Index(load(ROOT / "directory.yaml"))
ITEMS = [q for name in TUNING for q in queries(CORPUS / name)]


def _failed(results: list[Scored]) -> list[str]:
    return [f"{r.query['id']} {r.query['query']!r}: {r.problems}" for r in results if not r.ok]


def test_the_tuning_sets_are_large_enough() -> None:
    assert len(queries(CORPUS / "directory_tune.yaml")) >= 120
    assert len(queries(CORPUS / "directory_heldout.yaml")) >= 60


def test_tuning_sets_pass_given_the_situation(monkeypatch: pytest.MonkeyPatch) -> None:
    labels = {q["query"]: q for q in ITEMS}

    def read(text: str) -> Reading:
        label: dict[str, Any] = labels[text]
        if not label.get("danger"):
            return Reading(Level.NONE)
        violence = label.get("danger_type") == "violence"
        return Reading(Level.DANGER, Situation.VIOLENCE if violence else Situation.SELF)

    monkeypatch.setattr(query_module, "read", read)
    results = score(INDEX, ITEMS)
    assert rate(results) >= 0.95, _failed(results)


def test_queries_without_danger_pass_with_the_real_reader() -> None:
    results = score(INDEX, [q for q in ITEMS if not q.get("danger")])
    assert rate(results) >= 0.95, _failed(results)
