"""Which words answer the bot's pending questions (yes/no, contact mode, team)."""

from __future__ import annotations

from bot.cases import Mode
from bot.locales import CATALOGS
from bot.people import Dialog
from bot.text import normalize

_YES = frozenset(w for c in CATALOGS.values() for w in c["yes_words"].split())
_NO = frozenset(w for c in CATALOGS.values() for w in c["no_words"].split())
_MODES = {
    **dict.fromkeys(("anonyme", "anonymous", "anon", "anonymement"), Mode.ANONYMOUS),
    **dict.fromkeys(("direct", "directe", "directement"), Mode.DIRECT),
}
# A team is a few words ("DINUM", "la DGFiP à Lyon"); a longer text or a question is
# something else the person wants to say.
MAX_TEAM_WORDS = 6


def yes_no(text: str) -> bool | None:
    """True for yes, False for no, None when the answer is neither."""
    words = normalize(text).split()
    if not words:
        return None
    if words[0] in _YES:
        return True
    if words[0] in _NO:
        return False
    return None


def mode(text: str) -> Mode | None:
    """`anonyme` or `direct` (first word), None otherwise."""
    words = normalize(text).split()
    return _MODES.get(words[0]) if words else None


def is_team(text: str) -> bool:
    """A short name, not a question: what "dans quelle équipe ?" is answered with."""
    words = text.split()
    return 0 < len(words) <= MAX_TEAM_WORDS and "?" not in text


def answers(pending: Dialog, text: str) -> bool:
    """Whether `text` answers the question the bot is waiting on."""
    if pending is Dialog.NONE:
        return False
    if pending is Dialog.TEAM:
        return is_team(text)
    if pending is Dialog.MODE:
        return mode(text) is not None
    return yes_no(text) is not None
