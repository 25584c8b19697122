"""Recording who did what to which case: never content, never a requester identity."""

from __future__ import annotations

import logging

from bot import metrics
from bot.context import Context
from bot.logs import about_case
from bot.privacy import AuditEntry, Where

log = logging.getLogger(__name__)


async def audit(
    ctx: Context,
    actor: str,
    action: str,
    ref: str | None,
    platform: Where,
    subject: str | None = None,
) -> None:
    """Append one audit entry, at the context's clock time; `subject` is the roster member
    a coordinator acted upon (never a requester)."""
    about_case(ref)  # what is logged next, while handling this, is about this case
    await ctx.store.record(AuditEntry(ctx.clock.now(), actor, action, ref, platform, subject))
    metrics.audited(action)
    log.info("case %s on %s", action, platform)
