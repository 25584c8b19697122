"""Coordinators act on a waiting case: `relancer REF` offers it again now, `proposer REF
@pseudo` offers it to one listener who must still be eligible. References only."""

from __future__ import annotations

from datetime import datetime

from bot import offers, say
from bot.audit import audit
from bot.cases import Case, CaseState, looks_like_ref
from bot.context import Context
from bot.messages import OutgoingMessage
from bot.people import Listener
from bot.privacy import coordinator_actor
from bot.roster import address_of_handle, find
from bot.routing import refusal

Out = list[OutgoingMessage]


async def _waiting_case(ctx: Context, me: Listener, words: list[str], usage: str) -> Case | Out:
    """The waiting case named first in `words`, or the answer saying why not."""
    if not words or not looks_like_ref(words[0]):
        return say.to_member(ctx, me, usage)
    ref = words[0].upper()
    case = await ctx.store.case_by_ref(ref)
    if case is None:
        return say.to_member(ctx, me, "case_unknown", ref=ref)
    if case.state is not CaseState.WAITING:
        return say.to_member(ctx, me, f"case_not_waiting_{case.state.value}", ref=ref)
    return case


async def relaunch(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    """`relancer REF`: earlier refusals and expiries are forgotten, the case is routed now."""
    case = await _waiting_case(ctx, me, raw.split(), "relaunch_usage")
    if isinstance(case, list):
        return case
    await audit(ctx, coordinator_actor(me.id), "relaunched", case.ref, say.where_is(ctx, me))
    await ctx.store.reopen_offers(case.id)
    out = await offers.route(ctx, case, now)
    after = await ctx.store.case_by_ref(case.ref)
    if after is not None and after.state is CaseState.OFFERED:
        return say.to_member(ctx, me, "relaunched", ref=case.ref) + out
    return say.to_member(ctx, me, "relaunched_nobody", ref=case.ref) + out


async def propose(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    """`proposer REF @pseudo`: to that listener, if the rules allow it."""
    words = raw.split()
    case = await _waiting_case(ctx, me, words, "propose_usage")
    if isinstance(case, list):
        return case
    platform = say.platform_of(ctx, me)
    address = address_of_handle(words[1], platform) if len(words) > 1 and platform else None
    if address is None:
        return say.to_member(ctx, me, "propose_usage")
    member = find(ctx.roster, address)
    if member is None:
        return say.to_member(ctx, me, "roster_unknown", handle=words[1])
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is None:
        return say.to_member(ctx, me, "case_unknown", ref=case.ref)
    why = refusal(case, member, await offers.situation(ctx, case, requester, now))
    if why is not None:
        return say.to_member(ctx, me, f"propose_refused_{why}", handle=words[1], ref=case.ref)
    await ctx.store.reopen_offers(case.id, [member.id])
    out = await offers.offer(ctx, case, member, now)
    if not out:
        return say.to_member(ctx, me, "case_not_waiting_offered", ref=case.ref)
    await audit(
        ctx,
        coordinator_actor(me.id),
        "proposed",
        case.ref,
        say.where_is(ctx, me),
        subject=member.id,
    )
    minutes = max(1, int(ctx.policy.offer_timeout.total_seconds() // 60))
    done = say.to_member(ctx, me, "proposed", ref=case.ref, handle=words[1], minutes=minutes)
    return done + out
