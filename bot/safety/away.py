"""Away for a while, not for ever: a trip, a leave, a training course. "Je serai plus là
lundi, je pars 3 semaines en Bretagne" tells of an absence the writer explains."""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety.matcher import compile_pattern, find

_DURATION = (
    "quelques|=une|=un|=deux|=trois|=quatre|=huit|=dix|=quinze|#num|=a|=few|=two|=three"
    " + jour|jours|semaine|semaines|mois|=days|=week|=weeks|=weekend|=months"
)
_TRIP = (
    "vacances|congé|congés|voyage|week|weekend|mission|formation|stage|déplacement|séminaire"
    "|retraite|cure|randonnée|holiday|holidays|vacation|trip|leave|course|training"
)
TRIPS: tuple[str, ...] = (
    # "partir quelques jours", "je pars 3 semaines", "leaving for a week"
    f"partir|pars|part|leave|leaving|off + {_DURATION}",
    f"partir|pars|part|leave|leaving|off + pour|for + {_DURATION}",
    f"partir|pars|part + en + {_TRIP}",
    # an errand: "je peux partir 30 min plus tôt ?", "leave an hour early"
    "partir|pars|part|leave|leaving + #num|=une|=an|=one + min|minutes|h|heure|heures|=hour"
    "|=hours .. tôt|=early|=earlier",
    "partir|pars|part|leave|leaving + plus|=early|=earlier + tôt|=today|=tonight",
    f"=serai|=suis|=be|=am|=will + en|on + {_TRIP}",
    f"=going|=off + on + =a|=my|=holiday|=vacation .. {_TRIP}",
)


class Away:
    def __init__(self) -> None:
        self.patterns = [compile_pattern(p) for p in TRIPS]

    def explains(self, labelled: Sequence[frozenset[str]], where: dict[str, list[int]]) -> bool:
        """Whether the message says where the writer goes, and for how long."""
        return any(next(iter(find(p, labelled, where)), None) for p in self.patterns)
