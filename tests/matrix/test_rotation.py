"""Key rotation with a real Synapse: after `keys rotate` and with the old key dropped, the
bot restores the same device (credentials and the store's wrapped key rotated with the
rest), decrypts what people write, and recognises a requester with her open case."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from tests.matrix.conftest import World
from tests.matrix.test_matrix import _request

NEW = "a-brand-new-matrix-secret-key-987654"


async def test_the_device_and_the_person_survive_a_key_rotation(world: World) -> None:
    room, ref = await _request(world)
    world.bot.stop()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {
        "SOUTIEN_SECURITY__SECRET_KEY": NEW,
        "SOUTIEN_SECURITY__OLD_SECRET_KEYS": f'["{world.bot.secret}"]',
        "SOUTIEN_MATRIX__PASSWORD": "unused-by-keys-rotate",
    }
    rotated = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", "keys", "rotate", "--config", str(world.bot.config)],
        capture_output=True,
        text=True,
        cwd=world.bot.folder,
        env=env,
        timeout=120,
    )
    assert rotated.returncode == 0, rotated.stdout + rotated.stderr
    assert "done: every row is under the current key" in rotated.stdout
    world.bot.secret = NEW  # and no old key: everything must be under the new one
    before = len(world.alice.inbox)
    world.bot.start()
    await world.alice.say(room, "demande")  # end-to-end encrypted: the store must open
    again = await world.alice.expect("déjà une demande", after=before, within=90)
    assert ref in again.body  # recognised, her open case reachable, no duplicate
    log = world.bot.log()
    assert log.count("logged in as a new device") == 1  # only the very first start
    assert "restored device" in log and "is missing" not in log
