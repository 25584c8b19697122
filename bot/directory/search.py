"""Directory search: an inverted index of stems with typo tolerance, category
inference from keywords, filters as boolean vectors, and the fitting emergency
numbers first when the safety reader finds danger."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.filters import Filters
from bot.directory.hours import Weekly, quarter_of, weekly
from bot.directory.model import DirectoryFile, Resource
from bot.directory.query import Query, understand
from bot.directory.words import stem, stems, typo_budget
from bot.safety import Situation

NAME, AUDIENCE, TEXT = 3.0, 2.0, 1.0
CATEGORY_POSITION = (3.0, 2.6, 2.3, 2.0)
OPEN_FIRST = 1000.0
# Lines for one profession come after the lines open to every agent, unless the query
# names the profession; their order among themselves is kept.
SECTOR_LAST = 4.0
SECTOR_CATEGORY = "soignants"

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.intp]


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
        self.filters = Filters(self.resources, self.hours)
        self.emergencies = {
            Situation.SELF: directory.emergency_first,
            Situation.OTHER: directory.emergency_first,
            Situation.VIOLENCE: directory.emergency_first_violence or directory.emergency_first,
        }
        self._expansions: dict[str, list[tuple[str, float]]] = {}
        self._close_phrase_tokens: dict[str, frozenset[str]] = {}

    def _postings(self) -> dict[str, _Postings]:
        weights: dict[str, dict[int, float]] = defaultdict(dict)
        audience: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(self.resources):
            for weight, text in _fields(self.directory, r):
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
        moment = query.when.moment(now)
        quarter = quarter_of(moment) if moment else None
        allowed = self.filters.allowed(query, quarter)
        scores, matched, sector = self._relevance(query)
        if not matched and query.terms and not (query.flags or query.departements):
            ranked: list[int] = []  # words we do not know, and nothing else: say so
        else:
            if matched:
                allowed &= scores > 0
            total = scores + self.quality
            if not sector:
                total -= SECTOR_LAST * self.filters.specific
            if quarter is not None:  # known open before unknown hours
                total += OPEN_FIRST * self.filters.open_at(quarter)
            ranked = _top(np.where(allowed, total, -np.inf), allowed, limit)
        if query.situation is not None:
            first = [self.by_id[e] for e in self.emergencies[query.situation] if e in self.by_id]
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

    def _relevance(self, query: Query) -> tuple[Floats, bool, bool]:
        """Scores of the resources the query speaks of; unknown words are ignored."""
        scores = np.zeros(self.size)
        terms = [stem(t) for t in query.terms]
        categories, consumed, phrased = self._categories(terms)
        sector = SECTOR_CATEGORY in categories
        for term in terms:
            if term in phrased:
                continue  # part of a phrase like "santé mentale": the category says it all
            for token, closeness in self._expand(term):
                posting = self.postings[token]
                sector = sector or bool(self.filters.specific[posting.audience].any())
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
        return scores, matched, sector

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
    score += 0.2 if "tout-public" in r.audience else 0.0
    score += 0.2 if "ecoute-generale" in r.categories else 0.0
    score -= 0.5 if "urgence" in r.categories else 0.0
    return score


def _fields(directory: DirectoryFile, r: Resource) -> tuple[tuple[float, str], ...]:
    audiences = " ".join(
        [r.audience_text or "", *(directory.audiences.get(a, "") for a in r.audience)]
    )
    return (
        (NAME, f"{r.name} {r.organization or ''}"),
        (AUDIENCE, audiences),
        (TEXT, " ".join([r.description, *r.topics])),
    )
