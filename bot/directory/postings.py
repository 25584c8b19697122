"""An inverted index of stems over the resources' names, audiences and descriptions,
with typo tolerance, so that a query over thousands of resources stays fast."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.model import DirectoryFile, Resource
from bot.directory.words import stems, typo_budget

NAME, AUDIENCE, TEXT = 3.0, 2.0, 1.0

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]


@dataclass(frozen=True, slots=True)
class Posting:
    """Resources that contain a token, with the weight of the field it is in."""

    rows: Ints
    weights: Floats
    audience: Ints


class Postings:
    """Token → resources, and the tokens a query word may stand for."""

    def __init__(self, directory: DirectoryFile) -> None:
        self.size = len(directory.resources)
        weights: dict[str, dict[int, float]] = defaultdict(dict)
        audience: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(directory.resources):
            for weight, text in _fields(directory, r):
                for token in stems(text):
                    weights[token][i] = max(weights[token].get(i, 0.0), weight)
                    if weight == AUDIENCE:
                        audience[token].add(i)
        self.postings = {
            token: Posting(
                np.fromiter(rows, np.intp),
                np.fromiter(rows.values(), np.float64),
                np.fromiter(sorted(audience.get(token, ())), np.intp),
            )
            for token, rows in weights.items()
        }
        self.vocabulary = list(self.postings)
        self._expansions: dict[str, list[tuple[str, float]]] = {}

    def score(
        self, terms: list[str], consumed: set[str], phrased: set[str], exact: set[str]
    ) -> Floats:
        """How much each resource's text speaks of the terms (unknown words add nothing).

        Terms that a topic phrase consumed only count where they name an audience
        ("directrice d'ehpad"); terms inside a phrase of several words not at all.
        Terms in `exact` (real words) are not read as typos of other words.
        """
        scores = np.zeros(self.size)
        for term in terms:
            if term in phrased:
                continue
            for token, closeness in self.expand(term, term not in exact):
                posting = self.postings[token]
                if term not in consumed:
                    scores[posting.rows] += posting.weights * closeness
                else:
                    scores[posting.audience] += AUDIENCE * closeness * 0.5
        return scores

    def expand(self, term: str, typos: bool = True) -> list[tuple[str, float]]:
        """Vocabulary tokens close to `term`: exact, one or two typos away (with `typos`),
        or extending it."""
        if not typos:
            return [(t, c) for t, c in self.expand(term) if c != 0.7]
        cached = self._expansions.get(term)
        if cached is not None:
            return cached
        out: list[tuple[str, float]] = []
        for token, distance, _ in process.extract(
            term,
            self.vocabulary,
            scorer=OSA.distance,
            score_cutoff=typo_budget(len(term)),
            limit=None,
        ):
            if distance == 0:
                out.append((token, 1.0))
            elif min(len(token), len(term)) >= 4:
                out.append((token, 0.7))
        if len(term) >= 5:
            out += [(t, 0.6) for t in self.vocabulary if t != term and t.startswith(term)]
        if len(self._expansions) < 10_000:
            self._expansions[term] = out
        return out


def _fields(directory: DirectoryFile, r: Resource) -> tuple[tuple[float, str], ...]:
    audiences = [r.audience_text or "", *(directory.audiences.get(a, "") for a in r.audience)]
    return (
        (NAME, f"{r.name} {r.organization or ''}"),
        (AUDIENCE, " ".join(audiences)),
        (TEXT, " ".join([r.description, *r.topics])),
    )
