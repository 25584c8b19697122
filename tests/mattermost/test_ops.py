"""The bot's HTTP server on a Mattermost-only configuration: /healthz, /readyz, /metrics,
readiness following the WebSocket and the database, and operations bound apart."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import aiohttp

from tests.conftest import StoppableDatabase
from tests.mattermost.conftest import MM, running
from tests.mattermost.test_mattermost import _request


async def get(url: str) -> tuple[int, str, Any]:
    async with aiohttp.ClientSession() as session, session.get(url) as r:
        body = await r.text()
        data = await r.json(content_type=None) if "json" in r.content_type else None
        return r.status, body, data


def sample(metrics: str, name: str) -> float:
    """The value of one sample, e.g. 'soutien_offers_total{outcome="sent"}'."""
    m = re.search(rf"^{re.escape(name)} (\S+)$", metrics, re.M)
    assert m is not None, f"{name} not in the metrics"
    return float(m.group(1))


async def test_health_readiness_and_metrics(mm: MM) -> None:
    status, body, _ = await get(f"{mm.ops}/healthz")
    assert (status, body) == (200, "ok\n")
    status, _, ready = await get(f"{mm.ops}/readyz")
    assert status == 200
    assert ready == {
        "ready": True,
        "database": "reachable",
        "adapters": {"mattermost": "connected"},
    }
    _, before, _ = await get(f"{mm.ops}/metrics")
    _, offer = await _request(mm)  # alice asks, camille is offered the case
    _, during, _ = await get(f"{mm.ops}/metrics")
    assert sample(during, 'soutien_cases{state="offered"}') == 1
    await mm.fake.click(offer, 0, mm.ids["camille"])
    await mm.expect("alice", "Une personne du groupe a accepté")
    mm.say("alice", "merci")
    await mm.expect("camille", "merci")
    mm.say("bob", "numéros santé mentale")
    await mm.expect("bob", "3114")
    async with aiohttp.ClientSession() as session, session.get(f"{mm.ops}/metrics") as r:
        assert r.headers["Content-Type"].startswith("text/plain; version=")
        after = await r.text()
    sent = 'soutien_offers_total{outcome="sent"}'
    assert sample(after, sent) == sample(before, sent) + 1
    searches = "soutien_directory_searches_total"
    assert sample(after, searches) >= sample(before, searches) + 1
    assert sample(after, 'soutien_cases{state="accepted"}') == 1
    assert sample(after, 'soutien_cases{state="offered"}') == 0
    accepted = 'soutien_offers_total{outcome="accepted"}'
    assert sample(after, accepted) == sample(before, accepted) + 1
    waited = "soutien_time_to_acceptance_seconds_count"
    assert sample(after, waited) == sample(before, waited) + 1
    relayed = "soutien_relayed_messages_total"
    assert sample(after, relayed) == sample(before, relayed) + 1
    assert sample(after, 'soutien_adapter_connected{platform="mattermost"}') == 1
    assert sample(after, "soutien_database_up") == 1
    for name in (
        "soutien_safety_alerts_total",
        'soutien_offers_total{outcome="expired"}',
        "soutien_scheduler_lateness_seconds_count",
    ):
        sample(after, name)
    # Never a label that identifies a person: no user id, no username.
    for who, user_id in mm.ids.items():
        assert user_id not in after and who not in after


async def test_readiness_follows_the_websocket(mm: MM) -> None:
    _, before, _ = await get(f"{mm.ops}/metrics")
    del mm.fake.tokens["bot-token"]  # reconnections are refused
    await mm.fake.close_sockets()
    await mm.until(lambda: not mm.adapter.connected)
    status, _, ready = await get(f"{mm.ops}/readyz")
    assert status == 503
    assert ready["adapters"] == {"mattermost": "not connected"}
    assert ready["database"] == "reachable" and ready["ready"] is False
    mm.fake.tokens["bot-token"] = mm.bot
    await mm.until(lambda: mm.adapter.connected, within=30)
    status, _, _ = await get(f"{mm.ops}/readyz")
    assert status == 200
    _, after, _ = await get(f"{mm.ops}/metrics")
    name = 'soutien_adapter_reconnects_total{platform="mattermost"}'
    assert sample(after, name) > sample(before, name)


async def test_operations_bound_apart_from_the_callbacks(tmp_path: Path) -> None:
    async with running(tmp_path, ops_apart=True) as mm:
        assert mm.ops != mm.http
        for path in ("/healthz", "/readyz", "/metrics"):
            assert (await get(f"{mm.ops}{path}"))[0] == 200
            assert (await get(f"{mm.http}{path}"))[0] == 404
        async with aiohttp.ClientSession() as session:
            async with session.post(f"{mm.http}/mattermost/commands") as r:
                assert r.status == 401  # the callbacks are there (and refuse a bad token)
            async with session.post(f"{mm.ops}/mattermost/commands") as r:
                assert r.status == 404


async def test_readiness_follows_the_database(
    tmp_path: Path, stoppable_database: StoppableDatabase
) -> None:
    async with running(tmp_path, stoppable_database.url) as mm:
        assert (await get(f"{mm.ops}/readyz"))[0] == 200
        await stoppable_database.stop()
        status, _, ready = await get(f"{mm.ops}/readyz")
        assert status == 503
        assert ready["database"].startswith("unreachable")
        assert ready["adapters"] == {"mattermost": "connected"}
        _, metrics, _ = await get(f"{mm.ops}/metrics")
        assert sample(metrics, "soutien_database_up") == 0
        assert (await get(f"{mm.ops}/healthz"))[0] == 200  # alive, though not ready
        await stoppable_database.start()
        assert (await get(f"{mm.ops}/readyz"))[0] == 200
