"""One contract for every store, by port (run on SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.cases import CaseState, Mode, Trigger
from bot.followups import FollowUp, Kind
from bot.ids import ListenerId, Platform
from bot.lifecycle import decide
from bot.messages import Address
from bot.people import Dialog, ListenerState
from bot.ports import Store
from bot.privacy import AuditEntry

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=10)
CAMILLE, DOMINIQUE = ListenerId("camille"), ListenerId("dominique")


async def test_people_are_found_again_by_address(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    assert (await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)).id == alice.id
    assert (await any_store.person(Address(Platform.MATRIX, "alice"), NOW)).id != alice.id
    alice.dialog, alice.draft_team = Dialog.TEAM, "DINUM"
    await any_store.save_person(alice)
    again = await any_store.person_by_id(alice.id)
    assert again is not None and again.dialog is Dialog.TEAM and again.draft_team == "DINUM"


async def test_cases_move_only_through_changes(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, "DINUM", None, NOW)
    assert (await any_store.open_case_of(alice.id)) == case
    assert await any_store.apply(decide(case, Trigger.OFFER, CAMILLE, NOW))
    assert not await any_store.apply(
        decide(case, Trigger.OFFER, ListenerId("dominique"), NOW)
    )  # stale
    offered = await any_store.case_by_ref(case.ref.lower())
    assert offered is not None and offered.state is CaseState.OFFERED
    assert offered.offer_expires_at == NOW + timedelta(minutes=20)
    assert await any_store.apply(decide(offered, Trigger.ACCEPT, CAMILLE, NOW))
    assert [c.ref for c in await any_store.cases_of_listener(CAMILLE, [CaseState.ACCEPTED])] == [
        case.ref
    ]
    assert (await any_store.listener_load(NOW - timedelta(days=7)))[CAMILLE] == (1, 1)


async def test_a_change_writes_and_cancels_its_follow_ups(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.apply(decide(case, Trigger.OFFER, CAMILLE, NOW))
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
    await any_store.save_listener_state(ListenerState(CAMILLE, False, NOW + timedelta(days=1)))
    state = (await any_store.listener_states())[CAMILLE]
    assert not state.is_available(NOW) and state.is_available(NOW + timedelta(days=2))
    await any_store.record(AuditEntry(NOW, "listener:camille", "viewed", "K7Q2", Platform.CONSOLE))
    assert [e.action for e in await any_store.audit_of("k7q2")] == ["viewed"]


async def test_two_answers_at_once_have_one_winner(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.apply(decide(case, Trigger.OFFER, CAMILLE, NOW))
    offered = await any_store.case_by_id(case.id)
    assert offered is not None
    accept = decide(offered, Trigger.ACCEPT, CAMILLE, NOW)
    expire = decide(offered, Trigger.EXPIRE, CAMILLE, NOW)
    results = await asyncio.gather(any_store.apply(accept), any_store.apply(expire))
    assert sorted(results) == [False, True]


async def test_a_listener_is_never_offered_a_case_twice(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    case = await any_store.create_case(alice, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.apply(decide(case, Trigger.OFFER, CAMILLE, NOW))
    offered = await any_store.case_by_id(case.id)
    assert offered is not None
    assert await any_store.apply(decide(offered, Trigger.DECLINE, CAMILLE, NOW))
    waiting = await any_store.case_by_id(case.id)
    assert waiting is not None and waiting.state is CaseState.WAITING
    assert waiting.listener_id is None and waiting.offer_expires_at is None
    assert not await any_store.apply(decide(waiting, Trigger.OFFER, CAMILLE, NOW))
    assert await any_store.offered_to(case.id) == {"camille"}
    assert (await any_store.listener_states())[CAMILLE].last_offer_at == NOW


async def test_first_offers_to_one_listener_at_once_all_take_effect(any_store: Store) -> None:
    """Her availability row is created by her first offer: two at once (two cases routed
    side by side on PostgreSQL) must both be made, not one lost as a conflict."""
    cases = []
    for name in ("alice", "bob", "chloe"):
        person = await any_store.person(Address(Platform.CONSOLE, name), NOW)
        cases.append(await any_store.create_case(person, Mode.ANONYMOUS, None, None, NOW))
    offers = [any_store.apply(decide(case, Trigger.OFFER, CAMILLE, NOW)) for case in cases]
    assert await asyncio.gather(*offers) == [True, True, True]
    for case in cases:
        assert await any_store.offered_to(case.id) == {"camille"}
    assert (await any_store.listener_states())[CAMILLE].last_offer_at == NOW


async def test_a_new_listener_state_saved_twice_at_once_is_kept(any_store: Store) -> None:
    later = NOW + timedelta(hours=1)
    states = [
        ListenerState(DOMINIQUE, available=False, unavailable_until=later),
        ListenerState(DOMINIQUE, available=False, unavailable_until=later),
    ]
    await asyncio.gather(*(any_store.save_listener_state(state) for state in states))
    saved = (await any_store.listener_states())[DOMINIQUE]
    assert not saved.available and saved.unavailable_until == later


async def test_cases_are_found_by_requester_listener_and_state(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    first = await any_store.create_case(alice, Mode.DIRECT, None, None, NOW)
    assert await any_store.apply(decide(first, Trigger.CANCEL, None, NOW))
    second = await any_store.create_case(alice, Mode.ANONYMOUS, None, CAMILLE, NOW)
    assert (await any_store.open_case_of(alice.id)) == second
    assert await any_store.last_closed_case_of(alice.id) is None
    assert [c.id for c in await any_store.cases_of_requester(alice.id)] == [first.id, second.id]
    assert await any_store.count_by_state() == {CaseState.CANCELLED: 1, CaseState.WAITING: 1}
    await any_store.mark_waiting_alerted(second.id)
    await any_store.set_checkin(second.id, True)
    again = await any_store.case_by_id(second.id)
    assert again is not None and again.waiting_alerted and again.checkin_wanted
    assert again.continuity_listener == "camille"
    assert [c.id for c in await any_store.cases_in([CaseState.WAITING])] == [second.id]


async def test_a_postponed_follow_up_comes_back_later(any_store: Store) -> None:
    assert await any_store.schedule(FollowUp(Kind.PURGE, NOW, "purge:1"), NOW, "Europe/Paris")
    [due] = await any_store.due_actions(NOW, LEASE)
    assert due.zone == "Europe/Paris" and due.case_id is None
    assert await any_store.claim(due.id, "a", NOW, LEASE)
    later = NOW + timedelta(hours=8)
    await any_store.postpone(due.id, later)
    assert await any_store.due_actions(NOW + LEASE * 2, LEASE) == []
    [back] = await any_store.due_actions(later, LEASE)
    assert back.id == due.id and back.due_at == later


async def test_forgetting_and_purging_leave_only_counts(any_store: Store) -> None:
    alice = await any_store.person(Address(Platform.CONSOLE, "alice"), NOW)
    bob = await any_store.person(Address(Platform.CONSOLE, "bob"), NOW)
    kept = await any_store.create_case(bob, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.apply(decide(kept, Trigger.CANCEL, None, NOW))
    assert await any_store.apply(decide(kept, Trigger.OFFER, ListenerId("x"), NOW)) is False
    gone = await any_store.create_case(alice, Mode.ANONYMOUS, None, None, NOW)
    assert await any_store.activity_since(NOW) == {"created": 2, "accepted": 0, "closed": 1}
    await any_store.forget(alice.id)
    assert await any_store.person_by_id(alice.id) is None
    assert await any_store.case_by_id(gone.id) is None
    await any_store.record(
        AuditEntry(NOW, "listener:camille", "viewed", kept.ref, Platform.CONSOLE)
    )
    later = NOW + timedelta(days=100)
    report = await any_store.purge(later, later)
    assert (report.cases, report.persons, report.audit_entries) == (1, 1, 1)
    assert await any_store.case_by_id(kept.id) is None
    assert await any_store.monthly_counts() == {("2026-03", "cancelled"): 1}
