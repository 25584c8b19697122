"""What every conversation flow needs: storage, roster, clock, settings, directory.

What the bot says is built by `bot.say`, what it records by `bot.audit`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.ids import Platform
from bot.keyvalue import MemoryKeyValue
from bot.people import Roster
from bot.policy import Policy
from bot.ports import Clock, KeyValue, Store

__all__ = ["Context", "NumberBook", "Policy"]


class NumberBook(Protocol):
    """The part of the helpline directory the conversation uses."""

    def answer(self, query: str, lang: str, now: datetime, asker: str | None = None) -> str:
        """`asker` (an opaque key) lets `plus` show that person's next page."""
        ...

    def listening_lines(self, lang: str, now: datetime) -> str: ...

    def asked(self, text: str) -> bool:
        """Whether free words ask about a line, or name one."""
        ...


@dataclass(slots=True)
class Context:
    store: Store
    roster: Roster
    clock: Clock
    numbers: NumberBook
    platforms: frozenset[Platform]
    policy: Policy = field(default_factory=Policy)
    state: KeyValue = field(default_factory=MemoryKeyValue)  # small marks (hashed keys)
