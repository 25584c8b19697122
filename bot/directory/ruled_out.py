"""Lines a person rules out by name: "pas SOS Amitié", "autre que le 3114", "j'ai déjà
appelé SOS Amitié, t'as autre chose ?". The search leaves them out of its answer."""

from __future__ import annotations

import re

import numpy as np

from bot.directory.names import Names
from bot.directory.ranking import Bools
from bot.directory.words import STOPWORDS, plain, stem

_CLAUSE = re.compile(r"[,.;:!?()\n]| mais | but ", re.IGNORECASE)
# "sauf SOS Amitié": the line is ruled out wherever in the clause its name stands
_BESIDES = re.compile(
    r" (?:sauf|autres? que|a part|hormis|en dehors d[eu]|excepte|plutot que|au lieu d[eu]"
    r"|other than|except|besides|apart from|instead of|rather than) "
)
# "pas SOS Amitié", "not the 3114": only when the name comes right after
_DENIED = re.compile(r" (?:pas|plus|jamais|not|no|never) ")
_TRIED = re.compile(
    r" (?:deja|already) (?:appele|appelee|essaye|essayee|contacte|contactee|teste|testee"
    r"|called|tried|rang|phoned|contacted) "
)
# "je trouve pas de psy", "y a plus de psy", "can't find a therapist": what the person
# lacks, not a line ruled out
LACKED = frozenset("trouve trouver ai a connais vois existe find found get".split())
_ELSE = re.compile(r" (?:autres?|else|another|other|different) ")
_SKIP = frozenset(
    "appeler appelle appele rappeler contacter joindre passer par call ring phone contact try "
    "le la l les a au aux du de d the un une".split()
)
# "j'ai pas le numéro de SOS Amitié": the number is wanted, not ruled out
_WANTED = frozenset(
    "numero numeros num tel telephone site contact horaire horaires adresse mail lien "
    "number phone website hours".split()
)
_REACH = 4


def ruled_out(raw: str) -> tuple[tuple[str, ...], ...]:
    """The words that follow a ruling out, each run to be read for a line's name; a run
    whose name must start at its first word begins with `^`."""
    tried = bool(_ELSE.search(f" {plain(raw)} "))
    runs: list[tuple[str, ...]] = []
    for clause in _CLAUSE.split(raw):
        text = f" {plain(clause)} "
        cues = [(_BESIDES, False), (_DENIED, True)] + ([(_TRIED, True)] if tried else [])
        for cue, strict in cues:
            for found in cue.finditer(text):
                if cue is _DENIED and LACKED.intersection(text[: found.start()].split()[-1:]):
                    continue
                words = text[found.end() :].split()
                while words and words[0] in _SKIP:
                    words = words[1:]
                # "…, pas le numéro de l'éducation nationale": at the head of its clause,
                # even the number of a line is ruled out
                heading = not text[: found.start()].strip()
                if heading and words and words[0] in _WANTED:
                    words = [w for w in words[1:3] if w not in _SKIP] + words[3:]
                if words and words[0] not in _WANTED:
                    run = tuple(words[:_REACH])
                    runs.append(("^", *run) if strict else run)
    return tuple(runs)


def lines(runs: tuple[tuple[str, ...], ...], names: Names) -> Bools:
    """The lines the runs of `ruled_out` name."""
    out = np.zeros(names.size, dtype=np.bool_)
    for run in runs:
        strict, words = run[:1] == ("^",), [w for w in run if w != "^"]
        first = words[0]
        if strict and stem(first) not in names.tokens and first not in names.numbers:
            continue  # "pas si SOS Amitié est ouverte": no name right after the cue
        terms = [w for w in words if w not in STOPWORDS and len(w) > 1 and not w.isdigit()]
        out |= names.named(terms, " ".join(words), [w for w in words if w.isdigit()])
    return out
