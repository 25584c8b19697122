"""Time: the one time zone, the one holiday calendar, the system clock and one tests move."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

# The one time zone of the group's local rules (quiet hours, dates typed, digests).
ZONE_NAME = "Europe/Paris"
ZONE = ZoneInfo(ZONE_NAME)


@lru_cache(maxsize=8)
def holidays_of(year: int) -> holidays.HolidayBase:
    """French public holidays of one year: the one calendar (follow-ups, helpline hours)."""
    return holidays.country_holidays("FR", years=year)


def is_holiday(day: date) -> bool:
    return day in holidays_of(day.year)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the fake clock needs an aware datetime")
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta
