"""The case state machine: every state × every trigger."""

from __future__ import annotations

import pytest

from bot.cases import CaseState, InvalidTransition, Trigger, allows, new_ref, transition

S, T = CaseState, Trigger
EXPECTED: dict[tuple[CaseState, Trigger], CaseState] = {
    (S.WAITING, T.OFFER): S.OFFERED,
    (S.WAITING, T.CANCEL): S.CANCELLED,
    (S.OFFERED, T.ACCEPT): S.ACCEPTED,
    (S.OFFERED, T.DECLINE): S.WAITING,
    (S.OFFERED, T.EXPIRE): S.WAITING,
    (S.OFFERED, T.CANCEL): S.CANCELLED,
    (S.ACCEPTED, T.CLOSE): S.CLOSED,
    (S.ACCEPTED, T.CANCEL): S.CANCELLED,
    (S.ACCEPTED, T.TRANSFER): S.WAITING,
}


@pytest.mark.parametrize("state", list(CaseState))
@pytest.mark.parametrize("trigger", list(Trigger))
def test_every_state_and_trigger(state: CaseState, trigger: Trigger) -> None:
    expected = EXPECTED.get((state, trigger))
    assert allows(state, trigger) is (expected is not None)
    if expected is None:
        with pytest.raises(InvalidTransition):
            transition(state, trigger)
    else:
        assert transition(state, trigger) is expected


def test_closed_and_cancelled_are_final() -> None:
    for state in (S.CLOSED, S.CANCELLED):
        assert not any(allows(state, t) for t in Trigger)


def test_references_are_short_unambiguous_and_varied() -> None:
    refs = {new_ref() for _ in range(500)}
    assert len(refs) > 490
    for ref in refs:
        assert len(ref) == 4 and not set(ref) & set("01ILOS5")
