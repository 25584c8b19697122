"""When a person wants to call: "ce soir", "samedi vers minuit", "dimanche matin"…

`read_when` takes the time words out of a query; `When.moment(now)` turns them into
the moment the resources must be open, in Europe/Paris, French public holidays
included ("un jour férié" is the next one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.clock import ZONE, holidays_of
from bot.directory import not_when
from bot.directory.dates import next_date, read_date
from bot.directory.time_words import NOW, PART_WORDS

_DAYS = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "lundis": 0,
    "mardis": 1,
    "mercredis": 2,
    "jeudis": 3,
    "vendredis": 4,
    "samedis": 5,
    "dimanches": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Part of the day: (window start, window end, the hour that stands for it); hours past
# 24 belong to the next day.
PARTS: dict[str, tuple[int, int, float]] = {
    "morning": (6, 12, 10),
    "noon": (12, 14, 12.5),
    "afternoon": (12, 18, 15),
    "evening": (18, 24, 21),
    "night": (22, 30, 26),
    "midnight": (23, 25, 24),
    "dawn": (5, 8, 6.5),
    "dusk": (17, 19, 18),
    "late": (22, 25, 23),
}
_THERE = re.compile(
    r"(?:(?<= bout)|(?<= qqn)|(?<= qqun)|(?<= quelqu un)|(?<= personne)|(?<= dispo)) la(?= )"
)
_MINE = re.compile(r" (?:ma|sa|ta|en|une|de|mise en) (?:dispo|disponibilite)(?= )")
# "pas de psy dispo", "un rdv dispo": appointments to be had, not a line to call now
_BOOKED = re.compile(
    r" (psys?|psychologues?|psychiatres?|therapeutes?|rdv|places?|creneaux|creneau)"
    r" (?:dispo|dispos|disponibles?)(?= )"
)
_RELATIVE = (
    ("aujourd hui", 0),
    ("today", 0),
    ("apres demain", 2),
    ("demain", 1),
    ("tomorrow", 1),
)
_WEEKEND = (
    "ce week end",
    "le week end",
    "les week ends",
    "week ends",
    "week end",
    "weekends",
    "weekend",
    "ce weekend",
    "le weekend",
)
_HOLIDAY = ("jours feries", "jour ferie", "feries", "ferie", "bank holiday", "public holiday")
_CLOCK = re.compile(
    r" (a |vers |des |avant |apres |at |around |by |before )?(\d{1,2}) ?(?:h|heures?) ?(\d{2})? "
)
_BEFORE = ("avant ", "by ", "before ")  # "ouvert avant 9h": a quarter before, not at 9
_PM = re.compile(r" (before |by )?(\d{1,2}) ?(am|pm) ")


@dataclass(frozen=True, slots=True)
class When:
    """The time words of a query; `asked` is False when it has none."""

    asked: bool = False
    weekday: int | None = None
    days_ahead: int | None = None
    holiday: bool = False
    weekend: bool = False
    part: str | None = None
    hour: float | None = None
    on: tuple[int, int] | None = None  # a calendar date: (month, day)

    def moment(self, now: datetime) -> datetime | None:
        """The moment the resources must be open at, or None when no time was asked."""
        if not self.asked:
            return None
        local = now.astimezone(ZONE)
        day, explicit = self._day(local.date())
        if not explicit and self.part is None and self.hour is None:
            return now  # "ouvert", "maintenant"
        if day == local.date() and self._within(local):
            # "le week-end" asked on a Sunday morning: the day ahead, not this very hour
            whole = self.weekend and self.part is None and self.hour is None
            return max(now, self._at(day)) if whole else now
        if not explicit and self.part in ("evening", "late") and local.hour < 6:
            return now  # "ce soir" at 3 a.m.: the night that goes on
        at = self._at(day)
        if timedelta(0) <= local - at < timedelta(hours=1):
            return now  # "vers 22h" at 22:10
        if at < local and not self.holiday:
            weekly = self.weekday is not None or self.weekend
            at = self._at(day + timedelta(days=7 if weekly else 1))
        return at

    def _day(self, today: date) -> tuple[date, bool]:
        if self.on is not None:
            return next_date(self.on, today), True
        if self.holiday:
            year = holidays_of(today.year) | holidays_of(today.year + 1)
            return min(d for d in year if d >= today), True
        if self.weekday is not None:
            return today + timedelta(days=(self.weekday - today.weekday()) % 7), True
        if self.weekend:  # today when it is the weekend already, else next Saturday
            return today + timedelta(days=max(0, 5 - today.weekday())), True
        if self.days_ahead is not None:
            return today + timedelta(days=self.days_ahead), self.days_ahead > 0
        return today, False

    def _within(self, local: datetime) -> bool:
        """Whether `local` already is in the part of the day asked for."""
        if self.hour is not None or self.part is None:
            return self.hour is None
        start, end, _ = PARTS[self.part]
        hour = local.hour + local.minute / 60
        return start <= hour < end or start <= hour + 24 < end

    def _at(self, day: date) -> datetime:
        hour = self.hour if self.hour is not None else 14.0
        if self.hour is None and self.part is not None:
            hour = PARTS[self.part][2]
        elif self.hour is not None and self.hour < 6 and self.part == "night":
            hour += 24  # "à 3h" is the coming night
        whole = int(hour)
        start = datetime.combine(day, time(0), ZONE)
        return (start + timedelta(days=whole // 24)).replace(
            hour=whole % 24, minute=round((hour - whole) * 60)
        )


def read_when(text: str) -> tuple[str, When]:
    """`text` (normalised, one space at each end) without its time words, and them."""
    found: dict[str, object] = {}
    text = not_when.HABIT.sub(
        " ", text
    )  # "tous les soirs je bois": the trouble, not a time to call
    text = not_when.PAST.sub(" ", text)  # "hier soir il m'a frappée": when it happened
    text = not_when.HAPPENED.sub(r"\1", text)
    text = not_when.EVENT.sub(r"\1", text)  # "il m'a giflée ce matin": it happened
    text = not_when.INCIDENT.sub(r"\1", text)  # "agression dans le RER ce matin": too
    text = not_when.ACTIVITY.sub(r"\1", text)  # "je bois trop le soir": a habit
    text = not_when.PARTIES.sub(" ", text)  # "les soirées coke": parties
    text = not_when.RETURN.sub(r"\1", text)  # "je reprends lundi": the return to work
    text = not_when.NIGHT_JOB.sub(r" \1", text)  # "infirmière de nuit": the job
    text = _clock(text, found)
    text, on = read_date(text)
    if on is not None:
        found["on"] = on
    for phrase, days in _RELATIVE:
        text = _take(text, phrase, found, "days_ahead", days)
    for phrase in _WEEKEND:
        text = _take(text, phrase, found, "weekend", True)
    for phrase in _HOLIDAY:
        text = _take(text, phrase, found, "holiday", True)
    for name, weekday in _DAYS.items():
        text = _take(text, name, found, "weekday", weekday)
    for phrase, part in PART_WORDS:
        text = _take(text, phrase, found, "part", part)
    now = False
    text = text.replace(" open space ", " openspace ")  # a kind of office, not "open"
    text = _MINE.sub(" ", text)  # "depuis ma dispo": a leave of absence, not "available"
    text = _BOOKED.sub(r" \1", text)
    for phrase in NOW:
        if f" {phrase} " in text:
            text, now = text.replace(f" {phrase} ", " "), True
    # "là" said of now: "y a quelqu'un là ?", "jpp là g besoin de parler" (not the
    # article: "quelqu'un la nuit" is not asked now, nor "l'observatoire là", that one)
    if _THERE.search(text):
        text, now = _THERE.sub(" ", text), True
    if not found and not now:
        return text, When()
    return text, When(asked=True, **found)  # type: ignore[arg-type]


def _take(text: str, phrase: str, found: dict[str, object], key: str, value: object) -> str:
    if f" {phrase} " not in text:
        return text
    found.setdefault(key, value)
    return text.replace(f" {phrase} ", " ")


def _clock(text: str, found: dict[str, object]) -> str:
    match = _CLOCK.search(text)
    if match and int(match.group(2)) <= 24:
        hour = int(match.group(2)) % 24 + int(match.group(3) or 0) / 60
    else:
        match = _PM.search(text)
        if not match or int(match.group(2)) > 12:
            return text
        hour = int(match.group(2)) % 12 + (12 if match.group(3) == "pm" else 0)
    found["hour"] = (hour - 0.25) % 24 if match.group(1) in _BEFORE else hour
    return text[: match.start()] + " " + text[match.end() :]
