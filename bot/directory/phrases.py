"""Keyword phrases found in a query, word order free and typos tolerated: the way the
search recognises a topic ("santé mentale", "VSS") or who the person is ("IDE")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.words import stems, typo_budget


@dataclass(frozen=True, slots=True)
class Found:
    """Keys recognised with their strength, the terms that said so, and those that were
    part of a phrase of several words."""

    strength: dict[str, float] = field(default_factory=dict)
    consumed: set[str] = field(default_factory=set)
    phrased: set[str] = field(default_factory=set)


class PhraseBook:
    """Phrases (as stems) that each stand for a key."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self.phrases = [(key, tuple(stems(text))) for key, text in entries]
        self.phrases = [(key, phrase) for key, phrase in self.phrases if phrase]
        self.tokens = sorted({t for _, phrase in self.phrases for t in phrase})
        self._near: dict[str, frozenset[str]] = {}

    def near(self, term: str) -> frozenset[str]:
        """Phrase tokens equal to `term` or a typo or two away from it."""
        cached = self._near.get(term)
        if cached is None:
            found = process.extract(
                term,
                self.tokens,
                scorer=OSA.distance,
                score_cutoff=typo_budget(len(term)),
                limit=None,
            )
            cached = frozenset(t for t, d, _ in found if d == 0 or min(len(t), len(term)) >= 4)
            if len(self._near) < 10_000:
                self._near[term] = cached
        return cached

    def find(self, terms: list[str]) -> Found:
        """The keys whose every phrase word is among `terms`."""
        near = {term: self.near(term) for term in terms}
        found = Found()
        for key, phrase in self.phrases:
            used = [next((t for t in terms if p in near[t]), None) for p in phrase]
            if None in used:
                continue
            strength = 1.0 + 0.5 * (len(phrase) - 1)
            found.strength[key] = max(found.strength.get(key, 0.0), strength)
            words = {u for u in used if u is not None}
            found.consumed.update(words)
            if len(phrase) > 1:
                found.phrased.update(words)
        return found
