"""What orders the results: the weights of relevance and the categories ranked apart,
when a resource answers, small tie-breakers, and the best few scores."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.directory.hours import Weekly, weekly
from bot.directory.model import Resource

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]

# The weights of relevance, and the categories the ranking treats apart.
CATEGORY_POSITION = (3.0, 2.6, 2.3, 2.0)
OPEN_FIRST = 1000.0
NAMED = 20.0  # a resource the query names comes first, whatever the time filter says
ROLE = 3.0  # a line for the profession the person says they have
ENGLISH = 1.0  # a line in English, wished for "if possible"
# Lines for one profession come after the lines open to every agent, unless the query
# says who the person is; their order among themselves is kept.
SECTOR_LAST = 2 * OPEN_FIRST
SITUATION_LAST = 4.0  # lines kept for a situation the query does not speak of
SECTOR_CATEGORY = "soignants"
GENERAL_CATEGORY = "ecoute-generale"
ORIENTATION_CATEGORY = "orientation"  # sites to find care near oneself
PEERS_CATEGORY, PUBLIC_AGENTS = "soutien-pairs", "agents-publics"
# A single description word is too weak to narrow the results down.
ENOUGH = 1.5
# A query with no topic ("samedi soir qui répond", "gratuit", "75") asks for lines to talk
# to; numbers kept for an emergency or for one situation (15, 112, 17, 114, 3919, 3977…)
# are not that (3114, a listening line for anyone in crisis, is): they come first when the
# query speaks of danger, or of their topic.
EMERGENCY_CATEGORY = "urgence"
VIOLENCE_CATEGORY = "violences"
VSS = "vss"  # sexist and sexual violence
WORK_CATEGORY = "souffrance-au-travail"
CRISIS_CATEGORY = "crise-suicide"  # 3114 listens, 24/7: a line to talk to, too
SITUATIONS = frozenset((VSS, VIOLENCE_CATEGORY, "maltraitance"))
# Topics that weigh as much as the strongest one of the query, when named at all ("un
# gamin s'est suicidé au foyer, toute l'équipe est sous le choc": the 3114 too).
WEIGHTY = SITUATIONS | {CRISIS_CATEGORY}
# Topics whose own lines, open to everyone, come before the person's sector lines: a
# situation (assault, abuse) and a plain wish to talk to someone.
LEADING = SITUATIONS | {GENERAL_CATEGORY}
LEAD = 2
SENSE = 0.5  # another kind of what a word said alone may mean


def top(total: Floats, allowed: Bools, limit: int) -> list[int]:
    """Indices of the best `limit` allowed scores; ties keep directory order."""
    candidates = np.flatnonzero(allowed)
    if candidates.size > limit:
        part = np.argpartition(-total[candidates], limit - 1)[:limit]
        candidates = candidates[part]
    order = np.lexsort((candidates, -total[candidates]))
    return [int(i) for i in candidates[order]]


def hours_of(r: Resource) -> Weekly:
    """When a resource answers at all: its own hours, its phones', its chat's, its places'."""
    combined = weekly(r.hours)
    for phone in r.phones:
        combined = combined | weekly(phone.hours)
    if r.chat is not None:
        combined = combined | weekly(r.chat.hours)
    for place in r.locations:  # open somewhere is open: the answer says where
        combined = combined | weekly(place.hours)
    return combined


def quality(r: Resource) -> float:
    """Small tie-breakers: current, reachable by phone, open to everyone."""
    score = {"actif": 0.6, "a_verifier": 0.0, "probablement_termine": -5.0}[r.status]
    score -= 0.4 if r.context else 0.0
    score += 0.3 if r.phones else 0.0
    score += 0.2 if "tout-public" in r.audience else 0.0
    score += 0.2 if "ecoute-generale" in r.categories else 0.0
    score -= 0.5 if "urgence" in r.categories else 0.0
    return score


VIEW = 8  # results a person sees before "plus" (with the first page's emergency numbers)
TALK_KEPT = 2  # lines to talk to kept in view for someone not well, 24/7 first


def keep_in_view(ranked: list[int], kept: list[int]) -> list[int]:
    """`ranked` with the `kept` lines it holds moved up to the last places in view when
    they fell below: someone in distress always sees a line to talk to, 24/7 first."""
    late = [i for i in kept if i in ranked and ranked.index(i) >= VIEW]
    if not late:
        return ranked
    rest = [i for i in ranked if i not in late]
    at = VIEW - len(late)
    return rest[:at] + late + rest[at:]


def lead(ranked: list[int], asked: Bools, named: Bools) -> list[int]:
    """The lines named, the best few lines open to everyone on what was asked (`asked`),
    then the rest in order."""
    first = [i for i in ranked if named[i]]
    first += [i for i in ranked if asked[i]][:LEAD]
    first = list(dict.fromkeys(first))
    return first + [i for i in ranked if i not in first]
