"""Resources named in a query: by two words of their name (or two uncommon ones of its
whole, aside included), a word only their name has
(as written, or with a typo when it is long), the words their name starts with, in
order ("viol femmes informations", "viol femmes info"), or one of their numbers."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
import simplemma
from rapidfuzz.distance import OSA

from bot.directory.model import Resource
from bot.directory.words import bare, plain, stem, stems
from bot.text import fold

Bools = npt.NDArray[np.bool_]
_SHORT_NAME = re.compile(r"\s\(")  # "SOS Crise (association Les Transmetteurs)"
_LEADING = re.compile(r"\s[(—–:,-]\s?")  # "Viol Femmes Informations — Collectif …"
_NAME_WORD = re.compile(r"\w+(?:-\w+)*")
_ACRONYM_IN_NAME = re.compile(r"\((\w+)\)")  # "Centre national … (CN2R)": a name too
_CAPITALS_IN_NAME = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")  # "(Centre national de gestion, CNG)"
_LONG = 9  # a distinctive name word this long still names its line with a typo or two


class Names:
    """The resources' names, as the search looks for them in a query."""

    def __init__(self, resources: list[Resource], generic: Iterable[str]) -> None:
        self.size = len(resources)
        names = [
            set(
                stems(
                    " ".join(
                        [
                            _SHORT_NAME.split(r.name)[0],
                            *_ACRONYM_IN_NAME.findall(r.name),
                            *_CAPITALS_IN_NAME.findall(r.name),
                        ]
                    )
                )
            )
            for r in resources
        ]
        self.rows: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(names):
            for token in name:
                self.rows[token].append(i)
        counts = Counter(t for name in names for t in name)
        self.generic = frozenset(generic)
        # the words of the names as written: a word only one name has names it when typed
        # as it is there ("Cnom", "Pasteur"), not when it merely shares its stem
        # ("conseillère" does not name the Conseil de l'ordre), and whole: "France" is not
        # "Île-de-France"
        self.words = [{bare(w) for w in _NAME_WORD.findall(fold(r.name))} for r in resources]
        self.distinctive = {t for t, n in counts.items() if n == 1} - self.generic
        # ... unless it is an ordinary word of the language: "conseil", "établissement"
        # say something else in "technicienne conseil" or "devant l'établissement"
        self.ordinary = {
            bare(fold(w))
            for r in resources
            for w in _NAME_WORD.findall(r.name)
            if simplemma.is_known(w.lower(), lang="fr") or simplemma.is_known(w.lower(), lang="en")
        }
        self.long = {
            w: i
            for i, words in enumerate(self.words)
            for w in words
            if len(w) >= _LONG and stem(w) in self.distinctive
        }
        # the words a name starts with, when there are three or more: said in order,
        # they name the line even when each is a common word
        leading = [
            (f" {lead} ", i)
            for i, r in enumerate(resources)
            if len((lead := plain(_LEADING.split(r.name)[0])).split()) >= 3
        ]
        leading += [(f" {plain(a)} ", i) for i, r in enumerate(resources) for a in r.aliases]
        # by their first word, so that a query looks only at the names its words start
        self.leading: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for lead, i in leading:
            if lead.split():
                self.leading[lead.split()[0]].append((lead, i))
        self.numbers = {p.dial: i for i, r in enumerate(resources) for p in r.phones}
        # two uncommon words of the whole name, its aside included ("la cellule du
        # ministère" for "Cellule nationale … (ministère des Solidarités et de la Santé)")
        self.whole: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(resources):
            for token in set(stems(r.name)) - self.generic:
                self.whole[token].append(i)

    @property
    def tokens(self) -> set[str]:
        return set(self.rows)

    def named(
        self, words: list[str], text: str, numbers: Iterable[str], said: Iterable[str] = ()
    ) -> Bools:
        """Resources named by `words` (query terms), `text` (the query as plain words)
        or `numbers` (dialled); `said`, the words that said who the person is, only
        help another word to."""
        named = np.zeros(self.size, dtype=np.bool_)
        hits: Counter[int] = Counter()
        specific: set[int] = set()
        for word in set(words):
            term = stem(word)
            rows = self.rows.get(term, [])
            hits.update(rows)
            if term not in self.generic:
                specific.update(rows)
            if term in self.distinctive and bare(word) not in self.ordinary:
                named[[i for i in rows if bare(word) in self.words[i]]] = True
            elif len(word) >= _LONG and not rows:
                for long, i in self.long.items():
                    if OSA.distance(bare(word), long, score_cutoff=2) <= 2:
                        named[i] = True
        named[[i for i, n in hits.items() if n >= 2 and i in specific]] = True
        # with a word that said who the person is ("du ministère"), when one word is not
        uncommon = Counter(i for t in {stem(w) for w in words} for i in self.whole.get(t, []))
        also = Counter(i for t in {stem(w) for w in said} for i in self.whole.get(t, []))
        named[[i for i, n in uncommon.items() if n + also[i] >= 2]] = True
        padded = f" {text} "
        for word in set(padded.split()):
            for lead, i in self.leading.get(word, ()):
                if lead in padded or _shortened(lead, padded):
                    named[i] = True
        for number in numbers:
            if number in self.numbers:
                named[self.numbers[number]] = True
        return named


def _shortened(lead: str, text: str) -> bool:
    """The words a name starts with, the last one cut short: "viol femmes info"."""
    *first, last = lead.split()
    start = text.find(f" {' '.join(first)} ")
    if start < 0:
        return False
    typed = text[start + len(" ".join(first)) + 2 :].split()[:1]
    return bool(typed) and len(typed[0]) >= 4 and last.startswith(typed[0])
