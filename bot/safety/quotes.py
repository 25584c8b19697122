"""Words quoted from someone who is not the writer: a song, a book, a message imagined.

"Stromae chante « j'ai parfois eu des pensées suicidaires »", "que fait le bot quand
quelqu'un écrit « je veux mourir » ?": the quoted words are an artist's or an example's,
not the writer's. They are set aside before reading; what the writer says around them
is read as usual. A quote the writer or a real person they know sent ("ma sœur m'a
écrit « je veux mourir »") is kept: only artists, works and imagined senders count.
"""

from __future__ import annotations

import re

from bot.text import fold

# A quote between French or English quotation marks, on one line.
_QUOTE = re.compile(
    r"«([^«»\n]{1,400})»|“([^“”\n]{1,400})”|\"([^\"\n]{1,400})\""
    r"|(?<!\w)'([^'\n]{8,400})'(?!\w)"  # 'single marks', never an apostrophe in a word
)
# What stands in for the quoted words: a plain noun, no sign of anything.
PLACEHOLDER = " « citation » "
_LEAD = 12  # words read before the opening mark

# Singing, citing, acting, a work: the quote is an artist's, an actor's or an author's.
_ARTIST = frozenset(
    (
        "chante chantent chantait chanter chantant chanson chansons paroles refrain couplet "
        "rappe rappait slam cite citait citer citation proverbe vers poeme livre roman "
        "auteur autrice ecrivain ecrivaine poete chanteur chanteuse rappeur rappeuse album "
        "film serie personnage replique joue jouer role repete repetition scene piece troupe "
        "sings sang singing song songs lyrics chorus verse raps quote quotes quoted quoting "
        "poem book novel author writer poet singer rapper album movie character play playing "
        # a trainer's example of how to ask: "le formateur dit de demander « tu penses au
        # suicide ? »"
        "formateur formatrice formation trainer instructor training course"
    ).split()
)
# An imagined sender: "quand quelqu'un écrit", "si un usager dit", "when someone types".
_SUPPOSE = frozenset("quand lorsque si when whenever if".split())
_SOMEONE = frozenset(
    (
        "quelqu un qqn qqun personne usager usagere usagers appelant appelante utilisateur "
        "utilisatrice demandeur demandeuse gens collegue agent "
        "someone somebody anyone user users person people caller"
    ).split()
)
_SAYS = frozenset(
    (
        "ecrit ecrivent ecrire dit disent dire tape tapent taper envoie envoient envoyer "
        "repond repondent met poste "
        "writes write says say types type sends send texts text posts tells answers"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The writer makes the quoted words theirs: then they are read as the writer's.
_MINE_TOO = re.compile(
    r"\b(moi aussi|comme moi|pareil pour moi|ce que je (ressens|vis|pense|traverse)"
    r"|c.est (tellement |exactement |completement )?moi|me too|same here|how i feel"
    r"|what i feel|that.s me|so me)\b"
)


def unquote(text: str) -> tuple[str, bool]:
    """`text` with the words of artists, works and imagined senders set aside, and
    whether any were."""
    if not ("«" in text or '"' in text or "“" in text):
        return text, False
    out: list[str] = []
    last, found = 0, False
    if _MINE_TOO.search(fold(text.lower())):  # "… « je veux mourir », c'est ce que je ressens"
        return text, False
    for match in _QUOTE.finditer(text):
        lead = [fold(w) for w in _WORD.findall(text[max(0, match.start() - 200) : match.start()])]
        if _reported(lead[-_LEAD:]):
            out += [text[last : match.start()], PLACEHOLDER]
            last, found = match.end(), True
    return ("".join(out) + text[last:], True) if found else (text, False)


def _reported(lead: list[str]) -> bool:
    """The words before a quote name an artist or a work, or an imagined sender."""
    if not _ARTIST.isdisjoint(lead):
        return True
    for i, word in enumerate(lead):
        if word in _SUPPOSE:
            after = lead[i + 1 : i + 6]
            if not _SOMEONE.isdisjoint(after) and not _SAYS.isdisjoint(after):
                return True
    return False
