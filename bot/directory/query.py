"""Understand a directory query: who is at risk, when, how, where, and what about."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.directory.places import places
from bot.directory.when import When, read_when
from bot.directory.words import STOPWORDS, plain
from bot.safety import Level, Situation, read

# Phrases are matched on normalised text; longer phrases are tried first.
_FILTERS: dict[str, tuple[str, ...]] = {
    "always": (
        "24h 24",
        "24 24",
        "24h sur 24",
        "24 7",
        "7j 7",
        "7 7",
        "jour et nuit",
        "h24",
        "24 hours",
        "around the clock",
        "24h",
    ),
    "free": (
        "gratuitement",
        "gratuits",
        "gratuites",
        "gratuite",
        "gratuit",
        "sans frais",
        "free of charge",
        "free",
    ),
    "anonymous": ("anonymement", "anonymat", "anonymes", "anonyme", "anonymously", "anonymous"),
    "chat": ("tchat", "chat", "en ligne par ecrit", "messagerie instantanee"),
    "phone": ("par telephone", "telephone", "appeler", "call", "phone"),
    "email": ("par mail", "par email", "e mail", "email", "mail", "courriel"),
    "english": ("en anglais", "in english", "anglais", "anglophone", "english speaking", "english"),
}
_FILTER_PHRASES = sorted(
    ((phrase, name) for name, phrases in _FILTERS.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
_COMMAND_WORDS = {"numeros", "numero", "num", "numbers", "number", "nums"}


@dataclass(frozen=True, slots=True)
class Query:
    """What a query asks for, once understood."""

    text: str
    terms: tuple[str, ...]
    numbers: tuple[str, ...] = ()
    departements: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    when: When = field(default_factory=When)
    situation: Situation | None = None

    @property
    def danger(self) -> bool:
        """The safety reader found danger: the fitting emergency numbers come first."""
        return self.situation is not None


def understand(raw: str) -> Query:
    """Split a query into filters and search terms; the safety reader says if it is danger."""
    text = f" {plain(raw)} "
    flags: set[str] = set()
    for phrase, name in _FILTER_PHRASES:
        if f" {phrase} " in text:
            flags.add(name)
            text = text.replace(f" {phrase} ", " ")
    text, when = read_when(text)
    text, departements = places(text)
    words = text.split()
    if words and words[0] in _COMMAND_WORDS:
        words = words[1:]
    numbers = tuple(w for w in words if w.isdigit() and len(w) >= 2)
    terms = tuple(w for w in words if w not in STOPWORDS and not w.isdigit() and len(w) > 1)
    reading = read(raw)
    return Query(
        raw,
        terms,
        numbers,
        tuple(dict.fromkeys(departements)),
        frozenset(flags),
        when,
        reading.situation if reading.level is Level.DANGER else None,
    )
