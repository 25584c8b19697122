"""Train the reader's linear model on the tuning corpus; write bot/safety/model.json.

Only the tuning files of `tests/corpus/` are read (danger messages and directory queries):
the held-out files are never seen here.
The decision threshold is chosen by 5-fold cross-validation on the tuning corpus: the
lowest one at which patterns-or-model raise at most `--max-false-alarms` on the traps.
Run with `make train-safety` (needs the `train` extra: scikit-learn).

`--errors` lists the cross-validated mistakes (missed danger, false alarms) by category.
`--blind FILE` writes nothing: it trains on every tuning file but FILE, then scores FILE
as a set never seen (recall, false alarms, mistakes): how a change generalises.
`--blind-all` does so for every tuning file in turn and prints the pooled figures too
(the model is unseen; the patterns were written with every file in view).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from bench.safety_corpus import training
from bot.safety.evidence import Evidence
from bot.safety.model import WEIGHTS
from bot.safety.reader import PLAIN_ALONE, Reader

C = 1.0
DOUBT_FLOOR = 0.30


def fit(rows: list[dict[str, int]], labels: np.ndarray) -> tuple[DictVectorizer, Any]:
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(rows), labels)
    return vectoriser, model


class Seen:
    """The reader's evidence on a list of messages, as arrays the search can combine."""

    def __init__(self, reader: Reader, items: list[dict[str, Any]]) -> None:
        self.items = items
        evidence: list[Evidence] = [reader.evidence(x["text"]) for x in items]
        self.rows = [dict.fromkeys(e.features, 1) for e in evidence]
        self.danger = np.array([x["level"] == "danger" for x in items])
        # the budget is spent on traps (harmless messages sharing danger's words), not on
        # ordinary chat or directory queries, which are easy and would hide the hard cases
        self.harmless = np.array([str(x.get("category", "")).startswith("trap") for x in items])
        self.sure = np.array([bool(e.sure) for e in evidence])
        self.doubtful = np.array([bool(e.doubtful) for e in evidence])
        self.signals = np.array([e.signals for e in evidence])
        self.capped = np.array([e.capped for e in evidence])
        self.plain = np.array([e.plain for e in evidence])

    def part(self, keep: np.ndarray) -> Seen:
        """The same evidence, for the messages where `keep` is true."""
        part = object.__new__(Seen)
        part.items = [x for x, k in zip(self.items, keep, strict=True) if k]
        part.rows = [r for r, k in zip(self.rows, keep, strict=True) if k]
        for name in ("danger", "harmless", "sure", "doubtful", "signals", "capped", "plain"):
            setattr(part, name, getattr(self, name)[keep])
        return part

    def raised(self, chance: np.ndarray, doubt: float, alone: float) -> np.ndarray:
        plain = chance > max(alone, PLAIN_ALONE)  # no word of danger: the model surer
        alone_ok = self.signals & (chance > alone) & (~self.plain | plain)
        model = (self.doubtful & (chance > doubt)) | alone_ok
        return self.sure | (~self.capped & model)


def thresholds(seen: Seen, max_false_alarms: float) -> tuple[np.ndarray, float, float]:
    """Cross-validated chances, and the thresholds with the best recall within budget."""
    held = np.zeros(len(seen.items))
    folds = StratifiedKFold(5, shuffle=True, random_state=0).split(seen.rows, seen.danger)
    for train, test in folds:
        vectoriser, model = fit([seen.rows[i] for i in train], seen.danger[train])
        held[test] = model.predict_proba(vectoriser.transform([seen.rows[i] for i in test]))[:, 1]
    best = (-1.0, 0.99, 0.99)
    for doubt in np.arange(DOUBT_FLOOR, 0.96, 0.05):  # doubtful: the model must really agree
        for alone in np.arange(0.50, 0.99, 0.01):
            raised = seen.raised(held, float(doubt), float(alone))
            if raised[seen.harmless].mean() <= max_false_alarms:
                if raised[seen.danger].mean() > best[0]:
                    best = (float(raised[seen.danger].mean()), float(doubt), float(alone))
                break
    return held, best[1], best[2]


def mistakes(seen: Seen, raised: np.ndarray) -> None:
    """Print the missed danger and the false alarms, grouped by category."""
    wrong = [
        (("missed " if d else "alarm ") + str(x.get("category", "")), x["text"])
        for x, d, h, r in zip(seen.items, seen.danger, seen.harmless, raised, strict=True)
        if (d and not r) or (h and r)
    ]
    print(Counter(kind for kind, _ in wrong).most_common())
    for kind, text in sorted(wrong):
        print(f"  {kind:<24} {text}")


def blind(items: list[dict[str, Any]], name: str, args: argparse.Namespace) -> None:
    reader = Reader(with_model=False)
    apart = [x for x in items if x.get("file") == name]
    if not apart:
        raise SystemExit(f"no tuning file named {name}")
    seen = Seen(reader, [x for x in items if x.get("file") != name])
    _, doubt, alone = thresholds(seen, args.max_false_alarms)
    vectoriser, model = fit(seen.rows, seen.danger)
    test = Seen(reader, apart)
    chance = model.predict_proba(vectoriser.transform(test.rows))[:, 1]
    raised = test.raised(chance, doubt, alone)
    harmless = np.array([x["level"] == "none" for x in apart])
    print(
        f"{name} unseen ({len(apart)} messages): recall {raised[test.danger].mean():.1%}, "
        f"false alarms {raised[harmless].mean():.1%} "
        f"({int(raised[harmless].sum())}/{int(harmless.sum())})"
    )
    if args.errors:
        test.harmless = harmless
        mistakes(test, raised)


def blind_all(items: list[dict[str, Any]], args: argparse.Namespace) -> None:
    """Every tuning file scored unseen in turn (leave one file out), then pooled."""
    everything = Seen(Reader(with_model=False), items)
    files = np.array([str(x.get("file", "")) for x in items])
    harmless = np.array([x["level"] == "none" for x in items])
    caught, alarms = [], []
    for name in sorted({f for f in files if f}, key=lambda f: (len(f), f)):
        seen, test = everything.part(files != name), everything.part(files == name)
        _, doubt, alone = thresholds(seen, args.max_false_alarms)
        vectoriser, model = fit(seen.rows, seen.danger)
        chance = model.predict_proba(vectoriser.transform(test.rows))[:, 1]
        raised = test.raised(chance, doubt, alone)
        none = harmless[files == name]
        caught += list(raised[test.danger])
        alarms += list(raised[none])
        recall = f"{raised[test.danger].mean():6.1%}" if test.danger.any() else "     -"
        print(
            f"{name:<14} recall {recall} ({int(raised[test.danger].sum())}/"
            f"{int(test.danger.sum())}), false alarms {raised[none].mean():5.1%} "
            f"({int(raised[none].sum())}/{int(none.sum())}), doubt {doubt:.2f} alone {alone:.2f}"
        )
        if args.errors:
            test.harmless = none
            mistakes(test, raised)
    print(
        f"{'pooled':<14} recall {np.mean(caught):6.1%} ({sum(caught)}/{len(caught)}), "
        f"false alarms {np.mean(alarms):5.1%} ({sum(alarms)}/{len(alarms)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # recall first, but unseen sets run 2 to 5 points above the cross-validated figure:
    # at 6 % of traps, leave-one-file-out recall is that of 7 % and false alarms are lower
    parser.add_argument("--max-false-alarms", type=float, default=0.06)
    parser.add_argument("--errors", action="store_true", help="list the mistakes")
    parser.add_argument("--blind", metavar="FILE", help="score this tuning file unseen")
    parser.add_argument("--blind-all", action="store_true", help="score each file unseen")
    args = parser.parse_args()
    items = training()
    if args.blind_all:
        blind_all(items, args)
        return
    if args.blind:
        blind(items, Path(args.blind).stem, args)
        return
    seen = Seen(Reader(with_model=False), items)
    held, doubt, alone = thresholds(seen, args.max_false_alarms)
    raised = seen.raised(held, doubt, alone)
    vectoriser, model = fit(seen.rows, seen.danger)
    names = vectoriser.get_feature_names_out()
    pairs = zip(names, model.coef_[0], strict=True)
    weights = {n: round(float(w), 5) for n, w in pairs if abs(w) > 1e-4}
    WEIGHTS.write_text(
        json.dumps(
            {
                "trained_on": len(items),
                "threshold": round(alone, 2),
                "doubt": round(doubt, 2),
                "bias": round(float(model.intercept_[0]), 5),
                "weights": dict(sorted(weights.items())),
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(items)} messages, {len(weights)} weights, doubt {doubt:.2f}, alone {alone:.2f}; "
        f"cross-validated: recall {raised[seen.danger].mean():.1%}, "
        f"false alarms {raised[seen.harmless].mean():.1%}"
    )
    if args.errors:
        mistakes(seen, raised)


if __name__ == "__main__":
    main()
