"""Coordinators change the roster in chat: add, remove, pause a listener. Every change
is audited by who did it and whom it concerned, never with the words typed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot import offers, say
from bot.audit import audit
from bot.cases import CaseState
from bot.context import Context
from bot.dates import BadDate, last_day, until_date
from bot.followups import schedule as scheduling
from bot.ids import ListenerId, Platform
from bot.locales import t
from bot.messages import Address, OutgoingMessage
from bot.people import Listener, ListenerState, Roster
from bot.privacy import coordinator_actor
from bot.text import fold

Out = list[OutgoingMessage]
_HANDLE = re.compile(r"^@?[A-Za-z0-9._=-]{1,60}(?::[A-Za-z0-9.-]{1,100})?$")
_TEAMS_WORDS = frozenset({"equipe", "equipes", "team", "teams", "equipe:", "equipes:", "teams:"})


def address_of_handle(handle: str, platform: Platform) -> Address | None:
    """`@alice` on the coordinator's platform; Matrix ids keep their form `@alice:server`."""
    if not _HANDLE.match(handle):
        return None
    if platform is Platform.MATRIX:
        if ":" not in handle:
            return None
        return Address(platform, handle if handle.startswith("@") else f"@{handle}")
    return Address(platform, handle.lstrip("@"))


def listener_id_of(address: Address) -> str:
    return fold(address.user_id.lstrip("@").split(":")[0])[:64]


def find(roster: Roster, address: Address) -> Listener | None:
    """The member this handle names: by their address, else by their roster id."""
    return roster.find(address) or roster.get(listener_id_of(address))


def teams_of(words: list[str]) -> tuple[str, ...]:
    """`équipes DINUM, Santé publique` → ("DINUM", "Santé publique")."""
    if words and fold(words[0]) in _TEAMS_WORDS:
        words = words[1:]
    return tuple(t.strip() for t in " ".join(words).split(",") if t.strip())


async def _refresh(ctx: Context) -> None:
    ctx.roster = Roster(await ctx.store.roster())


async def _changed(
    ctx: Context, me: Listener, action: str, member: Listener, *, refresh: bool = True
) -> None:
    """Audit a roster change (who made it, about whom; never what was typed)."""
    where = say.where_is(ctx, me)
    await audit(ctx, coordinator_actor(me.id), action, None, where, subject=member.id)
    if refresh:
        await _refresh(ctx)


async def _target(ctx: Context, me: Listener, words: list[str], usage: str) -> Address | Out:
    platform = say.platform_of(ctx, me)
    address = address_of_handle(words[0], platform) if words and platform else None
    if address is None:
        return say.to_member(ctx, me, usage)
    return address


async def _listener(ctx: Context, me: Listener, words: list[str], usage: str) -> Listener | Out:
    """The listener a coordinator names (`@handle`), or what to answer instead."""
    address = await _target(ctx, me, words, usage)
    if isinstance(address, list):
        return address
    member = find(ctx.roster, address)
    if member is None or not member.listens:
        return say.to_member(ctx, me, "roster_unknown", handle=words[0])
    return member


async def add(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    """`ajouter écoutant @handle équipes A,B`: a new listener, or one who comes back."""
    words = raw.split()
    address = await _target(ctx, me, words, "roster_add_usage")
    if isinstance(address, list):
        return address
    teams = teams_of(words[1:])
    known = find(ctx.roster, address)
    if known is not None:
        addresses = known.addresses
        if address not in addresses:
            addresses = (*addresses, address)
        # teams are added, never dropped: coming back or adding a team keeps every exclusion
        kept = {fold(team) for team in known.teams}
        teams = (*known.teams, *(team for team in teams if fold(team) not in kept))
        member = replace(known, teams=teams, addresses=addresses, listens=True, active=True)
    else:
        lid = listener_id_of(address)
        member = Listener(ListenerId(lid), lid.capitalize(), teams, (address,))
    await ctx.store.save_member(member, now)
    await _changed(ctx, me, "roster_added", member)
    lang = ctx.policy.default_locale
    shown = ", ".join(teams) if teams else t(lang, "roster_no_team")
    key = "roster_updated" if known is not None and known.listens else "roster_added"
    out = say.to_member(ctx, me, key, handle=words[0], teams=shown)
    if known is None or not known.listens:
        out += say.to_member(ctx, member, "roster_welcome")
    return out + await offers.retry_waiting(ctx, now)


async def remove(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    """`retirer écoutant @handle`: no more offers; a coordinator stays a coordinator."""
    words = raw.split()
    member = await _listener(ctx, me, words, "roster_remove_usage")
    if isinstance(member, list):
        return member
    held = await ctx.store.cases_of_listener(member.id, [CaseState.ACCEPTED])
    if held:
        return say.to_member(ctx, me, "roster_remove_held", handle=words[0], count=len(held))
    if member.coordinator:
        await ctx.store.save_member(replace(member, listens=False), now)
    else:
        await ctx.store.remove_member(member.id, now)
    await _changed(ctx, me, "roster_removed", member)
    out = say.to_member(ctx, me, "roster_removed", handle=words[0])
    return (
        out + say.to_member(ctx, member, "roster_goodbye") + await offers.release(ctx, member, now)
    )


async def pause(ctx: Context, me: Listener, raw: str, now: datetime) -> Out:
    """`pause écoutant @handle jusqu'au 30/11`: no offers until the end of that day."""
    words = raw.split()
    member = await _listener(ctx, me, words, "roster_pause_usage")
    if isinstance(member, list):
        return member
    rest = " ".join(words[1:])
    try:
        until = until_date(rest, now)
    except BadDate as exc:
        return say.to_member(ctx, me, "available_bad_date", date=exc.text)
    if until is None:
        return say.to_member(ctx, me, "roster_pause_usage")
    states = await ctx.store.listener_states()
    state = states.get(member.id) or ListenerState(member.id)
    state.available, state.unavailable_until = False, until
    await ctx.store.save_listener_state(state)
    await scheduling.dispo_return(ctx, member.id, until)
    await _changed(ctx, me, "roster_paused", member, refresh=False)
    day = last_day(until)
    out = say.to_member(ctx, me, "roster_paused", handle=words[0], date=day)
    out += say.to_member(ctx, member, "roster_paused_you", date=day)
    return out + await offers.release(ctx, member, now)
