"""Offering cases to listeners one at a time: route, accept, decline, expire, transfer."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot import casenotes, metrics, say
from bot.audit import audit
from bot.cases import Case, CaseState, Mode, Trigger
from bot.context import Context
from bot.followups import schedule as scheduling
from bot.ids import ListenerId
from bot.locales import t
from bot.messages import Button, OutgoingMessage
from bot.people import Dialog, Listener, Person
from bot.privacy import Origin, listener_actor
from bot.routing import Load, Situation, choose
from bot.triggers import fire

Out = list[OutgoingMessage]
_WEEK = timedelta(days=7)


async def situation(ctx: Context, case: Case, requester: Person, now: datetime) -> Situation:
    loads = await ctx.store.listener_load(now - _WEEK)
    return Situation(
        roster=ctx.roster,
        states=await ctx.store.listener_states(),
        loads={k: Load(active, week) for k, (active, week) in loads.items()},
        offered=await ctx.store.offered_to(case.id),
        requester=requester.address,
        platforms=ctx.platforms,
        limits=ctx.policy.limits,
        now=now,
    )


async def route(ctx: Context, case: Case, now: datetime) -> Out:
    """Offer a waiting case to the next eligible listener, or report that nobody is."""
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is None or case.state is not CaseState.WAITING:
        return []
    s = await situation(ctx, case, requester, now)
    chosen = choose(case, s)
    if chosen is None:
        return await _nobody(ctx, case, requester, now)
    out = await offer(ctx, case, chosen, now)
    if case.continuity_listener and not s.offered and chosen.id != case.continuity_listener:
        out.append(say.to_person(ctx, requester, "continuity_elsewhere"))  # why is not said
    return out


async def offer(ctx: Context, case: Case, chosen: Listener, now: datetime) -> Out:
    """Offer `case` to `chosen` (eligibility checked by the caller); [] when it moved on."""
    if not await fire(ctx, case, Trigger.OFFER, chosen.id, now):
        return []
    await audit(ctx, listener_actor(chosen.id), "offered", case.ref, say.where_is(ctx, chosen))
    minutes = max(1, int(ctx.policy.offer_timeout.total_seconds() // 60))
    mode = "mode_anonymous" if case.mode is Mode.ANONYMOUS else "mode_direct"
    buttons = (
        Button(t(ctx.policy.default_locale, "button_accept"), f"accepter {case.ref}"),
        Button(t(ctx.policy.default_locale, "button_decline"), f"refuser {case.ref}"),
    )
    return say.to_member(
        ctx,
        chosen,
        "offer",
        buttons=buttons,
        ref=case.ref,
        minutes=minutes,
        mode=t(ctx.policy.default_locale, mode),
    )


async def _nobody(ctx: Context, case: Case, requester: Person, now: datetime) -> Out:
    await scheduling.waiting_retry(ctx, case, now)
    if case.waiting_alerted:
        return []
    await ctx.store.mark_waiting_alerted(case.id)
    numbers = ctx.numbers.listening_lines(say.lang(ctx, requester), now)
    return [
        say.to_person(ctx, requester, "nobody_available", ref=case.ref, numbers=numbers),
        *say.to_coordinators(ctx, "alert_waiting", ref=case.ref),
    ]


async def retry_waiting(ctx: Context, now: datetime) -> Out:
    """Try again every waiting case (a listener came back, a load went down…)."""
    out: Out = []
    for case in await ctx.store.cases_in([CaseState.WAITING]):
        out += await route(ctx, case, now)
    return out


async def expire(ctx: Context, case: Case, listener_id: ListenerId, now: datetime) -> Out:
    """An offer's time is up (its follow-up row is due): the next listener gets it."""
    if case.state is not CaseState.OFFERED or case.listener_id != listener_id:
        return []  # answered, withdrawn or moved on meanwhile
    if not await fire(ctx, case, Trigger.EXPIRE, None, now):
        return []
    out: Out = []
    member = ctx.roster.get(listener_id)
    if member is not None:
        await audit(ctx, listener_actor(member.id), "expired", case.ref, Origin.BOT)
        out += say.to_member(ctx, member, "offer_expired", ref=case.ref)
    return out + await _reroute(ctx, case.id, now)


async def _reroute(ctx: Context, case_id: int, now: datetime) -> Out:
    case = await ctx.store.case_by_id(case_id)
    return await route(ctx, case, now) if case is not None else []


async def _by_listener(
    ctx: Context, me: Listener, case: Case, trigger: Trigger, action: str, now: datetime
) -> bool:
    """Fire `trigger` as the listener `me`; audited as `action` when it took effect."""
    if not await fire(ctx, case, trigger, me.id, now):
        return False
    await audit(ctx, listener_actor(me.id), action, case.ref, say.where_is(ctx, me))
    return True


async def accept(ctx: Context, me: Listener, case: Case, now: datetime) -> Out:
    if not await _by_listener(ctx, me, case, Trigger.ACCEPT, "accepted", now):
        return say.to_member(ctx, me, "not_offered_to_you", ref=case.ref)
    metrics.accepted_after(now - case.created_at)
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is None:
        return []
    more = await casenotes.shown(ctx, me, case)  # notes left by whoever held it before
    if requester.dialog is Dialog.FORGET:  # a "oui" for the listener must not erase all
        requester.dialog = Dialog.NONE
        await ctx.store.save_person(requester)
        more.append(say.to_person(ctx, requester, "forget_set_aside"))
    if case.continuity_listener:  # they asked for the same person: say whether it is
        same = case.continuity_listener == me.id
        more.insert(0, say.to_person(ctx, requester, f"continuity_{'same' if same else 'other'}"))
    if case.mode is Mode.DIRECT:
        handle = requester.handle or requester.address.user_id
        return [
            say.to_person(ctx, requester, "accepted_requester_direct", name=me.name, ref=case.ref),
            *say.to_member(
                ctx,
                me,
                "accepted_listener_direct",
                ref=case.ref,
                handle=handle,
                platform=requester.address.platform,
            ),
            *more,
        ]
    return [
        say.to_person(ctx, requester, "accepted_requester_anonymous", ref=case.ref),
        *say.to_member(ctx, me, "accepted_listener_anonymous", case_ref=case.ref, ref=case.ref),
        *more,
    ]


async def decline(ctx: Context, me: Listener, case: Case, now: datetime) -> Out:
    if not await _by_listener(ctx, me, case, Trigger.DECLINE, "declined", now):
        return say.to_member(ctx, me, "not_offered_to_you", ref=case.ref)
    return [
        *say.to_member(ctx, me, "declined_ack", ref=case.ref),
        *await _reroute(ctx, case.id, now),
    ]


async def release(ctx: Context, member: Listener, now: datetime) -> Out:
    """The offers `member` still holds go on to the next listener now (they went away,
    were paused or removed): an offer would otherwise wait for its time-out."""
    out: Out = []
    for case in await ctx.store.cases_of_listener(member.id, [CaseState.OFFERED]):
        out += await decline(ctx, member, case, now)
    return out


async def withdraw_from_absent(ctx: Context, now: datetime) -> Out:
    """Offers held by someone who is no longer a listener (the file's roster changed while
    the bot was stopped) go to the next listener now, not at their time-out."""
    out: Out = []
    for case in await ctx.store.cases_in([CaseState.OFFERED]):
        member = ctx.roster.get(case.listener_id) if case.listener_id else None
        if case.listener_id and (member is None or not member.listens):
            out += await expire(ctx, case, case.listener_id, now)
    return out


async def transfer(ctx: Context, me: Listener, case: Case, now: datetime) -> Out:
    if not await _by_listener(ctx, me, case, Trigger.TRANSFER, "transferred", now):
        return say.to_member(ctx, me, "unknown_ref", ref=case.ref)
    requester = await ctx.store.person_by_id(case.requester_id)
    out = say.to_member(ctx, me, "transferred_listener", ref=case.ref)
    if requester is not None:
        out.append(say.to_person(ctx, requester, "transferred_requester", ref=case.ref))
    return out + await _reroute(ctx, case.id, now)
