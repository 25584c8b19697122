"""The listener's side: answering offers, closing, handing over, availability, relay."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import offers, relaying, scheduling
from bot.cases import Case, CaseState, Mode
from bot.context import Context
from bot.dates import BadDate, last_day, until_date
from bot.locales import t
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Listener, ListenerState
from bot.privacy import listener_actor
from bot.requests import closed_for_requester

Out = list[OutgoingMessage]
PARIS = ZoneInfo("Europe/Paris")
_REF = re.compile(r"\b([A-Z0-9]{4})\b")
_PREFIXED = re.compile(r"^\s*\[?([A-Za-z0-9]{4})\]?\s*[:>—-]\s*(.+)$", re.DOTALL)


async def _pick(
    ctx: Context, me: Listener, args: str, states: Sequence[CaseState], none_key: str
) -> Case | Out:
    """The case a command is about: the REF given, or the only candidate."""
    mine = await ctx.store.cases_of_listener(me.id, states)
    found = _REF.search(args.upper())
    if found:
        ref = found.group(1)
        chosen = next((c for c in mine if c.ref == ref), None)
        if chosen is not None:
            return chosen
        exists = await ctx.store.case_by_ref(ref)
        key = "not_offered_to_you" if exists is not None else "unknown_ref"
        return ctx.to_member(me, key, ref=ref)
    if len(mine) == 1:
        return mine[0]
    if not mine:
        return ctx.to_member(me, none_key)
    return ctx.to_member(me, "which_case", refs=", ".join(c.ref for c in mine))


async def accept(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.OFFERED], "no_offer")
    return case if isinstance(case, list) else await offers.accept(ctx, me, case, now)


async def decline(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.OFFERED], "no_offer")
    return case if isinstance(case, list) else await offers.decline(ctx, me, case, now)


async def transfer(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.ACCEPTED], "nothing_to_close")
    return case if isinstance(case, list) else await offers.transfer(ctx, me, case, now)


async def close(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.ACCEPTED], "nothing_to_close")
    if isinstance(case, list):
        return case
    moved = await ctx.store.move(
        case.id, CaseState.ACCEPTED, CaseState.CLOSED, now, expect_listener=me.id
    )
    if not moved:
        return ctx.to_member(me, "nothing_to_close")
    await ctx.audit(listener_actor(me.id), "closed", case.ref, ctx.platform_of(me))
    out = ctx.to_member(me, "closed_listener", ref=case.ref)
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is not None:
        out += await closed_for_requester(ctx, requester, case)
    return out + await offers.retry_waiting(ctx, now)


async def mine(ctx: Context, me: Listener) -> Out:
    cases = await ctx.store.cases_of_listener(me.id, [CaseState.OFFERED, CaseState.ACCEPTED])
    if not cases:
        return ctx.to_member(me, "mine_none")
    lang = ctx.policy.default_locale
    lines = [t(lang, "mine_header")]
    for c in cases:
        await ctx.audit(listener_actor(me.id), "viewed", c.ref, ctx.platform_of(me))
        since = (c.accepted_at or c.offered_at or c.created_at).astimezone(PARIS)
        mode = "mode_anonymous" if c.mode is Mode.ANONYMOUS else "mode_direct"
        lines.append(
            t(
                lang,
                "mine_line",
                ref=c.ref,
                state=t(lang, f"state_{c.state.value}"),
                mode=t(lang, mode),
                since=since.strftime("%d/%m %H:%M"),
            )
        )
    address = ctx.address_of(me)
    return [OutgoingMessage(address, "\n".join(lines))] if address else []


async def availability(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    """`dispo on` / `dispo off [jusqu'au DATE]`; coming back re-offers waiting cases."""
    states = await ctx.store.listener_states()
    state = states.get(me.id) or ListenerState(me.id)
    words = args.split()
    if not words or words[0] not in ("on", "off", "oui", "non"):
        status = t(
            ctx.policy.default_locale, "status_on" if state.is_available(now) else "status_off"
        )
        usage = t(ctx.policy.default_locale, "available_usage")
        return ctx.to_member(me, "available_status", status=status, usage=usage)
    if words[0] in ("on", "oui"):
        state.available, state.unavailable_until = True, None
        await ctx.store.save_listener_state(state)
        return ctx.to_member(me, "available_on") + await offers.retry_waiting(ctx, now)
    try:
        until = until_date(args, now)
    except BadDate as exc:
        return ctx.to_member(me, "available_bad_date", date=exc.text)
    state.available, state.unavailable_until = False, until
    await ctx.store.save_listener_state(state)
    if until is not None:
        await scheduling.dispo_return(ctx, me.id, until)
    if until is None:
        return ctx.to_member(me, "available_off")
    return ctx.to_member(me, "available_off_until", date=last_day(until))


async def relay(ctx: Context, me: Listener, msg: IncomingMessage) -> Out:
    """Plain text from a listener: pass it to the requester of the case it belongs to."""
    text, ref = msg.text, msg.case_ref
    active = await ctx.store.cases_of_listener(me.id, [CaseState.ACCEPTED])
    relayable = [c for c in active if c.mode is Mode.ANONYMOUS]
    prefixed = _PREFIXED.match(text)
    if ref is None and prefixed and prefixed.group(1).upper() in {c.ref for c in relayable}:
        ref, text = prefixed.group(1).upper(), prefixed.group(2)
    if ref is not None:
        case = next((c for c in relayable if c.ref == ref.upper()), None)
        if case is None:
            return ctx.to_member(me, "unknown_ref", ref=ref.upper())
    elif len(relayable) == 1:
        case = relayable[0]
    elif not relayable:
        return ctx.to_member(me, "unknown")
    else:
        return ctx.to_member(me, "which_case", refs=", ".join(c.ref for c in relayable))
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is None:
        return ctx.to_member(me, "unknown_ref", ref=case.ref)
    await ctx.audit(listener_actor(me.id), "relayed", case.ref, msg.sender.platform)
    copy = relaying.copy_of(msg, case.ref)
    out, truncated = relaying.relayed(
        requester.address, ctx.lang(requester), "relay_to_requester", text, copy
    )
    notice = ctx.to_member(me, "sender_truncated", case_ref=msg.case_ref) if truncated else []
    return [out, *notice]
