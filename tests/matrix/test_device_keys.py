"""The bot's one-time keys are in its store before the homeserver can hand them out: a
replica killed during their upload leaves nothing the next one cannot decrypt."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.matrix import MatrixAdapter, MatrixOptions
from bot.keyvalue import MemoryKeyValue
from tests.matrix.conftest import PASSWORD, _names
from tests.matrix.synapse import Synapse


@pytest.mark.timeout(120)
async def test_one_time_keys_are_stored_before_their_upload(
    synapse: Synapse, tmp_path: Path
) -> None:
    options = MatrixOptions(
        homeserver=synapse.url,
        user_id=synapse.register(f"soutien{next(_names)}", PASSWORD),
        pickle_key="device-keys-test-pickle-key",
        store_path=tmp_path / "store",  # the volume both replicas share
        password=PASSWORD,
    )
    state = MemoryKeyValue()  # the database both replicas share
    active = MatrixAdapter(options, state)
    active.client = await active._login()
    try:
        assert active.client.olm is not None
        upload = active.client.olm.share_keys()  # what keys_upload is about to send
        # SIGKILLed now: the upload may reach the server; the next replica opens the store
        standby = MatrixAdapter(options, state)
        standby.client = await standby._login()
        try:
            assert standby.client.olm is not None
            assert standby.client.device_id == active.client.device_id
            stored = standby.client.olm.account.one_time_keys["curve25519"]
            sent = {k.split(":", 1)[1]: v["key"] for k, v in upload["one_time_keys"].items()}
            assert sent and sent.items() <= stored.items()
        finally:
            await standby.client.close()
    finally:
        await active.client.close()
