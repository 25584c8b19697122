"""Listeners' well-being: a rest after a heavy case, a word after several in a row, and
a debrief asked of the coordinators (`supervision REF`: the reference only)."""

from __future__ import annotations

from datetime import datetime

from bot import say
from bot.audit import audit
from bot.cases import Case, looks_like_ref
from bot.clock import ZONE as PARIS
from bot.context import Context
from bot.messages import OutgoingMessage
from bot.people import Listener, ListenerState
from bot.privacy import listener_actor

Out = list[OutgoingMessage]
HEAVY_WORDS = frozenset({"lourd", "lourde", "heavy"})


def is_heavy(args: str) -> bool:
    """`clore K7Q2 lourd`: the listener flags the case as heavy to carry."""
    return any(w.strip(".,!").lower() in HEAVY_WORDS for w in args.split())


async def after_close(ctx: Context, me: Listener, ref: str, heavy: bool, now: datetime) -> Out:
    """Count heavy closes in a row; rest after one if configured; suggest a pause after a run."""
    states = await ctx.store.listener_states()
    state = states.get(me.id) or ListenerState(me.id)
    if not heavy:
        if state.heavy_streak:
            state.heavy_streak = 0
            await ctx.store.save_listener_state(state)
        return []
    state.heavy_streak += 1
    out: Out = []
    if ctx.policy.heavy_cooldown:
        state.rest_until = now + ctx.policy.heavy_cooldown
        when = state.rest_until.astimezone(PARIS).strftime("%d/%m %H:%M")
        out += say.to_member(ctx, me, "heavy_rest", until=when, ref=ref)
    else:
        out += say.to_member(ctx, me, "heavy_noted", ref=ref)
    if state.heavy_streak >= ctx.policy.heavy_run:
        out += say.to_member(ctx, me, "heavy_run", count=state.heavy_streak)
    await ctx.store.save_listener_state(state)
    await audit(ctx, listener_actor(me.id), "closed_heavy", ref, say.where_is(ctx, me))
    return out


async def supervision(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    """`supervision K7Q2`: a listener who held the case asks the coordinators for a debrief."""
    words = args.split()
    if not words or not looks_like_ref(words[0]):
        return say.to_member(ctx, me, "supervision_usage")
    ref = words[0].upper()
    case: Case | None = await ctx.store.case_by_ref(ref)
    if case is None or me.id not in await ctx.store.holders(case.id):
        return say.to_member(ctx, me, "unknown_ref", ref=ref)
    await audit(ctx, listener_actor(me.id), "supervision", case.ref, say.where_is(ctx, me))
    return say.to_member(ctx, me, "supervision_asked", ref=ref) + say.to_coordinators(
        ctx, "supervision_alert", ref=ref, name=me.name
    )
