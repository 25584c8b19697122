"""A connection that cannot work says why, against the fake server (qa-conf 7): a token
refused, a URL ending in /api/v4, a CA file missing or holding no certificate each name the
variable or key at fault and the server's own words, say "retrying in", never "reconnected
after"; a refused token waits the long back-off and is said at ERROR once, then less often."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import trustme

from adapters.mattermost import MattermostAdapter, MattermostOptions
from adapters.mattermost.failures import RESAY
from bot.keyvalue import MemoryKeyValue
from bot.messages import IncomingMessage
from tests.mattermost.fake import FakeMattermost

TOKEN = "bot-token-0123456789abcdef"


@pytest.fixture
async def fake(tmp_path: Path) -> AsyncIterator[FakeMattermost]:
    ca = trustme.CA()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost", "127.0.0.1").configure_cert(tls)
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    server = FakeMattermost(ssl_context=tls)
    server.add_user("soutien", token=TOKEN)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def failing(
    caplog: pytest.LogCaptureFixture,
    done: Callable[[list[logging.LogRecord]], bool],
    url: str,
    token: str,
    verify: str,
    max_backoff: float = 0.05,
    revoke: FakeMattermost | None = None,
) -> list[logging.LogRecord]:
    """Run the adapter until `done(records)`; the Mattermost adapter's records. With
    `revoke`: once connected, that server forgets the token and closes the WebSocket."""

    async def handler(message: IncomingMessage) -> None:
        raise AssertionError("nothing can arrive")

    options = MattermostOptions(
        url=url,
        token=token,
        public_url="http://127.0.0.1:1",
        command_tokens=(),
        signing_key=b"s" * 32,
        verify=verify,
        request_timeout=5,
        max_backoff=max_backoff,
    )
    adapter = MattermostAdapter(options, MemoryKeyValue())
    task = asyncio.create_task(adapter.run(handler))

    def ours() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name.startswith("adapters.mattermost")]

    deadline = time.monotonic() + 30
    try:
        if revoke is not None:
            while not adapter.connected:
                assert time.monotonic() < deadline and not task.done()
                await asyncio.sleep(0.02)
            del revoke.tokens[token]
            await revoke.close_sockets()
        with caplog.at_level(logging.INFO):
            while not done(ours()):
                assert time.monotonic() < deadline, [r.getMessage() for r in ours()]
                assert not task.done()
                await asyncio.sleep(0.02)
    finally:
        await adapter.stop()
        await asyncio.wait_for(task, 10)
    assert not adapter.connected
    records = ours()
    assert all("reconnected after" not in r.getMessage() for r in records)
    return records


def lines(records: list[logging.LogRecord], level: int) -> list[str]:
    return [r.getMessage() for r in records if r.levelno == level]


async def test_a_refused_token_is_named_said_once_then_less_often(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    tries = 2 * RESAY + 1

    def enough(records: list[logging.LogRecord]) -> bool:
        return len([e for e in fake.exchanges if e.path == "/api/v4/users/me"]) > tries

    records = await failing(caplog, enough, fake.url, "wrong-token", str(tmp_path / "ca.pem"))
    errors = lines(records, logging.ERROR)
    assert len(errors) == 1, errors
    assert "SOUTIEN_MATTERMOST__TOKEN" in errors[0] and "401" in errors[0]
    assert '"Invalid or expired session"' in errors[0] and "retrying in" in errors[0]
    again = [line for line in lines(records, logging.WARNING) if "TOKEN" in line]
    assert 1 <= len(again) <= 2 and f"(failed {RESAY + 1} times)" in again[0], again
    assert "wrong-token" not in caplog.text


async def test_a_token_revoked_since_the_start_is_named(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The WebSocket's challenge fails silently (closed before its hello): the REST API
    is asked why."""

    def named(records: list[logging.LogRecord]) -> bool:
        return any("SOUTIEN_MATTERMOST__TOKEN" in r.getMessage() for r in records)

    records = await failing(caplog, named, fake.url, TOKEN, str(tmp_path / "ca.pem"), revoke=fake)
    said = lines(records, logging.ERROR)
    assert len(said) == 1 and "401" in said[0] and "retrying in" in said[0], said


async def test_a_refused_token_waits_the_long_back_off(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = await failing(
        caplog,
        lambda records: bool(records),
        fake.url,
        "wrong-token",
        str(tmp_path / "ca.pem"),
        max_backoff=8.0,
    )
    said = lines(records, logging.ERROR)[0]
    delay = float(said.split("retrying in ")[1].split(" s")[0])
    assert delay >= 4.0, said  # the cap (8 s) with its jitter, not the first step (0.5 s)


@pytest.mark.parametrize("suffix", ["/api/v4", "/api/v4/"])
async def test_a_url_ending_in_api_v4_is_named(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture, suffix: str
) -> None:
    records = await failing(
        caplog, lambda r: bool(r), fake.url + suffix, TOKEN, str(tmp_path / "ca.pem")
    )
    said = lines(records, logging.ERROR)[0]
    assert "mattermost.url" in said and "without /api/v4" in said and fake.url in said
    assert '404 "Sorry, we could not find the page."' in said and "retrying in" in said


async def test_a_missing_ca_file_is_named(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = str(tmp_path / "nowhere" / "ca.pem")
    records = await failing(caplog, lambda r: bool(r), fake.url, TOKEN, missing)
    said = lines(records, logging.ERROR)[0]
    assert "mattermost.ca_file" in said and missing in said and "no such file" in said


async def test_a_ca_file_without_a_certificate_is_named(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    junk = tmp_path / "passwd"
    junk.write_text("root:x:0:0:root:/root:/bin/bash\n")
    records = await failing(caplog, lambda r: bool(r), fake.url, TOKEN, str(junk))
    said = lines(records, logging.ERROR)[0]
    assert "mattermost.ca_file" in said and str(junk) in said and "no usable CA" in said


async def test_a_ca_that_did_not_sign_the_server_is_named(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    other = tmp_path / "other.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    records = await failing(caplog, lambda r: bool(r), fake.url, TOKEN, str(other))
    said = lines(records, logging.ERROR)[0]
    assert "not signed by mattermost.ca_file" in said and str(other) in said


async def test_a_server_out_of_reach_is_said_each_time(
    fake: FakeMattermost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = await failing(
        caplog, lambda r: len(r) >= 3, "https://127.0.0.1:1", TOKEN, str(tmp_path / "ca.pem")
    )
    said = lines(records, logging.WARNING)
    assert len(said) >= 3 and not lines(records, logging.ERROR)
    assert "cannot reach https://127.0.0.1:1" in said[0] and "ConnectionRefusedError" in said[0]
