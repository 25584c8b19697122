"""Turn what a person typed into a command: `mot`, `!mot` or `/mot`, any case, any accents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, StrEnum

from bot.cases import looks_like_ref
from bot.statistics import THEME_WORDS
from bot.text import fold


class Name(StrEnum):
    HELP = "help"
    REQUEST = "request"
    NUMBERS = "numbers"
    CANCEL = "cancel"
    ACCEPT = "accept"
    DECLINE = "decline"
    CLOSE = "close"
    TRANSFER = "transfer"
    AVAILABLE = "available"
    MINE = "mine"
    MY_DATA = "my_data"
    FORGET = "forget"
    LISTENERS = "listeners"
    STATS = "stats"
    WAITING = "waiting"
    SKIP = "skip"
    LANGUAGE = "language"
    ADD_LISTENER = "add_listener"
    REMOVE_LISTENER = "remove_listener"
    PAUSE_LISTENER = "pause_listener"
    RELAUNCH = "relaunch"
    PROPOSE = "propose"
    SUPERVISION = "supervision"
    NOTE = "note"
    THEME = "theme"


ALIASES: dict[str, Name] = {
    "aide": Name.HELP,
    "help": Name.HELP,
    "?": Name.HELP,
    "demande": Name.REQUEST,
    "ecoute": Name.REQUEST,
    "parler": Name.REQUEST,
    "request": Name.REQUEST,
    "talk": Name.REQUEST,
    "numeros": Name.NUMBERS,
    "numero": Name.NUMBERS,
    "num": Name.NUMBERS,
    "numbers": Name.NUMBERS,
    "number": Name.NUMBERS,
    "annuler": Name.CANCEL,
    "cancel": Name.CANCEL,
    "accepter": Name.ACCEPT,
    "accept": Name.ACCEPT,
    "refuser": Name.DECLINE,
    "decline": Name.DECLINE,
    "refuse": Name.DECLINE,
    "clore": Name.CLOSE,
    "fermer": Name.CLOSE,
    "close": Name.CLOSE,
    "transferer": Name.TRANSFER,
    "transfer": Name.TRANSFER,
    "dispo": Name.AVAILABLE,
    "available": Name.AVAILABLE,
    "mes cas": Name.MINE,
    "my cases": Name.MINE,
    "mes donnees": Name.MY_DATA,
    "my data": Name.MY_DATA,
    "oubli": Name.FORGET,
    "oublie-moi": Name.FORGET,
    "forget": Name.FORGET,
    "forget me": Name.FORGET,
    "ecoutants": Name.LISTENERS,
    "listeners": Name.LISTENERS,
    "stats": Name.STATS,
    "statistiques": Name.STATS,
    "en attente": Name.WAITING,
    "waiting": Name.WAITING,
    "passer": Name.SKIP,
    "skip": Name.SKIP,
    "langue": Name.LANGUAGE,
    "language": Name.LANGUAGE,
    "english": Name.LANGUAGE,
    "francais": Name.LANGUAGE,
    "ajouter ecoutant": Name.ADD_LISTENER,
    "ajouter ecoutante": Name.ADD_LISTENER,
    "add listener": Name.ADD_LISTENER,
    "retirer ecoutant": Name.REMOVE_LISTENER,
    "retirer ecoutante": Name.REMOVE_LISTENER,
    "remove listener": Name.REMOVE_LISTENER,
    "pause ecoutant": Name.PAUSE_LISTENER,
    "pause ecoutante": Name.PAUSE_LISTENER,
    "pause listener": Name.PAUSE_LISTENER,
    "relancer": Name.RELAUNCH,
    "relaunch": Name.RELAUNCH,
    "proposer": Name.PROPOSE,
    "propose": Name.PROPOSE,
    "supervision": Name.SUPERVISION,
    "debrief": Name.SUPERVISION,
    "note": Name.NOTE,
    "notes": Name.NOTE,
    "theme": Name.THEME,
}

# Words that are a command only when they are the whole message: `plus` shows the next
# page of the last directory search, but "numéros je n'en peux plus" is a query.
_WHOLE_MESSAGE = {"plus": Name.NUMBERS, "more": Name.NUMBERS}

# Words that carry their own argument when used alone.
_IMPLIED_ARGS = {"english": "en", "francais": "fr"}

# Words that are commands only outside a relay: in a conversation with someone,
# "écoute", "parler", "numéro", "plus" or "?" alone are words for that person.
LOOSE = frozenset({"?", "ecoute", "parler", "talk", "numero", "number", "plus", "more"})


# Inside a relay, a command word opening a sentence for the other person is words: a
# question ("numéros ?"), the second person ("note que tu as le droit…", "num de ton
# collègue"), or a clause after a comma ("numéros, tu en as d'autres ?").
_TO_SOMEONE = re.compile(r"\?|\b(?:tu|te|ton|ta|tes|toi|vous|you|your)\b|\bt'")


class Role(StrEnum):
    """Who may use a command."""

    ANYONE = "anyone"
    LISTENER = "listener"
    COORDINATOR = "coordinator"


ROLE: dict[Name, Role] = {
    **dict.fromkeys(Name, Role.ANYONE),
    **dict.fromkeys(
        (
            Name.ACCEPT,
            Name.DECLINE,
            Name.TRANSFER,
            Name.AVAILABLE,
            Name.MINE,
            Name.SUPERVISION,
            Name.NOTE,
            Name.THEME,
        ),
        Role.LISTENER,
    ),
    **dict.fromkeys(
        (
            Name.LISTENERS,
            Name.STATS,
            Name.WAITING,
            Name.ADD_LISTENER,
            Name.REMOVE_LISTENER,
            Name.PAUSE_LISTENER,
            Name.RELAUNCH,
            Name.PROPOSE,
        ),
        Role.COORDINATOR,
    ),
}


class Args(Enum):
    """What may follow a command word for the whole message to be that command."""

    NONE = "none"  # `aide`, `annuler`, `stats`…
    REF = "ref"  # `clore`, `clore K7Q2`
    AVAILABILITY = "availability"  # `dispo on`, `dispo off jusqu'au 24/12`
    QUERY = "query"  # `numéros burn-out`: any words
    LANGUAGE = "language"  # `langue en`, `english`
    MEMBER = "member"  # `retirer écoutant @camille`, `pause écoutant @camille jusqu'au 30/11`
    REF_MEMBER = "ref_member"  # `proposer K7Q2 @camille`
    PERIOD = "period"  # `stats trimestre`
    THEME = "theme"  # `thème K7Q2 travail`, or `thème travail` in the case's place
    NOTE = "note"  # `note K7Q2 texte`: always whole, a note must never reach the requester


ARGS: dict[Name, Args] = {
    Name.HELP: Args.NONE,
    Name.REQUEST: Args.NONE,
    Name.NUMBERS: Args.QUERY,
    Name.CANCEL: Args.NONE,
    Name.ACCEPT: Args.REF,
    Name.DECLINE: Args.REF,
    Name.CLOSE: Args.REF,
    Name.TRANSFER: Args.REF,
    Name.AVAILABLE: Args.AVAILABILITY,
    Name.MINE: Args.NONE,
    Name.MY_DATA: Args.NONE,
    Name.FORGET: Args.NONE,
    Name.LISTENERS: Args.NONE,
    Name.STATS: Args.PERIOD,
    Name.WAITING: Args.NONE,
    Name.SKIP: Args.NONE,
    Name.LANGUAGE: Args.LANGUAGE,
    Name.ADD_LISTENER: Args.MEMBER,
    Name.REMOVE_LISTENER: Args.MEMBER,
    Name.PAUSE_LISTENER: Args.MEMBER,
    Name.RELAUNCH: Args.REF,
    Name.PROPOSE: Args.REF_MEMBER,
    Name.SUPERVISION: Args.REF,
    Name.NOTE: Args.NOTE,
    Name.THEME: Args.THEME,
}
_SWITCHES = frozenset({"on", "off", "oui", "non"})
_HEAVY = frozenset({"lourd", "lourde", "heavy"})
_PERIODS = frozenset({"mois", "month", "trimestre", "quarter", "annee", "an", "year"})
_LANGUAGES = frozenset({"fr", "en", "english", "anglais", "francais", "french"})


@dataclass(frozen=True, slots=True)
class Command:
    """`word` is the alias as typed (folded); `prefixed` that it began with `!` or `/`;
    `comma` that a comma followed the word."""

    name: Name
    args: str = ""
    word: str = ""
    prefixed: bool = False
    comma: bool = False

    @property
    def is_whole(self) -> bool:
        """The whole message is this command: its word, then only what it takes, and
        nothing said to someone (`note K7Q2 …` is a note whatever it says)."""
        if self.word in LOOSE:
            return False
        kind, words = ARGS[self.name], self.args.split()
        if kind is Args.NOTE and words and looks_like_ref(words[0]):
            return True
        if self.comma or _TO_SOMEONE.search(self.args.replace("\u2019", "'")):
            return False
        if not words or kind is Args.QUERY:
            return True
        if kind is Args.REF:
            if self.name is Name.CLOSE and words[-1] in _HEAVY:  # `clore K7Q2 lourd`
                words = words[:-1]
            return not words or (len(words) == 1 and looks_like_ref(words[0]))
        if kind is Args.AVAILABILITY:
            return words[0] in _SWITCHES
        if kind is Args.LANGUAGE:
            return len(words) == 1 and words[0] in _LANGUAGES
        if kind is Args.MEMBER:
            return words[0].startswith("@")
        if kind is Args.NOTE:
            return True
        if kind is Args.THEME:
            *ref, theme = words
            return theme in THEME_WORDS and (not ref or (len(ref) == 1 and looks_like_ref(ref[0])))
        if kind is Args.PERIOD:
            return len(words) == 1 and words[0] in _PERIODS
        if kind is Args.REF_MEMBER:
            return len(words) == 2 and looks_like_ref(words[0]) and words[1].startswith("@")
        return False


def parse(text: str) -> Command | None:
    """Return the command `text` starts with, or None when it is ordinary text."""
    folded = fold(text).strip()
    prefixed = folded[:1] in ("!", "/")
    if prefixed:
        folded = folded[1:].lstrip()
    words = folded.split()
    if not words:
        return None
    if len(words) == 1 and words[0] in _WHOLE_MESSAGE:
        return Command(_WHOLE_MESSAGE[words[0]], words[0], words[0], prefixed)
    for size in (2, 1):
        typed = " ".join(words[:size])
        head = typed.rstrip(" :.,!")
        name = ALIASES.get(head)
        if name is not None and len(words) >= size:
            args = " ".join(words[size:]) or _IMPLIED_ARGS.get(head, "")
            return Command(name, args, head, prefixed, "," in typed[len(head) :])
    return None


def raw_args(text: str, command: Command) -> str:
    """What follows the command word as typed (accents and case kept: team names)."""
    body = text.strip()
    if body[:1] in ("!", "/"):
        body = body[1:].lstrip()
    parts = body.split(maxsplit=len(command.word.split()))
    return parts[-1] if len(parts) > len(command.word.split()) else ""
