"""The life cycle: what every allowed trigger changes, as pure data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.cases import Case, CaseState, InvalidTransition, Mode, OfferOutcome, Trigger, allows
from bot.followups import Kind
from bot.ids import CaseRef, ListenerId
from bot.lifecycle import decide

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Paris
S, T = CaseState, Trigger


def _case(state: CaseState, listener: str | None = "camille") -> Case:
    held = ListenerId(listener) if listener and state in (S.OFFERED, S.ACCEPTED) else None
    return Case(1, CaseRef("K7Q2"), 7, state, Mode.ANONYMOUS, None, None, held, NOW)


def test_an_offer_schedules_its_expiry_as_a_follow_up_row() -> None:
    change = decide(_case(S.WAITING), T.OFFER, ListenerId("camille"), NOW)
    assert change.state is S.OFFERED and change.listener_id == "camille"
    assert change.offer_to == "camille" and change.expect_listener is None
    [expiry] = change.schedule
    assert expiry.kind is Kind.OFFER_EXPIRY and expiry.due_at == NOW + timedelta(minutes=20)


def test_accepting_closes_the_offer_and_schedules_the_nudge_on_a_workday() -> None:
    change = decide(_case(S.OFFERED), T.ACCEPT, ListenerId("camille"), NOW)
    assert change.outcome is OfferOutcome.ACCEPTED and change.expect_listener == "camille"
    assert dict(change.stamps) == {"accepted_at": NOW}
    [nudge] = change.schedule
    assert nudge.kind is Kind.NUDGE and nudge.due_at == NOW + timedelta(days=3)
    assert Kind.OFFER_EXPIRY in change.cancel


@pytest.mark.parametrize(
    ("trigger", "outcome"),
    [(T.DECLINE, OfferOutcome.DECLINED), (T.EXPIRE, OfferOutcome.EXPIRED)],
)
def test_an_offer_that_ends_unanswered_sends_the_case_back(
    trigger: Trigger, outcome: OfferOutcome
) -> None:
    actor = ListenerId("camille") if trigger is T.DECLINE else None
    change = decide(_case(S.OFFERED), trigger, actor, NOW)
    assert change.state is S.WAITING and change.listener_id is None and change.reset_alert
    assert change.outcome is outcome and change.expect_listener == "camille"


def test_cancelling_withdraws_the_offer_and_every_follow_up() -> None:
    change = decide(_case(S.OFFERED), T.CANCEL, None, NOW)
    assert change.outcome is OfferOutcome.WITHDRAWN and dict(change.stamps) == {"ended_at": NOW}
    assert set(change.cancel) == {Kind.OFFER_EXPIRY, Kind.NUDGE, Kind.WAITING_RETRY}


@pytest.mark.parametrize("state", list(CaseState))
@pytest.mark.parametrize("trigger", list(Trigger))
def test_every_state_and_trigger_decides_or_refuses(state: CaseState, trigger: Trigger) -> None:
    actor = ListenerId("dominique" if trigger is T.OFFER else "camille")
    if not allows(state, trigger):
        with pytest.raises(InvalidTransition):
            decide(_case(state), trigger, actor, NOW)
        return
    change = decide(_case(state), trigger, actor, NOW)
    assert change.expect_state is state and change.at == NOW
