"""Opening hours as a person reads them: "ouvert jusqu'à 20h", "fermé — ouvre à 13h",
"lun–ven 9h–19h", in Europe/Paris with French public holidays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import ZONE
from bot.directory.hours import QUARTERS_PER_DAY, Weekly, quarter_of
from bot.locales import t

_STEP = timedelta(minutes=15)
_HORIZON = 8 * QUARTERS_PER_DAY  # a week and a day: every weekly change is seen


@dataclass(frozen=True, slots=True)
class Change:
    """The next time the state flips (None: never within a week)."""

    is_open: bool | None
    at: datetime | None


def next_change(hours: Weekly, now: datetime) -> Change:
    """Open or closed now, and when that changes next."""
    state = hours.open_at(quarter_of(now))
    if hours.always or not hours.known or hours.days_only:
        return Change(state, None)
    moment = now.astimezone(ZONE).replace(second=0, microsecond=0)
    moment -= timedelta(minutes=moment.minute % 15)
    for _ in range(_HORIZON):
        moment += _STEP
        if bool(hours.open_at(quarter_of(moment))) != bool(state):
            return Change(state, moment)
    return Change(state, None)


def clock(moment: datetime, lang: str) -> str:
    """9h, 9h30, minuit (or 9 am, 9:30 pm, midnight)."""
    local = moment.astimezone(ZONE)
    if local.hour == 0 and local.minute == 0:
        return t(lang, "dir_midnight")
    key = "dir_clock_minutes" if local.minute else "dir_clock"
    hour12 = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return t(lang, key, h=local.hour, m=f"{local.minute:02d}", h12=hour12, ampm=suffix)


def when(moment: datetime, now: datetime, lang: str) -> str:
    """ "à 13h", "demain à 9h", "lundi à 9h" seen from `now`."""
    days = (moment.astimezone(ZONE).date() - now.astimezone(ZONE).date()).days
    at = clock(moment, lang)
    if days == 0:
        return t(lang, "dir_today_at", at=at)
    if days == 1:
        return t(lang, "dir_tomorrow_at", at=at)
    day = t(lang, "dir_day_names").split()[moment.astimezone(ZONE).weekday()]
    return t(lang, "dir_day_at", day=day, at=at)


def _day_word(moment: datetime, now: datetime, lang: str) -> str:
    days = (moment.astimezone(ZONE).date() - now.astimezone(ZONE).date()).days
    if days == 1:
        return t(lang, "dir_tomorrow")
    return t(lang, "dir_day_names").split()[moment.astimezone(ZONE).weekday()]


def status(hours: Weekly, now: datetime, lang: str, ended: bool = False) -> str:
    """The state now, with the next change: the line a person reads first."""
    if ended:
        return t(lang, "dir_ended")
    if hours.always:
        return t(lang, "dir_always")
    change = next_change(hours, now)
    if change.is_open is None:
        return t(lang, "dir_unknown")
    if change.is_open:
        if change.at is None:
            return t(lang, "dir_open")
        at = clock(change.at, lang)
        if change.at - now >= timedelta(hours=12) and at != t(lang, "dir_midnight"):
            at = f"{_day_word(change.at, now, lang)} {at}"  # "jusqu'à lundi 9h"
        return t(lang, "dir_open_until", at=at)
    if change.at is None:
        return t(lang, "dir_closed")
    return t(lang, "dir_closed_opens", when=when(change.at, now, lang))


def week(hours: Weekly, lang: str) -> str:
    """The whole week in a few words: "lun–ven 9h–19h · sam–dim 12h–18h"."""
    if hours.always or not hours.known:
        return ""
    names = t(lang, "dir_day_short").split()
    spans = [_day_spans(hours, day) for day in range(7)]
    if hours.days_only:
        return t(lang, "dir_days_only", days=", ".join(names[d] for d in range(7) if spans[d]))
    groups: list[tuple[list[int], str]] = []
    for day, day_spans in enumerate(spans):
        text = ", ".join(f"{_hhmm(a, lang)}–{_hhmm(b, lang)}" for a, b in day_spans)
        if text and groups and groups[-1][1] == text and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        elif text:
            groups.append(([day], text))
    return " · ".join(
        f"{names[d[0]]}{'–' + names[d[-1]] if len(d) > 1 else ''} {text}" for d, text in groups
    )


def _day_spans(hours: Weekly, day: int) -> list[tuple[int, int]]:
    """Opening runs that start on `day`, in minutes; a run past midnight keeps going."""
    base = day * QUARTERS_PER_DAY
    week = 7 * QUARTERS_PER_DAY
    spans = []
    q = 0
    while q < QUARTERS_PER_DAY:
        if not hours.bits >> (base + q) & 1 or (q == 0 and hours.bits >> (base - 1) % week & 1):
            q += 1
            continue
        end = q
        while end < QUARTERS_PER_DAY * 2 and hours.bits >> ((base + end) % week) & 1:
            end += 1
        spans.append((q * 15, end * 15))
        q = end
    return spans


def _hhmm(minutes: int, lang: str) -> str:
    minutes %= 24 * 60
    if minutes == 0:
        return t(lang, "dir_midnight")
    hour, minute = divmod(minutes, 60)
    if lang == "en":
        return f"{hour}:{minute:02d}" if minute else f"{hour}:00"
    return f"{hour}h{minute:02d}" if minute else f"{hour}h"
