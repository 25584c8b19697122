"""One contract for every store, by port (run on SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.cases import CaseState, Mode, Trigger
from bot.followups import Kind
from bot.lifecycle import FollowUp, decide
from bot.messages import Address
from bot.people import Dialog, ListenerState
from bot.ports import Store
from bot.privacy import AuditEntry

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)


async def test_people_are_found_again_by_address(any_store: Store) -> None:
    alice = await any_store.person(Address("fake", "alice"), NOW)
    assert (await any_store.person(Address("fake", "alice"), NOW)).id == alice.id
    assert (await any_store.person(Address("other", "alice"), NOW)).id != alice.id
    alice.dialog, alice.draft_team = Dialog.TEAM, "DINUM"
    await any_store.save_person(alice)
    again = await any_store.person_by_id(alice.id)
    assert again is not None and again.dialog is Dialog.TEAM and again.draft_team == "DINUM"


async def test_cases_move_only_through_changes(any_store: Store) -> None:
    alice = await any_store.person(Address("fake", "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, "DINUM", None, NOW)
    assert (await any_store.open_case_of(alice.id)) == case
    assert await any_store.apply(decide(case, Trigger.OFFER, "camille", NOW))
    assert not await any_store.apply(decide(case, Trigger.OFFER, "dominique", NOW))  # stale
    offered = await any_store.case_by_ref(case.ref.lower())
    assert offered is not None and offered.state is CaseState.OFFERED
    assert offered.offer_expires_at == NOW + timedelta(minutes=20)
    assert await any_store.apply(decide(offered, Trigger.ACCEPT, "camille", NOW))
    assert [c.ref for c in await any_store.cases_of_listener("camille", [CaseState.ACCEPTED])] == [
        case.ref
    ]
    assert (await any_store.listener_load(NOW - timedelta(days=7)))["camille"] == (1, 1)


async def test_a_change_writes_and_cancels_its_follow_ups(any_store: Store) -> None:
    alice = await any_store.person(Address("fake", "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.apply(decide(case, Trigger.OFFER, "camille", NOW))
    later = NOW + timedelta(hours=1)
    assert [a.kind for a in await any_store.due_actions(later, LEASE)] == [Kind.OFFER_EXPIRY]
    offered = await any_store.case_by_id(case.id)
    assert offered is not None
    assert await any_store.apply(decide(offered, Trigger.CANCEL, None, NOW))
    assert await any_store.due_actions(later, LEASE) == []


async def test_a_follow_up_is_scheduled_once_and_claimed_once(any_store: Store) -> None:
    row = FollowUp(Kind.DIGEST, NOW, "digest:2026-W11")
    assert await any_store.schedule(row, NOW)
    assert not await any_store.schedule(row, NOW)
    [due] = await any_store.due_actions(NOW, LEASE)
    assert await any_store.claim(due.id, "a", NOW, LEASE)
    assert not await any_store.claim(due.id, "b", NOW, LEASE)
    assert await any_store.claim(due.id, "b", NOW + LEASE * 2, LEASE)  # the lease ran out
    await any_store.finish(due.id, NOW)
    assert await any_store.due_actions(NOW + LEASE * 3, LEASE) == []


async def test_availability_and_audit_are_kept(any_store: Store) -> None:
    await any_store.save_listener_state(ListenerState("camille", False, NOW + timedelta(days=1)))
    state = (await any_store.listener_states())["camille"]
    assert not state.is_available(NOW) and state.is_available(NOW + timedelta(days=2))
    await any_store.record(AuditEntry(NOW, "listener:camille", "viewed", "K7Q2", "fake"))
    assert [e.action for e in await any_store.audit_of("k7q2")] == ["viewed"]
