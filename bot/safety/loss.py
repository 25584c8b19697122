"""Someone else's death by suicide, told as over: grief, not danger now.

"ma grand-mère s'est suicidée quand j'avais 10 ans", "encore un suicide dans un
commissariat aux infos", "one of our agents died by suicide last month": words of
suicide about a person who is gone. Nobody can be saved any more in them; the writer
may grieve, which the warm question of a concern answers. Danger stays danger as soon
as the writer's own words, or a living person at risk, are in the message: only
matches about someone else, each in a sentence of a death or in a message of mourning,
are lowered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.safety import chat, who
from bot.safety.levels import Category
from bot.safety.matcher import Match, as_typed, compile_pattern, find

# A death that happened: a completed act, a death noun with an article, a plural count.
DEATHS: tuple[str, ...] = (
    "@SE + =est|=etait + =suicide|=suicidee|=suicides|=suicidees|=tue|=tuee|=pendu|=pendue",
    "@SE + =est|=etait + =donne + la + mort",
    "=a|=avait + =mis + fin + à + ses|leurs + jours",
    "=died|=dies|=death + by + suicide",
    "=killed + =himself|=herself|=themselves",
    "=took|=taken + =his|=her|=their + own + life",
    "=un|=une|=le|=des|=a|=the + suicide|suicides + de|d|of|dans|in|à|at|au|chez|among|parmi",
    "encore + =un|=une + suicide",
    "vague|série|wave|series|nombre|number|taux|rate + de|d|of + suicides|suicide",
    "=suicides",
    "passed + away",
    "perdu|perdre|lost|lose .. =par|=to + suicide",
)
# Mourning: a memorial, a funeral, a date of remembrance (as typed, accents folded).
MOURNING = as_typed(
    "hommage ceremonie obseques enterrement funerailles deuil condoleances recueillement "
    "commemoration commemorative funeral memorial grief mourning condolences tribute "
    "toussaint cimetiere rip deces decede decedee deceased"
)


# Someone else's crisis long over: "il va bien aujourd'hui", "he's now a happy grandpa".
RECOVERED = as_typed(
    "heureux heureuse happy gueri guerie recovered sorti sortie remis remise epanoui "
    "epanouie thriving"
)
RECOVERED_PHRASES: tuple[str, ...] = (
    "=va|=allait|=is|=doing|=est bien|mieux|well|fine|better|great",
)


# Dying of an illness: what someone in palliative care says of going ("elle est prête à
# partir") is no sign of suicide.
DYING: tuple[str, ...] = (
    "=palliatif|=palliatifs|=palliative|=palliatives|=hospice",
    "fin + de + vie",
    "end + of + life",
)


class Loss:
    """Whether the danger words of a message only tell of someone already gone, of
    someone dying of an illness, or of someone else's crisis long over."""

    def __init__(self) -> None:
        self.deaths = [compile_pattern(p) for p in DEATHS]
        self.dying = [compile_pattern(p) for p in DYING]
        self.recovered = [compile_pattern(p) for p in RECOVERED_PHRASES]

    def mourns(
        self,
        sure: dict[Category, list[Match]],
        labelled: Sequence[frozenset[str]],
        where: dict[str, list[int]],
        times: frozenset[int],
    ) -> bool:
        """True when every sure match is about someone else, in the clause of a death,
        or told in the past in a message of mourning (`times`: words of a past time)."""
        matches = [(c, m) for c, ms in sure.items() for m in ms]
        if not matches:
            return False
        mourning = not MOURNING.isdisjoint(where)
        dying = any(next(iter(find(p, labelled, where)), None) for p in self.dying)
        recovered = not RECOVERED.isdisjoint(where) or any(
            next(iter(find(p, labelled, where)), None) for p in self.recovered
        )
        sentences: set[int] = set()
        deaths: set[int] = set()  # the words of the deaths themselves
        for pattern in self.deaths:
            for death in find(pattern, labelled, where):
                if not any("@ME" in labelled[p] for p in death.positions):
                    sentences.update(_clause(death, labelled))
                    deaths.update(death.positions)
        if not sentences and not mourning and not dying and not recovered:
            return False
        return all(
            not deaths.isdisjoint(m.positions)  # "how do I talk about his death by suicide"
            or (
                who.about_someone_else(m, labelled)
                and not who.first_person(m, labelled)
                and (
                    (dying and category is Category.VEILED)  # "prête à partir", not "se tuer"
                    or set(m.positions) <= sentences
                    or (mourning and _past(m, labelled, times))
                    or (recovered and _long_ago(m, labelled) and _AGAIN.isdisjoint(where))
                )
            )
            for category, m in matches
        )


def _clause(match: Match, labelled: Sequence[frozenset[str]]) -> range:
    """The positions of the clause `match` lies in (a comma, "mais", a full stop end it):
    "un collègue s'est pendu en mars, et maintenant son binôme parle d'en finir"."""
    start = match.start
    while start > 0 and _ENDS.isdisjoint(labelled[start - 1]):
        start -= 1
    end = match.end
    while end + 1 < len(labelled) and _ENDS.isdisjoint(labelled[end + 1]):
        end += 1
    return range(start, end + 1)


def _past(match: Match, labelled: Sequence[frozenset[str]], times: frozenset[int]) -> bool:
    """The sentence of `match` is told in the past: a past time, a year, a pluperfect."""
    sentence = who.sentence(match, labelled)
    return not times.isdisjoint(sentence) or any(
        not _PAST.isdisjoint(labelled[p]) or any(_YEAR.match(label) for label in labelled[p])
        for p in sentence
    )


def _long_ago(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """The sentence of `match` says years ago: a year, a decade, "il y a trois ans"."""
    return any(
        not _YEARS.isdisjoint(labelled[p]) or any(_YEAR.match(label) for label in labelled[p])
        for p in who.sentence(match, labelled)
    )


_YEARS = frozenset("=ans =annees =years =decennies =decades =enfance =childhood".split())
# ... and nothing says it could come back
_AGAIN = frozenset(
    "=recommencer =recommence =recommencera =again =encore =toujours =still =refaire".split()
)
_ENDS = frozenset({chat.BOUNDARY, chat.CLAUSE})
_PAST = frozenset("=etait =avait =had =was =were".split())
_YEAR = re.compile(r"^=(19[5-9]\d|20[0-2]\d|[5-9]0s|19[5-9]0s)$")
