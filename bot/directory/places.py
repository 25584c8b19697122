"""Where a query is about: a city, a region or a département number."""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.directory.place_names import CITIES, DEPARTEMENT_NAMES, REGION_ACRONYMS, REGIONS

# Département names that are common words count only after a preposition.
_COMMON_WORDS = frozenset(
    (
        "ain aube aude cher creuse eure gard gers indre landes loire lot manche marne "
        "meuse nord oise orne rhone somme tarn var vienne"
    ).split()
)
_BEFORE_NAME = ("dans le", "dans la", "dans l", "dans les", "en", "du", "de la", "de l", "le", "la")
# "dans le 19e", "Paris 11eme", "le 1er arrondissement": an arrondissement of Paris.
_NTH = r"(?:[1-9]|1\d|20)(?:e|eme|er)"
_ARRONDISSEMENT = re.compile(rf" (?:(?:paris|le|dans le) {_NTH}|{_NTH} arrondissement) ")
DEPARTEMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2a|2b|97[1-6])$")
# A postal code: its département is its first two digits (three overseas; Corsica's 20
# splits into 2A and 2B).
_POSTCODE = re.compile(r"^(?:(0[1-9]|[1-8]\d|9[0-5])\d{3}|(97[1-6])\d{2})$")

# Words that look like a place but are not one here: bets on sport are not in Paris.
_NOT_PLACES = re.compile(r" paris (?=sportifs? |hippiques? )")
# a clock, not a place: "vos horaires c'est l'heure de Paris ?" from La Réunion
_CLOCK_OF = re.compile(r" (heures?) (?:de|d) (?:paris|la metropole|metropole) ")
# an age, not a département: "j'ai 15 ans", "my son is 13 years old"
_AGE = re.compile(r" \d{1,2} (?=ans |an |years? |yo |balais )")


def places(text: str, raw: str = "") -> tuple[str, list[str]]:
    """`text` without the places it names, and their département numbers.

    `text` is normalised and padded with one space at each end; `raw` is the query as
    written, where region acronyms are looked for in capitals.
    """
    departements: list[str] = []
    text = _NOT_PLACES.sub(" pari ", text)
    text = _AGE.sub(" ", _CLOCK_OF.sub(r" \1 ", text))
    for acronym, codes in REGION_ACRONYMS.items():
        if re.search(rf"\b{acronym}\b", raw):
            departements += list(codes)
            text = text.replace(f" {acronym.lower()} ", " ")
    if _ARRONDISSEMENT.search(text):
        departements.append("75")
        text = _ARRONDISSEMENT.sub(" ", text)
    text = _named(text, REGIONS, departements)
    text = _departements(text, departements)
    text = _named(text, CITIES, departements)
    text = _misspelt(text, departements)
    departements += [w for w in text.split() if DEPARTEMENT.match(w)]
    departements += [_postcode(w) for w in text.split() if _POSTCODE.match(w)]
    return text, departements


# City names of one long word, for a typo ("marseile", "bordaux"): a letter off at most
_LONG_CITIES = sorted(name for name in CITIES if " " not in name and len(name) >= 7)


def _misspelt(text: str, out: list[str]) -> str:
    """A long city name typed with one letter wrong, missing or swapped."""
    for word in set(text.split()):
        city = _city_of(word) if len(word) >= 6 else None
        if city is not None:
            out.append(CITIES[city])
            text = text.replace(f" {word} ", " ")
    return text


@lru_cache(maxsize=4096)
def _city_of(word: str) -> str | None:
    """The city `word` misspells, when it is no word of French or English."""
    if simplemma.is_known(word, lang="fr") or simplemma.is_known(word, lang="en"):
        return None
    found = process.extractOne(word, _LONG_CITIES, scorer=OSA.distance, score_cutoff=1)
    return None if found is None else str(found[0])


def _postcode(code: str) -> str:
    if code.startswith("20"):
        return "2a" if code < "20200" else "2b"
    return code[:3] if code.startswith("97") else code[:2]


def _named(text: str, names: dict[str, str] | dict[str, tuple[str, ...]], out: list[str]) -> str:
    for name, value in sorted(names.items(), key=lambda kv: -len(kv[0])):
        if f" {name} " in text:
            out += [value] if isinstance(value, str) else list(value)
            text = text.replace(f" {name} ", " ")
    return text


def _departements(text: str, out: list[str]) -> str:
    """Départements by name; the ones that are common words need a preposition."""
    before = "|".join(_BEFORE_NAME)
    for name, code in sorted(DEPARTEMENT_NAMES.items(), key=lambda kv: -len(kv[0])):
        if f" {name} " not in text:
            continue
        if name in _COMMON_WORDS:
            found = re.search(rf" (?:{before}) {name} ", text)
            if not found:
                continue
            text = text[: found.start()] + " " + text[found.end() :]
        else:
            text = text.replace(f" {name} ", " ")
        out.append(code)
    return text
