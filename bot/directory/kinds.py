"""What kind of line each resource is, as boolean vectors the search combines."""

from __future__ import annotations

import numpy as np

from bot.directory import ranking as rank
from bot.directory.model import Resource


class LineKinds:
    """Lines that work without a voice, lines to talk to, lines kept for one situation."""

    def __init__(self, resources: list[Resource]) -> None:
        # reachable without a voice, for someone who cannot speak or hear: the 114
        self.voiceless = np.array(
            [
                "messaging" in r.channels and rank.EMERGENCY_CATEGORY in r.categories
                for r in resources
            ],
            dtype=np.bool_,
        )
        self.listening = np.array(
            [
                r.categories[0] == rank.CRISIS_CATEGORY
                or (
                    rank.EMERGENCY_CATEGORY not in r.categories
                    and r.categories[0] not in rank.SITUATIONS
                )
                for r in resources
            ],
            dtype=np.bool_,
        )
        # lines kept for one situation or an emergency (3919, 3977, 17, 114): offered when
        # the query speaks of it, not because a word of theirs ("entourage") is there too
        self.dedicated = np.array(
            [
                r.categories[0] in rank.SITUATIONS
                or (
                    rank.EMERGENCY_CATEGORY in r.categories
                    and r.categories[0] != rank.CRISIS_CATEGORY
                )
                for r in resources
            ],
            dtype=np.bool_,
        )
        # lines for one situation (the 3919): after the emergency numbers, unless the
        # query is about that situation
        self.situational = np.array(
            [
                r.categories[0] in rank.SITUATIONS and rank.EMERGENCY_CATEGORY not in r.categories
                for r in resources
            ],
            dtype=np.bool_,
        )
