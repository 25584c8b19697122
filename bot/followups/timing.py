"""When a follow-up may run: quiet hours, weekends and public holidays postpone what is
not urgent; recurring ones fall on a local wall-clock time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import ZONE, ZONE_NAME, is_holiday
from bot.followups.rows import Kind

# Kinds that wait for the end of quiet hours, and those that also skip weekends/holidays.
QUIET_SENSITIVE = {Kind.NUDGE, Kind.CHECKIN, Kind.DIGEST}
WORKDAYS_ONLY = {Kind.NUDGE, Kind.DIGEST}


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A nightly window in local time, e.g. 21:00–08:00 Europe/Paris."""

    start: time = time(21, 0)
    end: time = time(8, 0)
    zone: ZoneInfo = ZONE

    @staticmethod
    def parse(text: str, zone: str = ZONE_NAME) -> QuietHours:
        first, second = text.split("-")
        return QuietHours(time.fromisoformat(first), time.fromisoformat(second), ZoneInfo(zone))

    def is_quiet(self, local: time) -> bool:
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


def is_day_off(day: date) -> bool:
    return day.weekday() >= 5 or is_holiday(day)


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
    local = after.astimezone(ZONE)
    day = local.date()
    for _ in range(8):
        candidate = datetime.combine(day, at, ZONE)
        if candidate > local and (weekday is None or day.weekday() == weekday):
            return candidate.astimezone(after.tzinfo)
        day += timedelta(days=1)
    raise AssertionError("unreachable: a week always has the weekday")
