"""Opening hours as weekly bitmaps of quarter hours, in Europe/Paris.

A week is 7 × 96 quarter hours, Monday 00:00 first. French public holidays
follow Sunday hours (the usual rule for helplines; the sources say nothing else).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.clock import ZONE, is_holiday
from bot.directory.model import Hours

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
QUARTERS_PER_DAY = 96
WEEK = 7 * QUARTERS_PER_DAY


@dataclass(frozen=True, slots=True)
class Weekly:
    """When something is open: `known` False means nobody knows."""

    bits: int = 0
    known: bool = False
    always: bool = False
    days_only: bool = False  # the days are known, not the hours ("tous les jeudis")

    def open_at(self, quarter: int) -> bool | None:
        if self.always:
            return True
        if not self.known:
            return None
        is_open = bool(self.bits >> quarter & 1)
        return None if is_open and self.days_only else is_open

    @property
    def every_day(self) -> bool:
        """Open some time on each day of the week."""
        day = (1 << QUARTERS_PER_DAY) - 1
        return self.known and all(self.bits >> (d * QUARTERS_PER_DAY) & day for d in range(7))

    def __or__(self, other: Weekly) -> Weekly:
        if self.known != other.known:
            return self if self.known else other  # a known part says more than none
        return Weekly(
            self.bits | other.bits,
            self.known,
            self.always or other.always,
            self.days_only and other.days_only,
        )


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _span(day: int, start: int, end: int) -> int:
    """Bits for [start, end) minutes of `day`; the week wraps around."""
    bits = 0
    for q in range(start // 15, (end + 14) // 15):
        bits |= 1 << ((day * QUARTERS_PER_DAY + q) % WEEK)
    return bits


def weekly(hours: Hours | None) -> Weekly:
    """The weekly bitmap of one Hours block."""
    if hours is None or hours.known == "unknown":
        return Weekly()
    if hours.always_open:
        return Weekly(known=True, always=True)
    bits, timed, days = 0, False, 0
    for slot in hours.slots:
        if slot.opens is None or slot.closes is None:
            for name in slot.days:
                days |= _span(DAYS.index(name), 0, 24 * 60)
            continue
        timed = True
        opens, closes = _minutes(slot.opens), _minutes(slot.closes)
        for name in slot.days:
            day = DAYS.index(name)
            if closes > opens:
                bits |= _span(day, opens, closes)
            else:  # overnight: ends the next day
                bits |= _span(day, opens, 24 * 60) | _span(day + 1, 0, closes)
    if not timed and days:
        return Weekly(days, known=True, days_only=True)
    return Weekly(bits, known=timed)


def quarter_of(moment: datetime) -> int:
    """The quarter-hour index of an aware moment, in Paris time, holidays as Sundays."""
    local = moment.astimezone(ZONE)
    day = 6 if is_holiday(local.date()) else local.weekday()
    return day * QUARTERS_PER_DAY + local.hour * 4 + local.minute // 15
