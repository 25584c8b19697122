"""Who a message is about: the writer, someone else, or violence by another person.

Pure look-ups over labelled words, shared by the reader's weighing of matches.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety import chat
from bot.safety.levels import Category, Situation
from bot.safety.matcher import Match, as_typed


def sentence(match: Match, labelled: Sequence[frozenset[str]]) -> range:
    """The positions of the sentence `match` lies in."""
    start = match.start
    while start > 0 and chat.BOUNDARY not in labelled[start - 1]:
        start -= 1
    end = match.end
    while end + 1 < len(labelled) and chat.BOUNDARY not in labelled[end + 1]:
        end += 1
    return range(start, end + 1)


def situation(kept: dict[Category, list[Match]], labelled: Sequence[frozenset[str]]) -> Situation:
    if Category.VIOLENCE in kept:
        # a weapon, a locked door, next to words of dying, and nobody after the writer:
        # the person at risk is the one holding it ("il a son arme et parle d'en finir")
        mine = any(
            {"@ME", "@REFL"} & labelled[p] for m in kept[Category.VIOLENCE] for p in m.positions
        )
        if mine or not set(kept) & _SUICIDE_KINDS:
            return Situation.VIOLENCE
        kept = {c: ms for c, ms in kept.items() if c is not Category.VIOLENCE}
    matches = [m for ms in kept.values() for m in ms]
    if all(about_someone_else(m, labelled) for m in matches):
        return Situation.OTHER
    return Situation.SELF


_SUICIDE_KINDS = frozenset(
    (
        Category.EXPLICIT,
        Category.VEILED,
        Category.PREPARATION,
        Category.MEANS_NOW,
        Category.OVERDOSE,
        Category.SELF_HARM,
        Category.PAST_ATTEMPT,
        Category.THIRD_PARTY,
    )
)


def situation_of_words(where: dict[str, list[int]]) -> Situation:
    """The situation when only the model spoke: violence words, or someone else named."""
    if any(c in where for c in ("@BEAT", "@THREATEN", "@WEAPON", "@VIOLENT", "@LOCKED")):
        return Situation.VIOLENCE
    if "@ME" not in where and ("@OTHER" in where or "@SE" in where):
        return Situation.OTHER
    return Situation.SELF


def first_person(
    match: Match, labelled: Sequence[frozenset[str]], subject: frozenset[str] | None = None
) -> bool:
    """True when the writer speaks of themself right before `match` (`ma tentative`);
    with `subject`, only those words count (`je`, not `me`: "quelqu'un me parle de…")."""
    for position in range(match.start - 1, max(-1, match.start - 5), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels or "@OTHER" in labels or not _CALL.isdisjoint(labels):
            return False  # "what number do I call for domestic violence": the caller
        if subject is not None and "@HE" in labels:
            return False
        if not (_SUBJECT if subject is None else subject).isdisjoint(labels):
            return True
    return False


def told_of_others(
    match: Match, labelled: Sequence[frozenset[str]], story: frozenset[str], *, listener: bool
) -> bool:
    """True when `match` is what happens to someone else in a story (`story`: the words
    of stories found in the message), or what a volunteer listener tells of someone they
    listen to: not the writer's own words of danger, nor of a relative's."""
    if any("@ME" in labelled[p] for p in match.positions):
        return False
    if story and not first_person(match, labelled):
        near = range(max(0, match.start - 3), match.start)  # "the hero jumps"
        if any(not story.isdisjoint(labelled[p]) for p in near):
            return True
        return not relative(match, labelled, story)
    return listener and not first_person(match, labelled, _WRITER)


def relative(
    match: Match, labelled: Sequence[frozenset[str]], story: frozenset[str], *, before: bool = False
) -> bool:
    """Someone real in the sentence (`before`: ahead of the match, its subject): a relative,
    a colleague, a pupil ("mon frère a vu un film et depuis il parle de se tuer"), or anyone
    the writer calls theirs; not "un homme" or "le héros", who may be characters."""
    positions = [p for p in sentence(match, labelled) if not before or p < match.start]
    return any(
        "@OTHER" in labelled[p]
        and story.isdisjoint(labelled[p])
        and ("=son" not in labelled[p] or not _ENGLISH_BEFORE.isdisjoint(labelled[p - 1]))
        and (_ANYONE.isdisjoint(labelled[p]) or not _MINE.isdisjoint(labelled[p - 1]))
        # in a story, "le commissaire" may be a character ("un élève", "mon commissaire" not)
        and not (story and not _THE.isdisjoint(labelled[p - 1]))
        for p in positions
        if p > 0
    )


_ANYONE = as_typed(
    "homme hommes femme femmes mec mecs gars type types garcon fille gamin gamine quelqu "
    "personne man men woman women guy guys girl boy person someone kid villain narrateur"
)
# "son" is a son only after an English word ("my son"); in French it is "his" or "her".
_ENGLISH_BEFORE = frozenset("=my =his =her =our =their =your =the =a =whose".split())
_WRITER = frozenset({"=je", "=j", "=i", "=moi"})
_THE = frozenset({"=le", "=la", "=l", "=the"})
_MINE = frozenset({"=mon", "=ma", "=mes", "=my", "=notre", "=nos", "=our"})


def named(match: Match, labelled: Sequence[frozenset[str]], names: frozenset[str]) -> bool:
    """True when the one acting in `match` is called by a name right before it, and the
    writer is not in it: a character, or someone the writer does not say they know."""
    if not names or any("@ME" in labelled[p] for p in match.positions):
        return False
    for position in range(match.start - 1, max(-1, match.start - 3), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels or "@ME" in labels or "@OTHER" in labels:
            return False
        if not names.isdisjoint(labels):
            return True
    return False


def you_asked(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when `tu`/`you` is the subject before `match` in its clause (in a question):
    "est-ce que tu as eu des pensées suicidaires ?"."""
    for position in range(match.start - 1, max(-1, match.start - 8), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels or "@OTHER" in labels or not _SUBJECT_ONLY.isdisjoint(labels):
            return False
        if "=tu" in labels or "=you" in labels or "=vous" in labels:
            return True
    return False


def about_someone_else(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when the person at risk in `match` is not the writer."""
    if any("@SE" in labelled[p] for p in match.positions):
        return True
    if any("@ME" in labelled[p] for p in match.positions):
        return False
    for position in range(match.start - 1, max(-1, match.start - 10), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels:
            break
        if not _SUBJECT_ONLY.isdisjoint(labels):
            return False
        if "@OTHER" in labels or "@HE" in labels:
            return True
    return False


# The writer as the one who acts or suffers (not a possessive: "my novel" is a story).
_SUBJECT = frozenset({"=je", "=j", "=i", "=me", "=m", "=moi", "=myself"})
# Who speaks as the subject: "ma sœur m'a écrit" is about the sister.
_SUBJECT_ONLY = frozenset({"=je", "=j", "=i"})
_CALL = frozenset({"=call", "=appeler", "=appelle", "=contacter", "=joindre", "=dial"})


def done_to_me(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when someone else harms the writer in `match`: "il m'a griffée", "elle me
    brûle", "he cut me" are violence by another person, not self-harm."""
    harm = [p for p in match.positions if not _HARM.isdisjoint(labelled[p])]
    if not harm:
        return False
    verb = harm[-1]
    # French: the object pronoun stands before the verb, the actor right before it
    for position in range(verb - 1, max(-1, verb - 4), -1):
        labels = labelled[position]
        if chat.BOUNDARY in labels or not _SUBJECT_ONLY.isdisjoint(labels):
            break
        if "=me" in labels or "=m" in labels:
            return position > 0 and _actor(labelled[position - 1])
        if not _AUXILIARY.isdisjoint(labels):
            continue
        break
    # English: the actor before the verb, the writer as its object right after it
    after = labelled[verb + 1] if verb + 1 < len(labelled) else frozenset()
    if "=me" not in after:
        return False
    before = [labelled[p] for p in range(max(0, verb - 5), verb)]  # "is threatening to stab me"
    before = before[max((i + 1 for i, lb in enumerate(before) if chat.BOUNDARY in lb), default=0) :]
    return any(_actor(labels) for labels in before) and all(
        _SUBJECT_ONLY.isdisjoint(labels) for labels in before
    )


def _actor(labels: frozenset[str]) -> bool:
    return "@HE" in labels or "@OTHER" in labels or "@ROLE" in labels


# Verbs of harm done to a body, and what may stand between the pronoun and the verb.
_HARM = frozenset({"@CUT", "@HURT", "@BEAT"})
_AUXILIARY = frozenset({"=a", "=as", "=ai", "=avait", "=had", "=has", "=have", "=est", "=deja"})


def told_to_me(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """True when the writer in `match` is the one being told, not the one hurt:
    "une stagiaire m'a confié avoir été agressée" (someone else's story, to be weighed)."""
    for position in range(match.start, match.end + 1):
        if "=me" in labelled[position] or "=m" in labelled[position]:
            if position > 0 and not _TELL.isdisjoint(labelled[position - 1]):
                return True  # "my colleague told me her ex hit her"
            for labels in labelled[position + 1 : position + 3]:
                if not _TELL.isdisjoint(labels):
                    return True
                if _AUXILIARY.isdisjoint(labels):
                    break
    return False


_TELL = frozenset(
    f"={w}"
    for w in (
        "confie confié confiée dit raconte raconté racontée explique expliqué avoue avoué "
        "told tells telling confided"
    ).split()
)


def listener_speaks(labelled: Sequence[frozenset[str]], listener: frozenset[str]) -> bool:
    """A volunteer listener of the service speaks: a word of the role ("écoutante",
    "bénévole") or of the person listened to ("demandeur"), but not "l'écoutant" or
    "mon bénévole" in a user's question about the service ("l'écoutant voit mon nom ?")."""
    for position, labels in enumerate(labelled):
        if listener.isdisjoint(labels):
            continue
        near = [labelled[p] for p in range(max(0, position - 3), position)]
        before_it = [labelled[p] for p in range(max(0, position - 7), position)]
        if any(not _BECOMING.isdisjoint(b) for b in before_it):
            continue  # "comment on devient écoutant ?": someone who would like to be one
        if not _GROUP.isdisjoint(labels):  # "les écoutants voient mon nom ?": the group
            if any(not _PEERS.isdisjoint(b) for b in near):
                return True  # "nous, bénévoles", "entre écoutants", "other volunteers"
            continue
        if _SOUGHT.isdisjoint(labels) or position == 0:
            return True
        before = labelled[position - 1]
        their = not _ARTICLE.isdisjoint(before)
        mine = position > 1 and not _BEING.isdisjoint(labelled[position - 2])
        if not their or mine:  # "je suis une écoutante", "en tant que bénévole"
            return True
    return False


# The listener's role, which a user may also name; an article before it, a user's words.
_SOUGHT = frozenset("=ecoutant =ecoutante =benevole =listener =volunteer".split())
# The listeners as a group, named by a user unless a listener speaks of their peers.
_GROUP = frozenset("=ecoutants =ecoutantes =benevoles =listeners =volunteers".split())
_PEERS = frozenset("=nous =we =entre =among =fellow =autres =other =mes =my =collegues".split())
_BECOMING = frozenset(
    "=devient =devenir =deviens =devenu =devenue =become =becoming =candidater =postuler "
    "=rejoint =rejoindre =rejoins =join =joining =integrer".split()
)
_ARTICLE = frozenset(
    "=le =l =la =mon =ma =ton =ta =votre =the =my =your =a =an =un =une =another =autre".split()
)
_BEING = frozenset("=suis =am =comme =as =tant =etais =was".split())
