"""GDPR rights in the chat: `mes données` (see what is kept) and `oubli` (erase it)."""

from __future__ import annotations

from datetime import datetime

from bot import say
from bot.cases import CaseState, Mode
from bot.clock import ZONE
from bot.context import Context
from bot.dates import last_day
from bot.locales import t
from bot.messages import OutgoingMessage
from bot.people import Dialog, Listener, ListenerState, Person
from bot.privacy import REQUESTER, AuditEntry, coordinator_actor, listener_actor
from bot.requests import cancel

Out = list[OutgoingMessage]


def _day(moment: datetime | None) -> str:
    return moment.astimezone(ZONE).strftime("%d/%m/%Y") if moment else "?"


async def my_data(ctx: Context, me: Person, member: Listener | None, now: datetime) -> Out:
    """A readable export of everything the bot keeps about the asker (SECURITY.md)."""
    lang = say.lang(ctx, me)
    cases = ""
    for case in await ctx.store.cases_of_requester(me.id):
        mode = t(lang, "mode_anonymous" if case.mode is Mode.ANONYMOUS else "mode_direct")
        team = t(lang, "my_data_team", team=case.team) if case.team else ""
        if case.accepted_at:
            team += t(lang, "my_data_accepted", date=_day(case.accepted_at))
        if case.ended_at:
            team += t(lang, "my_data_ended", date=_day(case.ended_at))
        if case.checkin_wanted:
            team += t(lang, "my_data_checkin")
        cases += t(
            lang,
            "my_data_case",
            ref=case.ref,
            state=t(lang, f"state_{case.state.value}"),
            mode=mode,
            created=_day(case.created_at),
            team=team,
        )
    extra = t(lang, "my_data_handle", handle=me.handle) if me.handle else ""
    if me.draft_team:
        extra += t(lang, "my_data_draft", team=me.draft_team)
    if me.last_alert_at:
        extra += t(lang, "my_data_alert", date=_day(me.last_alert_at))
    extra += t(lang, "my_data_room", platform=me.address.platform)
    roles = []
    if member is not None and member.listens:
        roles.append(t(lang, "role_listener"))
    if member is not None and member.coordinator:
        roles.append(t(lang, "role_coordinator"))
    text = t(
        lang,
        "my_data",
        platform=me.address.platform,
        user_id=me.address.user_id,
        ref=me.ref,
        locale=lang,
        since=_day(me.created_at),
        seen=_day(me.last_seen_at),
        extra=extra,
        cases=cases or t(lang, "my_data_no_case"),
        roles=t(lang, "my_data_roles", roles=", ".join(roles)) if roles else "",
        listener=await _as_listener(ctx, member, lang, now) if member is not None else "",
        days=ctx.policy.retention.cases.days,
    )
    return [OutgoingMessage(me.address, text)]


async def _as_listener(ctx: Context, member: Listener, lang: str, now: datetime) -> str:
    """What is kept about a roster member's listening: availability, offers, audit."""
    state = (await ctx.store.listener_states()).get(member.id) or ListenerState(member.id)
    status = t(lang, "status_on" if state.is_available(now) else "status_off")
    if not state.is_available(now) and state.unavailable_until is not None:
        status += f" ({last_day(state.unavailable_until)})"
    offers = ", ".join(
        f"{ref} ({t(lang, f'outcome_{outcome}')}, {_day(at)})"
        for ref, outcome, at in await ctx.store.offers_of_listener(member.id)
    )
    entries = await ctx.store.audit_count(listener_actor(member.id))
    entries += await ctx.store.audit_count(coordinator_actor(member.id))
    return t(
        lang,
        "my_data_listener",
        id=member.id,
        status=status,
        last=_day(state.last_offer_at) if state.last_offer_at else t(lang, "my_data_none"),
        offers=offers or t(lang, "my_data_none"),
        entries=entries,
        audit_days=ctx.policy.retention.audit.days,
    )


async def _still_listening(ctx: Context, me: Person) -> Out:
    """A listener holding cases or offers is told to hand them over first: an erasure
    never leaves a relay running to someone who asked to be forgotten, nor closes a
    requester's conversation without a word from the person listening."""
    member = ctx.roster.find(me.address, me.handle)
    if member is None:
        return []
    held = await ctx.store.cases_of_listener(member.id, [CaseState.OFFERED, CaseState.ACCEPTED])
    if not held:
        return []
    refs = ", ".join(f"**{c.ref}**" for c in held)
    return [say.to_person(ctx, me, "forget_still_listening", refs=refs, ref=held[0].ref)]


async def ask_forget(ctx: Context, me: Person) -> Out:
    """Ask for confirmation; a question already pending (the request's team or mode) is
    kept aside, and asked again when the erasure is declined."""
    listening = await _still_listening(ctx, me)
    if listening:
        return listening
    if me.dialog not in (Dialog.NONE, Dialog.FORGET, Dialog.SAFETY):
        me.resume = me.dialog
    me.dialog = Dialog.FORGET
    await ctx.store.save_person(me)
    return [say.to_person(ctx, me, "forget_confirm")]


async def forget(ctx: Context, me: Person, confirmed: bool | None, now: datetime) -> Out:
    """Erase the person: open request withdrawn (listener told neutrally), then deleted."""
    if confirmed is None:
        return [say.to_person(ctx, me, "ask_yes_no")]
    if not confirmed:
        me.dialog, me.resume = me.resume, Dialog.NONE
        await ctx.store.save_person(me)
        again = [say.to_person(ctx, me, f"pending_{me.dialog.value}")] if me.dialog else []
        return [say.to_person(ctx, me, "forget_kept"), *again]
    listening = await _still_listening(ctx, me)
    if listening:  # a case accepted since the question: nothing erased
        me.dialog, me.resume = me.resume, Dialog.NONE
        await ctx.store.save_person(me)
        return listening
    out: Out = []
    case = await ctx.store.open_case_of(me.id)
    if case is not None and case.state is not CaseState.CLOSED:
        out += [m for m in await cancel(ctx, me, now) if m.to != me.address]
    refs = [old.ref for old in await ctx.store.cases_of_requester(me.id)]
    member = ctx.roster.find(me.address, me.handle)
    if member is not None:
        reply = say.to_person(ctx, me, "forget_done_member", days=ctx.policy.retention.audit.days)
    else:
        reply = say.to_person(ctx, me, "forget_done")
    await ctx.store.forget(me.id)  # the person, their cases and those cases' history
    await ctx.state.forget(me.address)  # what adapters keep about them (DM maps, rooms)
    for ref in refs:  # all that remains: that an erasure took place
        await ctx.store.record(AuditEntry(now, REQUESTER, "erased", ref, me.address.platform))
    return [reply, *out]
