"""Train the reader's linear model on the tuning corpus; write bot/safety/model.json.

Only the tuning files of `tests/corpus/` are read (danger messages and directory queries):
the held-out files are never seen here.
The decision threshold is chosen by 5-fold cross-validation on the tuning corpus: the
lowest one at which patterns-or-model raise at most `--max-false-alarms` on the traps.
Run with `make train-safety` (needs the `train` extra: scikit-learn).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from bench.safety_corpus import training
from bot.safety.model import WEIGHTS
from bot.safety.reader import Reader

C = 1.0


def fit(rows: list[dict[str, int]], labels: np.ndarray) -> tuple[DictVectorizer, Any]:
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(rows), labels)
    return vectoriser, model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # recall first: 8 % of traps in cross-validation keeps held-out false alarms under 10 %
    parser.add_argument("--max-false-alarms", type=float, default=0.08)
    args = parser.parse_args()
    reader = Reader(with_model=False)
    items = training()
    seen = [reader.evidence(x["text"]) for x in items]
    rows = [dict.fromkeys(e.features, 1) for e in seen]
    danger = np.array([x["level"] == "danger" for x in items])
    # the budget is spent on traps (harmless messages sharing danger's words), not on
    # ordinary chat or directory queries, which are easy and would hide the hard cases
    harmless = np.array([str(x.get("category", "")).startswith("trap") for x in items])
    sure = np.array([bool(e.sure) for e in seen])
    doubtful = np.array([bool(e.doubtful) for e in seen])
    signals = np.array([e.signals for e in seen])
    held = np.zeros(len(items))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(rows, danger):
        vectoriser, model = fit([rows[i] for i in train], danger[train])
        held[test] = model.predict_proba(vectoriser.transform([rows[i] for i in test]))[:, 1]
    best = (-1.0, 0.99, 0.99)
    for doubt in np.arange(0.30, 0.96, 0.05):  # doubtful: the model must really agree
        for alone in np.arange(0.50, 0.99, 0.01):
            raised = sure | (doubtful & (held > doubt)) | (signals & (held > alone))
            if raised[harmless].mean() <= args.max_false_alarms:
                if raised[danger].mean() > best[0]:
                    best = (float(raised[danger].mean()), float(doubt), float(alone))
                break
    _, doubt, alone = best
    raised = sure | (doubtful & (held > doubt)) | (signals & (held > alone))
    vectoriser, model = fit(rows, danger)
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
        f"cross-validated: recall {raised[danger].mean():.1%}, "
        f"false alarms {raised[harmless].mean():.1%}"
    )


if __name__ == "__main__":
    main()
