"""Flows fire triggers: the life cycle decides, the store applies (compare-and-set)."""

from __future__ import annotations

from datetime import datetime

from bot.cases import Case, Trigger, allows
from bot.context import Context
from bot.ids import ListenerId
from bot.lifecycle import Rules, decide


def rules(ctx: Context) -> Rules:
    policy = ctx.policy
    return Rules(policy.offer_timeout, policy.nudge_after, policy.quiet_hours)


async def fire(
    ctx: Context, case: Case, trigger: Trigger, actor: ListenerId | None, now: datetime
) -> bool:
    """Apply `trigger` to `case` as last read; False when it no longer applies (lost race)."""
    if not allows(case.state, trigger):
        return False
    return await ctx.store.apply(decide(case, trigger, actor, now, rules(ctx)))
