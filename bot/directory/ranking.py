"""What orders the results beside relevance: when a resource answers, small tie-breakers,
and the best few scores."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.directory.hours import Weekly, weekly
from bot.directory.model import Resource

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]


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
