"""The scope of a negation: which matches it denies."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety import chat
from bot.safety.matcher import Match

# Words that deny what follows them (not "plus": "je ne veux plus vivre" is danger).
NEGATORS = frozenset(
    # `=not` as typed: the key of "not" is also the one of "note", "notes", "noté"
    "pas jamais aucun aucune aucunement ni personne nullement zéro zero =not never no nobody "
    "none neither".split()
)
NEGATION_REACH = 6

# What the model marks as denied: the words right after one of these (`~@DIE`).
DENYING = frozenset(
    "pas jamais aucun aucune ni zéro zero not never no nobody none rien nothing".split()
)

# "plus" denies after these ("je n'ai plus d'idées noires"), not after wanting or being.
_HAVE = frozenset({"=ai", "=as", "=a", "=avons", "=avez", "=ont", "=have", "=has"})


def negated(match: Match, labelled: Sequence[frozenset[str]], negators: frozenset[str]) -> bool:
    """True when a negation before `match`, in its clause, denies it (`je ne veux pas
    mourir`), or `ne` before it and `pas` right after (`je ne me scarifie pas`)."""
    if match.pattern.negated_inside:
        return False
    first = max(0, match.start - NEGATION_REACH)
    floor = first + 1 if first else 0  # the earliest position a negation counts from
    for position in range(first, match.start + 1):
        labels = labelled[position]
        if chat.BOUNDARY in labels and position < match.start:
            floor = position + 1
        elif chat.CLAUSE in labels:
            floor = position  # "can't keep my eyes open, took everything": a new clause
    span = [p for p in range(floor, match.end + 1) if p not in match.positions]
    if any(
        # "non, en vrai je veux…" answers; "non suicidaire" denies
        (labelled[p] & negators and ("=non" not in labelled[p] or p == match.start - 1))
        or (p > 0 and "=plus" in labelled[p] and not _HAVE.isdisjoint(labelled[p - 1]))
        for p in span
    ):
        return True
    # "je ne me scarifie pas": `ne` before the match, `pas` right after it
    if not any("=ne" in labelled[p] or "=n" in labelled[p] for p in span if p < match.start):
        return False
    for labels in labelled[match.end + 1 : match.end + 3]:
        if chat.BOUNDARY in labels or chat.CLAUSE in labels:
            return False
        if labels & negators:
            return True
    return False
