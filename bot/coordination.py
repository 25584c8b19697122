"""Coordinators: the roster at a glance, counts, waiting cases; never an identity."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import say
from bot.audit import audit
from bot.cases import CaseState
from bot.clock import ZONE
from bot.context import Context
from bot.locales import t
from bot.messages import OutgoingMessage
from bot.people import Listener
from bot.privacy import coordinator_actor

Out = list[OutgoingMessage]


def _reply(ctx: Context, me: Listener, lines: list[str]) -> Out:
    address = say.address_of(ctx, me)
    return [OutgoingMessage(address, "\n".join(lines))] if address else []


async def listeners(ctx: Context, me: Listener, now: datetime) -> Out:
    lang = ctx.policy.default_locale
    states = await ctx.store.listener_states()
    loads = await ctx.store.listener_load(now - timedelta(days=7))
    await audit(ctx, coordinator_actor(me.id), "roster", None, say.platform_of(ctx, me))
    lines = [t(lang, "listeners_header")]
    for member in ctx.roster.listeners:
        state = states.get(member.id)
        on = member.active and (state is None or state.is_available(now))
        active, week = loads.get(member.id, (0, 0))
        status = t(lang, "status_on" if on else "status_off")
        lines.append(
            t(lang, "listeners_line", name=member.name, status=status, active=active, week=week)
        )
    return _reply(ctx, me, lines)


async def stats(ctx: Context, me: Listener) -> Out:
    await audit(ctx, coordinator_actor(me.id), "stats", None, say.platform_of(ctx, me))
    counts = await ctx.store.count_by_state()
    values = {s.value: counts.get(s, 0) for s in CaseState}
    return _reply(ctx, me, [t(ctx.policy.default_locale, "stats", **values)])


async def waiting(ctx: Context, me: Listener) -> Out:
    lang = ctx.policy.default_locale
    cases = await ctx.store.cases_in([CaseState.WAITING])
    if not cases:
        return _reply(ctx, me, [t(lang, "waiting_none")])
    lines = [t(lang, "waiting_header")]
    for case in cases:
        await audit(ctx, coordinator_actor(me.id), "viewed", case.ref, say.platform_of(ctx, me))
        since = case.created_at.astimezone(ZONE).strftime("%d/%m %H:%M")
        lines.append(t(lang, "waiting_line", ref=case.ref, since=since))
    return _reply(ctx, me, lines)
