"""What is not text: files, images, voice messages, reactions.

None of it is relayed: in an anonymous relay a file's name and metadata, or a
picture, can say who someone is, and Matrix reactions travel unencrypted. Nothing is
dropped without the sender knowing: where text would be relayed (decided by `route()`
as for text) they are told once per case that only text is passed on (and that the
direct introduction exists); elsewhere, that the bot reads text only. A reaction
outside a relay is meant for no one and needs no answer.
"""

from __future__ import annotations

from datetime import datetime

from bot import say
from bot.context import Context
from bot.conversation.route import Relay, Side
from bot.conversation.turn import Turn
from bot.conversation.where import where
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Dialog

Out = list[OutgoingMessage]
NS = "relay.told"


async def not_relayed(ctx: Context, msg: IncomingMessage, now: datetime) -> Out:
    """The notice for the part of `msg` that is not text (nothing when there is none)."""
    if not (msg.files or msg.reaction):
        return []
    me = await ctx.store.person(msg.sender, now)
    member = ctx.roster.find(msg.sender, msg.handle)
    turn = Turn(ctx, me, member, await ctx.store.open_case_of(me.id), msg, now)
    place = await where(turn, "", Dialog.NONE)  # no words: never a command, never an answer
    if isinstance(place, Relay) and place.case.relaying:
        ref, side = place.case.ref, place.case.side
        if not await ctx.state.add(NS, f"{ref}|{side.value}"):
            return []
        if side is Side.REQUESTER:
            return [say.to_person(ctx, me, "not_relayed_requester")]
        assert member is not None  # the listener side is a roster member's
        thread = ref if msg.case_ref else None
        return say.to_member(ctx, member, "not_relayed_listener", case_ref=thread, ref=ref)
    return [say.to_person(ctx, me, "text_only")] if msg.files else []
