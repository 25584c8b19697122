"""`dispo off jusqu'au DATE`: the day named is included, a date that cannot be is refused."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.clock import ZONE
from bot.dates import BadDate, last_day, until_date
from bot.ids import ListenerId
from tests.harness import START, Chat

NOW = START  # Tuesday 10 March 2026, 10:00 Paris


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("words", "end"),
    [
        ("off jusqu'au 30/11", paris(2026, 12, 1)),
        ("off jusqu'au 30/11/2026", paris(2026, 12, 1)),
        ("off jusqu'au 30.11.26", paris(2026, 12, 1)),
        ("off jusqu'au 2026-11-30", paris(2026, 12, 1)),
        ("off jusqu'au 10/03", paris(2026, 3, 11)),  # today: until tonight
        ("off jusqu'au 05/01", paris(2027, 1, 6)),  # already passed this year: next year
        ("off jusqu'au 29/03", paris(2026, 3, 30)),  # the night the clocks change
    ],
)
def test_the_day_named_is_included(words: str, end: datetime) -> None:
    until = until_date(words, NOW)
    assert until == end and until.utcoffset() == end.utcoffset()


@pytest.mark.parametrize(
    "words",
    [
        "off jusqu'au 29/02/2027",  # 2027 is not a leap year
        "off jusqu'au 31/04",
        "off jusqu'au 00/12",
        "off jusqu'au 12/13",
        "off jusqu'au 01/01/2020",  # passed
        "off jusqu'au 09/03/2026",  # yesterday
        "off jusqu'au 31/12/9999",  # years away (and past what a date can hold)
        "off jusqu'au lundi",
    ],
)
def test_dates_that_cannot_be_are_refused(words: str) -> None:
    with pytest.raises(BadDate):
        until_date(words, NOW)


def test_no_date_means_until_further_notice() -> None:
    assert until_date("off", NOW) is None


def test_last_day_is_the_day_named() -> None:
    assert last_day(paris(2026, 12, 1)) == "30/11/2026"


async def test_invalid_date_is_refused_and_nothing_changes(chat: Chat) -> None:
    out = await chat.deliver("camille", "dispo off jusqu'au 29/02/2027")
    assert "29/02/2027" in out[0].text and "Rien n'a changé" in out[0].text
    states = await chat.store.listener_states()
    assert "camille" not in states or states[ListenerId("camille")].is_available(chat.clock.now())


async def test_reply_says_until_when_and_the_day_is_included(chat: Chat) -> None:
    out = await chat.deliver("camille", "dispo off jusqu'au 11/03")
    assert "jusqu'au 11/03/2026 inclus" in out[0].text
    state = (await chat.store.listener_states())[ListenerId("camille")]
    assert state.unavailable_until == paris(2026, 3, 12)
    assert not state.is_available(paris(2026, 3, 11, 23, 59))
    await chat.tick(timedelta(days=1, hours=14, minutes=30))  # 12/03 00:30 Paris
    state = (await chat.store.listener_states())[ListenerId("camille")]
    assert state.is_available(chat.clock.now())
