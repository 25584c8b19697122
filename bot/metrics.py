"""What the bot counts for its operators (Prometheus), never a label that identifies a
person: states, outcomes and platforms only. Served by `bot.ops` on `/metrics`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

CASES = Gauge("soutien_cases", "Cases by state (read at each scrape)", ["state"], registry=REGISTRY)
OFFERS = Counter(
    "soutien_offers", "Offers made to listeners, by outcome", ["outcome"], registry=REGISTRY
)
_OFFER_OUTCOMES = {
    "offered": "sent",
    "accepted": "accepted",
    "declined": "declined",
    "expired": "expired",
}
for _outcome in _OFFER_OUTCOMES.values():
    OFFERS.labels(_outcome)
TIME_TO_ACCEPTANCE = Histogram(
    "soutien_time_to_acceptance_seconds",
    "From a request to a listener accepting it",
    buckets=(60, 300, 600, 1200, 1800, 3600, 7200, 14400, 43200, 86400, 259200, 604800),
    registry=REGISTRY,
)
RELAYED = Counter(
    "soutien_relayed_messages", "Messages relayed between a requester and a listener",
    registry=REGISTRY,
)  # fmt: skip
SAFETY_ALERTS = Counter(
    "soutien_safety_alerts", "Danger alerts sent to coordinators", registry=REGISTRY
)
RECONNECTS = Counter(
    "soutien_adapter_reconnects",
    "Reconnection attempts to a platform",
    ["platform"],
    registry=REGISTRY,
)
CONNECTED = Gauge(
    "soutien_adapter_connected", "1 when connected to the platform", ["platform"],
    registry=REGISTRY,
)  # fmt: skip
DATABASE_UP = Gauge("soutien_database_up", "1 when the database answers", registry=REGISTRY)
LATENESS = Histogram(
    "soutien_scheduler_lateness_seconds",
    "How late a due follow-up runs after its due time",
    buckets=(1, 5, 15, 30, 60, 120, 300, 900, 3600, 21600, 86400),
    registry=REGISTRY,
)
DIRECTORY_SEARCHES = Counter(
    "soutien_directory_searches", "Helpline directory searches", registry=REGISTRY
)


def audited(action: str) -> None:
    """Count what an audit entry says happened to an offer."""
    outcome = _OFFER_OUTCOMES.get(action)
    if outcome is not None:
        OFFERS.labels(outcome).inc()


def accepted_after(waited: timedelta) -> None:
    TIME_TO_ACCEPTANCE.observe(max(waited.total_seconds(), 0.0))


def late_by(lateness: timedelta) -> None:
    LATENESS.observe(max(lateness.total_seconds(), 0.0))


def cases_by_state(counts: Mapping[str, int], states: tuple[str, ...]) -> None:
    for state in states:
        CASES.labels(state).set(counts.get(state, 0))
