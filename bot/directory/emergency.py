"""Which emergency numbers come first when the safety reader finds danger, and in what
order: by situation, then by what the query says (pills swallowed, a weapon, someone of
the public, a person who cannot speak)."""

from __future__ import annotations

import numpy as np

from bot.directory.kinds import LineKinds
from bot.directory.model import DirectoryFile
from bot.directory.query import Query, from_the_public
from bot.safety import Situation


class Emergencies:
    """The emergency numbers of one directory, as indices into its resources."""

    def __init__(self, directory: DirectoryFile, kinds: LineKinds) -> None:
        self.resources = directory.resources
        by_id = {r.id: i for i, r in enumerate(self.resources)}
        self.medical = [any(p.dial in ("15", "112") for p in r.phones) for r in self.resources]
        lists = {
            Situation.SELF: directory.emergency_first,
            Situation.OTHER: directory.emergency_first,
            Situation.VIOLENCE: directory.emergency_first_violence or directory.emergency_first,
        }
        self.lists = {s: [by_id[e] for e in ids if e in by_id] for s, ids in lists.items()}
        self.voiceless = [int(i) for i in np.flatnonzero(kinds.voiceless)]
        self.situational = kinds.situational

    def first(self, query: Query, situation: Situation) -> list[int]:
        """The numbers to show before anything else, in order."""
        first = list(self.lists[situation])
        if "medical" in query.flags:  # an overdose: medical emergency numbers first
            first.sort(key=lambda i: not self.medical[i])
        police = self.lists[Situation.VIOLENCE][:1]
        if "armed" in query.flags and police and police[0] not in first:
            first += police  # a weapon: the first number for violence too
        if from_the_public(query):  # "un usager menace de me planter": 114 before 3919
            first.sort(key=lambda i: bool(self.situational[i]))
        # in violence, "I can only write" says speaking is not safe
        voiceless = "silent" in query.flags or (
            "written" in query.flags and situation is Situation.VIOLENCE
        )
        if voiceless:  # cannot speak: what works without a voice first
            first += [i for i in self.voiceless if i not in first]
            first.sort(key=lambda i: "messaging" not in self.resources[i].channels)
        elif "overheard" in query.flags:  # 17 and 112, then what works without a voice
            quiet = self.voiceless
            first = first[:2] + quiet + [i for i in first[2:] if i not in quiet]
        return first
