"""What is not text: files, images, voice messages, reactions.

None of it is relayed: in an anonymous relay a file's name and metadata, or a
picture, can say who someone is, and Matrix reactions travel unencrypted. Nothing is
dropped without the sender knowing: in a relay they are told once per case that only
text is passed on (and that the direct introduction exists); elsewhere, that the bot
reads text only. A reaction outside a relay is meant for no one and needs no answer.
"""

from __future__ import annotations

from bot import say
from bot.cases import Case, CaseState, Mode
from bot.context import Context
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Listener, Person

Out = list[OutgoingMessage]
NS = "relay.told"


async def not_relayed(ctx: Context, msg: IncomingMessage) -> Out:
    """The notice for the part of `msg` that is not text (nothing when there is none)."""
    if not (msg.files or msg.reaction):
        return []
    me = await ctx.store.person(msg.sender, ctx.clock.now())
    member = ctx.roster.find(msg.sender, msg.handle)
    own = await ctx.store.open_case_of(me.id)
    if member is not None and (msg.case_ref is not None or own is None):
        case = await _listener_case(ctx, member, msg.case_ref)
        if case is not None:
            return await _once(ctx, case, "listener", _to_member(ctx, member, msg, case))
    elif own is not None and _relaying(own):
        return await _once(ctx, own, "requester", [_to_requester(ctx, me)])
    if msg.files:
        return [say.to_person(ctx, me, "text_only")]
    return []


async def _once(ctx: Context, case: Case, side: str, notice: Out) -> Out:
    return notice if await ctx.state.add(NS, f"{case.ref}|{side}") else []


async def _listener_case(ctx: Context, member: Listener, ref: str | None) -> Case | None:
    mine = await ctx.store.cases_of_listener(member.id, [CaseState.ACCEPTED])
    relayable = [c for c in mine if c.mode is Mode.ANONYMOUS]
    if ref is not None:
        return next((c for c in relayable if c.ref == ref.upper()), None)
    return relayable[0] if len(relayable) == 1 else None


def _relaying(case: Case) -> bool:
    return case.state is CaseState.ACCEPTED and case.mode is Mode.ANONYMOUS


def _to_member(ctx: Context, member: Listener, msg: IncomingMessage, case: Case) -> Out:
    place = msg.case_ref and case.ref
    return say.to_member(ctx, member, "not_relayed_listener", case_ref=place or None, ref=case.ref)


def _to_requester(ctx: Context, me: Person) -> OutgoingMessage:
    return say.to_person(ctx, me, "not_relayed_requester")
