"""The learned half of the reader: a linear model over lemma keys and concepts.

Patterns are precise but people find more ways to say things than anyone can list.
A logistic regression over the same labels the patterns see (each word's key, the
concepts it belongs to, and pairs of neighbouring concepts) generalises to wordings
that share their meaning. Its weights are trained from the tuning corpus by
`bench/train_safety.py` (scikit-learn) and shipped as JSON; reading them back is a
sum, so the reader stays free of heavy dependencies at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.safety.chat import BOUNDARY

WEIGHTS = Path(__file__).with_name("model.json")


def features(labelled: Sequence[frozenset[str]]) -> set[str]:
    """What the model looks at: keys and concepts, and pairs of neighbouring concepts."""
    found: set[str] = set()
    previous: list[str] = []
    for labels in labelled:
        if BOUNDARY in labels:
            previous = []
            continue
        named = [x for x in labels if not x.startswith("=")]
        found.update(named)
        current = [x for x in named if x.startswith("@")] or [
            x for x in named if not x.startswith(("@", "#"))
        ][:1]
        found.update(f"{a}_{b}" for a in previous for b in current)
        previous = current
    return found


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # the model alone: danger above this
    doubt: float  # a doubtful pattern match: danger when the model is above this

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = dict(data["weights"])
        return cls(float(data["bias"]), weights, float(data["threshold"]), float(data["doubt"]))

    def probability(self, found: set[str]) -> float:
        """How likely the model finds it that the message expresses danger."""
        score = self.bias + sum(self.weights.get(f, 0.0) for f in found)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
