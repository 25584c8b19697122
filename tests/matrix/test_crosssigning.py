"""The bot vouches for its own device, and keeps one identity for life (real Synapse)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from adapters.matrix.crosssigning import canonical, fingerprint
from tests.matrix.conftest import PASSWORD, BotProcess
from tests.matrix.synapse import Synapse

ROSTER = {n: f"@{n}-absent:localhost" for n in ("camille", "dominique", "claude")}


def _post(url: str, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, Any] = json.load(response)
        return answer


class Observer:
    """Someone else on the homeserver, reading the bot's keys as any client does."""

    def __init__(self, server: Synapse) -> None:
        self.server = server
        user = server.register(f"observer{time.monotonic_ns()}", PASSWORD)
        login = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": user},
            "password": PASSWORD,
        }
        self.token = _post(f"{server.url}/_matrix/client/v3/login", login)["access_token"]

    def keys_of(self, user: str) -> dict[str, Any]:
        body: dict[str, Any] = {"device_keys": {user: []}}
        return _post(f"{self.server.url}/_matrix/client/v3/keys/query", body, self.token)


def _verify(obj: dict[str, Any], user: str, public: str) -> None:
    """`obj` carries a valid signature by the ed25519 key `public` (unpadded base64)."""
    assert "=" not in public
    signature = obj["signatures"][user][f"ed25519:{public}"]
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public + "="))
    key.verify(base64.b64decode(signature + "=" * (-len(signature) % 4)), canonical(obj))


def _single_key(obj: dict[str, Any]) -> str:
    ((key_id, public),) = obj["keys"].items()
    assert key_id == f"ed25519:{public}"
    return str(public)


async def _signed_device(observer: Observer, bot: BotProcess, other_than: str = "") -> str:
    """Wait until a device of the bot (not `other_than`) is signed by its self-signing key;
    check the whole chain up to the master key and return the master key."""
    user = bot.user_id
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        keys = await asyncio.to_thread(observer.keys_of, user)
        master = keys.get("master_keys", {}).get(user)
        ssk = keys.get("self_signing_keys", {}).get(user)
        devices = keys["device_keys"].get(user, {})
        if master and ssk:
            master_key, ssk_key = _single_key(master), _single_key(ssk)
            _verify(ssk, user, master_key)
            for device_id, device in devices.items():
                if device_id != other_than and f"ed25519:{ssk_key}" in device["signatures"][user]:
                    _verify(device, user, ssk_key)
                    assert master["usage"] == ["master"] and ssk["usage"] == ["self_signing"]
                    return master_key
        await asyncio.sleep(0.5)
    raise AssertionError(f"the bot's device was never cross-signed; log:\n{bot.log()[-3000:]}")


def _device_of(bot: BotProcess) -> str:
    for line in reversed(bot.log().splitlines()):
        if "logged in as a new device" in line:
            return line.rsplit(" ", 1)[-1]
    raise AssertionError("no login in the bot's log")


def _identity_cli(bot: BotProcess) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env["SOUTIEN_SECURITY__SECRET_KEY"] = "matrix-test-secret-key-0123456789"
    env["SOUTIEN_MATRIX__PASSWORD"] = PASSWORD
    done = subprocess.run(
        [sys.executable, "-m", "bot", "matrix", "identity", "--config", str(bot.config)],
        cwd=bot.folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def bot(synapse: Synapse, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(tmp_path, synapse, ROSTER)
    try:
        yield process
    finally:
        process.stop()


async def test_crosssigned_device_and_one_identity_for_life(
    synapse: Synapse, bot: BotProcess
) -> None:
    observer = Observer(synapse)
    bot.start()
    master = await _signed_device(observer, bot)
    first_device = _device_of(bot)
    assert fingerprint(master) in _identity_cli(bot)

    # The device store is lost: a new device, signed by the same identity.
    bot.stop()
    shutil.rmtree(bot.folder / "nio-store")
    bot.start()
    assert await _signed_device(observer, bot, other_than=first_device) == master
    assert _device_of(bot) != first_device

    # The database is lost too: the bot holds no identity, and must not replace the one
    # people know.
    bot.stop()
    shutil.rmtree(bot.folder / "nio-store")
    for suffix in ("", "-wal", "-shm"):
        (bot.folder / f"bot.db{suffix}").unlink(missing_ok=True)
    bot.start()
    deadline = time.monotonic() + 60
    while "not replacing it" not in bot.log():
        assert time.monotonic() < deadline, bot.log()[-3000:]
        await asyncio.sleep(0.5)
    keys = await asyncio.to_thread(observer.keys_of, bot.user_id)
    assert _single_key(keys["master_keys"][bot.user_id]) == master
