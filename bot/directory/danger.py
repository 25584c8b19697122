"""Danger in the directory's own words, beside the safety reader.

The safety reader decides for the whole bot; the directory adds what its data says
(`danger_words` in directory.yaml) so that a query the reader misses still gets the
fitting emergency numbers first, and so that the numbers fit what the words say
(someone threatening the person is violence; someone about to jump is not). A phrase
matches its words in order, each word as written, by stem or with a typo, with at
most one other word in between.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rapidfuzz.distance import OSA

from bot.directory.words import plain, stem, typo_budget
from bot.safety import Situation

_SUICIDE = frozenset((Situation.SELF, Situation.OTHER))
_GAP = 1  # words allowed between two words of a phrase


class DangerWords:
    """Phrases per situation, and the situation a query's words point to."""

    def __init__(self, words: Mapping[Any, Sequence[str]]) -> None:
        self.phrases = [
            (Situation(key), tuple(plain(phrase).split()))
            for key, phrases in words.items()
            for phrase in phrases
        ]
        self.phrases = [(situation, words) for situation, words in self.phrases if words]

    def find(self, raw: str) -> set[Situation]:
        """Situations whose phrases occur in `raw`."""
        words = plain(raw).split()
        stems = [stem(w) for w in words]
        return {s for s, phrase in self.phrases if _occurs(phrase, words, stems)}

    def situation(self, raw: str, read: Situation | None) -> Situation | None:
        """The situation for the directory: the reader's, completed or corrected by the
        directory's words when they clearly say otherwise."""
        found = self.find(raw)
        suicide = found & _SUICIDE
        violence = Situation.VIOLENCE in found
        if suicide and violence:  # both: the reader decides, else violence now first
            return read or Situation.VIOLENCE
        if violence:
            return Situation.VIOLENCE
        if suicide:
            if read in _SUICIDE:
                return read
            return Situation.OTHER if suicide == {Situation.OTHER} else Situation.SELF
        return read


def _same(word: str, word_stem: str, target: str) -> bool:
    if word == target or word_stem == stem(target):
        return True
    budget = typo_budget(len(target)) if len(target) >= 5 else 0
    return budget > 0 and OSA.distance(word, target, score_cutoff=budget) <= budget


def _occurs(phrase: tuple[str, ...], words: list[str], stems: list[str]) -> bool:
    for start in range(len(words)):
        if not _same(words[start], stems[start], phrase[0]):
            continue
        at = start
        for target in phrase[1:]:
            nxt = next(
                (
                    k
                    for k in range(at + 1, min(at + 2 + _GAP, len(words)))
                    if _same(words[k], stems[k], target)
                ),
                None,
            )
            if nxt is None:
                break
            at = nxt
        else:
            return True
    return False
