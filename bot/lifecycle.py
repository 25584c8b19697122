"""The case life cycle, the one source of truth: `decide()` says what a trigger changes.

A pure function of (case, trigger, actor, now): the new state and timestamps, what
becomes of the current offer, the follow-ups to schedule or cancel. The store applies
a `Change` as one compare-and-set transaction (`CaseStore.apply`): it takes effect
only if the case is still in `expect_state`, held by `expect_listener`, so exactly one
of two replicas answering at once wins. Flows fire triggers; nothing else writes a
case's state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.cases import Case, CaseState, OfferOutcome, Trigger, transition
from bot.followups import FollowUp, Kind, QuietHours, next_allowed
from bot.ids import ListenerId


@dataclass(frozen=True, slots=True)
class Rules:
    """The timings the life cycle needs (from the settings)."""

    offer_timeout: timedelta = timedelta(minutes=20)
    nudge_after: timedelta = timedelta(days=3)
    quiet_hours: QuietHours = field(default_factory=QuietHours)


@dataclass(frozen=True, slots=True)
class Change:
    """What one trigger does to one case, applied all at once or not at all.

    `stamps` are the case's time fields to set (None clears one). `outcome` closes the
    current offer of `expect_listener`; `offer_to` opens a new one (a listener is never
    offered a case twice). `cancel` lists the kinds of this case's pending follow-ups
    that no longer make sense.
    """

    case_id: int
    trigger: Trigger
    expect_state: CaseState
    expect_listener: ListenerId | None
    state: CaseState
    listener_id: ListenerId | None
    at: datetime
    stamps: tuple[tuple[str, datetime | None], ...] = ()
    reset_alert: bool = False
    outcome: OfferOutcome | None = None
    offer_to: ListenerId | None = None
    schedule: tuple[FollowUp, ...] = ()
    cancel: tuple[Kind, ...] = ()


_Effect = Callable[[Change, Case, ListenerId | None, Rules], Change]


def decide(
    case: Case, trigger: Trigger, actor: ListenerId | None, now: datetime, rules: Rules = Rules()
) -> Change:
    """The change `trigger` makes; `actor` is the listener acting or offered (None for the
    requester or the system). Raises `InvalidTransition` when it does not apply."""
    state = transition(case.state, trigger)
    held = actor if actor is not None and trigger is not Trigger.OFFER else case.listener_id
    base = Change(case.id, trigger, case.state, held, state, case.listener_id, now)
    return _EFFECTS[trigger](base, case, actor, rules)


def _offer(base: Change, case: Case, actor: ListenerId | None, rules: Rules) -> Change:
    assert actor is not None, "an offer goes to a listener"
    expires = base.at + rules.offer_timeout
    expiry = FollowUp(Kind.OFFER_EXPIRY, expires, f"expiry:{case.id}:{actor}", case.id, actor)
    return _with(
        base,
        expect_listener=None,
        listener_id=actor,
        stamps=(("offered_at", base.at), ("offer_expires_at", expires)),
        offer_to=actor,
        schedule=(expiry,),
    )


def _accept(base: Change, case: Case, actor: ListenerId | None, rules: Rules) -> Change:
    due = next_allowed(base.at + rules.nudge_after, Kind.NUDGE, rules.quiet_hours)
    nudge = FollowUp(Kind.NUDGE, due, f"nudge:{case.id}:{actor}:1", case.id, actor)
    return _with(
        base,
        stamps=(("accepted_at", base.at),),
        outcome=OfferOutcome.ACCEPTED,
        schedule=(nudge,),
        cancel=(Kind.OFFER_EXPIRY,),
    )


def _back_to_waiting(outcome: OfferOutcome) -> _Effect:
    def effect(base: Change, case: Case, actor: ListenerId | None, rules: Rules) -> Change:
        return _with(
            base,
            listener_id=None,
            stamps=(("offer_expires_at", None),),
            reset_alert=True,
            outcome=outcome,
            cancel=(Kind.OFFER_EXPIRY, Kind.NUDGE),
        )

    return effect


def _cancel(base: Change, case: Case, actor: ListenerId | None, rules: Rules) -> Change:
    withdrawn = OfferOutcome.WITHDRAWN if case.state is CaseState.OFFERED else None
    every = (Kind.OFFER_EXPIRY, Kind.NUDGE, Kind.WAITING_RETRY)
    return _with(base, stamps=(("ended_at", base.at),), outcome=withdrawn, cancel=every)


def _close(base: Change, case: Case, actor: ListenerId | None, rules: Rules) -> Change:
    return _with(base, stamps=(("ended_at", base.at),), cancel=(Kind.NUDGE,))


def _with(base: Change, **changes: object) -> Change:
    return replace(base, **changes)  # type: ignore[arg-type]


_EFFECTS: dict[Trigger, _Effect] = {
    Trigger.OFFER: _offer,
    Trigger.ACCEPT: _accept,
    Trigger.DECLINE: _back_to_waiting(OfferOutcome.DECLINED),
    Trigger.EXPIRE: _back_to_waiting(OfferOutcome.EXPIRED),
    Trigger.TRANSFER: _back_to_waiting(OfferOutcome.TRANSFERRED),
    Trigger.CANCEL: _cancel,
    Trigger.CLOSE: _close,
}
