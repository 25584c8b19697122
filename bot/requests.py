"""The requester's side: the request dialog, cancelling, closing, relaying to the listener."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot import offers, relaying, say
from bot.audit import audit
from bot.cases import AlreadyOpen, Case, CaseState, Mode, Trigger
from bot.context import Context
from bot.conversation.answers import corrects_team, mode, yes_no
from bot.followups import schedule as scheduling
from bot.locales import t
from bot.messages import Button, IncomingMessage, OutgoingMessage
from bot.people import Dialog, Person
from bot.privacy import REQUESTER
from bot.triggers import fire

Out = list[OutgoingMessage]
MAX_TEAM_CHARS = 200


async def start(ctx: Context, me: Person) -> Out:
    """`demande`: consent given; ask the optional questions, then create the case."""
    current = await ctx.store.open_case_of(me.id)
    if current is not None:
        return [say.to_person(ctx, me, "request_exists", ref=current.ref)]
    previous = await ctx.store.last_closed_case_of(me.id)
    me.draft_team = None
    me.draft_continuity = None
    member = ctx.roster.get(previous.listener_id) if previous and previous.listener_id else None
    if previous is not None and member is not None and member.listens:
        me.draft_continuity = member.id
        return await _ask(ctx, me, Dialog.CONTINUITY, "ask_continuity")
    return await _ask(ctx, me, Dialog.TEAM, "ask_team")


# Buttons where the platform has them; the same words typed work everywhere.
_CHOICES = {
    Dialog.CONTINUITY: (("button_yes", "oui"), ("button_no", "non")),
    Dialog.TEAM: (("button_skip", "passer"),),
    Dialog.MODE: (
        ("button_anonymous", "anonyme"),
        ("button_direct", "direct"),
        ("button_skip", "passer"),
    ),
}


async def _ask(ctx: Context, me: Person, dialog: Dialog, key: str) -> Out:
    if me.dialog is Dialog.SAFETY:  # the concern question stays open behind the request's
        me.resume = Dialog.SAFETY
    me.dialog = dialog
    await ctx.store.save_person(me)
    lang = say.lang(ctx, me)
    buttons = tuple(Button(t(lang, label), word) for label, word in _CHOICES.get(dialog, ()))
    return [replace(say.to_person(ctx, me, key), buttons=buttons)]


async def answer(ctx: Context, me: Person, text: str, skipped: bool, now: datetime) -> Out:
    """The person answered the question the bot is waiting on."""
    if me.dialog is Dialog.CONTINUITY:
        wanted = False if skipped else yes_no(text)
        if wanted is None:
            return [say.to_person(ctx, me, "ask_yes_no")]
        if not wanted:
            me.draft_continuity = None
        return await _ask(ctx, me, Dialog.TEAM, "ask_team")
    if me.dialog is Dialog.TEAM:
        me.draft_team = None if skipped else (text.strip()[:MAX_TEAM_CHARS] or None)
        return await _ask(ctx, me, Dialog.MODE, "ask_mode")
    if me.dialog is Dialog.MODE:
        chosen = Mode.ANONYMOUS if skipped else mode(text)
        if chosen is None and corrects_team(text):  # both kept from: no link with either
            said = ", ".join(t for t in (me.draft_team, text.strip()) if t)
            me.draft_team = said[:MAX_TEAM_CHARS]
            return [
                say.to_person(ctx, me, "team_corrected"),
                *await _ask(ctx, me, Dialog.MODE, "ask_mode"),
            ]
        if chosen is None:
            return [say.to_person(ctx, me, "ask_mode_again")]
        return await _create(ctx, me, chosen, now)
    if me.dialog is Dialog.CHECKIN:
        return await _checkin(ctx, me, False if skipped else yes_no(text))
    return []


async def _create(ctx: Context, me: Person, mode: Mode, now: datetime) -> Out:
    existing = await ctx.store.open_case_of(me.id)
    if existing is not None:
        me.dialog = Dialog.NONE
        await ctx.store.save_person(me)
        return [say.to_person(ctx, me, "request_exists", ref=existing.ref)]
    try:
        case = await ctx.store.create_case(me, mode, me.draft_team, me.draft_continuity, now)
    except AlreadyOpen as race:  # another replica created it a moment ago
        me.dialog, me.draft_team, me.draft_continuity = Dialog.NONE, None, None
        await ctx.store.save_person(me)
        return [say.to_person(ctx, me, "request_exists", ref=race.case.ref)]
    me.draft_team, me.draft_continuity = None, None
    still = _drafted(me)
    await ctx.store.save_person(me)
    return [
        say.to_person(ctx, me, "request_searching", ref=case.ref),
        *await offers.route(ctx, case, now),
        *([say.to_person(ctx, me, "pending_safety")] if still else []),
    ]


def _drafted(me: Person) -> bool:
    """The request's questions are over: the concern question they kept aside, if any,
    is open again (a later "oui" is heard). Whether it is."""
    me.dialog = Dialog.SAFETY if me.resume is Dialog.SAFETY else Dialog.NONE
    me.resume = Dialog.NONE
    return me.dialog is Dialog.SAFETY


async def _checkin(ctx: Context, me: Person, wanted: bool | None) -> Out:
    if wanted is None:
        return [say.to_person(ctx, me, "ask_yes_no")]
    case = await ctx.store.case_by_id(me.dialog_case_id) if me.dialog_case_id else None
    if case is not None:
        await ctx.store.set_checkin(case.id, wanted)
        if wanted:
            await scheduling.checkin(ctx, case, case.ended_at or ctx.clock.now())
    me.dialog, me.dialog_case_id = Dialog.NONE, None
    await ctx.store.save_person(me)
    return [say.to_person(ctx, me, "checkin_yes" if wanted else "checkin_no")]


async def cancel(ctx: Context, me: Person, now: datetime) -> Out:
    """`annuler`: withdraw the draft or the open request; the listener is told neutrally."""
    case = await ctx.store.open_case_of(me.id)
    if case is None:
        if me.dialog in (Dialog.CONTINUITY, Dialog.TEAM, Dialog.MODE):
            me.dialog, me.draft_team, me.draft_continuity = Dialog.NONE, None, None
            await ctx.store.save_person(me)
            return [say.to_person(ctx, me, "cancelled_draft")]
        return [say.to_person(ctx, me, "nothing_to_cancel")]
    if not await fire(ctx, case, Trigger.CANCEL, None, now):
        return await cancel(ctx, me, now)
    await audit(ctx, REQUESTER, "cancelled", case.ref, me.address.platform)
    out = [say.to_person(ctx, me, "cancelled_requester", ref=case.ref)]
    member = ctx.roster.get(case.listener_id) if case.listener_id else None
    if member is not None and case.state in (CaseState.OFFERED, CaseState.ACCEPTED):
        out += say.to_member(ctx, member, "offer_withdrawn", ref=case.ref)
    return out + await offers.retry_waiting(ctx, now)


async def close(ctx: Context, me: Person, now: datetime) -> Out:
    """`clore` from the requester: end the accepted case (a pending one is withdrawn)."""
    case = await ctx.store.open_case_of(me.id)
    if case is None:
        return [say.to_person(ctx, me, "nothing_to_close")]
    if case.state is not CaseState.ACCEPTED:
        return await cancel(ctx, me, now)
    if not await fire(ctx, case, Trigger.CLOSE, None, now):
        return [say.to_person(ctx, me, "nothing_to_close")]
    await audit(ctx, REQUESTER, "closed", case.ref, me.address.platform)
    member = ctx.roster.get(case.listener_id) if case.listener_id else None
    out = say.to_member(ctx, member, "closed_by_other", ref=case.ref) if member else []
    out += await offers.retry_waiting(ctx, now)
    return [*await closed_for_requester(ctx, me, case), *out]


async def closed_for_requester(ctx: Context, me: Person, case: Case) -> Out:
    """Tell the requester the case is closed and offer the 7-day check-in."""
    me.dialog, me.dialog_case_id = Dialog.CHECKIN, case.id
    await ctx.store.save_person(me)
    return [say.to_person(ctx, me, "closed_requester", ref=case.ref)]


async def relay(ctx: Context, me: Person, case: Case, msg: IncomingMessage, text: str) -> Out:
    """Words from a requester for the listener of their open case."""
    if case.state is not CaseState.ACCEPTED:
        return [say.to_person(ctx, me, "still_searching", ref=case.ref)]
    if case.mode is Mode.DIRECT:
        return [say.to_person(ctx, me, "direct_mode_reminder", ref=case.ref)]
    member = ctx.roster.get(case.listener_id) if case.listener_id else None
    address = say.address_of(ctx, member) if member is not None else None
    if address is None:
        return [say.to_person(ctx, me, "still_searching", ref=case.ref)]
    copy = relaying.copy_of(msg, case.ref)
    lang = ctx.policy.default_locale
    out, truncated = relaying.relayed(address, lang, "relay_to_listener", text, copy, ref=case.ref)
    return [replace(out, case_ref=case.ref)] + (
        [say.to_person(ctx, me, "sender_truncated")] if truncated else []
    )
