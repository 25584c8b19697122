"""Score directory search against ../shared/eval/directory-queries.yaml, by phenomenon.

A query passes when every `must_include` id is in the first 8 results, no
`must_not_include` id appears, and for danger queries the `first` ids come
before all others. Run with `make eval`.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from bot.directory.hours import PARIS
from bot.directory.loader import load
from bot.directory.search import Index

TOP = 8
DEFAULT_AT = datetime(2025, 1, 15, 11, 0, tzinfo=PARIS)  # a Wednesday morning


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", default="../shared/eval/directory-queries.yaml")
    parser.add_argument("--directory", default="directory.yaml")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    index = Index(load(Path(args.directory)))
    queries = yaml.safe_load(Path(args.set).read_text(encoding="utf-8"))["queries"]
    by_tag: dict[str, list[bool]] = defaultdict(list)
    passed = 0
    for q in queries:
        context = q.get("context") or {}
        at = datetime.fromisoformat(context["at"]) if context.get("at") else DEFAULT_AT
        _, hits = index.search(q["query"], at, limit=TOP * 2)
        problems = failures(q, [h.resource.id for h in hits])
        ok = not problems
        passed += ok
        tags = list(q.get("phenomena") or []) or ["(none)"]
        tags += ["danger"] if q.get("danger") else []
        tags += [f"lang:{q.get('lang', 'fr')}"]
        for tag in tags:
            by_tag[tag].append(ok)
        if problems and args.verbose:
            print(f"FAIL {q['id']} {q['query']!r}: {', '.join(problems)}")
    print(f"{'phenomenon':<24} {'passed':>7} {'total':>6} {'rate':>7}")
    for tag in sorted(by_tag):
        results = by_tag[tag]
        print(f"{tag:<24} {sum(results):>7} {len(results):>6} {sum(results) / len(results):>7.0%}")
    rate = passed / len(queries)
    print(f"{'ALL':<24} {passed:>7} {len(queries):>6} {rate:>7.1%}  (target ≥ 95 %)")
    return 0 if rate >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
