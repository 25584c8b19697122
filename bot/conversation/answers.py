"""Which words answer the bot's pending questions (yes/no, contact mode, team)."""

from __future__ import annotations

import re

from bot.cases import Mode
from bot.locales import CATALOGS
from bot.people import Dialog
from bot.safety import Level, read
from bot.text import normalize

_YES = frozenset(w for c in CATALOGS.values() for w in c["yes_words"].split())
_NO = frozenset(w for c in CATALOGS.values() for w in c["no_words"].split())
_MODES = {
    **dict.fromkeys(("anonyme", "anonymous", "anon", "anonymement"), Mode.ANONYMOUS),
    **dict.fromkeys(("direct", "directe", "directement"), Mode.DIRECT),
}
# What may come with a yes or a no and still be only that answer ("oui merci", "non pas
# du tout", "yes please"); any other word makes the message more than an answer.
_COURTESY = frozenset(
    {
        *("merci", "beaucoup", "bcp", "stp", "svp", "s", "il", "te", "vous", "plait"),
        *("je", "confirme", "bien", "sur", "d", "accord", "ok", "okay", "volontiers"),
        *("avec", "plaisir", "vas", "va", "y", "c", "est", "ca", "parfait", "pas", "du"),
        *("tout", "a", "fait", "absolument", "carrement", "si", "possible", "de", "souci"),
        *("thanks", "thank", "you", "please", "sure", "i", "of", "course", "go", "ahead"),
        *("not", "at", "all", "yeah", "yep", "nope", "fine", "great"),
    }
)
_BUT = frozenset(("mais", "but", "sauf", "except", "however", "cependant", "quoique"))
MAX_ANSWER_WORDS = 12
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


def yes_no_alone(text: str) -> bool | None:
    """`yes_no`, when the message is that answer: "oui merci", "oui ça me ferait plaisir".
    Not when it says more than the answer: a "mais" ("oui mais avant, dis-lui que…"),
    words of danger or distress ("non, en fait ce soir j'ai envie d'en finir"), or a long
    text; those are handled as if nothing were pending."""
    said = yes_no(text)
    rest = normalize(text).split()[1:]
    if said is None or all(w in _YES | _NO | _COURTESY for w in rest):
        return said
    if rest[0] in _BUT or len(rest) > MAX_ANSWER_WORDS:
        return None
    return said if read(text).level is Level.NONE else None


def mode(text: str) -> Mode | None:
    """`anonyme` or `direct` (first word), None otherwise."""
    words = normalize(text).split()
    return _MODES.get(words[0]) if words else None


# "je bosse à la", "I work at", "depuis 2 ans": words around a team's name
_AROUND_TEAM = re.compile(
    r"^(?:j ?e? ?(?:bosse|travaille|taffe|suis)|i (?:work|am)) (?:a la |a l |au |aux |a |chez "
    r"|dans |en |pour |at the |at |for the |for |in the |in |with )?|"
    r" (?:depuis|since|for) .*$"
)


def is_team(text: str) -> bool:
    """A short name, not a question, not a contact mode: what "dans quelle équipe ?" is
    answered with ("anonyme" there answers the next question too early). The words
    around the name do not count ("je bosse à la Dinum depuis 2 ans")."""
    words = _AROUND_TEAM.sub("", normalize(text)).split() if "?" not in text else text.split()
    if len(words) == 1 and mode(text) is not None:  # the next question's answer, early
        return False
    return 0 < len(words) <= MAX_TEAM_WORDS and "?" not in text


# "en fait c'est DINUM", "pardon, je suis à la DGFiP en fait": the team, said again
_CORRECTED = re.compile(r"^(?:en fait|enfait|pardon|correction|plutot|oups|oops|actually|sorry)\b")


def corrects_team(text: str) -> bool:
    """A correction of the team just given, while the next question is asked."""
    plain = normalize(text)
    return bool(_CORRECTED.match(plain) or plain.endswith(" en fait")) and mode(text) is None


def answers(pending: Dialog, text: str) -> bool:
    """Whether `text` answers the question the bot is waiting on."""
    if pending is Dialog.NONE:
        return False
    if pending is Dialog.TEAM:
        return is_team(text)
    if pending is Dialog.MODE:
        return mode(text) is not None or corrects_team(text)
    return yes_no_alone(text) is not None


# "parfois", "peut-être", "non mais j'y ai pensé hier", "sometimes": not a no (as the
# first-aid training teaches, any answer but a plain no is heard as a yes)
_SOMETIMES = re.compile(
    r" (?:parfois|des fois|peut etre|ptet|ptetre|sometimes|maybe|perhaps|often|souvent|"
    r"de temps en temps|de temps a autre|tout le temps|ca m arrive|ca m est arrive|"
    r"j y pense|j y ai pense|j y pensais|j y ai deja pense|i think about it|i ve thought) "
    # ... or, said first, a doubt ("je sais pas", "un peu", but not "non, juste un peu las")
    r"|^ (?:un peu|a bit|kind of|kinda|je sais pas|je ne sais pas|i don t know|dunno|pas sur|"
    r"pas sure|not sure) "
)


def sometimes(text: str) -> bool:
    """Whether an answer to the concern question says "sometimes" or "maybe"."""
    return bool(_SOMETIMES.search(f" {normalize(text)} "))
