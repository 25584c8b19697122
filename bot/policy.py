"""The group's rules as the conversation applies them: timings, limits, language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from bot.followups import QuietHours
from bot.privacy import Retention
from bot.routing import Limits


@dataclass(frozen=True, slots=True)
class Policy:
    offer_timeout: timedelta = timedelta(minutes=20)
    limits: Limits = field(default_factory=Limits)
    default_locale: str = "fr"
    alert_every: timedelta = timedelta(hours=1)
    retention: Retention = field(default_factory=Retention)
    waiting_retry: timedelta = timedelta(hours=2)
    nudge_after: timedelta = timedelta(days=3)
    nudge_every: timedelta = timedelta(days=7)
    checkin_after: timedelta = timedelta(days=7)
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    heavy_cooldown: timedelta = timedelta(0)  # no new offer that long after a heavy case
    heavy_run: int = 3  # heavy cases in a row after which `dispo off` is suggested
