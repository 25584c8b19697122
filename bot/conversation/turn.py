"""One message being handled: who wrote it, where, and what they already have."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.cases import Case
from bot.context import Context
from bot.conversation.route import Roles
from bot.messages import IncomingMessage, OutgoingMessage
from bot.people import Listener, Person

Out = list[OutgoingMessage]


@dataclass(frozen=True, slots=True)
class Turn:
    """`own` is the person's open request, `member` their roster entry (if any)."""

    ctx: Context
    me: Person
    member: Listener | None
    own: Case | None
    msg: IncomingMessage
    now: datetime

    @property
    def roles(self) -> Roles:
        return Roles(self.listens, self.coordinates)

    @property
    def listens(self) -> bool:
        return self.member is not None and self.member.listens

    @property
    def coordinates(self) -> bool:
        return self.member is not None and self.member.coordinator
