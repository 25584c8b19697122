"""Words kept for someone who never joins the room the bot opened are not kept for ever."""

from __future__ import annotations

import json
from pathlib import Path

from adapters.matrix.base import MatrixOptions
from adapters.matrix.waiting import MAX_HOLD, WAITING, Waiting
from bot.ids import Platform
from bot.keyvalue import MemoryKeyValue
from bot.messages import Address, OutgoingMessage


async def test_words_waiting_longer_than_a_week_are_dropped(tmp_path: Path) -> None:
    state = MemoryKeyValue()
    options = MatrixOptions("http://127.0.0.1:1", "@bot:localhost", "k" * 32, tmp_path)
    waiting = Waiting(options, state)
    room = "!case:localhost"
    waiting._waiting[room] = "@camille:localhost"
    await state.put(WAITING, room, json.dumps({"user": "@camille:localhost", "messages": []}))
    words = OutgoingMessage(Address(Platform.MATRIX, "@camille:localhost"), "**[K7Q2]** bonjour")
    assert await waiting._hold(room, words)
    assert await waiting._expire_waiting(now=0.0) == 0  # checked at most once an hour
    held = json.loads(await state.get(WAITING, room) or "{}")
    queued_at = held["messages"][0]["held_at"]
    assert await waiting._expire_waiting(queued_at + MAX_HOLD - 60) == 0
    assert await waiting._expire_waiting(queued_at + MAX_HOLD + 7200) == 1
    held = json.loads(await state.get(WAITING, room) or "{}")
    assert held["messages"] == [] and "bonjour" not in json.dumps(held)
