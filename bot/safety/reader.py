"""The reader: one message in, its level and situation out. Pure, no I/O."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from bot.safety import chat, context, lemmas
from bot.safety.levels import NOTHING, Category, Level, Reading, Situation
from bot.safety.lexicon import CONCEPTS, SIGNALS
from bot.safety.matcher import Match, compile_pattern, find, index, label_tokens
from bot.safety.model import WEIGHTS, Model, features
from bot.safety.patterns import CONCERN, DANGER
from bot.text import fold


class Reader:
    """Compiled once; `read` is then a handful of dictionary look-ups per word."""

    def __init__(self, *, with_model: bool = True) -> None:
        words = {w.lstrip("=") for text in CONCEPTS.values() for w in text.split()}
        words |= {
            alt.lstrip("=~")
            for source in (*(p for ps in DANGER.values() for p in ps), *CONCERN)
            for part in source.split()
            for alt in part.lstrip("!").split("|")
            if alt[:1] not in ("@", "#", ".", "+")
        }
        lemmas.load(words)
        self.concepts: dict[str, frozenset[str]] = {}
        members: dict[str, set[str]] = {}
        for name, text in CONCEPTS.items():
            for word in text.split():
                label = fold(word) if word.startswith("=") else lemmas.key(word.lower())
                members.setdefault(label, set()).add("@" + name)
        self.concepts = {key: frozenset(names) for key, names in members.items()}
        self.danger = [(c, compile_pattern(p)) for c, ps in DANGER.items() for p in ps]
        self.concern = [compile_pattern(p) for p in CONCERN]
        self.idioms = [compile_pattern(p) for p in context.IDIOMS]
        self.topic = frozenset(lemmas.key(w.lower()) for w in context.TOPIC)
        self.fiction = frozenset(lemmas.key(w.lower()) for w in context.FICTION)
        self.laugh = frozenset(lemmas.key(w) for w in context.LAUGH)
        self.negators = frozenset(lemmas.key(w) for w in context.NEGATORS)
        self.model = Model.load() if with_model and WEIGHTS.exists() else None

    def read(self, text: str) -> Reading:
        tokens = chat.words(text)
        if not tokens:
            return NOTHING
        labelled = label_tokens(tokens, self.concepts)
        where = index(labelled)
        found = [(c, m) for c, p in self.danger for m in find(p, labelled, where)]
        if found:
            kept = self._keep(text, labelled, where, found)
            if kept:
                return Reading(Level.DANGER, _situation(kept, labelled), frozenset(kept))
        model = self.model
        signals = len(tokens) > 3 or not SIGNALS.isdisjoint(where)
        if signals and model and model.probability(features(labelled)) > model.threshold:
            return Reading(Level.DANGER, _situation_of_words(where))
        if any(next(iter(find(p, labelled, where)), None) for p in self.concern):
            return Reading(Level.CONCERN, Situation.SELF, frozenset({Category.DISTRESS}))
        return NOTHING

    def _keep(
        self,
        text: str,
        labelled: Sequence[frozenset[str]],
        where: dict[str, list[int]],
        found: list[tuple[Category, Match]],
    ) -> dict[Category, list[Match]]:
        """The matches that survive idioms, negations, topics and jokes, by category."""
        in_idiom = {i for p in self.idioms for m in find(p, labelled, where) for i in m.positions}
        keys = set(where)
        joking = bool(keys & self.laugh) or any(c in context.LAUGH_EMOJI for c in text)
        topical = bool(keys & self.topic)
        fiction = bool(keys & self.fiction)
        kept: dict[Category, list[Match]] = {}
        for category, match in found:
            if in_idiom.intersection(match.positions):
                continue
            if self._negated(match, labelled):
                continue
            lone = match.pattern.single and (topical or joking or fiction)
            if lone and not _first_person(match, labelled):
                continue
            mine = any("@ME" in labelled[p] for p in match.positions)
            if fiction and not mine and not _first_person(match, labelled):
                continue
            kept.setdefault(category, []).append(match)
        return kept

    def _negated(self, match: Match, labelled: Sequence[frozenset[str]]) -> bool:
        if match.pattern.negated_inside:
            return False
        first = max(0, match.start - context.NEGATION_REACH)
        span = [p for p in range(first, match.end + 1) if p not in match.positions]
        for position in span:
            labels = labelled[position]
            if chat.BOUNDARY in labels and position < match.start:
                first = position
        return any(labelled[p] & self.negators for p in span if p > first or first == 0)


def _situation(kept: dict[Category, list[Match]], labelled: Sequence[frozenset[str]]) -> Situation:
    if Category.VIOLENCE in kept:
        return Situation.VIOLENCE
    matches = [m for ms in kept.values() for m in ms]
    if all(_about_someone_else(m, labelled) for m in matches):
        return Situation.OTHER
    return Situation.SELF


def _situation_of_words(where: dict[str, list[int]]) -> Situation:
    """The situation when only the model spoke: violence words, or someone else named."""
    if any(c in where for c in ("@BEAT", "@THREATEN", "@WEAPON", "@VIOLENT", "@LOCKED")):
        return Situation.VIOLENCE
    if "@ME" not in where and ("@OTHER" in where or "@SE" in where):
        return Situation.OTHER
    return Situation.SELF


def _first_person(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when the writer speaks of themself right before `match` (`ma tentative`)."""
    for position in range(match.start - 1, max(-1, match.start - 5), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels or "@OTHER" in labels:
            return False
        if "@ME" in labels:
            return True
    return False


def _about_someone_else(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when the person at risk in `match` is not the writer."""
    if any("@SE" in labelled[p] for p in match.positions):
        return True
    if any("@ME" in labelled[p] for p in match.positions):
        return False
    for position in range(match.start - 1, max(-1, match.start - 10), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels:
            break
        if "@ME" in labels and "@OTHER" not in labels:
            return False
        if "@OTHER" in labels or "@HE" in labels:
            return True
    return False


_reader: Reader | None = None
_lock = threading.Lock()


def reader() -> Reader:
    """The shared reader, built on first use (about half a second)."""
    global _reader
    with _lock:
        if _reader is None:
            _reader = Reader()
        return _reader


def read(text: str) -> Reading:
    """What `text` says about the writer's safety, or someone else's."""
    return reader().read(text)
