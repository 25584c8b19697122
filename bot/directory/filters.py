"""Filters as boolean vectors over the resources: channel, language, cost, anonymity,
place and opening time, so that a query over thousands of resources stays fast."""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import numpy.typing as npt

from bot.directory.hours import WEEK, Weekly
from bot.directory.model import Resource
from bot.directory.place_names import REGIONS
from bot.directory.query import CHANNELS, Query
from bot.directory.words import plain

Bools = npt.NDArray[np.bool_]
# Audiences that do not restrict who may call: every public-sector agent is welcome.
OPEN_AUDIENCES = frozenset(
    ("tout-public", "entourage", "victimes-et-entourage", "communaute-beta-gouv", "non-precise")
)
# a way of reaching a line that several channels give
WAYS = {"written": {"chat", "email", "messaging", "form"}}
_PSY = re.compile(r"\bpsys?\b")


class Filters:
    """Filters as boolean vectors over the resources."""

    def __init__(self, resources: list[Resource], hours: list[Weekly]) -> None:
        def vector(test: list[bool]) -> Bools:
            return np.array(test, dtype=np.bool_)

        self.size = len(resources)
        self.channel = {
            c: vector([bool(WAYS.get(c, {c}) & set(r.channels)) for r in resources])
            for c in CHANNELS
        }
        self.always = vector([h.always for h in hours])
        self.unknown = vector([not h.known for h in hours])
        self.specific = vector(
            [bool(r.audience) and not OPEN_AUDIENCES & set(r.audience) for r in resources]
        )
        self.terminated = vector([r.status == "probablement_termine" for r in resources])
        police = vector([any(p.dial == "17" for p in r.phones) for r in resources])
        # lines for a consultation with a psychologist: "Psys du cœur", "Dispositif Psy"
        psy = vector(
            [
                "consultation-psy" in r.categories or bool(_PSY.search(plain(r.name)))
                for r in resources
            ]
        )
        # a query's flag -> the lines that satisfy it
        self.satisfy: dict[str, Bools] = {
            **self.channel,
            "english": vector(["en" in _languages(r) for r in resources]),
            "free": vector([r.free is not False for r in resources]),
            "anonymous": vector([r.anonymous is not False for r in resources]),
            "always": self.always,
            "every_day": vector([h.always or h.every_day for h in hours]),
            "no_police": ~police,
            "no_psy": ~psy,
        }
        self.national = vector(
            [r.scope.level == "national" and not r.scope.departements for r in resources]
        )
        places: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(resources):
            region = REGIONS.get(plain(r.scope.region or ""), ())  # a regional line: all of it
            for dept in {*r.scope.departements, *region, *(loc.departement for loc in r.locations)}:
                if dept:
                    places[dept.lower()].append(i)
        self.places = {d: self._rows(rows) for d, rows in places.items()}
        bits = [h.bits if h.known and not h.always else 0 for h in hours]
        self._bits, self._always_open = bits, self.always
        self._open: dict[int, Bools] = {}

    def _rows(self, rows: list[int]) -> Bools:
        out = np.zeros(self.size, dtype=np.bool_)
        out[rows] = True
        return out

    def local(self, dept: str) -> Bools:
        return self.places.get(dept, np.zeros(self.size, dtype=np.bool_))

    def open_at(self, quarter: int) -> Bools:
        """Resources known to be open at this quarter hour of the week."""
        cached = self._open.get(quarter)
        if cached is None:
            cached = np.array([b >> quarter & 1 for b in self._bits], dtype=np.bool_)
            cached |= self._always_open
            if len(self._open) < WEEK:
                self._open[quarter] = cached
        return cached

    def allowed(self, q: Query, quarter: int | None) -> Bools:
        mask = ~self.terminated
        for flag in q.flags & self.satisfy.keys():
            mask &= self.satisfy[flag]
        if q.departements:
            local = np.zeros(self.size, dtype=np.bool_)
            for dept in q.departements:
                local |= self.local(dept)
            mask &= self.national | local
        if quarter is not None:
            mask &= self.open_at(quarter) | self.unknown
        return mask


def _languages(r: Resource) -> set[str]:
    found = set(r.languages)
    for phone in r.phones:
        found |= set(phone.languages)
    if r.chat is not None:
        found |= set(r.chat.languages)
    return found
