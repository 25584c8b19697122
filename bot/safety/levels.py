"""Levels, situations and categories: what the reader tells the rest of the bot."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Level(IntEnum):
    """How worried the bot should be, in increasing order."""

    NONE = 0
    CONCERN = 1
    DANGER = 2


class Situation(StrEnum):
    """Who is at risk, which decides the numbers given first."""

    SELF = "self"
    OTHER = "other"
    VIOLENCE = "violence"


class Category(StrEnum):
    """Kinds of danger (and distress) the reader recognises."""

    EXPLICIT = "explicit"
    VEILED = "veiled"
    PREPARATION = "preparation"
    MEANS_NOW = "means_now"
    OVERDOSE = "overdose"
    SELF_HARM = "self_harm"
    PAST_ATTEMPT = "past_attempt"
    THIRD_PARTY = "third_party"
    VIOLENCE = "violence"
    DISTRESS = "distress"


@dataclass(frozen=True, slots=True)
class Reading:
    """What one message says about someone's safety."""

    level: Level
    situation: Situation = Situation.SELF
    categories: frozenset[Category] = frozenset()
    asked: bool = False  # a danger topic named in a question: no alarm, but 3114 first
    figurative: bool = False  # words of danger only in an idiom or a joke ("ce dossier me tue")


NOTHING = Reading(Level.NONE)
