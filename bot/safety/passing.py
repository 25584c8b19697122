"""Danger said in passing: a sentence that turns away from an ordinary request ("le
formulaire svp ? sinon j'ai commencé à donner mes affaires"). Laughing or work words
around it do not make it doubtful."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.safety.matcher import Match
from bot.safety.who import sentence

# Words that turn from an ordinary request to something else: "sinon", "au fait", "btw"
_PIVOT = frozenset("=sinon =autrement =bref =btw =ps =otherwise =anyway =also".split())
_PIVOTS = frozenset(
    {
        ("=au", "=fait"),
        ("=au", "=passage"),
        ("=d", "=ailleurs"),
        ("=a", "=part"),
        ("=à", "=part"),
        ("=a", "=propos"),
        ("=à", "=propos"),
        ("=by", "=the"),
        ("=side", "=note"),
    }
)


def in_passing(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """The sentence of `match` starts by turning away from what came before ("sinon",
    "et sinon", "au fait"), after a first sentence: danger said in passing, inside an
    ordinary message."""
    start = sentence(match, labelled).start
    if start == 0:
        return False
    opening = [labelled[p] for p in range(start, min(start + 3, len(labelled)))]
    if any(not _PIVOT.isdisjoint(labels) for labels in opening[:2]):
        return True
    pairs = itertools.pairwise(opening)
    return any((a, b) in _PIVOTS for x, y in pairs for a in x for b in y)
