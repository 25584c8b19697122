"""What the bot says and to whom: catalog texts addressed to a person, a roster member
or the coordinators, in the reader's language, on a running platform."""

from __future__ import annotations

from bot.context import Context
from bot.ids import Platform
from bot.locales import t
from bot.messages import Address, Button, OutgoingMessage
from bot.people import Listener, Person
from bot.privacy import Origin, Where


def lang(ctx: Context, person: Person) -> str:
    return person.locale or ctx.policy.default_locale


def address_of(ctx: Context, member: Listener) -> Address | None:
    """Where to reach a roster member: their first address on a running platform."""
    return next((a for a in member.addresses if a.platform in ctx.platforms), None)


def platform_of(ctx: Context, member: Listener) -> Platform | None:
    address = address_of(ctx, member)
    return address.platform if address else None


def where_is(ctx: Context, member: Listener) -> Where:
    """For the audit: the member's running platform, else nowhere."""
    return platform_of(ctx, member) or Origin.NOWHERE


def to_person(ctx: Context, person: Person, key: str, **values: object) -> OutgoingMessage:
    return OutgoingMessage(person.address, t(lang(ctx, person), key, **values))


def to_member(
    ctx: Context,
    member: Listener,
    key: str,
    *,
    case_ref: str | None = None,
    buttons: tuple[Button, ...] = (),
    **values: object,
) -> list[OutgoingMessage]:
    address = address_of(ctx, member)
    if address is None:
        return []
    text = t(ctx.policy.default_locale, key, **values)
    return [OutgoingMessage(address, text, buttons=buttons, case_ref=case_ref)]


def to_coordinators(ctx: Context, key: str, ref: str, **values: str) -> list[OutgoingMessage]:
    """Alerts for coordinators carry a reference (a case's or a person's) only, never an
    identity or a text; `values` are catalog texts (what to type next) or roster names."""
    text = t(ctx.policy.default_locale, key, ref=ref, **values)
    addresses = (address_of(ctx, c) for c in ctx.roster.coordinators)
    return [OutgoingMessage(a, text) for a in addresses if a is not None]
