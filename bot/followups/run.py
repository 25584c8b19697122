"""Carrying out due follow-ups: claim each row atomically, act, mark it done."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import metrics, offers, say
from bot.cases import CaseState
from bot.clock import ZONE
from bot.context import Context
from bot.followups.rows import DueAction, FollowUp, Kind
from bot.followups.schedule import schedule, waiting_retry
from bot.followups.timing import next_allowed, next_local
from bot.ids import ListenerId
from bot.messages import OutgoingMessage
from bot.people import ListenerState

Out = list[OutgoingMessage]
log = logging.getLogger(__name__)
LEASE = timedelta(minutes=10)
PURGE_AT = time(3, 30)
DIGEST_AT, MONDAY = time(9, 0), 0


async def ensure_recurring(ctx: Context, now: datetime) -> None:
    """The next daily purge and weekly digest exist exactly once, whoever starts first."""
    purge = next_local(now, PURGE_AT)
    await schedule(ctx, Kind.PURGE, purge, f"purge:{purge.astimezone(ZONE).date()}")
    digest = next_local(now, DIGEST_AT, MONDAY)
    year, week, _ = digest.astimezone(ZONE).isocalendar()
    await schedule(ctx, Kind.DIGEST, digest, f"digest:{year}-W{week:02d}")


async def ensure_case_rows(ctx: Context, now: datetime) -> None:
    """Rows for open offers and waiting cases written before they were rows (upgrade)."""
    for case in await ctx.store.cases_in([CaseState.OFFERED]):
        if case.listener_id and case.offer_expires_at:
            key = f"expiry:{case.id}:{case.listener_id}"
            expiry = FollowUp(
                Kind.OFFER_EXPIRY, case.offer_expires_at, key, case.id, case.listener_id
            )
            await ctx.store.schedule(expiry, now)
    for case in await ctx.store.cases_in([CaseState.WAITING]):
        await waiting_retry(ctx, case, now)


async def run_due(ctx: Context, now: datetime, owner: str) -> Out:
    """Every action that is due: claimed first, so it runs once across replicas."""
    out: Out = []
    for action in await ctx.store.due_actions(now, LEASE):
        if not await ctx.store.claim(action.id, owner, now, LEASE):
            continue  # another replica has it
        quiet = replace(ctx.policy.quiet_hours, zone=ZoneInfo(action.zone))
        allowed = next_allowed(now, action.kind, quiet)
        if allowed > now:  # fell due while the bot was down, but it is night now
            await ctx.store.postpone(action.id, allowed)
            continue
        metrics.late_by(now - action.due_at)
        out += await _carry_out(ctx, action, now)
        await ctx.store.finish(action.id, now)
    return out


async def _carry_out(ctx: Context, action: DueAction, now: datetime) -> Out:
    log.info("follow-up %s is due", action.kind.value)
    return await FOLLOW_UPS[action.kind](ctx, action, now)


async def _offer_expiry(ctx: Context, action: DueAction, now: datetime) -> Out:
    case = await ctx.store.case_by_id(action.case_id) if action.case_id else None
    if case is None or action.subject is None:
        return []
    return await offers.expire(ctx, case, ListenerId(action.subject), now)


async def _waiting_retry(ctx: Context, action: DueAction, now: datetime) -> Out:
    case = await ctx.store.case_by_id(action.case_id) if action.case_id else None
    return await offers.route(ctx, case, now) if case is not None else []


async def _purge(ctx: Context, action: DueAction, now: datetime) -> Out:
    retention = ctx.policy.retention
    report = await ctx.store.purge(now - retention.cases, now - retention.audit)
    log.info(
        "retention purge: %d cases, %d people, %d audit entries",
        report.cases,
        report.persons,
        report.audit_entries,
    )
    await ensure_recurring(ctx, now)
    return []


async def _nudge(ctx: Context, action: DueAction, now: datetime) -> Out:
    case = await ctx.store.case_by_id(action.case_id) if action.case_id else None
    member = ctx.roster.get(action.subject or "")
    if case is None or member is None or case.state is not CaseState.ACCEPTED:
        return []
    if case.listener_id != member.id:
        return []
    count = int(action.key.rsplit(":", 1)[-1])
    await schedule(
        ctx,
        Kind.NUDGE,
        now + ctx.policy.nudge_every,
        f"nudge:{case.id}:{member.id}:{count + 1}",
        case.id,
        member.id,
    )
    since = (case.accepted_at or case.created_at).astimezone(ZONE).strftime("%d/%m")
    return say.to_member(ctx, member, "nudge", ref=case.ref, since=since)


async def _checkin(ctx: Context, action: DueAction, now: datetime) -> Out:
    case = await ctx.store.case_by_id(action.case_id) if action.case_id else None
    if case is None or not case.checkin_wanted:
        return []
    requester = await ctx.store.person_by_id(case.requester_id)
    return [say.to_person(ctx, requester, "checkin")] if requester else []


async def _dispo_return(ctx: Context, action: DueAction, now: datetime) -> Out:
    member = ctx.roster.get(action.subject or "")
    if member is None:
        return []
    state = (await ctx.store.listener_states()).get(member.id) or ListenerState(member.id)
    if state.available or state.unavailable_until is None or state.unavailable_until > now:
        return []  # they changed their mind meanwhile
    state.available, state.unavailable_until = True, None
    await ctx.store.save_listener_state(state)
    return say.to_member(ctx, member, "dispo_back") + await offers.retry_waiting(ctx, now)


async def _digest(ctx: Context, action: DueAction, now: datetime) -> Out:
    await ensure_recurring(ctx, now)
    activity = await ctx.store.activity_since(now - timedelta(days=7))
    waiting = (await ctx.store.count_by_state()).get(CaseState.WAITING, 0)
    out: Out = []
    for coordinator in ctx.roster.coordinators:
        out += say.to_member(
            ctx,
            coordinator,
            "digest",
            waiting=waiting,
            created=activity["created"],
            accepted=activity["accepted"],
            closed=activity["closed"],
        )
    return out


FOLLOW_UPS: dict[Kind, Callable[[Context, DueAction, datetime], Awaitable[Out]]] = {
    Kind.OFFER_EXPIRY: _offer_expiry,
    Kind.WAITING_RETRY: _waiting_retry,
    Kind.NUDGE: _nudge,
    Kind.CHECKIN: _checkin,
    Kind.DISPO_RETURN: _dispo_return,
    Kind.PURGE: _purge,
    Kind.DIGEST: _digest,
}
