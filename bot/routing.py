"""Who may be offered a case, and who is offered it first. Pure functions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.cases import Case
from bot.ids import ListenerId, Platform
from bot.messages import Address
from bot.people import Listener, ListenerState, Roster

_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Limits:
    max_active_cases: int = 2
    max_new_cases_per_week: int = 3


@dataclass(frozen=True, slots=True)
class Load:
    """How busy a listener is: open accepted cases and cases accepted in the last 7 days."""

    active: int = 0
    this_week: int = 0


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything routing needs to know, gathered by the caller."""

    roster: Roster
    states: Mapping[ListenerId, ListenerState]
    loads: Mapping[ListenerId, Load]
    offered: Collection[ListenerId]
    requester: Address
    platforms: Collection[Platform]
    limits: Limits
    now: datetime

    def state_of(self, listener_id: ListenerId) -> ListenerState:
        return self.states.get(listener_id) or ListenerState(listener_id)

    def load_of(self, listener_id: ListenerId) -> Load:
        return self.loads.get(listener_id) or Load()


def is_eligible(case: Case, listener: Listener, s: Situation) -> bool:
    """PRODUCT.md §3: every condition must hold for an offer to be made."""
    load = s.load_of(listener.id)
    return (
        listener.active
        and listener.listens
        and s.state_of(listener.id).is_available(s.now)
        and load.active < s.limits.max_active_cases
        and load.this_week < s.limits.max_new_cases_per_week
        and not listener.is_linked_to(case.team)
        and s.requester not in listener.addresses
        and listener.id not in s.offered
        and any(a.platform in s.platforms for a in listener.addresses)
    )


def refusal(case: Case, listener: Listener, s: Situation) -> str | None:
    """Why `listener` may not be offered `case` by hand (a coordinator's `proposer`), or
    None. The same rules as `is_eligible`, except that an earlier offer does not count.
    "confidential" covers team exclusion and the requester themself: the reason given
    must not tell which team the requester is in."""
    load = s.load_of(listener.id)
    if not (listener.active and listener.listens):
        return "not_listening"
    if listener.is_linked_to(case.team) or s.requester in listener.addresses:
        return "confidential"
    if not s.state_of(listener.id).is_available(s.now):
        return "unavailable"
    if load.active >= s.limits.max_active_cases:
        return "busy"
    if load.this_week >= s.limits.max_new_cases_per_week:
        return "week_cap"
    if not any(a.platform in s.platforms for a in listener.addresses):
        return "unreachable"
    return None


def choose(case: Case, s: Situation) -> Listener | None:
    """The listener to offer `case` to next, or None when nobody is eligible.

    Continuity first when asked; then fewest active cases; then longest since
    their last offer; then roster order, so the choice is deterministic.
    """
    eligible = [m for m in s.roster.members if is_eligible(case, m, s)]
    if not eligible:
        return None
    if case.continuity_listener:
        previous = next((m for m in eligible if m.id == case.continuity_listener), None)
        if previous is not None:
            return previous
    order = {m.id: i for i, m in enumerate(s.roster.members)}
    return min(
        eligible,
        key=lambda m: (
            s.load_of(m.id).active,
            s.state_of(m.id).last_offer_at or _NEVER,
            order[m.id],
        ),
    )
