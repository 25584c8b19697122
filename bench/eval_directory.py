"""Score directory search on the query sets in tests/corpus/, by phenomenon.

Eighty-one sets: `directory_sample.yaml` (the project's first sample), `directory_tune.yaml`,
`directory_tune2.yaml` … `directory_tune79.yaml` (written later, each in other words)
may be used to tune the search; `directory_heldout*.yaml` never are: only their overall
figures are printed, apart, so that it says whether the search learned the skill or the
sets. Run with `make eval`. `--only FILE` scores one tuning set alone and lists its
failures: a new blind set is scored that way, unseen, before it joins them.

A query passes when every `must_include` id is in the first 8 results, no
`must_not_include` id appears, and for danger queries the `first` ids come before
all others.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.clock import ZONE
from bot.directory.loader import load
from bot.directory.search import Index

TOP = 8
CLI_LIMIT = 20  # what `directory search` returns: an unwanted id anywhere there is a fault
TARGET = 0.95
DEFAULT_AT = datetime(2025, 1, 15, 11, 0, tzinfo=ZONE)  # a Wednesday morning
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
TUNING = (
    "directory_sample.yaml",
    "directory_tune.yaml",
    "directory_tune2.yaml",
    "directory_tune3.yaml",
    "directory_tune4.yaml",
    "directory_tune5.yaml",
    "directory_tune6.yaml",
    "directory_tune7.yaml",  # unseen first: 91/103 (88.3 %)
    "directory_tune8.yaml",  # unseen first: 77/83 (92.8 %)
    "directory_tune9.yaml",  # unseen first: 139/160 (86.9 %), set F
    "directory_tune10.yaml",  # unseen first: set E 157/170 (92.4 %), tuning half
    "directory_tune11.yaml",  # unseen first: set H 145/150 (96.7 %), tuning half
    "directory_tune12.yaml",  # unseen first: set K 154/160 (96.2 %), tuning half
    "directory_tune13.yaml",  # unseen first: set N 136/140 (97.1 %), all (failures read)
    "directory_tune14.yaml",  # unseen first: set P 114/120 (95.0 %), tuning half
    "directory_tune15.yaml",  # unseen first: set S 120/140 (85.7 %), tuning half
    "directory_tune16.yaml",  # unseen first: set T 124/140 (88.6 %), tuning half
    "directory_tune17.yaml",  # unseen first: set U 108/140 (77.1 %), tuning half
    "directory_tune18.yaml",  # unseen first: set V 112/140 (80.0 %), tuning half
    "directory_tune19.yaml",  # unseen first: set Y 117/120 (97.5 %), no twist, tuning half
    "directory_tune20.yaml",  # unseen first: set AC 115/120 (95.8 %), no twist, tuning half
    "directory_tune21.yaml",  # unseen first: set AD 110/120 (91.7 %), hardest kinds, tuning half
    "directory_tune22.yaml",  # unseen first: set AF 96/100 (96.0 %), no twist, tuning half
    "directory_tune23.yaml",  # unseen first: set AH 91/100 (91.0 %), no twist, tuning half
    "directory_tune24.yaml",  # unseen first: set AJ 97/100 (97.0 %), no twist, tuning half
    "directory_tune25.yaml",  # unseen first: set AN 96/100 (96.0 %), no twist, tuning half
    "directory_tune26.yaml",  # unseen first: set AQ 92/100 (92.0 %), no twist, all
    "directory_tune27.yaml",  # unseen first: set AR 93/100 (93.0 %), no twist, tuning half
    "directory_tune28.yaml",  # unseen first: set AU 95/100 (95.0 %), no twist, tuning half
    "directory_tune29.yaml",  # unseen first: set AV 97/100 (97.0 %), no twist, tuning half
    "directory_tune30.yaml",  # unseen first: set AY 95/100 (95.0 %), no twist, tuning half
    "directory_tune31.yaml",  # unseen first: set AZ 98/100 (98.0 %), no twist, tuning half
    "directory_tune32.yaml",  # unseen first: set BA 95/100 (95.0 %), sample's manner, half
    "directory_tune33.yaml",  # unseen first: set BB 94/100 (94.0 %), sample's manner, half
    "directory_tune34.yaml",  # unseen first: set BE 96/100 (96.0 %), sample's manner, half
    "directory_tune35.yaml",  # unseen first: set BF 93/100 (93.0 %), sample's manner, half
    "directory_tune36.yaml",  # unseen first: set BH 94/100 (94.0 %), sample's manner, half
    "directory_tune37.yaml",  # unseen first: set BI 91/100 (91.0 %), sample's manner, half
    "directory_tune38.yaml",  # unseen first: set CC 98/100 (98.0 %), sample's manner, all
    "directory_tune39.yaml",  # unseen first: set CA 96/100 (96.0 %), sample's manner, half
    "directory_tune40.yaml",  # unseen first: set CB 90/100 (90.0 %), sample's manner, half
    "directory_tune41.yaml",  # unseen first: set CE 97/100 (97.0 %), sample's manner, half
    "directory_tune42.yaml",  # unseen first: set CF 97/100 (97.0 %), sample's manner, half
    "directory_tune43.yaml",  # unseen first: set CG 94/100 (94.0 %), sample's manner, half
    "directory_tune44.yaml",  # unseen first: set CI 92/100 (92.0 %), sample's manner, half
    "directory_tune45.yaml",  # unseen first: set CJ 91/100 (91.0 %), sample's manner, half
    "directory_tune46.yaml",  # unseen first: set CL 95/100 (95.0 %), sample's manner, half
    "directory_tune47.yaml",  # unseen first: set CM 92/100 (92.0 %), sample's manner, half
    "directory_tune48.yaml",  # unseen first: set CN 95/100 (95.0 %), sample's manner, half
    "directory_tune49.yaml",  # unseen first: set CO 93/100 (93.0 %), sample's manner, half
    "directory_tune50.yaml",  # unseen first: set CP 90/100 (90.0 %), sample's manner, half
    "directory_tune51.yaml",  # unseen first: set CQ 94/100 (94.0 %), sample's manner, half
    "directory_tune52.yaml",  # unseen first: set CR 92/100 (92.0 %), sample's manner, half
    "directory_tune53.yaml",  # unseen first: set CU 92/100 (92.0 %), sample's manner, half
    "directory_tune54.yaml",  # unseen first: set CS 95/100 (95.0 %), sample's manner, half
    "directory_tune55.yaml",  # unseen first: set CT 93/100 (93.0 %), sample's manner, half
    "directory_tune56.yaml",  # unseen first: set CX 93/100 (93.0 %), sample's manner, half
    "directory_tune57.yaml",  # unseen first: set CY 92/100 (92.0 %), sample's manner, half
    "directory_tune58.yaml",  # unseen first: set CZ 94/100 (94.0 %), sample's manner, half
    "directory_tune59.yaml",  # unseen first: set CW 97/100 (97.0 %), sample's manner, half
    "directory_tune60.yaml",  # unseen first: set DA 98/100 (98.0 %), sample's manner, half
    "directory_tune61.yaml",  # unseen first: set DB 94/100 (94.0 %), sample's manner, half
    "directory_tune62.yaml",  # unseen first: set DC 97/100 (97.0 %), sample's manner, half
    "directory_tune63.yaml",  # unseen first: set DD 91/100 (91.0 %), sample's manner, half
    "directory_tune64.yaml",  # unseen first: set DF 94/100 (94.0 %), sample's manner, half
    "directory_tune65.yaml",  # unseen first: set DG 90/100 (90.0 %), sample's manner, half
    "directory_tune66.yaml",  # unseen first: set DH 90/100 (90.0 %), sample's manner, half
    "directory_tune67.yaml",  # unseen first: set DI 94/100 (94.0 %), sample's manner, half
    "directory_tune68.yaml",  # unseen first: set DK 98/100 (98.0 %), sample's manner, half
    "directory_tune69.yaml",  # unseen first: set DL 93/100 (93.0 %), sample's manner, half
    "directory_tune70.yaml",  # unseen first: set DM 99/100 (99.0 %), sample's manner, half
    "directory_tune71.yaml",  # unseen first: set DN 96/100 (96.0 %), sample's manner, half
    "directory_tune72.yaml",  # unseen first: set DO 99/100 (99.0 %), sample's manner, half
    "directory_tune73.yaml",  # unseen first: set DP 93/100 (93.0 %), sample's manner, half
    "directory_tune74.yaml",  # unseen first: set DQ 95/100 (95.0 %), sample's manner, half
    "directory_tune75.yaml",  # unseen first: set DR 96/100 (96.0 %), sample's manner, half
    "directory_tune76.yaml",  # unseen first: set DT 97/100 (97.0 %), sample's manner, half
    "directory_tune77.yaml",  # unseen first: set DU 97/100 (97.0 %), sample's manner, half
    "directory_tune78.yaml",  # unseen first: set DV 92/100 (92.0 %), sample's manner, half
    "directory_tune79.yaml",  # unseen first: set DW 95/100 (95.0 %), sample's manner, half
)
HELDOUT = "directory_heldout*.yaml"  # each written blind, never tuned on


@dataclass(frozen=True, slots=True)
class Scored:
    query: dict[str, Any]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def tags(self) -> list[str]:
        tags = list(self.query.get("phenomena") or []) or ["(none)"]
        tags += ["danger"] if self.query.get("danger") else []
        return [*tags, f"lang:{self.query.get('lang', 'fr')}"]


def failures(query: dict[str, Any], ids: list[str]) -> list[str]:
    expect = query.get("expect") or {}
    problems = [f"missing {m}" for m in expect.get("must_include") or [] if m not in ids[:TOP]]
    problems += [f"unwanted {m}" for m in expect.get("must_not_include") or [] if m in ids]
    first = expect.get("first") or []
    if first:
        others = [k for k, rid in enumerate(ids) if rid not in first]
        last_first = max((ids.index(f) if f in ids else len(ids) + 1) for f in first)
        if others and last_first > min(others):
            problems.append("danger numbers not first")
    return problems


def queries(path: Path) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return loaded


def score(index: Index, items: list[dict[str, Any]]) -> list[Scored]:
    """Each query searched at its own moment (`context.at`) and checked."""
    out = []
    for q in items:
        context = q.get("context") or {}
        at = datetime.fromisoformat(context["at"]) if context.get("at") else DEFAULT_AT
        _, hits = index.search(q["query"], at, limit=CLI_LIMIT)
        out.append(Scored(q, failures(q, [h.resource.id for h in hits])))
    return out


def rate(results: list[Scored]) -> float:
    return sum(r.ok for r in results) / len(results) if results else 0.0


def table(title: str, results: list[Scored], verbose: bool) -> None:
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        for tag in r.tags:
            by_tag[tag].append(r.ok)
        if verbose and not r.ok:
            print(f"FAIL {r.query['id']} {r.query['query']!r}: {', '.join(r.problems)}")
    print(f"\n{title}\n{'phenomenon':<24} {'passed':>7} {'total':>6} {'rate':>7}")
    for tag in sorted(by_tag):
        oks = by_tag[tag]
        print(f"{tag:<24} {sum(oks):>7} {len(oks):>6} {sum(oks) / len(oks):>7.0%}")
    passed = sum(r.ok for r in results)
    print(f"{'ALL':<24} {passed:>7} {len(results):>6} {rate(results):>7.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--directory", type=Path, default=ROOT / "directory.yaml")
    parser.add_argument("--verbose", "-v", action="store_true", help="list tuning failures")
    parser.add_argument(
        "--no-heldout",
        action="store_true",
        help="leave the held-out set alone (each look at its figure spends it a little)",
    )
    parser.add_argument(
        "--only",
        metavar="FILE",
        help="score one tuning file of --corpus alone, listing its failures (never a held-out one)",
    )
    args = parser.parse_args()
    index = Index(load(args.directory))
    if args.only:
        if "heldout" in args.only:
            parser.error("held-out sets are never scored one by one")
        results = score(index, queries(args.corpus / args.only))
        table(f"== {args.only} ==", results, verbose=True)
        return 0 if rate(results) >= TARGET else 1
    tuning: list[Scored] = []
    for name in TUNING:
        results = score(index, queries(args.corpus / name))
        table(f"== {name} ==", results, args.verbose)
        tuning += results
    print(f"\ntuning sets together: {rate(tuning):.1%} of {len(tuning)} (target ≥ 95 %)")
    files = sorted(args.corpus.glob(HELDOUT))
    if args.no_heldout:
        print("held-out: not scored (--no-heldout)")
    elif files:  # the figures only: their queries are never looked at one by one
        together: list[Scored] = []
        for path in files:
            results = score(index, queries(path))
            together += results
            print(f"held-out ({path.name}): {rate(results):.1%} of {len(results)}")
        print(f"held-out together: {rate(together):.1%} of {len(together)} (target ≥ 95 %)")
    else:
        print(f"held-out: no {HELDOUT} in {args.corpus}")
    return 0 if rate(tuning) >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
