"""Every storage port in memory: for fast conversation tests, and the same contract
(tests/contract/) as the SQL store. Nothing survives the process."""

from __future__ import annotations

from storage.memory.availability import MemoryAvailability
from storage.memory.cases import MemoryCases
from storage.memory.followups import MemoryFollowUps
from storage.memory.group import MemoryGroup
from storage.memory.people import MemoryPeople
from storage.memory.retention import MemoryRetention

__all__ = ["MemoryStore"]


class MemoryStore(
    MemoryPeople, MemoryCases, MemoryAvailability, MemoryRetention, MemoryFollowUps, MemoryGroup
):
    """The `Store` port in memory. Each method runs without awaiting, so on one event
    loop a compare-and-set is atomic exactly as a conditional UPDATE is."""
