"""Whose words a query's words are: "mon chef", "son aide à domicile", "une
aide-soignante lui crie dessus", "je suis pas soignant" speak of someone else, or of a
job that is not the writer's; "ma fille infirmière" of whom is to be helped."""

from __future__ import annotations

from itertools import pairwise

# "mon chef", "son aide à domicile", "my boss": the words after them speak of someone else.
POSSESSIVES = frozenset(
    "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs "
    "my his her their your our".split()
)

_OTHERS_REACH = 3
_PLACE_WORDS = frozenset("en a au aux dans chez de du des d l la le pour in at of".split())

# "pour ma fille étudiante infirmière": the words after a relative say who is to be
# helped, and so which lines fit; "mon chef", "son aide à domicile" say nothing of that.
_KIN = frozenset(
    "fille fils soeur frere mari femme epouse epoux conjoint conjointe compagnon compagne "
    "copain copine pote ami amie mere pere maman papa cousin cousine tante oncle niece "
    "neveu enfant enfants coloc colocataire voisin voisine collegue collegues binome "
    "daughter son sister brother husband wife partner friend mother father mum mom dad "
    "colleague coworker boyfriend girlfriend".split()
)


# The writer's own team or work: what it is ("mon équipe soignante") says their sector;
# "ma garde", "my shift" are theirs too.
_TEAM = frozenset(
    "equipe equipes service unite agents personnel team staff garde gardes astreinte "
    "poste tournee shift shifts".split()
)
_MY = frozenset("mon ma mes notre nos my our".split())


def _owner(words: list[str], at: int) -> list[str]:
    """The words after the possessive at `at` that name someone else or their things:
    "mon chef de service", "son aide à domicile", "mon père en ehpad"; but the words
    that describe a relative ("ma fille étudiante infirmière", "ma sœur qui est
    infirmière") say who is to be helped, and so which lines fit."""
    after = words[at + 1 : at + 1 + _OTHERS_REACH]
    if after and after[0] in _TEAM and words[at] in _MY:
        return []  # "mon équipe soignante", "mes agents": the writer's own sector
    if not after or after[0] not in _KIN:
        return after
    rest = words[at + 2 : at + 2 + 2 * _OTHERS_REACH]  # "ma mère qui déprime en ehpad"
    cut = next((k for k, w in enumerate(rest) if _place_word(rest, k)), len(rest))
    return [after[0], *rest[cut : cut + _OTHERS_REACH]]


def _place_word(words: list[str], at: int) -> bool:
    """ "en", "à", "dans"…; not the English article ("my wife is a midwife")."""
    article = words[at] == "a" and at > 0 and words[at - 1] in ("is", "s", "was", "works")
    return words[at] in _PLACE_WORDS and not article


# "she won't see a doctor", "trouver un hôpital de jour": whom or what one would
# consult, not who one is
_CONSULT = frozenset("voir consulter chez trouver see consult visit find".split())
_ARTICLE = frozenset("un une le la l a an the".split())


def _staff(words: list[str]) -> set[str]:
    """Where the writer speaks of a relative ("ma mère est en ehpad"), the job that follows
    an article names someone who cares for them ("une aide-soignante lui crie dessus"),
    not the writer, unless the writer says it of themself ("je suis une aide-soignante")."""
    if not any(w in _MY and n in _KIN for w, n in pairwise(words)):
        return set()
    return {
        w
        for k in range(1, len(words))
        if words[k] in _SOMEONE and words[k - 1] not in _BEING
        for w in words[k + 1 : k + 3]
    }


def _denied(words: list[str]) -> set[str]:
    """ "je suis pas soignant", "I'm not a nurse": the job the writer says is not theirs."""
    found = set()
    for k in range(1, len(words) - 1):
        if words[k] in _NOT and words[k - 1] in _BEING:
            after = words[k + 1 :]
            found.update(after[1:2] if after[0] in _SOMEONE | {"a", "an"} else after[:1])
    return found


_NOT = frozenset("pas plus not".split())
_SOMEONE = frozenset(("un", "une"))  # not "a": the French "à" folds to it
_BEING = frozenset("suis es est etant etais etait am is was i m s".split())


def _consulted(words: list[str]) -> set[str]:
    return {
        words[i + 2]
        for i in range(len(words) - 2)
        if words[i] in _CONSULT and words[i + 1] in _ARTICLE and words.count(words[i + 2]) == 1
    }


def speaking_of(words: list[str]) -> set[str]:
    """The words of `words` (a query's, in order) that speak of someone else."""
    found = {w for i, p in enumerate(words) if p in POSSESSIVES for w in _owner(words, i)}
    return found | _consulted(words) | _staff(words) | _denied(words)
