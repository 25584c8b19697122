"""GDPR rights in the chat: `mes données` (see what is kept) and `oubli` (erase it)."""

from __future__ import annotations

from datetime import datetime

from bot import say
from bot.cases import CaseState, Mode
from bot.clock import ZONE
from bot.context import Context
from bot.locales import t
from bot.messages import OutgoingMessage
from bot.people import Dialog, Listener, Person
from bot.privacy import REQUESTER, AuditEntry
from bot.requests import cancel

Out = list[OutgoingMessage]


def _day(moment: datetime | None) -> str:
    return moment.astimezone(ZONE).strftime("%d/%m/%Y") if moment else "?"


async def my_data(ctx: Context, me: Person, member: Listener | None, now: datetime) -> Out:
    """A readable export of everything the bot keeps about the asker."""
    lang = say.lang(ctx, me)
    cases = ""
    for case in await ctx.store.cases_of_requester(me.id):
        mode = t(lang, "mode_anonymous" if case.mode is Mode.ANONYMOUS else "mode_direct")
        team = t(lang, "my_data_team", team=case.team) if case.team else ""
        cases += t(
            lang,
            "my_data_case",
            ref=case.ref,
            state=t(lang, f"state_{case.state.value}"),
            mode=mode,
            created=_day(case.created_at),
            team=team,
        )
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
        cases=cases or t(lang, "my_data_no_case"),
        roles=t(lang, "my_data_roles", roles=", ".join(roles)) if roles else "",
        days=ctx.policy.retention.cases.days,
    )
    return [OutgoingMessage(me.address, text)]


async def ask_forget(ctx: Context, me: Person) -> Out:
    me.dialog = Dialog.FORGET
    await ctx.store.save_person(me)
    return [say.to_person(ctx, me, "forget_confirm")]


async def forget(ctx: Context, me: Person, confirmed: bool | None, now: datetime) -> Out:
    """Erase the person: open request withdrawn (listener told neutrally), then deleted."""
    if confirmed is None:
        return [say.to_person(ctx, me, "ask_yes_no")]
    if not confirmed:
        me.dialog = Dialog.NONE
        await ctx.store.save_person(me)
        return [say.to_person(ctx, me, "forget_kept")]
    out: Out = []
    case = await ctx.store.open_case_of(me.id)
    if case is not None and case.state is not CaseState.CLOSED:
        out += [m for m in await cancel(ctx, me, now) if m.to != me.address]
    for old in await ctx.store.cases_of_requester(me.id):
        await ctx.store.record(AuditEntry(now, REQUESTER, "erased", old.ref, me.address.platform))
    reply = say.to_person(ctx, me, "forget_done")
    await ctx.store.forget(me.id)
    return [reply, *out]
