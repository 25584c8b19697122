"""Rooms the bot opens: however many senders ask at once, one room per case and person,
one direct room per person (a look-up then a creation would open several)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from nio import JoinedRoomsResponse

from adapters.matrix import MatrixAdapter, MatrixOptions
from bot.keyvalue import MemoryKeyValue
from tests.matrix.conftest import PASSWORD, _names
from tests.matrix.synapse import Synapse


@pytest.mark.timeout(120)
async def test_rooms_asked_for_at_once_are_opened_once(synapse: Synapse, tmp_path: Path) -> None:
    bot = synapse.register(f"soutien{next(_names)}", PASSWORD)
    camille = synapse.register(f"camille{next(_names)}", PASSWORD)
    options = MatrixOptions(
        homeserver=synapse.url,
        user_id=bot,
        pickle_key="rooms-test-pickle-key",
        store_path=tmp_path / "store",
        password=PASSWORD,
    )
    adapter = MatrixAdapter(options, MemoryKeyValue())
    adapter.client = await adapter._login()
    try:
        case_rooms, direct_rooms = await asyncio.gather(
            asyncio.gather(*(adapter._case_room("K7Q2", camille) for _ in range(3))),
            asyncio.gather(*(adapter._dm(camille) for _ in range(3))),
        )
        assert len(set(case_rooms)) == 1 and None not in case_rooms
        assert len(set(direct_rooms)) == 1 and None not in direct_rooms
        joined = await adapter.client.joined_rooms()
        assert isinstance(joined, JoinedRoomsResponse)
        assert set(joined.rooms) == {case_rooms[0], direct_rooms[0]}  # no other room opened
        assert await adapter._case_room("K7Q2", camille) == case_rooms[0]  # found again
    finally:
        await adapter.client.close()
