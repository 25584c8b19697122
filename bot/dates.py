"""Dates as listeners write them (`jusqu'au 30/11`, `30/11/2026`, `2026-11-30`).

A French reader includes the day named: `dispo off jusqu'au 30/11` lasts until the end of
the 30th (Europe/Paris). A date that does not exist (29/02/2027) or has passed is refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from bot.clock import ZONE

_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?|(\d{4})-(\d{2})-(\d{2})")
_MAX_YEARS_AHEAD = 5


class BadDate(ValueError):
    """The words name a date that cannot be used; `text` is what the person wrote."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _day(m: re.Match[str], today: date) -> date:
    if m.group(4):
        return date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    year = int(m.group(3)) if m.group(3) else today.year
    year = year + 2000 if year < 100 else year
    day = date(year, int(m.group(2)), int(m.group(1)))
    if not m.group(3) and day < today:  # 05/01 written in December: next January
        day = date(year + 1, day.month, day.day)
    return day


def until_date(args: str, now: datetime) -> datetime | None:
    """The end (Europe/Paris) of the day named in `args`; None when no date is written.

    Raises BadDate for a date that does not exist, has passed or is years away, and for
    `jusqu'au …` without a date that can be read.
    """
    m = _DATE.search(args)
    if m is None:
        if "jusqu" in args.lower() or any(c.isdigit() for c in args):
            words = args.split()
            raise BadDate(" ".join(words[1:]) or args)
        return None
    today = now.astimezone(ZONE).date()
    try:
        day = _day(m, today)
    except ValueError:  # 29/02/2027, 31/04, 00/13
        raise BadDate(m.group(0)) from None
    if day < today or day.year > today.year + _MAX_YEARS_AHEAD:
        raise BadDate(m.group(0))
    return datetime.combine(day + timedelta(days=1), time(0, 0), ZONE)


def last_day(until: datetime) -> str:
    """The day shown to the person: the last one included, e.g. 30/11/2026."""
    return (until.astimezone(ZONE) - timedelta(microseconds=1)).strftime("%d/%m/%Y")
