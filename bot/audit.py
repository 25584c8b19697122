"""Recording who did what to which case: never content, never a requester identity."""

from __future__ import annotations

from bot.context import Context
from bot.privacy import AuditEntry


async def audit(
    ctx: Context,
    actor: str,
    action: str,
    ref: str | None,
    platform: str,
    subject: str | None = None,
) -> None:
    """Append one audit entry, at the context's clock time; `subject` is the roster member
    a coordinator acted upon (never a requester)."""
    await ctx.store.record(AuditEntry(ctx.clock.now(), actor, action, ref, platform, subject))
