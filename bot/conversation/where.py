"""The inputs of `route()` read from the store: the open cases a person's words may go
to, and their roles. Text and what is not text (files, reactions) go the same way."""

from __future__ import annotations

from bot.cases import Case, CaseState, Mode
from bot.conversation.route import OpenCase, Route, Side, addressed_ref, route
from bot.conversation.turn import Turn
from bot.ids import CaseRef
from bot.people import Dialog


def is_relay(case: Case | None) -> bool:
    """Words pass through the bot for this case now (accepted, anonymous)."""
    return case is not None and case.state is CaseState.ACCEPTED and case.mode is Mode.ANONYMOUS


async def open_cases(turn: Turn) -> list[OpenCase]:
    """The person's own request, then the relayed cases they listen to."""
    own = turn.own
    cases = [OpenCase(own.ref, Side.REQUESTER, is_relay(own))] if own else []
    if turn.member is not None and turn.listens:
        listened = await turn.ctx.store.cases_of_listener(turn.member.id, [CaseState.ACCEPTED])
        cases += [OpenCase(c.ref, Side.LISTENER, True) for c in listened if is_relay(c)]
    return cases


async def known_refs(turn: Turn, written: str | None = None) -> frozenset[str]:
    """The references of the person's other cases: their requests (any state), and the
    cases they listened to or are offered; and `written`, when it is the reference of a
    case at all (someone else's: the words go nowhere, and "RATP: grève" stays words)."""
    store = turn.ctx.store
    refs = {c.ref for c in await store.cases_of_requester(turn.me.id)}
    if turn.member is not None:
        states = [CaseState.OFFERED, CaseState.CLOSED, CaseState.CANCELLED]
        refs |= {c.ref for c in await store.cases_of_listener(turn.member.id, states)}
    if written is not None and written not in refs and await store.case_by_ref(written):
        refs.add(CaseRef(written))
    return frozenset(refs)


async def where(turn: Turn, text: str, pending: Dialog) -> Route:
    """What `text`, written where `turn.msg` was, is for this person."""
    msg = turn.msg
    place = CaseRef(msg.case_ref) if msg.case_ref else None
    written = addressed_ref(text) if place is None else None
    known = await known_refs(turn, written) if written else frozenset()
    cases = await open_cases(turn)
    return route(place, turn.roles, cases, pending, text, button=msg.button, known=known)
