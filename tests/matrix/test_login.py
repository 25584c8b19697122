"""Credentials the homeserver refuses are said with its own errcode and words and the
variable at fault, then retried (qa-conf 8): a wrong password, a wrong access token alone,
a wrong access token with a good password (which then logs in)."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.matrix import MatrixAdapter, MatrixOptions
from bot.keyvalue import MemoryKeyValue
from bot.messages import IncomingMessage
from tests.matrix.conftest import PASSWORD, _names
from tests.matrix.synapse import Synapse

WRONG = "not-the-password-nor-a-token"


async def attempts(
    adapter: MatrixAdapter,
    caplog: pytest.LogCaptureFixture,
    done: Callable[[list[logging.LogRecord]], bool],
) -> list[logging.LogRecord]:
    """Run the adapter until `done(its records)`; those records."""

    async def handler(message: IncomingMessage) -> None:
        pass

    def ours() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name.startswith("adapters.matrix")]

    task = asyncio.create_task(adapter.run(handler))
    deadline = time.monotonic() + 60
    try:
        with caplog.at_level(logging.INFO):
            while not done(ours()):
                assert time.monotonic() < deadline, [r.getMessage() for r in ours()]
                assert not task.done()
                await asyncio.sleep(0.05)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 30)
    assert WRONG not in caplog.text and PASSWORD not in caplog.text
    return ours()


def bot(
    synapse: Synapse, folder: Path, password: str | None = None, access_token: str | None = None
) -> MatrixAdapter:
    options = MatrixOptions(
        homeserver=synapse.url,
        user_id=synapse.register(f"soutien{next(_names)}", PASSWORD),
        pickle_key="login-test-pickle-key",
        store_path=folder / "store",
        max_backoff=0.3,
        password=password,
        access_token=access_token,
    )
    return MatrixAdapter(options, MemoryKeyValue())


def errors(records: list[logging.LogRecord]) -> list[str]:
    return [r.getMessage() for r in records if r.levelno == logging.ERROR]


@pytest.mark.timeout(120)
async def test_a_wrong_password_is_named_with_the_homeservers_words(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    adapter = bot(synapse, tmp_path, password=WRONG)
    said = errors(await attempts(adapter, caplog, lambda r: len(errors(r)) >= 2))
    assert "login failed" in said[0] and "SOUTIEN_MATRIX__PASSWORD" in said[0]
    assert "M_FORBIDDEN: Invalid username or password" in said[0] and "retrying in" in said[0]
    assert "RuntimeError" not in said[0]


@pytest.mark.timeout(120)
async def test_a_wrong_access_token_alone_is_named(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    adapter = bot(synapse, tmp_path, access_token=WRONG)
    said = errors(await attempts(adapter, caplog, lambda r: len(errors(r)) >= 2))
    assert "SOUTIEN_MATRIX__ACCESS_TOKEN" in said[0] and "M_UNKNOWN_TOKEN" in said[0]
    assert "SOUTIEN_MATRIX__PASSWORD instead" in said[0]


@pytest.mark.timeout(120)
async def test_a_wrong_access_token_with_a_good_password_logs_in_and_says_so(
    synapse: Synapse, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    adapter = bot(synapse, tmp_path, access_token=WRONG, password=PASSWORD)
    records = await attempts(adapter, caplog, lambda r: adapter._synced.is_set())
    said = errors(records)
    assert len(said) == 1 and "SOUTIEN_MATRIX__ACCESS_TOKEN" in said[0], said
    assert "M_UNKNOWN_TOKEN" in said[0] and "logging in with SOUTIEN_MATRIX__PASSWORD" in said[0]
