"""How each pattern match counts: sure, doubtful, or dropped (an idiom, a negation, a
joke, a topic, someone else's story), and why. Part of `Reader` (reader.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety import negation, passing, topics, violence, who
from bot.safety.chat import BOUNDARY
from bot.safety.evidence import Frame
from bot.safety.levels import Category
from bot.safety.matcher import Match

_SETTLES = frozenset({Category.VIOLENCE, Category.PAST_ATTEMPT})  # told as past, and over
_past = violence.Aftermath.past
# A cause or a condition, in the sentence of a joke: hyperbole.
_CAUSE = frozenset("=si =if =tellement =parce =because =cause =quand =when".split())
_WONDER = frozenset({"demand", "=wonder", "=wondering", "=wondered"})
YOU = frozenset({"=tu", "=te", "=t", "=vous", "=you"})
_ABSENT = frozenset({"@HERE", "@GONE"})  # "plus là", "parti": an absence, not a death


# people, or a cry, make it no search: "VIOLENCE AIDE", "help violence" is no search
_NO_SEARCH = frozenset(
    "@ME @REFL @SE @HE @OTHER @ROLE =on =you =tu =vous =we =nous =us =t =te".split()
    + "=aide =aidez =help =secours =sos =urgence =urgent =vite =stop".split()
)
_BARE = 4  # words at most


def _bare(labelled: Sequence[frozenset[str]]) -> bool:
    words = [labels for labels in labelled if BOUNDARY not in labels]
    return len(words) <= _BARE and all(_NO_SEARCH.isdisjoint(labels) for labels in words)


def _absent(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    return any(not _ABSENT.isdisjoint(labelled[p]) for p in match.positions)


class Weighing:
    laugh: frozenset[str]
    doubt: frozenset[str]
    story: frozenset[str]
    topic: frozenset[str]
    fiction: frozenset[str]
    negators: frozenset[str]

    def _weigh(
        self,
        labelled: Sequence[frozenset[str]],
        where: dict[str, list[int]],
        found: list[tuple[Category, Match]],
        in_idiom: set[int],
        frame: Frame,
    ) -> tuple[dict[Category, list[Match]], dict[Category, list[Match]], bool, set[str]]:
        """Matches that survive idioms and negations, split into sure and doubtful.

        Doubtful: a pattern that is only suggestive (`?`), or a match in a sentence that
        jokes, supposes (`si`, `if`) or talks about work objects and leaving parties.
        Also why matches were dropped (`#NEGATED`, `#ASIDE`), for the model.
        """
        topical = not self.topic.isdisjoint(where)
        # violence as a bare topic, nobody in it: "violences conjugales", "num violences" (a
        # search; "idées suicidaires" alone still gets the numbers first)
        bare = _bare(labelled)
        tale = topics.tales(self.fiction.intersection(where), labelled, where) | frame.title_mark
        fiction = bool(tale)
        joking = not self.laugh.isdisjoint(where) and not frame.serious
        reading = not self.story.isdisjoint(where)
        listener = frame.listener
        sure: dict[Category, list[Match]] = {}
        doubtful: dict[Category, list[Match]] = {}
        asked = False  # a danger topic named in a question ("numéro prévention suicide")
        dropped: set[str] = set()
        attempts = {p for c, m in found if c is Category.PAST_ATTEMPT for p in m.positions}
        for category, match in found:
            alone = not who.first_person(match, labelled)
            if who.told_of_others(match, labelled, frozenset(tale), listener=listener):
                dropped.add("#OTHERS")
                frame.hidden.update(who.sentence(match, labelled))
                continue
            if in_idiom.intersection(match.positions):
                continue
            if category is Category.VEILED and frame.away and _absent(match, labelled):
                dropped.add("#AWAY")  # "je serai plus là lundi, je pars 3 semaines"
                continue
            if negation.negated(match, labelled, self.negators):
                dropped.add("#NEGATED")
                if category is Category.EXPLICIT:  # "aucune idée noire": a denial
                    dropped.add("#DENIED")
                frame.hidden.update(match.positions)  # denied words are no sign either
                continue
            # "comment le bot gère un message qui parle de suicide": the service in between
            about = topics.about(match, labelled, self.topic)
            searched = topical or (bare and category is Category.VIOLENCE)
            if match.pattern.single and (((searched or joking or fiction) and alone) or about):
                # a topic asked about names danger ("numéro prévention suicide"); a doubtful
                # word ("adieu la prochaine projection") or a threat told does not
                named = not match.pattern.doubtful and match.pattern.source != "@THREATEN"
                asked = asked or (searched and named and not joking and not fiction)
                dropped.add("#ASIDE")
                frame.hidden.update(match.positions)  # a topic's words: no sign either
                continue
            if joking and self._hyperbole(match, labelled):
                dropped.add("#JOKE")  # "je me jette par la fenêtre si encore une réunion mdr"
                continue
            if frame.question and who.you_asked(match, labelled):
                dropped.add("#ASKED")  # a listener asks, as taught: "tu penses au suicide ?"
                continue
            if category is Category.SELF_HARM and who.done_to_me(match, labelled):
                category = Category.VIOLENCE  # "il m'a griffée": someone else's hand
            elif category is Category.VIOLENCE and violence.self_inflicted(match, labelled):
                category = Category.SELF_HARM  # "je vais me blesser": one's own hand
            # "une tentative de suicide il y a 8 ans … ça va vraiment bien depuis"
            settles = category in _SETTLES or attempts.issuperset(match.positions)
            if settles and frame.over:
                dropped.add("#SETTLED")  # past, reported, safe now: a concern at most
                continue
            # "…le formulaire svp ? sinon j'ai commencé à donner mes affaires": said in passing
            # ... unless it supposes: "also, if I see one more Excel sheet I'll die"
            aside = passing.in_passing(match, labelled) and not _supposes(match, labelled)
            unsure = not aside and (
                match.pattern.doubtful
                or self._in_doubt(match, labelled, joking)
                or who.told_to_me(match, labelled)  # someone else's story, told to the writer
                or (
                    category is Category.VIOLENCE
                    and _past(match, labelled, frame.times)
                    and not frame.lasting  # "il y a deux jours … j'ai encore peur de le croiser"
                )
                or (category is Category.VIOLENCE and violence.habitual(match, labelled))
                or listener  # the listener's own words: the model must agree
                or (reading and alone)  # what one reads or studies, about someone else
                # a film, a play, a hero: someone else's words, unless someone real is there
                or (fiction and alone and not who.relative(match, labelled, tale, before=True))
                or who.named(match, labelled, frame.names)  # "Javert se jette dans la Seine"
            )
            if unsure and (listener or reading or frame.names):
                dropped.add("#FRAMED")
            (doubtful if unsure else sure).setdefault(category, []).append(match)
        return sure, doubtful, asked, dropped

    def _in_doubt(self, match: Match, labelled: Sequence[frozenset[str]], joking: bool) -> bool:
        """The sentence of `match` jokes, supposes, is about work things, or asks the other
        person ("est-ce que tu penses au suicide ?", as a listener is taught to ask)."""
        near = (*range(max(0, match.start - 4), match.start), *match.positions)
        if any(not YOU.isdisjoint(labelled[p]) for p in near):
            return True
        for position in who.sentence(match, labelled):
            labels = labelled[position]
            if (joking and not self.laugh.isdisjoint(labels)) or not self.doubt.isdisjoint(labels):
                return True
            # a condition: "si" before the danger words, "if" anywhere in the sentence
            supposes = (not _IF.isdisjoint(labels) and position < match.start) or "=if" in labels
            # "je me demandais si je sautais": wondering, not supposing
            before = range(max(0, position - 4), position)
            if supposes and not any(_WONDER & labelled[p] for p in before):
                return True
        return False

    def _hyperbole(self, match: Match, labelled: Sequence[frozenset[str]]) -> bool:
        """The sentence of `match` laughs and gives a petty cause or condition."""
        sentence = [labelled[p] for p in who.sentence(match, labelled)]
        laughs = any(not self.laugh.isdisjoint(labels) for labels in sentence)
        return laughs and any(not _CAUSE.isdisjoint(labels) for labels in sentence)


def _supposes(match: Match, labelled: Sequence[frozenset[str]]) -> bool:
    """The sentence of `match` puts a condition before it ("si…", "if…")."""
    return any(
        not _IF.isdisjoint(labelled[p]) for p in who.sentence(match, labelled) if p < match.start
    )


_IF = frozenset({"=si", "=if"})
