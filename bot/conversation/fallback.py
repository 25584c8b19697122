"""What the bot says to free words that are no command and go to nobody.

In order: a question about a helpline gets the directory's answer; thanks are welcome;
someone who says
they want to talk gets the way to `demande`; a mistyped command ("attente", "dipso
off") gets "did you mean", with a button; anything else gets an honest fallback.
Nothing here reads danger: the safety lane has read every message before.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import replace

from bot import say
from bot.cases import looks_like_ref
from bot.commands import ALIASES, ROLE, Role
from bot.conversation.turn import Out, Turn
from bot.locales import t
from bot.messages import Button, OutgoingMessage
from bot.text import fold

_TALK = re.compile(  # the wish to talk to a person, in the words people use
    r"\b(?:re)?parler a (?:quelqu'?un|une personne|qqn|un humain)\b"
    r"|\bbesoin (?:de parler|d'aide|de quelqu'?un|qu'on m'ecoute|d'en parler)\b"
    r"|\b(?:quelqu'?un|une personne) (?:a qui parler|pour m'ecouter|qui m'ecoute)\b"
    r"|\b(?:talk|speak) (?:to|with) (?:someone|somebody|a person|a human)\b"
    r"|\b(?:someone|somebody) to talk to\b|\bneed (?:help|to talk)\b"
)
_THANKS = re.compile(  # a thank-you or an acknowledgement, and nothing else
    r"^(?:(?:ok|okay|oki|d'accord|dac|merci|beaucoup|mille fois|bien|super|parfait|top|"
    r"cool|genial|thanks|thank you|thx|great|got it|ca marche|tres|bonne (?:journee|soiree)|"
    r"a plus|bye|pour tout|pour ton aide|pour votre aide|pour ton ecoute|pour l'ecoute|a toi|"
    r"a vous|prends soin de toi|prenez soin de vous|a bientot|for everything|for your help|"
    r"a lot|so much|take care|[🙏💛❤️🌿😊🙂]+)[\s,.!]*)+$"
)
_SUGGEST_UP_TO = 3  # words: longer messages are sentences, not mistyped commands
_CUTOFF = 0.75
_FUZZY_FROM = 4  # letters: shorter words are answers ('oui', 'non', 'ok'), not typos


@functools.cache
def _words_of(lang: str) -> frozenset[str]:
    """The command words the help of `lang` shows: the person's own language."""
    return frozenset(fold(w).split()[0] for w in re.findall(r"`([^`]+)`", t(lang, "help_all")))


def wants_to_talk(text: str) -> bool:
    return bool(_TALK.search(fold(text).replace("\u2019", "'")))


def _allowed(turn: Turn, role: Role) -> bool:
    if role is Role.LISTENER:
        return turn.listens
    return role is Role.ANYONE or turn.coordinates


def suggestion(turn: Turn, text: str) -> str | None:
    """The command `text` most likely meant ("dipso off" → "dispo off"), among those
    this person may use, in their language first ("cloe" → "clore", not "close"); its
    arguments are kept as typed ("cloe 8Y7B")."""
    words = fold(text).strip(" !/?.").split()
    typed = text.strip(" !/?.").split()
    if not 0 < len(words) <= _SUGGEST_UP_TO:
        return None
    allowed = [alias for alias, name in ALIASES.items() if _allowed(turn, ROLE[name])]
    theirs = _words_of(say.lang(turn.ctx, turn.me))
    for size in (2, 1):
        head, rest = " ".join(words[:size]), typed[size:]
        if len(head) < _FUZZY_FROM:  # "oui" is no typo of "oubli"
            continue
        close = difflib.get_close_matches(head, allowed, n=5, cutoff=_CUTOFF)
        close = [c for c in close if len(c) >= len(head) - 1]  # "dinum" is no typo of "num"
        if close and len(words) >= size:
            best = difflib.SequenceMatcher(None, head, close[0]).ratio()
            tied = [c for c in close if difflib.SequenceMatcher(None, head, c).ratio() == best]
            meant = next((c for c in tied if c.split()[0] in theirs), close[0])
            return " ".join([meant, *(w.upper() if looks_like_ref(w) else w for w in rest)])
    within = [a for a in allowed if " " in a and words[0] in a.split()]
    return within[0] if len(within) == 1 and len(words) == 1 else None  # "attente"


async def free_words(turn: Turn) -> Out:
    ctx, me, text = turn.ctx, turn.me, turn.msg.text
    lang = say.lang(ctx, me)
    if ctx.numbers.asked(text):  # "quel numéro appeler ?"
        return [OutgoingMessage(me.address, ctx.numbers.answer(text, lang, turn.now, me.ref))]
    if _THANKS.match(fold(text).replace("\u2019", "'").strip(" 🙏👍🙂😊💛")):
        return [say.to_person(ctx, me, "thanks")]
    if wants_to_talk(text):
        button = Button(t(lang, "button_request"), "demande")
        return [replace(say.to_person(ctx, me, "want_to_talk"), buttons=(button,))]
    meant = suggestion(turn, text)
    if meant is not None:
        button = Button(meant, meant)
        return [replace(say.to_person(ctx, me, "did_you_mean", command=meant), buttons=(button,))]
    return [say.to_person(ctx, me, "unknown")]
