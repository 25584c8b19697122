"""Turn what a person typed into a command: `mot`, `!mot` or `/mot`, any case, any accents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
}

# Words that are a command only when they are the whole message: `plus` shows the next
# page of the last directory search, but "numéros je n'en peux plus" is a query.
_WHOLE_MESSAGE = {"plus": Name.NUMBERS, "more": Name.NUMBERS}

# Words that carry their own argument when used alone.
_IMPLIED_ARGS = {"english": "en", "francais": "fr"}

# In a conversation that is being relayed, a bare word is a command only when the
# whole message is short; longer text is meant for the other person.
_MAX_BARE_WORDS_IN_RELAY = 3


@dataclass(frozen=True, slots=True)
class Command:
    name: Name
    args: str = ""


def parse(text: str, *, relaying: bool = False) -> Command | None:
    """Return the command in `text`, or None when it is ordinary text."""
    folded = fold(text).strip()
    prefixed = folded[:1] in ("!", "/")
    if prefixed:
        folded = folded[1:].lstrip()
    words = folded.split()
    if not words:
        return None
    if relaying and not prefixed and len(words) > _MAX_BARE_WORDS_IN_RELAY:
        return None
    if len(words) == 1 and words[0] in _WHOLE_MESSAGE:
        return Command(_WHOLE_MESSAGE[words[0]], words[0])
    for size in (2, 1):
        head = " ".join(words[:size])
        name = ALIASES.get(head.rstrip(" :.,!"))
        if name is not None and len(words) >= size:
            args = " ".join(words[size:]) or _IMPLIED_ARGS.get(head, "")
            return Command(name, args)
    return None
