"""Directory search: an inverted index of stems with typo tolerance, category
inference from keywords and synonyms, and filters kept as bitmasks so that a
query over thousands of resources stays well under a millisecond or two."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.hours import Weekly, quarter_of, weekly
from bot.directory.model import DirectoryFile, Resource
from bot.directory.query import STOPWORDS, Query, understand
from bot.text import normalize

NAME, AUDIENCE, TEXT = 3.0, 2.0, 1.0
CATEGORY_POSITION = (3.0, 2.6, 2.3, 2.0)
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


@dataclass(frozen=True, slots=True)
class Hit:
    resource: Resource
    score: float
    open_now: bool | None


class Index:
    """Everything precomputed from one directory file."""

    def __init__(self, directory: DirectoryFile) -> None:
        self.directory = directory
        self.resources = directory.resources
        self.by_id = {r.id: i for i, r in enumerate(self.resources)}
        self.hours = [_hours_of(r) for r in self.resources]
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.audiences: dict[str, set[int]] = defaultdict(set)
        for i, r in enumerate(self.resources):
            self._post(i, r)
        self.vocabulary = list(self.postings)
        self.phrases = self._phrases(directory)
        self.members: dict[str, dict[int, float]] = defaultdict(dict)
        for i, r in enumerate(self.resources):
            for position, category in enumerate(r.categories):
                weight = CATEGORY_POSITION[min(position, len(CATEGORY_POSITION) - 1)]
                self.members[category][i] = weight
        self.quality = [_quality(r) for r in self.resources]
        self.static_order = sorted(range(len(self.resources)), key=lambda i: -self.quality[i])
        self.numbers = {p.dial: i for i, r in enumerate(self.resources) for p in r.phones}
        self.masks = _Masks(self.resources, self.hours)

    def _post(self, i: int, r: Resource) -> None:
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
                if weight == AUDIENCE:
                    self.audiences[token].add(i)
                if self.postings[token].get(i, 0.0) < weight:
                    self.postings[token][i] = weight

    @staticmethod
    def _phrases(directory: DirectoryFile) -> list[tuple[str, tuple[str, ...]]]:
        phrases = []
        for cid, category in directory.categories.items():
            for keyword in [*category.keywords, category.label, cid.replace("-", " ")]:
                tokens = tuple(stems(keyword))
                if tokens:
                    phrases.append((cid, tokens))
        return phrases

    def search(self, raw: str, now: datetime, limit: int = 20) -> tuple[Query, list[Hit]]:
        """Resources for `raw` at `now`, best first; danger queries start with emergencies."""
        query = understand(raw)
        moment = query.check_time(now)
        quarter = quarter_of(moment) if moment else None
        allowed = self.masks.allowed(query, quarter)
        scores = self._relevance(query)
        if scores or not query.terms or query.flags or query.departements:
            pool = scores if scores else self.static_order
            ranked = sorted(
                (i for i in pool if allowed >> i & 1),
                key=lambda i: (-scores.get(i, 0.0) - self.quality[i], i),
            )
        else:
            ranked = []
        if quarter is not None:  # known open before unknown hours
            ranked.sort(key=lambda i: self.hours[i].open_at(quarter) is not True)
        if query.danger:
            first = [self.by_id[e] for e in self.directory.emergency_first if e in self.by_id]
            ranked = first + [i for i in ranked if i not in first]
        now_quarter = quarter_of(now)
        hits = [
            Hit(self.resources[i], scores.get(i, 0.0), self._open(i, now_quarter))
            for i in ranked[:limit]
        ]
        return query, hits

    def _open(self, i: int, quarter: int) -> bool | None:
        if self.resources[i].status == "probablement_termine":
            return False
        return self.hours[i].open_at(quarter)

    def _relevance(self, query: Query) -> dict[int, float]:
        """Scores of the resources the terms speak of; terms that match nothing are ignored."""
        scores: dict[int, float] = defaultdict(float)
        terms = [stem(t) for t in query.terms]
        categories, consumed, phrased = self._categories(terms)
        for term in terms:
            if term in phrased:
                continue  # part of a phrase like "santé mentale": the category says it all
            # A term its category already counted only adds audience matches
            # ("directrice d'ehpad" → the line for directors).
            for token, closeness in self._expand(term):
                for i, weight in self.postings[token].items():
                    if term not in consumed:
                        scores[i] += weight * closeness
                    elif i in self.audiences.get(token, ()):
                        scores[i] += AUDIENCE * closeness * 0.5
        for category, strength in categories.items():
            for i, weight in self.members[category].items():
                scores[i] += weight * strength
        for number in query.numbers:
            if number in self.numbers:
                scores[self.numbers[number]] += 10.0
        for dept in query.departements:
            for i in self.masks.local_in(dept):
                scores[i] += 3.0
        return dict(scores)

    def _expand(self, term: str) -> list[tuple[str, float]]:
        return _expand(term, tuple(self.vocabulary))

    def _categories(self, terms: list[str]) -> tuple[dict[str, float], set[str], set[str]]:
        """How strongly the query speaks of each category, the terms that said so, and
        those of them that were part of a phrase of several words."""
        found: dict[str, float] = {}
        consumed: set[str] = set()
        phrased: set[str] = set()
        for category, phrase in self.phrases:
            used = [next((t for t in terms if _close(t, p)), None) for p in phrase]
            if all(u is not None for u in used):
                strength = 1.0 + 0.5 * (len(phrase) - 1)
                found[category] = max(found.get(category, 0.0), strength)
                consumed.update(u for u in used if u is not None)
                if len(phrase) > 1:
                    phrased.update(u for u in used if u is not None)
        return found, consumed, phrased


@lru_cache(maxsize=4096)
def _expand(term: str, vocabulary: tuple[str, ...]) -> list[tuple[str, float]]:
    """Vocabulary tokens close to `term`: exact, prefix, or one or two typos away."""
    out: list[tuple[str, float]] = []
    cutoff = 2 if len(term) >= 8 else 1 if len(term) >= 4 else 0
    for token, distance, _ in process.extract(
        term, vocabulary, scorer=OSA.distance, score_cutoff=cutoff, limit=None
    ):
        if distance == 0:
            out.append((token, 1.0))
        elif min(len(token), len(term)) >= 4:
            out.append((token, 0.7))
    if len(term) >= 5:
        out += [(t, 0.6) for t in vocabulary if t != term and t.startswith(term)]
    return out


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    return OSA.distance(a, b, score_cutoff=2 if min(len(a), len(b)) >= 8 else 1) <= (
        2 if min(len(a), len(b)) >= 8 else 1
    )


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


class _Masks:
    """Filters as integers whose bit i says whether resource i passes."""

    def __init__(self, resources: list[Resource], hours: list[Weekly]) -> None:
        self.everyone = (1 << len(resources)) - 1
        self.channel: dict[str, int] = defaultdict(int)
        self.english = self.not_free = self.not_anonymous = self.always = self.unknown = 0
        self.terminated = self.national = 0
        self.departements: dict[str, int] = defaultdict(int)
        self.open_bits: list[int] = []
        for i, r in enumerate(resources):
            bit = 1 << i
            for channel in r.channels:
                self.channel[channel] |= bit
            if "en" in _languages(r):
                self.english |= bit
            self.not_free |= bit if r.free is False else 0
            self.not_anonymous |= bit if r.anonymous is False else 0
            self.always |= bit if hours[i].always else 0
            self.unknown |= bit if not hours[i].known else 0
            self.terminated |= bit if r.status == "probablement_termine" else 0
            if r.scope.level == "national" and not r.scope.departements:
                self.national |= bit
            for dept in {*r.scope.departements, *(loc.departement for loc in r.locations)}:
                if dept:
                    self.departements[dept.lower()] |= bit
        self._hours = hours

    def open_at(self, quarter: int) -> int:
        bits = 0
        for i, weekly_hours in enumerate(self._hours):
            if weekly_hours.open_at(quarter) is True:
                bits |= 1 << i
        return bits

    def local_in(self, dept: str) -> list[int]:
        mask, i, out = self.departements.get(dept, 0), 0, []
        while mask:
            if mask & 1:
                out.append(i)
            mask >>= 1
            i += 1
        return out

    def allowed(self, q: Query, quarter: int | None) -> int:
        mask = self.everyone & ~self.terminated
        for channel, flag in (("chat", "chat"), ("phone", "phone"), ("email", "email")):
            if flag in q.flags:
                mask &= self.channel.get(channel, 0)
        if "english" in q.flags:
            mask &= self.english
        if "free" in q.flags:
            mask &= ~self.not_free
        if "anonymous" in q.flags:
            mask &= ~self.not_anonymous
        if "always" in q.flags:
            mask &= self.always
        if q.departements:
            local = 0
            for dept in q.departements:
                local |= self.departements.get(dept, 0)
            mask &= self.national | local
        if quarter is not None:
            mask &= self._open_mask(quarter) | self.unknown
        return mask

    def _open_mask(self, quarter: int) -> int:
        while len(self.open_bits) <= quarter:
            self.open_bits.append(-1)
        if self.open_bits[quarter] == -1:
            self.open_bits[quarter] = self.open_at(quarter)
        return self.open_bits[quarter]


def _languages(r: Resource) -> set[str]:
    found = set(r.languages)
    for phone in r.phones:
        found |= set(phone.languages)
    if r.chat is not None:
        found |= set(r.chat.languages)
    return found
