"""Directory search: an inverted index of stems with typo tolerance, category
inference from keywords and synonyms, and filters as boolean vectors, so that a
query over thousands of resources stays well under two milliseconds."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.hours import WEEK, Weekly, quarter_of, weekly
from bot.directory.model import DirectoryFile, Resource
from bot.directory.query import STOPWORDS, Query, understand
from bot.text import normalize

NAME, AUDIENCE, TEXT = 3.0, 2.0, 1.0
CATEGORY_POSITION = (3.0, 2.6, 2.3, 2.0)
OPEN_FIRST = 1000.0
_SUFFIXES = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("ieres", "ier"),
    ("iere", "ier"),
    ("ees", "e"),
    ("ee", "e"),
    ("es", "e"),
    ("s", ""),
)

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light French stemmer: plural and feminine endings only."""
    for suffix, replacement in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(text: str | None) -> list[str]:
    return [stem(w) for w in normalize(text or "").split() if w not in STOPWORDS and len(w) > 1]


def typo_budget(length: int) -> int:
    """How many typos a word of this length may carry and still match."""
    return 2 if length >= 8 else 1 if length >= 4 else 0


@dataclass(frozen=True, slots=True)
class Hit:
    resource: Resource
    score: float
    open_now: bool | None


@dataclass(frozen=True, slots=True)
class _Postings:
    """Resources that contain a token, with the weight of the field it is in."""

    rows: Ints
    weights: Floats
    audience: Ints


class Index:
    """Everything precomputed from one directory file."""

    def __init__(self, directory: DirectoryFile) -> None:
        self.directory = directory
        self.resources = directory.resources
        self.size = len(self.resources)
        self.by_id = {r.id: i for i, r in enumerate(self.resources)}
        self.hours = [_hours_of(r) for r in self.resources]
        self.postings = self._postings()
        self.vocabulary = list(self.postings)
        self.phrases = _phrases(directory)
        self.phrase_tokens = sorted({t for _, phrase in self.phrases for t in phrase})
        self.members = self._members()
        self.quality = np.array([_quality(r) for r in self.resources], dtype=np.float64)
        self.numbers = {p.dial: i for i, r in enumerate(self.resources) for p in r.phones}
        self.filters = _Filters(self.resources, self.hours)
        self._expansions: dict[str, list[tuple[str, float]]] = {}
        self._close_phrase_tokens: dict[str, frozenset[str]] = {}

    def _postings(self) -> dict[str, _Postings]:
        weights: dict[str, dict[int, float]] = defaultdict(dict)
        audience: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(self.resources):
            fields = (
                (NAME, f"{r.name} {r.organization or ''}"),
                (
                    AUDIENCE,
                    " ".join(
                        [
                            r.audience_text or "",
                            *(self.directory.audiences.get(a, "") for a in r.audience),
                        ]
                    ),
                ),
                (TEXT, " ".join([r.description, *r.topics])),
            )
            for weight, text in fields:
                for token in stems(text):
                    weights[token][i] = max(weights[token].get(i, 0.0), weight)
                    if weight == AUDIENCE:
                        audience[token].add(i)
        return {
            token: _Postings(
                np.fromiter(rows, np.intp),
                np.fromiter(rows.values(), np.float64),
                np.fromiter(sorted(audience.get(token, ())), np.intp),
            )
            for token, rows in weights.items()
        }

    def _members(self) -> dict[str, Floats]:
        members: dict[str, Floats] = {c: np.zeros(self.size) for c in self.directory.categories}
        for i, r in enumerate(self.resources):
            for position, category in enumerate(r.categories):
                members[category][i] = CATEGORY_POSITION[min(position, len(CATEGORY_POSITION) - 1)]
        return members

    def search(self, raw: str, now: datetime, limit: int = 20) -> tuple[Query, list[Hit]]:
        """Resources for `raw` at `now`, best first; danger queries start with emergencies."""
        query = understand(raw)
        moment = query.check_time(now)
        quarter = quarter_of(moment) if moment else None
        allowed = self.filters.allowed(query, quarter)
        scores, matched = self._relevance(query)
        if not matched and query.terms and not (query.flags or query.departements):
            ranked: list[int] = []  # words we do not know, and nothing else: say so
        else:
            if matched:
                allowed &= scores > 0
            total = scores + self.quality
            if quarter is not None:  # known open before unknown hours
                total += OPEN_FIRST * self.filters.open_at(quarter)
            ranked = _top(np.where(allowed, total, -np.inf), allowed, limit)
        if query.danger:
            first = [self.by_id[e] for e in self.directory.emergency_first if e in self.by_id]
            ranked = (first + [i for i in ranked if i not in first])[:limit]
        now_quarter = quarter_of(now)
        hits = [
            Hit(self.resources[i], float(scores[i]), self._open(i, now_quarter)) for i in ranked
        ]
        return query, hits

    def _open(self, i: int, quarter: int) -> bool | None:
        if self.resources[i].status == "probablement_termine":
            return False
        return self.hours[i].open_at(quarter)

    def _relevance(self, query: Query) -> tuple[Floats, bool]:
        """Scores of the resources the query speaks of; unknown words are ignored."""
        scores = np.zeros(self.size)
        terms = [stem(t) for t in query.terms]
        categories, consumed, phrased = self._categories(terms)
        for term in terms:
            if term in phrased:
                continue  # part of a phrase like "santé mentale": the category says it all
            for token, closeness in self._expand(term):
                posting = self.postings[token]
                if term not in consumed:
                    scores[posting.rows] += posting.weights * closeness
                else:  # its category counted it; keep the audience ("directrice d'ehpad")
                    scores[posting.audience] += AUDIENCE * closeness * 0.5
        for category, strength in categories.items():
            scores += self.members[category] * strength
        for number in query.numbers:
            if number in self.numbers:
                scores[self.numbers[number]] += 10.0
        for dept in query.departements:
            scores += 3.0 * self.filters.local(dept)
        matched = bool(categories) or bool(scores.any())
        return scores, matched

    def _expand(self, term: str) -> list[tuple[str, float]]:
        """Vocabulary tokens close to `term`: exact, one or two typos away, or extending it."""
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

    def _near_phrase_tokens(self, term: str) -> frozenset[str]:
        cached = self._close_phrase_tokens.get(term)
        if cached is None:
            found = process.extract(
                term,
                self.phrase_tokens,
                scorer=OSA.distance,
                score_cutoff=typo_budget(len(term)),
                limit=None,
            )
            cached = frozenset(t for t, d, _ in found if d == 0 or min(len(t), len(term)) >= 4)
            if len(self._close_phrase_tokens) < 10_000:
                self._close_phrase_tokens[term] = cached
        return cached

    def _categories(self, terms: list[str]) -> tuple[dict[str, float], set[str], set[str]]:
        """How strongly the query speaks of each category, the terms that said so, and
        those of them that were part of a phrase of several words."""
        near = {term: self._near_phrase_tokens(term) for term in terms}
        found: dict[str, float] = {}
        consumed: set[str] = set()
        phrased: set[str] = set()
        for category, phrase in self.phrases:
            used = [next((t for t in terms if p in near[t]), None) for p in phrase]
            if None in used:
                continue
            found[category] = max(found.get(category, 0.0), 1.0 + 0.5 * (len(phrase) - 1))
            words = {u for u in used if u is not None}
            consumed |= words
            if len(phrase) > 1:
                phrased |= words
        return found, consumed, phrased


def _top(total: Floats, allowed: Bools, limit: int) -> list[int]:
    """Indices of the best `limit` allowed scores; ties keep directory order."""
    candidates = np.flatnonzero(allowed)
    if candidates.size > limit:
        part = np.argpartition(-total[candidates], limit - 1)[:limit]
        candidates = candidates[part]
    order = np.lexsort((candidates, -total[candidates]))
    return [int(i) for i in candidates[order]]


def _phrases(directory: DirectoryFile) -> list[tuple[str, tuple[str, ...]]]:
    phrases = []
    for cid, category in directory.categories.items():
        for keyword in [*category.keywords, category.label, cid.replace("-", " ")]:
            tokens = tuple(stems(keyword))
            if tokens:
                phrases.append((cid, tokens))
    return phrases


def _hours_of(r: Resource) -> Weekly:
    combined = weekly(r.hours)
    for phone in r.phones:
        combined = combined | weekly(phone.hours)
    if r.chat is not None:
        combined = combined | weekly(r.chat.hours)
    return combined


def _quality(r: Resource) -> float:
    """Small tie-breakers: current, reachable by phone, open to everyone."""
    score = {"actif": 0.6, "a_verifier": 0.0, "probablement_termine": -5.0}[r.status]
    score -= 0.4 if r.context else 0.0
    score += 0.3 if r.phones else 0.0
    score += 0.2 if {"tout-public", "soignants"} & set(r.audience) else 0.0
    score += 0.2 if "ecoute-generale" in r.categories else 0.0
    score -= 0.5 if "urgence" in r.categories else 0.0
    return score


class _Filters:
    """Filters as boolean vectors over the resources."""

    def __init__(self, resources: list[Resource], hours: list[Weekly]) -> None:
        def vector(test: list[bool]) -> Bools:
            return np.array(test, dtype=np.bool_)

        self.size = len(resources)
        self.channel = {
            c: vector([c in r.channels for r in resources]) for c in ("chat", "phone", "email")
        }
        self.english = vector(["en" in _languages(r) for r in resources])
        self.not_free = vector([r.free is False for r in resources])
        self.not_anonymous = vector([r.anonymous is False for r in resources])
        self.always = vector([h.always for h in hours])
        self.unknown = vector([not h.known for h in hours])
        self.terminated = vector([r.status == "probablement_termine" for r in resources])
        self.national = vector(
            [r.scope.level == "national" and not r.scope.departements for r in resources]
        )
        places: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(resources):
            for dept in {*r.scope.departements, *(loc.departement for loc in r.locations)}:
                if dept:
                    places[dept.lower()].append(i)
        self.places = {d: self._rows(rows) for d, rows in places.items()}
        bits = [h.bits if h.known and not h.always else 0 for h in hours]
        self._bits, self._always_open = bits, self.always
        self._open: dict[int, Bools] = {}

    def _rows(self, rows: list[int]) -> Bools:
        out = np.zeros(self.size, dtype=np.bool_)
        out[rows] = True
        return out

    def local(self, dept: str) -> Bools:
        return self.places.get(dept, np.zeros(self.size, dtype=np.bool_))

    def open_at(self, quarter: int) -> Bools:
        """Resources known to be open at this quarter hour of the week."""
        cached = self._open.get(quarter)
        if cached is None:
            cached = np.array([b >> quarter & 1 for b in self._bits], dtype=np.bool_)
            cached |= self._always_open
            if len(self._open) < WEEK:
                self._open[quarter] = cached
        return cached

    def allowed(self, q: Query, quarter: int | None) -> Bools:
        mask = ~self.terminated
        for channel in ("chat", "phone", "email"):
            if channel in q.flags:
                mask &= self.channel[channel]
        if "english" in q.flags:
            mask &= self.english
        if "free" in q.flags:
            mask &= ~self.not_free
        if "anonymous" in q.flags:
            mask &= ~self.not_anonymous
        if "always" in q.flags:
            mask &= self.always
        if q.departements:
            local = np.zeros(self.size, dtype=np.bool_)
            for dept in q.departements:
                local |= self.local(dept)
            mask &= self.national | local
        if quarter is not None:
            mask &= self.open_at(quarter) | self.unknown
        return mask


def _languages(r: Resource) -> set[str]:
    found = set(r.languages)
    for phone in r.phones:
        found |= set(phone.languages)
    if r.chat is not None:
        found |= set(r.chat.languages)
    return found
