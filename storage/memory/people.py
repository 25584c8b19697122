"""People in memory, found by their platform address."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.messages import Address
from bot.people import Person
from storage.memory.base import MemoryBase


class MemoryPeople(MemoryBase):
    async def person(self, address: Address, now: datetime) -> Person:
        for known in self.persons.values():
            if known.address == address:
                return replace(known)
        ref = self.new_ref({p.ref for p in self.persons.values()})
        person = Person(self.next_id("persons"), address, ref, created_at=now, last_seen_at=now)
        self.persons[person.id] = person
        return replace(person)

    async def person_by_id(self, person_id: int) -> Person | None:
        known = self.persons.get(person_id)
        return replace(known) if known is not None else None

    async def save_person(self, person: Person) -> None:
        known = self.persons.get(person.id)
        if known is not None:  # who they are and when they came never change
            self.persons[person.id] = replace(
                person, address=known.address, ref=known.ref, created_at=known.created_at
            )
