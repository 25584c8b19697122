"""Routes → handlers: every kind of route has exactly one, nothing falls through."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot import listening, requests, rights, say
from bot.audit import audit
from bot.cases import CaseState
from bot.conversation import commands, fallback
from bot.conversation.answers import mode, yes_no
from bot.conversation.route import Answer, AskCase, NotUnderstood, Relay, Route, Run, Side
from bot.conversation.turn import Out, Turn
from bot.ids import CaseRef
from bot.locales import t
from bot.people import Dialog
from bot.privacy import REQUESTER, listener_actor


async def dispatch(turn: Turn, where: Route) -> Out:
    """Hand the message to the one handler of its route."""
    handler: Callable[[Turn, Any], Awaitable[Out]] = ROUTES[type(where)]
    return await handler(turn, where)


async def _run(turn: Turn, where: Run) -> Out:
    return await commands.run(turn, where.command)


async def _answer(turn: Turn, where: Answer) -> Out:
    ctx, me, text = turn.ctx, turn.me, turn.msg.text
    if where.dialog is Dialog.FORGET:
        return await rights.forget(ctx, me, yes_no(text), turn.now)
    skipped = commands.is_skip(text)
    return await requests.answer(ctx, me, text, skipped, turn.now)


async def _relay(turn: Turn, where: Relay) -> Out:
    if where.case.side is Side.LISTENER:
        assert turn.member is not None  # only listeners have listened cases
        return await listening.relay(turn.ctx, turn.member, where.case.ref, turn.msg, where.text)
    assert turn.own is not None  # the requester side is their own open case
    return await requests.relay(turn.ctx, turn.me, turn.own, turn.msg, where.text)


async def _ask_case(turn: Turn, where: AskCase) -> Out:
    ctx, me = turn.ctx, turn.me
    lang = say.lang(ctx, me)
    refs = [
        t(lang, "your_request", ref=c.ref) if c.side is Side.REQUESTER else c.ref
        for c in where.cases
    ]
    listened = [c.ref for c in where.cases if c.side is Side.LISTENER]
    example = listened[0] if listened else where.cases[0].ref
    return [say.to_person(ctx, me, "which_case_relay", refs=", ".join(refs), example=example)]


async def _not_understood(turn: Turn, where: NotUnderstood) -> Out:
    ctx, me = turn.ctx, turn.me
    if where.ref is not None:  # a case that is not theirs, or none: audited, one answer
        actor = listener_actor(turn.member.id) if turn.member is not None else REQUESTER
        await audit(ctx, actor, "refused", where.ref[:8], turn.msg.sender.platform)
        return [say.to_person(ctx, me, await _why_nowhere(turn, where.ref), ref=where.ref)]
    if me.dialog is Dialog.TEAM and mode(turn.msg.text) is not None:
        return [say.to_person(ctx, me, "team_before_mode")]
    out = await fallback.free_words(turn)
    if me.dialog is not Dialog.NONE:  # the question stays open: say so
        out.append(say.to_person(ctx, me, f"pending_{me.dialog.value}"))
    return out


async def _why_nowhere(turn: Turn, ref: CaseRef) -> str:
    """Why words addressed to `ref` went to no one: their case is closed, only offered
    to them, or it is none of theirs (said like a made-up reference: no oracle)."""
    store, member = turn.ctx.store, turn.member
    case = await store.case_by_ref(ref)
    if case is None:
        return "ref_nowhere"
    if member is not None and case.state is CaseState.OFFERED and case.listener_id == member.id:
        return "ref_offered_nowhere"
    held = member is not None and member.id in await store.holders(case.id)
    if (case.requester_id == turn.me.id or held) and not case.is_open:
        return "ref_closed_nowhere"
    return "ref_nowhere"


ROUTES: dict[type, Callable[[Turn, Any], Awaitable[Out]]] = {
    Run: _run,
    Answer: _answer,
    Relay: _relay,
    AskCase: _ask_case,
    NotUnderstood: _not_understood,
}
