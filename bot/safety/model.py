"""The learned half of the reader: a linear model over lemma keys and concepts.

Patterns are precise but people find more ways to say things than anyone can list.
A logistic regression over the same labels the patterns see (each word's key, the
concepts it belongs to, pairs of concepts close together, what a negation covers, and
what kind of message it is: a story, a joke, a question, a listener asking) generalises to wordings
that share their meaning. Its weights are trained from the tuning corpus by
`bench/train_safety.py` (scikit-learn) and shipped as JSON; reading them back is a
sum, so the reader stays free of heavy dependencies at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.safety.chat import BOUNDARY, CLAUSE
from bot.safety.negation import DENYING

# Words that deny what follows them (as typed), and how many words they cover.
_NEGATORS = frozenset("=" + word for word in DENYING)
_REACH = 4

WEIGHTS = Path(__file__).with_name("model.json")


def features(labelled: Sequence[frozenset[str]], flags: Iterable[str] = ()) -> set[str]:
    """What the model looks at: keys and concepts, pairs of neighbouring concepts,
    concepts within a negation's reach, and what the message is (a story, a question)."""
    found = set(flags)
    previous: list[str] = []
    recent: list[str] = []  # concepts of the last words of this sentence, for skip pairs
    denied = 0  # how many more words a negation covers
    for labels in labelled:
        if BOUNDARY in labels:
            previous, recent, denied = [], [], 0
            continue
        if CLAUSE in labels:
            denied = 0  # a negation stops at a comma or a "but"
        named = sorted(x for x in labels if not x.startswith(("=", CLAUSE)))  # one order
        found.update(named)
        concepts = [x for x in named if x.startswith("@")]
        current = concepts or [x for x in named if not x.startswith(("@", "#"))][:1]
        found.update(f"{a}_{b}" for a in previous for b in current)
        found.update(f"{a}.{b}" for a in recent for b in concepts if a != b)
        if denied:
            found.update("~" + x for x in current)
            denied -= 1
        if not _NEGATORS.isdisjoint(labels):
            denied = _REACH
        previous = current
        recent = (recent + concepts)[-4:]
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
