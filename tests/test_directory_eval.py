"""The directory passes ≥ 95 % of the tuning query sets (sample, tune … tune21), end
to end: each query goes through the real safety reader, as in the conversation, so a
danger query only gets its emergency numbers first if the search sees the danger.
`make eval` prints the same figures by phenomenon, and the held-out set's figure,
which tuning never looks at.
"""

from __future__ import annotations

from pathlib import Path

from bench.eval_directory import CORPUS, TUNING, Scored, queries, rate, score
from bot.directory import Index, load

ROOT = Path(__file__).resolve().parent.parent
INDEX = Index(load(ROOT / "directory.yaml"))
ITEMS = [q for name in TUNING for q in queries(CORPUS / name)]


def _failed(results: list[Scored]) -> list[str]:
    return [f"{r.query['id']} {r.query['query']!r}: {r.problems}" for r in results if not r.ok]


def test_the_tuning_sets_are_large_enough() -> None:
    assert len(queries(CORPUS / "directory_tune.yaml")) >= 120
    assert len(queries(CORPUS / "directory_tune2.yaml")) >= 150
    assert len(queries(CORPUS / "directory_tune3.yaml")) >= 150
    assert len(queries(CORPUS / "directory_tune4.yaml")) >= 120
    assert len(queries(CORPUS / "directory_tune7.yaml")) >= 100
    assert len(queries(CORPUS / "directory_tune8.yaml")) >= 80
    assert len(queries(CORPUS / "directory_tune9.yaml")) >= 150
    assert len(queries(CORPUS / "directory_tune10.yaml")) >= 75
    assert len(queries(CORPUS / "directory_heldout5.yaml")) >= 80
    assert len(queries(CORPUS / "directory_tune11.yaml")) >= 60
    assert len(queries(CORPUS / "directory_heldout6.yaml")) >= 60
    assert len(queries(CORPUS / "directory_tune12.yaml")) >= 75
    assert len(queries(CORPUS / "directory_heldout7.yaml")) >= 75
    assert len(queries(CORPUS / "directory_tune13.yaml")) >= 130
    assert len(queries(CORPUS / "directory_tune14.yaml")) >= 55
    assert len(queries(CORPUS / "directory_heldout8.yaml")) >= 55
    assert len(queries(CORPUS / "directory_tune15.yaml")) >= 70
    assert len(queries(CORPUS / "directory_heldout9.yaml")) >= 70
    assert len(queries(CORPUS / "directory_tune16.yaml")) >= 70
    assert len(queries(CORPUS / "directory_heldout10.yaml")) >= 70
    assert len(queries(CORPUS / "directory_tune17.yaml")) >= 70
    assert len(queries(CORPUS / "directory_heldout11.yaml")) >= 70
    assert len(queries(CORPUS / "directory_tune18.yaml")) >= 70
    assert len(queries(CORPUS / "directory_heldout12.yaml")) >= 70
    assert len(queries(CORPUS / "directory_tune21.yaml")) >= 55
    assert len(queries(CORPUS / "directory_heldout15.yaml")) >= 55
    assert len(queries(CORPUS / "directory_heldout13.yaml")) >= 60
    assert len(queries(CORPUS / "directory_heldout.yaml")) >= 60
    assert len(queries(CORPUS / "directory_heldout2.yaml")) >= 100


# The newest blind sets, still being learned: each must not fall below where its tuning
# half stood when it was added (U and V first scored 77.1 % and 80.0 % unseen, whole).
FLOORS = {"directory_tune17.yaml": 0.77, "directory_tune18.yaml": 0.85}


def test_every_tuning_set_passes_end_to_end() -> None:
    """≥ 95 % of all tuning queries together, ≥ 90 % of each set but the newest two."""
    everything = []
    for name in TUNING:
        results = score(INDEX, queries(CORPUS / name))
        assert rate(results) >= FLOORS.get(name, 0.90), (name, _failed(results))
        everything += results
    assert rate(everything) >= 0.95, _failed(everything)


def test_danger_queries_pass_end_to_end() -> None:
    """Danger queries on their own: the fitting numbers first, with the real reader."""
    results = score(INDEX, [q for q in ITEMS if q.get("danger")])
    assert rate(results) >= 0.95, _failed(results)
