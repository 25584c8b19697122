"""Routing: who is eligible, and who is chosen (pure functions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.cases import Case, CaseState, Mode
from bot.ids import CaseRef, ListenerId, Platform
from bot.messages import Address
from bot.people import Listener, ListenerState, Roster
from bot.routing import Limits, Load, Situation, choose, is_eligible

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def listener(
    lid: str, teams: tuple[str, ...] = (), platform: Platform = Platform.CONSOLE
) -> Listener:
    return Listener(ListenerId(lid), lid.title(), teams, (Address(platform, lid),))


ROSTER = Roster((listener("ana", ("DINUM", "Équipe Santé")), listener("ben"), listener("cyd")))


def case(team: str | None = None, continuity: str | None = None) -> Case:
    held = ListenerId(continuity) if continuity else None
    return Case(1, CaseRef("K7Q2"), 1, CaseState.WAITING, Mode.ANONYMOUS, team, held, None, NOW)


def situation(**changes: object) -> Situation:
    base: dict[str, object] = {
        "roster": ROSTER,
        "states": {},
        "loads": {},
        "offered": set(),
        "requester": Address(Platform.CONSOLE, "req"),
        "platforms": {Platform.CONSOLE},
        "limits": Limits(2, 3),
        "now": NOW,
    }
    base.update(changes)
    return Situation(**base)  # type: ignore[arg-type]


def test_roster_order_breaks_ties() -> None:
    chosen = choose(case(), situation())
    assert chosen is not None and chosen.id == "ana"


def test_team_exclusion_is_accent_and_case_insensitive() -> None:
    for team in (
        "dinum",
        "La DINUM",
        "equipe sante",
        "ÉQUIPE SANTÉ",
        "la D.I.N.U.M",
        "équipesanté",
    ):
        chosen = choose(case(team), situation())
        assert chosen is not None and chosen.id == "ben", team
    chosen = choose(case("Dinumérique"), situation())
    assert chosen is not None and chosen.id == "ana"  # whole words only


def test_fewest_active_cases_then_longest_since_last_offer() -> None:
    loads = {"ana": Load(1, 1), "ben": Load(0, 0), "cyd": Load(0, 0)}
    states = {
        "ben": ListenerState(ListenerId("ben"), last_offer_at=NOW - timedelta(hours=1)),
        "cyd": ListenerState(ListenerId("cyd"), last_offer_at=NOW - timedelta(days=2)),
    }
    chosen = choose(case(), situation(loads=loads, states=states))
    assert chosen is not None and chosen.id == "cyd"


def test_capacity_and_weekly_cap() -> None:
    s = situation(loads={"ana": Load(2, 2), "ben": Load(0, 3)})
    assert not is_eligible(case(), ROSTER.members[0], s)
    assert not is_eligible(case(), ROSTER.members[1], s)
    chosen = choose(case(), s)
    assert chosen is not None and chosen.id == "cyd"


def test_never_offered_twice_and_never_the_requester() -> None:
    s = situation(offered={"ana"}, requester=Address(Platform.CONSOLE, "ben"))
    chosen = choose(case(), s)
    assert chosen is not None and chosen.id == "cyd"


def test_unavailable_and_until() -> None:
    states = {
        "ana": ListenerState(ListenerId("ana"), available=False),
        "ben": ListenerState(
            ListenerId("ben"), available=False, unavailable_until=NOW - timedelta(1)
        ),
    }
    chosen = choose(case(), situation(states=states))
    assert chosen is not None and chosen.id == "ben"


def test_unreachable_listener_is_skipped() -> None:
    roster = Roster((listener("ana", platform=Platform.MATRIX), listener("ben")))
    chosen = choose(case(), situation(roster=roster))
    assert chosen is not None and chosen.id == "ben"


def test_continuity_wins_when_eligible_only() -> None:
    loads = {"cyd": Load(1, 1)}
    chosen = choose(case(continuity="cyd"), situation(loads=loads))
    assert chosen is not None and chosen.id == "cyd"
    chosen = choose(case(team="dinum", continuity="ana"), situation())
    assert chosen is not None and chosen.id == "ben"


def test_nobody_eligible() -> None:
    assert choose(case(), situation(offered={"ana", "ben", "cyd"})) is None
