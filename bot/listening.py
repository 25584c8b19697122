"""The listener's side: answering offers, closing, handing over, availability, relay."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from bot import offers, relaying, say, wellbeing
from bot.audit import audit
from bot.cases import Case, CaseState, Mode, Trigger
from bot.clock import ZONE
from bot.context import Context
from bot.dates import BadDate, last_day, until_date
from bot.followups import schedule as scheduling
from bot.ids import CaseRef
from bot.locales import t
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Listener, ListenerState
from bot.privacy import listener_actor
from bot.requests import closed_for_requester
from bot.triggers import fire

Out = list[OutgoingMessage]
_REF = re.compile(r"\b([A-Z0-9]{4})\b")


async def _pick(
    ctx: Context, me: Listener, args: str, states: Sequence[CaseState], none_key: str, verb: str
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
        if exists is not None and me.id in await ctx.store.offered_to(exists.id):
            return say.to_member(ctx, me, "not_offered_to_you", ref=ref)  # too late, said plainly
        # Someone else's case answers like a made-up reference: no oracle. Audited.
        await audit(ctx, listener_actor(me.id), "refused", ref, say.where_is(ctx, me))
        return say.to_member(ctx, me, "unknown_ref", ref=ref)
    typed = [w for w in args.split() if w.strip(".,!").lower() not in wellbeing.HEAVY_WORDS]
    if typed and len(mine) == 1:  # `accepter U`: a wrong reference accepts nothing
        example = f"{verb} {mine[0].ref}"
        return say.to_member(ctx, me, "unknown_ref_try", ref=typed[0].upper(), example=example)
    if len(mine) == 1:
        return mine[0]
    if not mine:
        return say.to_member(ctx, me, none_key)
    refs = ", ".join(c.ref for c in mine)
    return say.to_member(ctx, me, "which_case", refs=refs, example=f"{verb} {mine[0].ref}")


async def accept(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.OFFERED], "no_offer", "accepter")
    return case if isinstance(case, list) else await offers.accept(ctx, me, case, now)


async def decline(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.OFFERED], "no_offer", "refuser")
    return case if isinstance(case, list) else await offers.decline(ctx, me, case, now)


async def transfer(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.ACCEPTED], "nothing_to_close", "transférer")
    return case if isinstance(case, list) else await offers.transfer(ctx, me, case, now)


async def close(ctx: Context, me: Listener, args: str, now: datetime) -> Out:
    case = await _pick(ctx, me, args, [CaseState.ACCEPTED], "nothing_to_close", "clore")
    if isinstance(case, list):
        return case
    if not await fire(ctx, case, Trigger.CLOSE, me.id, now):
        return say.to_member(ctx, me, "nothing_to_close")
    await audit(ctx, listener_actor(me.id), "closed", case.ref, say.where_is(ctx, me))
    out = say.to_member(ctx, me, "closed_listener", ref=case.ref)
    out += await wellbeing.after_close(ctx, me, case.ref, wellbeing.is_heavy(args), now)
    requester = await ctx.store.person_by_id(case.requester_id)
    if requester is not None:
        out += await closed_for_requester(ctx, requester, case)
    return out + await offers.retry_waiting(ctx, now)


async def mine(ctx: Context, me: Listener) -> Out:
    cases = await ctx.store.cases_of_listener(me.id, [CaseState.OFFERED, CaseState.ACCEPTED])
    if not cases:
        return say.to_member(ctx, me, "mine_none")
    lang = ctx.policy.default_locale
    lines = [t(lang, "mine_header")]
    for c in cases:
        await audit(ctx, listener_actor(me.id), "viewed", c.ref, say.where_is(ctx, me))
        since = (c.accepted_at or c.offered_at or c.created_at).astimezone(ZONE)
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
    address = say.address_of(ctx, me)
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
        return say.to_member(ctx, me, "available_status", status=status, usage=usage)
    if words[0] in ("on", "oui"):
        state.available, state.unavailable_until, state.rest_until = True, None, None
        await ctx.store.save_listener_state(state)
        return say.to_member(ctx, me, "available_on") + await offers.retry_waiting(ctx, now)
    try:
        until = until_date(args, now)
    except BadDate as exc:
        return say.to_member(ctx, me, "available_bad_date", date=exc.text)
    state.available, state.unavailable_until = False, until
    await ctx.store.save_listener_state(state)
    if until is not None:
        await scheduling.dispo_return(ctx, me.id, until)
    if until is None:
        out = say.to_member(ctx, me, "available_off")
    else:
        out = say.to_member(ctx, me, "available_off_until", date=last_day(until))
    return out + await offers.release(ctx, me, now)


async def relay(ctx: Context, me: Listener, ref: CaseRef, msg: IncomingMessage, text: str) -> Out:
    """Words from a listener for the requester of case `ref` (chosen by the route)."""
    active = await ctx.store.cases_of_listener(me.id, [CaseState.ACCEPTED])
    case = next((c for c in active if c.ref == ref and c.mode is Mode.ANONYMOUS), None)
    requester = await ctx.store.person_by_id(case.requester_id) if case else None
    if case is None or requester is None:
        await audit(ctx, listener_actor(me.id), "refused", ref[:8], msg.sender.platform)
        return say.to_member(ctx, me, "unknown_ref", ref=ref)
    await audit(ctx, listener_actor(me.id), "relayed", case.ref, msg.sender.platform)
    copy = relaying.copy_of(msg, case.ref)
    out, truncated = relaying.relayed(
        requester.address, say.lang(ctx, requester), "relay_to_requester", text, copy
    )
    notice = say.to_member(ctx, me, "sender_truncated", case_ref=msg.case_ref) if truncated else []
    return [out, *notice]
