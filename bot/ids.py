"""The names the core passes around, typed so one cannot stand for another."""

from __future__ import annotations

from enum import StrEnum
from typing import NewType

CaseRef = NewType("CaseRef", str)  # "K7Q2": a case's random reference, in capitals
ListenerId = NewType("ListenerId", str)  # "camille": a roster member's id


class Platform(StrEnum):
    """Where a person is reached; the value is what the database and the logs hold."""

    CONSOLE = "console"  # the demo in a terminal, and the conversation tests
    MATRIX = "matrix"  # Tchap and any Matrix homeserver
    MATTERMOST = "mattermost"
