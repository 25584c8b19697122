"""Follow-ups that never get lost: each one is a database row (`rows`), put off by
quiet hours when not urgent (`timing`), scheduled once (`schedule`), and claimed
atomically before it is carried out (`run`), so it runs once even with several
replicas and after any restart."""

from bot.followups.rows import DueAction, DueState, FollowUp, Kind
from bot.followups.timing import QuietHours, is_day_off, next_allowed, next_local

__all__ = [
    "DueAction",
    "DueState",
    "FollowUp",
    "Kind",
    "QuietHours",
    "is_day_off",
    "next_allowed",
    "next_local",
]
