"""Notes listeners share about a case (`note REF texte`), so the next one does not start
from nothing. Seen by the listeners who held the case, never by the requester; encrypted
at rest, deleted with the case, never logged, never in the audit."""

from __future__ import annotations

from datetime import datetime

from bot import say
from bot.audit import audit
from bot.cases import Case, CaseState, looks_like_ref
from bot.clock import ZONE
from bot.context import Context
from bot.locales import t
from bot.messages import OutgoingMessage
from bot.people import Listener
from bot.privacy import listener_actor

Out = list[OutgoingMessage]
MAX_NOTE = 2000


async def _held(ctx: Context, me: Listener, ref: str) -> Case | None:
    case = await ctx.store.case_by_ref(ref.upper())
    if case is None or me.id not in await ctx.store.holders(case.id):
        return None
    return case


async def held_case(
    ctx: Context,
    me: Listener,
    raw: str,
    place: str | None,
    verb: str = "note",
    usage: str = "note_usage",
    words_first: frozenset[str] = frozenset(),
) -> tuple[Case, str] | Out:
    """The case a listener's command is about (a REF given, the case's own place, or their
    only open case) among those they held, and the words after the REF."""
    words = raw.split(maxsplit=1)
    if words and looks_like_ref(words[0]) and words[0].lower() not in words_first:
        case = await _held(ctx, me, words[0])
        if case is not None:
            return case, words[1] if len(words) > 1 else ""
        if place is None:
            return say.to_member(ctx, me, "unknown_ref", ref=words[0].upper())
    if place is not None:
        case = await _held(ctx, me, place)
        return (case, raw) if case is not None else say.to_member(ctx, me, "unknown_ref", ref=place)
    mine = await ctx.store.cases_of_listener(me.id, [CaseState.ACCEPTED])
    if len(mine) == 1:
        return mine[0], raw
    if not mine:
        return say.to_member(ctx, me, usage)
    refs = ", ".join(c.ref for c in mine)
    return say.to_member(ctx, me, "which_case", refs=refs, example=f"{verb} {mine[0].ref} …")


async def note(ctx: Context, me: Listener, raw: str, place: str | None, now: datetime) -> Out:
    """`note K7Q2 texte` adds a note; `note K7Q2` shows the case's notes."""
    found = await held_case(ctx, me, raw, place)
    if isinstance(found, list):
        return found
    case, text = found
    text = text.strip()
    if not text:
        return await shown(ctx, me, case, empty_too=True)
    if len(text) > MAX_NOTE:
        return say.to_member(ctx, me, "note_too_long", max=MAX_NOTE, length=len(text))
    await ctx.store.add_note(case.id, me.id, text, now)
    await audit(ctx, listener_actor(me.id), "noted", case.ref, say.where_is(ctx, me))
    return say.to_member(ctx, me, "note_added", ref=case.ref)


async def shown(ctx: Context, me: Listener, case: Case, *, empty_too: bool = False) -> Out:
    """The case's notes for a listener who holds or held it (nothing when there are none,
    unless asked)."""
    notes = await ctx.store.notes_of(case.id)
    if not notes:
        return say.to_member(ctx, me, "notes_none", ref=case.ref) if empty_too else []
    await audit(ctx, listener_actor(me.id), "notes_read", case.ref, say.where_is(ctx, me))
    lang = ctx.policy.default_locale
    lines = [t(lang, "notes_header", ref=case.ref)]
    for n in notes:
        author = ctx.roster.get(n.author)
        lines.append(
            t(
                lang,
                "notes_line",
                at=n.at.astimezone(ZONE).strftime("%d/%m %H:%M"),
                name=author.name if author else n.author,
                text=n.text,
            )
        )
    address = say.address_of(ctx, me)
    return [OutgoingMessage(address, "\n".join(lines))] if address else []
