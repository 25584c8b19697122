"""Coordinators: the roster at a glance, counts, waiting cases; never an identity."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import say
from bot.audit import audit
from bot.cases import CaseState
from bot.clock import ZONE
from bot.context import Context
from bot.dates import last_day
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
    await audit(ctx, coordinator_actor(me.id), "roster", None, say.where_is(ctx, me))
    lines = [t(lang, "listeners_header")]
    for member in ctx.roster.listeners:
        state = states.get(member.id)
        on = member.active and (state is None or state.is_available(now))
        active, week = loads.get(member.id, (0, 0))
        status = t(lang, "status_on" if on else "status_off")
        if not on and state is not None and state.unavailable_until is not None:
            status = t(lang, "status_until", date=last_day(state.unavailable_until))
        address = say.address_of(ctx, member) or next(iter(member.addresses), None)
        handle = address.user_id if address else member.id
        lines.append(
            t(
                lang,
                "listeners_line",
                name=member.name,
                handle=handle if handle.startswith("@") else f"@{handle}",
                status=status,
                active=active,
                week=week,
                cap=ctx.policy.limits.max_new_cases_per_week,
            )
        )
    lines.append(t(lang, "listeners_footer"))
    return _reply(ctx, me, lines)


async def waiting(ctx: Context, me: Listener) -> Out:
    lang = ctx.policy.default_locale
    cases = await ctx.store.cases_in([CaseState.WAITING])
    if not cases:
        return _reply(ctx, me, [t(lang, "waiting_none")])
    lines = [t(lang, "waiting_header")]
    for case in cases:
        await audit(ctx, coordinator_actor(me.id), "viewed", case.ref, say.where_is(ctx, me))
        since = case.created_at.astimezone(ZONE).strftime("%d/%m %H:%M")
        lines.append(t(lang, "waiting_line", ref=case.ref, since=since))
    lines.append(t(lang, "waiting_footer"))
    return _reply(ctx, me, lines)
