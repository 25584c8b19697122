"""Statistics that identify nobody: counts per month, mode, outcome and theme, the median
wait before acceptance, returning requesters. Every count below K shows as "< 5"
(k-anonymity): a small number could point at a person. Pure functions."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.cases import CaseState, Mode
from bot.clock import ZONE

K = 5
HIDDEN = "< 5"
# What a case was about, chosen by its listener from this fixed list (`thème K7Q2 travail`):
# never free text, so the statistics cannot carry words.
THEMES = ("travail", "relations", "harcelement", "sante", "perso", "deuil", "autre")
THEME_WORDS = {
    **{code: code for code in THEMES},
    "work": "travail",
    "harassment": "harcelement",
    "health": "sante",
    "personal": "perso",
    "grief": "deuil",
    "other": "autre",
}


class Period(StrEnum):
    MONTH = "mois"
    QUARTER = "trimestre"
    YEAR = "annee"


PERIOD_WORDS = {
    "mois": Period.MONTH,
    "month": Period.MONTH,
    "trimestre": Period.QUARTER,
    "quarter": Period.QUARTER,
    "annee": Period.YEAR,
    "an": Period.YEAR,
    "year": Period.YEAR,
}
_MONTHS = {Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    NOBODY = "nobody"  # never accepted, and nobody was available at some point
    CANCELLED = "cancelled"
    OPEN = "open"  # still waiting or offered


@dataclass(frozen=True, slots=True)
class CaseFact:
    """What statistics need of one case: no identity, no team, no words."""

    created_at: datetime
    accepted_at: datetime | None
    mode: Mode
    state: CaseState
    nobody: bool
    theme: str | None = None

    @property
    def outcome(self) -> Outcome:
        if self.accepted_at is not None:
            return Outcome.ACCEPTED
        if self.nobody:
            return Outcome.NOBODY
        if self.state in (CaseState.CANCELLED, CaseState.CLOSED):
            return Outcome.CANCELLED
        return Outcome.OPEN


def shown(count: int) -> str:
    """A count as it may be shown: below K, only that it is below K."""
    return str(count) if count >= K else HIDDEN


def months(period: Period, now: datetime) -> list[str]:
    """The calendar months of the period, oldest first, ending with the current one."""
    local = now.astimezone(ZONE)
    year, month = local.year, local.month
    out = []
    for _ in range(_MONTHS[period]):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


def start_of(period: Period, now: datetime) -> datetime:
    """The first instant (Paris) of the period's first month."""
    first = months(period, now)[0]
    return datetime(int(first[:4]), int(first[5:]), 1, tzinfo=ZONE)


@dataclass(frozen=True, slots=True)
class Report:
    period: Period
    per_month: dict[str, int]
    modes: dict[str, int]
    outcomes: dict[str, int]
    themes: dict[str, int]
    accepted: int
    median_wait: timedelta | None  # None below K accepted cases
    returning: int
    total: int
    purged: int = 0  # of `total`, cases known only by their monthly count


def report(
    facts: Iterable[CaseFact],
    purged: Mapping[tuple[str, str], int],
    returning: int,
    period: Period,
    now: datetime,
) -> Report:
    """The period's figures; `purged` are the monthly counts (month, final state) of cases
    the retention already deleted: they count per month and outcome only."""
    wanted = months(period, now)
    per_month = dict.fromkeys(wanted, 0)
    modes: Counter[str] = Counter()
    outcomes: Counter[str] = Counter({o.value: 0 for o in Outcome})
    themes: Counter[str] = Counter()
    waits: list[float] = []
    for fact in facts:
        month = fact.created_at.astimezone(ZONE).strftime("%Y-%m")
        if month not in per_month:
            continue
        per_month[month] += 1
        modes[fact.mode.value] += 1
        outcomes[fact.outcome.value] += 1
        if fact.theme:
            themes[fact.theme] += 1
        if fact.accepted_at is not None:
            waits.append((fact.accepted_at - fact.created_at).total_seconds())
    old = 0
    for (month, state), count in purged.items():
        if month in per_month:
            per_month[month] += count
            old += count
            ended = Outcome.ACCEPTED if state == CaseState.CLOSED.value else Outcome.CANCELLED
            outcomes[ended.value] += count
    median = timedelta(seconds=statistics.median(waits)) if len(waits) >= K else None
    return Report(
        period,
        per_month,
        dict(modes),
        dict(outcomes),
        dict(themes),
        len(waits),
        median,
        returning,
        sum(per_month.values()),
        old,
    )


def rows(r: Report) -> list[tuple[str, str, str]]:
    """(section, key, value as shown): the same numbers for the chat, the chart and CSV."""
    out = [("total", "cases", shown(r.total))]
    out += [("month", m, shown(n)) for m, n in r.per_month.items()]
    out += [("mode", m.value, shown(r.modes.get(m.value, 0))) for m in Mode]
    out += [("outcome", o.value, shown(r.outcomes.get(o.value, 0))) for o in Outcome]
    out += [("theme", k, shown(r.themes.get(k, 0))) for k in THEMES]
    wait = "" if r.median_wait is None else str(round(r.median_wait.total_seconds() / 60))
    out.append(("acceptance", "median_minutes", wait or HIDDEN))
    out.append(("requesters", "returning", shown(r.returning)))
    return out


def csv_text(r: Report) -> str:
    """`section,key,value` lines (the yearly report's source)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "value"))
    writer.writerows(rows(r))
    return buffer.getvalue()
