"""The ways of reaching a line that people name without asking for a filter: "un
formulaire", "qu'un psy me rappelle", "sur Tchap". Such a word raises the lines reached
that way, as strongly as an audience word; it does not set the others aside (the chat,
phone, e-mail and written filters are in `query.py`)."""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from bot.directory.model import Resource
from bot.directory.words import stem, stems

Bools = npt.NDArray[np.bool_]
WAY = 2.0

# Channel → single words that name it. "message" alone is left out: "un message d'adieu" is
# what happened, not how to reach a line.
_WORDS = {
    "form": ("formulaire", "formulaires", "form"),
    "callback": ("rappel", "rappelle", "rappeler", "rappele", "callback"),
    "messaging": ("messagerie", "messageries", "messaging", "dm"),
    "app": ("appli", "applis", "application", "app", "apps"),
}
# the apps a line's own messaging note names ("sur Mattermost, Tchap ou …")
_APP = re.compile(r"\b[A-Z][a-zA-Z]{2,}\b")
# ... and the apps its description names ("par Skype, WhatsApp ou téléphone")
_KNOWN_APPS = re.compile(
    r"\b(whatsapp|skype|signal|telegram|messenger|zoom|teams|tchap|mattermost|discord)\b", re.I
)


class Ways:
    """For each word that names a way of reaching a line, the lines reached that way."""

    def __init__(self, resources: list[Resource]) -> None:
        size = len(resources)
        self.lines: dict[str, Bools] = {}
        for i, r in enumerate(resources):
            # the words as listed ("messagerie" and "messages" share a stem: the harassment
            # "par messages" is how it happens, not how to reach a line)
            words = {w for c in r.channels for w in _WORDS.get(c, ())}
            apps = _APP.findall(r.messaging) if "messaging" in r.channels and r.messaging else []
            if {"messaging", "visio"} & set(r.channels):
                apps += _KNOWN_APPS.findall(r.description or "")
            for token in words | {t for app in apps for t in stems(app)}:
                self.lines.setdefault(token, np.zeros(size, dtype=np.bool_))[i] = True

    def named(self, terms: list[str], size: int) -> Bools:
        """The lines reached in a way the query's terms name."""
        out = np.zeros(size, dtype=np.bool_)
        for term in {stem(t) for t in terms} | set(terms):
            found = self.lines.get(term)
            if found is not None:
                out |= found
        return out
