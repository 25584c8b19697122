"""What every conversation flow needs: storage, roster, clock, settings, directory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.followups import QuietHours
from bot.locales import t
from bot.messages import Address, Button, OutgoingMessage
from bot.people import Listener, Person, Roster
from bot.ports import Clock, KeyValue, MemoryKeyValue, Store
from bot.privacy import AuditEntry, Retention
from bot.routing import Limits


class NumberBook(Protocol):
    """The part of the helpline directory the conversation uses."""

    def answer(self, query: str, lang: str, now: datetime, asker: str | None = None) -> str:
        """`asker` (an opaque key) lets `plus` show that person's next page."""
        ...

    def listening_lines(self, lang: str, now: datetime) -> str: ...


@dataclass(frozen=True, slots=True)
class Policy:
    offer_timeout: timedelta = timedelta(minutes=20)
    limits: Limits = field(default_factory=Limits)
    default_locale: str = "fr"
    alert_every: timedelta = timedelta(hours=1)
    retention: Retention = field(default_factory=Retention)
    waiting_retry: timedelta = timedelta(hours=2)
    nudge_after: timedelta = timedelta(days=3)
    nudge_every: timedelta = timedelta(days=7)
    checkin_after: timedelta = timedelta(days=7)
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    heavy_cooldown: timedelta = timedelta(0)  # no new offer that long after a heavy case
    heavy_run: int = 3  # heavy cases in a row after which `dispo off` is suggested


@dataclass(slots=True)
class Context:
    store: Store
    roster: Roster
    clock: Clock
    numbers: NumberBook
    platforms: frozenset[str]
    policy: Policy = field(default_factory=Policy)
    state: KeyValue = field(default_factory=MemoryKeyValue)  # small marks (hashed keys)

    def address_of(self, listener: Listener) -> Address | None:
        """Where to reach a roster member: their first address on a running platform."""
        return next((a for a in listener.addresses if a.platform in self.platforms), None)

    def to_person(self, person: Person, key: str, **values: object) -> OutgoingMessage:
        return OutgoingMessage(person.address, t(self.lang(person), key, **values))

    def to_member(
        self,
        member: Listener,
        key: str,
        *,
        case_ref: str | None = None,
        buttons: tuple[Button, ...] = (),
        **values: object,
    ) -> list[OutgoingMessage]:
        address = self.address_of(member)
        if address is None:
            return []
        text = t(self.policy.default_locale, key, **values)
        return [OutgoingMessage(address, text, buttons=buttons, case_ref=case_ref)]

    def to_coordinators(self, key: str, ref: str, **values: object) -> list[OutgoingMessage]:
        """Alerts for coordinators carry a reference only, never an identity or a text."""
        text = t(self.policy.default_locale, key, ref=ref, **values)
        addresses = (self.address_of(c) for c in self.roster.coordinators)
        return [OutgoingMessage(a, text) for a in addresses if a is not None]

    async def audit(
        self, actor: str, action: str, ref: str | None, platform: str, subject: str | None = None
    ) -> None:
        """Append who did what to which case (or roster member, `subject`); never content,
        never a requester identity."""
        await self.store.record(AuditEntry(self.clock.now(), actor, action, ref, platform, subject))

    def platform_of(self, member: Listener) -> str:
        address = self.address_of(member)
        return address.platform if address else "none"

    def lang(self, person: Person) -> str:
        return person.locale or self.policy.default_locale
