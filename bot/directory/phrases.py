"""Keyword phrases found in a query, word order free and typos tolerated: the way the
search recognises a topic ("santé mentale", "VSS") or who the person is ("IDE")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.words import (
    STOPWORDS,
    english_stems,
    known,
    plain,
    stem,
    stems,
    typo_budget,
)
from bot.text import fold

ACRONYM = "#"  # marks a token that must be matched as written
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")


@dataclass(frozen=True, slots=True)
class Found:
    """Keys recognised with their strength, the terms that said so, and those that were
    part of a phrase of several words."""

    strength: dict[str, float] = field(default_factory=dict)
    consumed: set[str] = field(default_factory=set)
    phrased: set[str] = field(default_factory=set)
    # per key, the terms of its longest phrase found ("infirmière libérale" for IDEL)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    # per key, the terms found alone as one-word phrases
    alone: dict[str, set[str]] = field(default_factory=dict)

    def only_inside(self, keys: Iterable[str]) -> set[str]:
        """The `keys` said only by single words that lie inside a longer phrase of
        another key: "coup de blues" is no blow ("coups")."""
        keys = set(keys)
        phrased = [mine for k, mine in self.words.items() if k not in keys and len(mine) > 1]
        inside = {w for mine in phrased for w in mine}
        return {
            key
            for key in keys & self.strength.keys()
            if len(self.words[key]) == 1 and self.alone.get(key, set()) <= inside
        }

    def narrowest(self) -> set[str]:
        """The keys no other key's phrase contains: "infirmière libérale" says IDEL, not
        also every nurse; "aide-soignante" says nothing more of a mere "soignante"."""
        return {
            key
            for key, mine in self.words.items()
            if not any(mine < other for k, other in self.words.items() if k != key)
        }


class PhraseBook:
    """Phrases (as stems) that each stand for a key.

    An acronym written in capitals in the data (`IDE`, `TS`, `CHU`) only matches that
    very word, never a stem or a typo: `idées` is not `IDE`. With `strict`, only long
    words may carry a typo (professions: `urgence` is not `urgentiste`).
    """

    def __init__(self, entries: Iterable[tuple[str, str]], strict: bool = False) -> None:
        entries = list(entries)
        self.phrases = [(key, _tokens(text)) for key, text in entries]
        self.phrases += [  # the English reading of words that are French too ("rape")
            (key, english)
            for key, text in entries
            if not _ACRONYM.fullmatch(text)
            and (english := tuple(english_stems(text))) != _tokens(text)
        ]
        self.phrases = [(key, phrase) for key, phrase in self.phrases if phrase]
        self.tokens = sorted({t for _, phrase in self.phrases for t in phrase})
        self.strict = strict
        self._token_set = frozenset(self.tokens)
        self._near: dict[str, frozenset[str]] = {}
        # the words of the phrases as written, for a word misspelt before its stem is
        # taken ("soigant" is "soignant", though the stems "soig" and "soign" are too
        # short to carry a typo)
        self._spelled = {w: stem(w) for _, text in entries for w in _words(text)}
        self._respelt: dict[str, str] = {}

    def near(self, term: str, typos: bool = True) -> frozenset[str]:
        """Phrase tokens equal to `term` or (with `typos`) a typo or two away from it."""
        if not typos or term.startswith(ACRONYM):  # an acronym only as written
            return frozenset((term,)) & self._token_set
        cached = self._near.get(term)
        if cached is None:
            budget = typo_budget(len(term))
            if self.strict:
                budget = 1 if len(term) >= 8 else 0
            found = process.extract(
                term, self.tokens, scorer=OSA.distance, score_cutoff=budget, limit=None
            )
            cached = frozenset(t for t, d, _ in found if d == 0 or min(len(t), len(term)) >= 4)
            if len(self._near) < 10_000:
                self._near[term] = cached
        return cached

    def find(self, words: Iterable[str], accented: frozenset[str] = frozenset()) -> Found:
        """The keys whose every phrase word is among the query's `words` (unstemmed);
        a word typed with an accent (`idé noir`) is never an acronym (`IDE`)."""
        words = list(words)
        exact = {stem(w) for w in words if known(w)}
        terms = [self._stem(w) for w in words] + [ACRONYM + w for w in words if w not in accented]
        near = {term: self.near(term, term not in exact) for term in terms}
        found = Found()
        for key, phrase in self.phrases:
            used = [next((t for t in terms if p in near[t]), None) for p in phrase]
            if None in used:
                continue
            strength = 1.0 + 0.5 * (len(phrase) - 1)
            found.strength[key] = max(found.strength.get(key, 0.0), strength)
            words = {u for u in used if u is not None}
            if len(words) > len(found.words.get(key, ())):
                found.words[key] = frozenset(words)
            found.consumed.update(words)
            if len(phrase) > 1:
                found.phrased.update(words)
            else:
                found.alone.setdefault(key, set()).update(words)
        return found

    def _stem(self, word: str) -> str:
        """The stem of `word`, or of the phrase word it misspells by one letter when its
        own stem matches nothing and it is no word of the language."""
        own = stem(word)
        if len(word) < _SPELT or known(word) or self.near(own):
            return own
        cached = self._respelt.get(word)
        if cached is None:
            found = process.extract(word, self._spelled.keys(), scorer=OSA.distance, score_cutoff=1)
            meant = {self._spelled[w] for w, _, _ in found}
            cached = meant.pop() if len(meant) == 1 else own
            if len(self._respelt) < 10_000:
                self._respelt[word] = cached
        return cached

    def senses(self, word: str) -> set[str]:
        """The keys with a phrase of several words that `word` is part of: the kinds
        of harassment (sexual, at home, at work) that "harcèlement" alone may mean."""
        near = self.near(stem(word), not known(word))
        return {key for key, phrase in self.phrases if len(phrase) > 1 and near & set(phrase)}


def acronyms(raw: str, terms: tuple[str, ...], books: Iterable[PhraseBook]) -> tuple[str, ...]:
    """Acronyms the books know that are also little words, written in capitals in a
    query that is not all capitals: `AS` (aide-soignant·e) is not `as` (you have)."""
    if not any(c.islower() for c in raw):
        return ()
    known_ = {t for book in books for t in book.tokens}
    found = (fold(w) for w in _CAPITALS.findall(raw))
    return tuple(
        dict.fromkeys(
            w for w in found if w in STOPWORDS and w not in terms and ACRONYM + w in known_
        )
    )


_SPELT = 6  # a word this long, misspelt by one letter, still says the phrase word


def _words(text: str) -> list[str]:
    return [w for w in plain(text).split() if len(w) >= _SPELT and w not in STOPWORDS]


def _tokens(text: str) -> tuple[str, ...]:
    if _ACRONYM.fullmatch(text):
        return (ACRONYM + fold(text),)
    return tuple(stems(text))
