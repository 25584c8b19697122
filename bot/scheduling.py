"""Putting follow-ups in the database (their execution lives in `reminders`)."""

from __future__ import annotations

from datetime import datetime

from bot.cases import Case
from bot.context import Context
from bot.followups import Kind, next_allowed


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
    await ctx.store.schedule(kind, when, key, ctx.clock.now(), case_id, subject, quiet.zone.key)


async def nudge(ctx: Context, case: Case, listener_id: str, accepted: datetime) -> None:
    """Remind the listener after `nudge_after` if the case is still open."""
    due = accepted + ctx.policy.nudge_after
    await schedule(ctx, Kind.NUDGE, due, f"nudge:{case.id}:{listener_id}:1", case.id, listener_id)


async def checkin(ctx: Context, case: Case, ended: datetime) -> None:
    """Write to the requester `checkin_after` the end of the case (they asked for it)."""
    await schedule(
        ctx, Kind.CHECKIN, ended + ctx.policy.checkin_after, f"checkin:{case.id}", case.id
    )


async def dispo_return(ctx: Context, listener_id: str, until: datetime) -> None:
    """Turn a listener back on when their announced unavailability ends."""
    await schedule(
        ctx,
        Kind.DISPO_RETURN,
        until,
        f"dispo:{listener_id}:{until.isoformat()}",
        subject=listener_id,
    )
