"""Putting follow-ups in the database (`run` carries them out)."""

from __future__ import annotations

from datetime import datetime

from bot.cases import Case
from bot.context import Context
from bot.followups.rows import FollowUp, Kind
from bot.followups.timing import next_allowed
from bot.ids import ListenerId


async def schedule(
    ctx: Context,
    kind: Kind,
    due: datetime,
    key: str,
    case_id: int | None = None,
    subject: str | None = None,
) -> None:
    """Add a follow-up (idempotent), already moved out of quiet hours if it must be."""
    quiet = ctx.policy.quiet_hours
    when = next_allowed(due, kind, quiet)
    follow_up = FollowUp(kind, when, key, case_id, subject)
    await ctx.store.schedule(follow_up, ctx.clock.now(), quiet.zone.key)


async def checkin(ctx: Context, case: Case, ended: datetime) -> None:
    """Write to the requester `checkin_after` the end of the case (they asked for it)."""
    await schedule(
        ctx, Kind.CHECKIN, ended + ctx.policy.checkin_after, f"checkin:{case.id}", case.id
    )


async def waiting_retry(ctx: Context, case: Case, now: datetime) -> None:
    """Offer a case nobody could take again after `waiting_retry` (one row per period)."""
    period = ctx.policy.waiting_retry
    due = now + period
    slot = int(due.timestamp() // max(period.total_seconds(), 1))
    await schedule(ctx, Kind.WAITING_RETRY, due, f"retry:{case.id}:{slot}", case.id)


async def dispo_return(ctx: Context, listener_id: ListenerId, until: datetime) -> None:
    """Turn a listener back on when their announced unavailability ends."""
    await schedule(
        ctx,
        Kind.DISPO_RETURN,
        until,
        f"dispo:{listener_id}:{until.isoformat()}",
        subject=listener_id,
    )
