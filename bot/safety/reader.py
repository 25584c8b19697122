"""The reader: one message in, its level and situation out. Pure, no I/O."""

from __future__ import annotations

import threading

from bot.safety import chat, context, lemmas, loss, negation, quotes, violence, who
from bot.safety.away import Away
from bot.safety.distress import CONCERN, LOW, TEARS
from bot.safety.evidence import Evidence, Frame
from bot.safety.idioms import IDIOMS
from bot.safety.levels import NOTHING, Category, Level, Reading
from bot.safety.lexicon import CONCEPTS, SIGNALS
from bot.safety.matcher import Pattern, compile_pattern, find, index, label_tokens
from bot.safety.model import WEIGHTS, Model, features
from bot.safety.patterns import DANGER
from bot.safety.weighing import YOU, Weighing
from bot.text import fold


class Reader(Weighing):
    """Compiled once; `read` is then a handful of dictionary look-ups per word."""

    def __init__(self, *, with_model: bool = True) -> None:
        words = {w.lstrip("=!") for text in CONCEPTS.values() for w in text.split()}
        words |= {
            alt.lstrip("=~")
            for source in (*(p for ps in DANGER.values() for p in ps), *CONCERN)
            for part in source.split()
            for alt in part.lstrip("!").split("|")
            if alt[:1] not in ("@", "#", ".", "+")
        }
        lemmas.load(words)
        self.concepts: dict[str, frozenset[str]] = {}
        members: dict[str, set[str]] = {}
        for name, text in CONCEPTS.items():
            for word in text.split():  # `=word`: as typed; `!word`: as typed, not a member
                label = fold(word) if word.startswith("=") else lemmas.key(word.lower())
                label = "!=" + fold(word[1:]) if word.startswith("!") else label
                members.setdefault(label, set()).add("@" + name)
        self.concepts = {key: frozenset(names) for key, names in members.items()}
        self.danger = [(c, compile_pattern(p)) for c, ps in DANGER.items() for p in ps]
        self.concern = [compile_pattern(p) for p in CONCERN]
        self.anchored: dict[str, list[int]] = {}
        for i, (_, pattern) in enumerate(self.danger):
            anchor = next(slot for slot in pattern.slots if not slot.negative)
            for label in anchor.labels:
                self.anchored.setdefault(label, []).append(i)
        self.idioms = [compile_pattern(p) for p in IDIOMS]
        self.jokes = [compile_pattern(p) for p in context.JOKES]
        self.serious = [compile_pattern(p) for p in context.SERIOUS]
        self.listening = [compile_pattern(p) for p in context.LISTENING]
        self.topic = frozenset(lemmas.key(w.lower()) for w in context.TOPIC)
        # written `=word`: as typed (`=manga`, whose key is the one of `manger`)
        self.fiction = frozenset(
            "=" + fold(w[1:]) if w.startswith("=") else lemmas.key(w.lower())
            for w in context.FICTION
        )
        self.story = frozenset(lemmas.key(w.lower()) for w in context.STORY)
        self.laugh = frozenset(lemmas.key(w) for w in context.LAUGH)
        self.doubt = frozenset(
            "=" + fold(w[1:]) if w.startswith("=") else lemmas.key(w.lower()) for w in context.DOUBT
        )
        self.negators = frozenset(
            "=" + fold(w[1:]) if w.startswith("=") else lemmas.key(w) for w in negation.NEGATORS
        )
        self.aftermath = violence.Aftermath()
        self.loss = loss.Loss()
        self.away = Away()
        self.model = Model.load() if with_model and WEIGHTS.exists() else None

    def read(self, text: str) -> Reading:
        seen = self.evidence(text)
        if seen.sure:
            return Reading(Level.DANGER, seen.situation, frozenset(seen.sure))
        if seen.capped:  # a death wish laughed at, violence over: the warm question
            return Reading(Level.CONCERN, categories=_DISTRESS, asked=seen.asked)
        model = self.model
        if model is not None and (seen.doubtful or seen.signals):
            chance = model.probability(seen.features)
            if seen.doubtful and chance > model.doubt:
                return Reading(Level.DANGER, seen.situation, frozenset(seen.doubtful))
            if seen.signals and chance > model.threshold:
                # no pattern and no word of danger ("je dois partir"): unless the model is
                # sure, the plain question rather than an alarm
                # words of danger the writer denies: the plain question, never an alarm
                if not seen.denied and (not seen.plain or chance > PLAIN_ALONE):
                    return Reading(Level.DANGER, seen.situation)
                return Reading(Level.CONCERN, categories=_DISTRESS)
        if seen.concern or (seen.doubtful and Category.VIOLENCE in seen.doubtful):
            return Reading(Level.CONCERN, categories=_DISTRESS, asked=seen.asked)
        if seen.asked:
            return Reading(Level.NONE, seen.situation, asked=True)
        if LOW.match(fold(text).replace("'", " ")) or TEARS.match(text):  # "ça va pas", "😭"
            return Reading(Level.CONCERN, categories=_DISTRESS)
        figurative = not _FIGURES.isdisjoint(seen.features)  # "ce dossier va me tuer lol"
        return Reading(Level.NONE, figurative=True) if figurative else NOTHING

    def evidence(self, text: str) -> Evidence:
        """What the patterns found, sure or doubtful, and what the model would look at."""
        text, quoted = quotes.unquote(text)
        tokens = chat.words(text)
        labelled = label_tokens(tokens, self.concepts)
        where = index(labelled)
        found = [(c, m) for c, p in self._candidates(where) for m in find(p, labelled, where)]
        serious = any(next(iter(find(p, labelled, where)), None) for p in self.serious)
        idioms = self.idioms if serious else self.idioms + self.jokes
        in_idiom = {i for p in idioms for m in find(p, labelled, where) for i in m.positions}
        listener = who.listener_speaks(labelled, context.LISTENER) or any(
            next(iter(find(p, labelled, where)), None) for p in self.listening
        )
        names, title = chat.names(text)
        times, over = self.aftermath.read(labelled, where)
        frame = Frame(
            question="?" in text,
            names=names,
            serious=serious,
            listener=listener,
            title=title,
            hidden=set(),
            times=times,
            over=over,
            away=self.away.explains(labelled, where),
            lasting=self.aftermath.lasting(labelled, where),
        )
        sure, doubtful, asked, dropped = self._weigh(labelled, where, found, in_idiom, frame)
        every = {c: [*sure.get(c, ()), *doubtful.get(c, ())] for c in {*sure, *doubtful}}
        if self.loss.mourns(every, labelled, where, times):  # someone already gone: grief
            sure, doubtful, dropped = {}, {}, dropped | {"#MOURNED"}
        dropped |= {"#SERIOUS"} if serious and not self.laugh.isdisjoint(where) else set()
        dropped |= {"#LISTENER"} if listener else set()
        dropped |= {"#FICTION"} if title else set()
        dropped |= {"#QUOTED"} if quoted else set()
        # what a story or a listener tells of someone else is no sign about the writer
        # nor are the words of an idiom ("deux cachets contre la migraine")
        hidden = frame.hidden | in_idiom
        shown = [lb & _KEEP if i in hidden else lb for i, lb in enumerate(labelled)]
        kept = sure or doubtful
        # a death wish with "mdr" or 😂 and nothing else doubtful ("J'AI ENVIE DE MOURIR 😂")
        laughed = "#SERIOUS" not in dropped and not _LAUGHING.isdisjoint(where)
        wish = bool(doubtful) and _WISH.issuperset(doubtful)
        settled = not dropped.isdisjoint(("#SETTLED", "#MOURNED")) and not doubtful
        joked = "#JOKE" in dropped and laughed and not doubtful  # "ptdr je vais me pendre si…"
        # a story or a listener's report with nothing of the writer's own: no model alone
        aside = listener or ("#OTHERS" in dropped and not kept)
        return Evidence(
            sure=frozenset(sure),
            doubtful=frozenset(doubtful),
            signals=not aside and (len(labelled) > 4 or not SIGNALS.isdisjoint(where)),
            plain=SIGNALS.isdisjoint(where),
            features=features(shown, self._flags(text, where, dropped, bool(in_idiom))),
            situation=who.situation(kept, labelled) if kept else who.situation_of_words(where),
            concern="#SETTLED" in dropped
            or any(next(iter(find(p, labelled, where)), None) for p in self.concern),
            asked=asked,
            capped=not sure and ((wish and laughed) or settled or joked),
            denied=not kept and not dropped.isdisjoint(("#DENIED", "#ASKED")),
        )

    def _flags(
        self, text: str, where: dict[str, list[int]], dropped: set[str], idiom: bool
    ) -> set[str]:
        """What kind of message it is, for the model: a story, a joke, a question, a
        listener asking, a match that a negation or an idiom dropped."""
        flags = {
            name
            for name, words in (
                ("#FICTION", self.fiction),
                ("#LAUGH", self.laugh),
                ("#TOPIC", self.topic),
                ("#DOUBT", self.doubt),
                ("#YOU", YOU),
                ("#STORY", self.story),
            )
            if not words.isdisjoint(where)
        }
        flags |= dropped
        flags |= {"#IDIOM"} if idiom else set()
        flags |= {"#QUESTION"} if "?" in text else set()
        flags |= set() if "@ME" in where else {"#NOTME"}
        return flags

    def _candidates(self, where: dict[str, list[int]]) -> list[tuple[Category, Pattern]]:
        """Only the patterns whose anchor word is in the message (a few dozen of ~400)."""
        hit = {i for label in where for i in self.anchored.get(label, ())}
        return [self.danger[i] for i in sorted(hit)]


_DISTRESS = frozenset({Category.DISTRESS})
_FIGURES = frozenset(("#IDIOM", "#JOKE"))
PLAIN_ALONE = 0.7  # leave-one-file-out: 44 of 55 such danger still alarm, 10 of 21 traps
_WISH = frozenset({Category.EXPLICIT, Category.VEILED})
_LAUGHING = frozenset("=lol =mdr =ptdr =lmao =xd =haha =hahaha".split())
_KEEP = frozenset({chat.BOUNDARY, chat.CLAUSE})
_reader: Reader | None = None
_lock = threading.Lock()


def reader() -> Reader:
    """The shared reader, built on first use (about half a second)."""
    global _reader
    with _lock:
        if _reader is None:
            _reader = Reader()
        return _reader


def read(text: str) -> Reading:
    """What `text` says about the writer's safety, or someone else's."""
    return reader().read(text)
