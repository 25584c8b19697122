"""Calendar dates in a query: "le 25 décembre", "le 1er janvier", "à Noël", "le soir du
réveillon", "on Christmas Day". `when.read_when` turns them into the day to call on; the
holidays' own hours then apply (see `bot.clock`)."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "january", "jan"),
            ("fevrier", "february", "feb"),
            ("mars", "march"),
            ("avril", "april"),
            ("mai", "may"),
            ("juin", "june"),
            ("juillet", "july"),
            ("aout", "august"),
            ("septembre", "september", "sept"),
            ("octobre", "october"),
            ("novembre", "november"),
            ("decembre", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Days people name without a number (Easter moves: "jour férié" covers it).
_NAMED = (
    ("jour de noel", (12, 25)),
    ("christmas day", (12, 25)),
    ("christmas eve", (12, 24)),
    ("veille de noel", (12, 24)),
    ("reveillon de noel", (12, 24)),
    ("reveillon du nouvel an", (12, 31)),
    ("saint sylvestre", (12, 31)),
    ("new year s eve", (12, 31)),
    ("new year s day", (1, 1)),
    ("jour de l an", (1, 1)),
    ("nouvel an", (1, 1)),
    ("reveillon", (12, 31)),
    ("toussaint", (11, 1)),
    ("christmas", (12, 25)),
    ("noel", (12, 25)),
)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf" (?:le |du |on |the )?(\d{{1,2}}|1er|premier)(?:st|nd|rd|th)? (?:de |of )?({_MONTH})(?= )"
)


def read_date(text: str) -> tuple[str, tuple[int, int] | None]:
    """`text` (normalised, padded) without its date, and the date as (month, day)."""
    match = _DATE.search(text)
    if match:
        day = 1 if match.group(1) in ("1er", "premier") else int(match.group(1))
        month = _MONTHS[match.group(2)]
        if _valid(month, day):
            return text[: match.start()] + " " + text[match.end() :], (month, day)
    for phrase, month_day in _NAMED:
        if f" {phrase} " in text:
            return text.replace(f" {phrase} ", " ", 1), month_day
    return text, None


def next_date(month_day: tuple[int, int], today: date) -> date:
    """The next time this date comes, today included."""
    month, day = month_day
    this_year = date(today.year, month, day) if _valid(month, day, today.year) else None
    if this_year is not None and this_year >= today:
        return this_year
    year = today.year + 1
    while not _valid(month, day, year):  # 29 February
        year += 1
    return date(year, month, day)


def _valid(month: int, day: int, year: int = 2024) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
