"""What the reader sees in one message before it decides: the frame of the whole text,
and the evidence the patterns leave for the model."""

from __future__ import annotations

from dataclasses import dataclass

from bot.safety.levels import Category, Situation


@dataclass(frozen=True, slots=True)
class Frame:
    """What the raw text says about the whole message: a question, capitalised names."""

    question: bool
    names: frozenset[str]
    serious: bool  # the writer takes a joke back: laughing lowers nothing
    listener: bool  # a volunteer listener of the service speaks
    title: bool  # "Dans Hamlet, …": a work is discussed
    hidden: set[int]  # words about someone else in a story or a listener's report
    times: frozenset[int]  # words of a past time ("la semaine dernière")
    over: bool  # violence told as past and settled, nothing of a threat now
    away: bool  # the writer says where they go, and for how long (a trip)
    lasting: bool  # past violence whose threat is still there ("encore peur")

    @property
    def title_mark(self) -> frozenset[str]:
        return frozenset({"#title"}) if self.title else frozenset()


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the reader saw in one message, before the model weighs in."""

    sure: frozenset[Category]
    doubtful: frozenset[Category]
    signals: bool
    plain: bool  # no word that can carry danger: the model alone must be surer
    features: set[str]
    situation: Situation
    concern: bool
    asked: bool
    capped: bool  # at most a concern: a death wish laughed at, violence over and settled
    # the only words of danger were denied ("aucune idée noire") or asked ("tu y penses ?")
    denied: bool = False
