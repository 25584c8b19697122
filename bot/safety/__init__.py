"""The safety lane's reader: what a message means for the person's safety.

`read(text)` returns a `Reading`: a level (danger, concern or none), the situation
(the writer, someone else, or violence now) and the categories recognised. The same
reader serves the conversation (every message, whatever the state) and the directory
(danger queries put the fitting emergency numbers first). It errs on the side of
answering: a false alarm costs a list of numbers, a miss can cost a life.
"""

from __future__ import annotations

from bot.safety.levels import Category, Level, Reading, Situation
from bot.safety.reader import read

__all__ = ["Category", "Level", "Reading", "Situation", "is_danger", "read"]


def is_danger(text: str) -> bool:
    """True when `text` expresses danger (the level that alerts coordinators)."""
    return read(text).level is Level.DANGER
