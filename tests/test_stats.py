"""Statistics that identify nobody: k-anonymity, the figures, the chart as a PNG."""

from __future__ import annotations

import asyncio
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.__main__ import main
from bot.cases import CaseState, Mode
from bot.clock import SystemClock
from bot.context import Policy
from bot.reporting import figures
from bot.routing import Limits
from bot.statistics import CaseFact, Period, csv_text, months, report, rows, shown
from storage.store import SqlStore
from tests.harness import START, Chat


@pytest.fixture
async def chat(store: SqlStore) -> Chat:
    """On SQLite: these tests read the raw database."""
    return Chat(store)


PNG = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_count_below_five_is_hidden() -> None:
    assert [shown(n) for n in range(7)] == ["< 5"] * 5 + ["5", "6"]


def _fact(day: int, accepted_after: int | None = None, mode: Mode = Mode.ANONYMOUS) -> CaseFact:
    created = datetime(2026, 3, day, 9, tzinfo=UTC)
    accepted = created + timedelta(minutes=accepted_after) if accepted_after is not None else None
    state = CaseState.CLOSED if accepted else CaseState.CANCELLED
    return CaseFact(created, accepted, mode, state, nobody=False)


def test_report_hides_small_counts_everywhere_and_the_median_of_few() -> None:
    facts = [_fact(d, 10 * d) for d in range(1, 7)] + [_fact(8, None, Mode.DIRECT)]
    r = report(facts, {("2026-02", "closed"): 3}, 2, Period.QUARTER, START)
    table = {(s, k): v for s, k, v in rows(r)}
    assert table[("total", "cases")] == "10"
    assert table[("month", "2026-03")] == "7" and table[("month", "2026-02")] == "< 5"
    assert table[("month", "2026-01")] == "< 5"  # zero is below five too
    assert table[("mode", "anonymous")] == "6" and table[("mode", "direct")] == "< 5"
    assert table[("outcome", "accepted")] == "9" and table[("outcome", "cancelled")] == "< 5"
    assert table[("acceptance", "median_minutes")] == "35"
    assert table[("requesters", "returning")] == "< 5"
    few = report(facts[:4], {}, 0, Period.MONTH, START)
    assert {(s, k): v for s, k, v in rows(few)}[("acceptance", "median_minutes")] == "< 5"
    assert csv_text(r).splitlines()[:3] == [
        "section,key,value",
        "total,cases,10",
        "month,2026-01,< 5",
    ]


async def _month_of_cases(chat: Chat) -> None:
    """Six accepted after 10 minutes each (five about work, one about grief), two
    withdrawn, one with nobody available; alice comes back once."""
    people = ["alice", "bob", "chloe", "dan", "eve", "fanny"]
    for who in people:
        ref = await chat.request(who)
        chat.clock.advance(timedelta(minutes=10))
        holder = "camille" if ref in chat.last("camille") else "dominique"
        await chat.deliver(holder, f"accepter {ref}")
        await chat.deliver(holder, f"clore {ref}")
        theme = "deuil" if who == "fanny" else "travail"
        out = await chat.deliver(holder, f"thème {ref} {theme}")
        assert out[0].text.startswith(f"C'est noté : **{ref}** compte dans le thème")
    for who in ("gus", "hana"):
        await chat.request(who)
        await chat.deliver(who, "annuler")
    await chat.deliver("camille", "dispo off")
    await chat.deliver("dominique", "dispo off")
    for answer in ("non", "demande", "non", "passer", "anonyme"):  # alice is back
        await chat.deliver("alice", answer)
    assert "Personne du groupe n'est disponible" in chat.last("alice")


async def test_stats_in_chat_hide_small_counts_and_send_the_chart(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(10, 10)))
    await _month_of_cases(chat)
    out = await chat.deliver("claude", "stats mois")
    text = out[0].text
    assert "Statistiques — ce mois-ci" in text
    assert "- Demandes : 9" in text and "- Par mois : 03/26 9" in text
    assert "anonyme 9 · direct < 5" in text
    assert "acceptées 6 · personne de disponible < 5 · retirées < 5 · en cours < 5" in text
    assert "Délai médian avant acceptation : 10 min" in text
    assert "- Thèmes : travail et charge 5 · relations et management < 5 · " in text
    assert "deuil < 5 · autre < 5" in text
    assert "Personnes revenues : < 5" in text
    for name in ("alice", "bob", "camille", "Camille"):
        assert name not in text
    image = out[1].image
    assert out[1].to.user_id == "claude" and image is not None
    assert image.name.endswith(".png") and image.mime == "image/png"
    assert _png_size(image.data) == (800, 400) and len(image.data) > 5000


async def test_stats_over_a_year_show_twelve_months(store: SqlStore) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(10, 10)))
    await _month_of_cases(chat)
    text = (await chat.deliver("claude", "stats année"))[0].text
    assert "12 derniers mois" in text and "04/25 < 5" in text and "03/26 9" in text
    default = (await chat.deliver("claude", "stats"))[0].text
    assert default == text


async def test_cli_prints_the_same_numbers_as_csv(
    store: SqlStore, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chat = Chat(store, policy=Policy(limits=Limits(10, 10)))
    await _month_of_cases(chat)
    config = tmp_path / "soutien.yaml"
    config.write_text(f"storage:\n  url: {sqlite_url}\n")
    code = await asyncio.to_thread(main, ["stats", "--csv", "--config", str(config)])
    printed = capsys.readouterr().out
    assert code == 0
    now = SystemClock().now()  # the command line reports up to today
    expected = await figures(store, Period.YEAR, now)
    assert printed == csv_text(expected)
    lines = printed.splitlines()
    assert lines[0] == "section,key,value" and "outcome,nobody,< 5" in lines
    assert "theme,deuil,< 5" in lines
    if "2026-03" in months(Period.YEAR, now):  # the harness's month is still in the year
        assert "month,2026-03,9" in lines and "acceptance,median_minutes,10" in lines
    for name in ("alice", "camille"):
        assert name not in printed


async def test_theme_is_a_fixed_code_set_by_a_listener_who_held_the_case(chat: Chat) -> None:
    ref = await chat.request("alice")
    await chat.deliver("camille", f"accepter {ref}")
    out = await chat.deliver("camille", "thème travail", case_ref=ref)  # in the case's place
    assert "compte dans le thème « travail et charge »" in out[0].text
    out = await chat.deliver("camille", f"!thème {ref} mon chef me harcèle")
    assert "Thèmes : `travail`" in out[0].text  # free words are refused, never stored
    out = await chat.deliver("dominique", f"thème {ref} deuil")
    assert f"Je ne trouve pas la référence **{ref}**" in out[0].text
    await chat.deliver("alice", "thème deuil")  # the requester's words, relayed as such
    assert chat.last("camille").endswith("thème deuil")
    assert isinstance(chat.store, SqlStore)
    async with chat.store.engine.connect() as conn:
        themes = [r[0] for r in await conn.execute(text("SELECT theme FROM cases"))]
    assert themes == ["travail"]


async def test_stats_refusals(chat: Chat) -> None:
    out = await chat.deliver("claude", "stats semaine")
    assert "`stats trimestre`" in out[0].text and len(out) == 1
    out = await chat.deliver("camille", "stats")
    assert "réservée à la coordination" in out[0].text
