"""Find patterns in a message: slots in order, with bounded gaps, inside one sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.safety import lemmas
from bot.safety.chat import BOUNDARY, CLAUSE
from bot.text import fold

_GAPS = {"..": 8, "+": 0}
_DEFAULT_GAP = 3
_MANY = 6


@dataclass(frozen=True, slots=True)
class Slot:
    labels: frozenset[str]  # `@CONCEPT` names and word keys
    negative: bool = False  # `!@LIFE`: any word that is not one of these


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    slots: tuple[Slot, ...]
    gaps: tuple[int, ...]  # gaps[i] is the most words allowed before slots[i + 1]

    @property
    def single(self) -> bool:
        """A pattern of one slot (or marked `~`) names a topic; it says less than a sentence."""
        return len(self.slots) == 1 or self.source.startswith("~")

    @property
    def doubtful(self) -> bool:
        """A pattern marked `?` is only suggestive: the model must agree."""
        return self.source.startswith("?")

    @property
    def negated_inside(self) -> bool:
        return any(not _NEGATING.isdisjoint(slot.labels) for slot in self.slots)


# A slot that says the negation itself ("je serai plus là"): a negation before it is its own
_NEGATING = frozenset("@NEG =plus =pas =jamais =rien =not =no =never =aucun =aucune".split())


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    positions: tuple[int, ...]

    @property
    def start(self) -> int:
        return self.positions[0]

    @property
    def end(self) -> int:
        return self.positions[-1]


def compile_pattern(source: str) -> Pattern:
    """Parse the small pattern language described in `patterns.py`."""
    slots: list[Slot] = []
    gaps: list[int] = []
    gap = _DEFAULT_GAP
    for part in source.lstrip("~?").split():
        if part in _GAPS:
            gap = _GAPS[part]
            continue
        negative = part.startswith("!")
        labels = frozenset(_label(alt) for alt in part.lstrip("!").split("|"))
        if slots:
            gaps.append(gap)
        slots.append(Slot(labels, negative))
        gap = _DEFAULT_GAP
    return Pattern(source, tuple(slots), tuple(gaps))


def _label(alternative: str) -> str:
    if alternative.startswith(("@", "#")):
        return alternative
    if alternative.startswith("="):
        return "=" + fold(alternative[1:])
    return lemmas.key(alternative.lower())


def as_typed(words: str) -> frozenset[str]:
    """Labels of words as typed (accents folded): `as_typed("hommage deuil")` is
    {"=hommage", "=deuil"}, which only those very words carry."""
    return frozenset("=" + fold(word) for word in words.split())


def label_tokens(
    tokens: Sequence[str], concepts: dict[str, frozenset[str]]
) -> list[frozenset[str]]:
    """Each token's labels: its key, every concept its key belongs to, `#num` for digits
    (`#many` from six),
    and `CLAUSE` on the first word of a clause (the marker itself takes no position)."""
    labelled: list[frozenset[str]] = []
    clause = False
    for token in tokens:
        if token == CLAUSE:
            clause = True
            continue
        if token == BOUNDARY:
            labelled.append(frozenset({BOUNDARY}))
            clause = False
            continue
        key = lemmas.key(token)
        surface = "=" + fold(token)
        labels = {key, surface, *concepts.get(key, ()), *concepts.get(surface, ())}
        labels -= concepts.get("!" + surface, frozenset())  # "armées" is no weapon
        if token.isdigit():
            labels.add("#num")
            if len(token) < 5 and int(token) >= _MANY:
                labels.add("#many")  # "20 cachets": more than any prescription
        if clause:
            labels.add(CLAUSE)
            clause = False
        labelled.append(frozenset(labels))
    return labelled


def index(labelled: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    where: dict[str, list[int]] = defaultdict(list)
    for position, labels in enumerate(labelled):
        for label in labels:
            where[label].append(position)
    return where


def find(
    pattern: Pattern, labelled: Sequence[frozenset[str]], where: dict[str, list[int]]
) -> Iterable[Match]:
    """Every place where `pattern` matches, leftmost first."""
    if any(slot.labels.isdisjoint(where) for slot in pattern.slots if not slot.negative):
        return  # some word the pattern needs is not in the message
    first = pattern.slots[0]
    if first.negative:  # rare (idioms): every word that is not one of these may start
        starts = [p for p, labels in enumerate(labelled) if not labels & first.labels]
    else:
        starts = sorted({p for label in first.labels for p in where.get(label, ())})
    for start in starts:
        rest = _follow(pattern, 1, start, labelled)
        if rest is not None:
            yield Match(pattern, (start, *rest))


def _follow(
    pattern: Pattern, slot_index: int, previous: int, labelled: Sequence[frozenset[str]]
) -> tuple[int, ...] | None:
    if slot_index == len(pattern.slots):
        return ()
    slot = pattern.slots[slot_index]
    last = min(len(labelled) - 1, previous + 1 + pattern.gaps[slot_index - 1])
    for position in range(previous + 1, last + 1):
        labels = labelled[position]
        if BOUNDARY in labels:
            if slot.negative and slot_index == len(pattern.slots) - 1:
                return (position,)
            return None
        if bool(labels & slot.labels) != slot.negative:
            rest = _follow(pattern, slot_index + 1, position, labelled)
            if rest is not None:
                return (position, *rest)
    return None
