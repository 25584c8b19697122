"""Follow-ups that never get lost: each due action is a database row, claimed
atomically before it is carried out, so it runs once even with several replicas
and after any restart. Quiet hours postpone what is not urgent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from bot.clock import ZONE, ZONE_NAME

PARIS = ZONE


class Kind(StrEnum):
    OFFER_EXPIRY = "offer_expiry"  # an offer's time is up: the next listener gets it
    WAITING_RETRY = "waiting_retry"  # a case nobody could take is offered again
    NUDGE = "nudge"  # to the listener, while an accepted case stays open
    CHECKIN = "checkin"  # to the requester, 7 days after closing, if asked
    DISPO_RETURN = "dispo_return"  # a listener's unavailability ends
    PURGE = "purge"  # daily retention purge
    DIGEST = "digest"  # weekly counts to coordinators


class DueState(StrEnum):
    """Where a follow-up row is: waiting, taken by one process, carried out, or moot."""

    PENDING = "pending"
    CLAIMED = "claimed"
    DONE = "done"
    CANCELLED = "cancelled"


# Kinds that wait for the end of quiet hours, and those that also skip weekends/holidays.
QUIET_SENSITIVE = {Kind.NUDGE, Kind.CHECKIN, Kind.DIGEST}
WORKDAYS_ONLY = {Kind.NUDGE, Kind.DIGEST}


@dataclass(frozen=True, slots=True)
class DueAction:
    id: int
    key: str
    kind: Kind
    due_at: datetime
    case_id: int | None = None
    subject: str | None = None
    zone: str = ZONE_NAME


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A nightly window in local time, e.g. 21:00–08:00 Europe/Paris."""

    start: time = time(21, 0)
    end: time = time(8, 0)
    zone: ZoneInfo = PARIS

    @staticmethod
    def parse(text: str, zone: str = ZONE_NAME) -> QuietHours:
        first, second = text.split("-")
        return QuietHours(time.fromisoformat(first), time.fromisoformat(second), ZoneInfo(zone))

    def is_quiet(self, local: time) -> bool:
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@lru_cache(maxsize=8)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("FR", years=year)


def is_day_off(day: date) -> bool:
    return day.weekday() >= 5 or day in _holidays(day.year)


def next_allowed(moment: datetime, kind: Kind, quiet: QuietHours) -> datetime:
    """The first moment at or after `moment` when an action of this kind may run."""
    if kind not in QUIET_SENSITIVE:
        return moment
    local = moment.astimezone(quiet.zone)
    for _ in range(30):  # a month of holidays in a row does not exist
        day_off = kind in WORKDAYS_ONLY and is_day_off(local.date())
        if not day_off and not quiet.is_quiet(local.timetz().replace(tzinfo=None)):
            return local.astimezone(moment.tzinfo)
        if day_off or local.time() >= quiet.end:
            next_day = local.date() + timedelta(days=1)
            local = datetime.combine(next_day, quiet.end, quiet.zone)
        else:
            local = datetime.combine(local.date(), quiet.end, quiet.zone)
    return local.astimezone(moment.tzinfo)


def next_local(after: datetime, at: time, weekday: int | None = None) -> datetime:
    """The next `at` (Europe/Paris wall clock) after `after`, on `weekday` if given."""
    local = after.astimezone(PARIS)
    day = local.date()
    for _ in range(8):
        candidate = datetime.combine(day, at, PARIS)
        if candidate > local and (weekday is None or day.weekday() == weekday):
            return candidate.astimezone(after.tzinfo)
        day += timedelta(days=1)
    raise AssertionError("unreachable: a week always has the weekday")
