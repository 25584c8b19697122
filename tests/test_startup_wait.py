"""`run` with the default `storage.auto_migrate`, as an operator runs it: a PostgreSQL server
that is not up yet is waited for, with back-off, before migrating (the log names storage.url,
never its password); SIGTERM meanwhile ends with status 0, said once however often it comes;
once the server answers, the schema is migrated and the bot serves. What ends the start-up
names storage.url (qa-conf 5, 16)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from storage.database import head, revision
from tests.conftest import StoppableDatabase
from tests.matrix.synapse import free_port
from tests.processes import die_with_parent

KEY = "the-right-key-0123456789abcdef"
PASSWORD = "hunter2-not-in-any-log"


def start(folder: Path, url: str) -> tuple[subprocess.Popen[bytes], Path]:
    """`soutien-bot run` (the console, keyed) on `url`; its stdout and stderr go to files."""
    (folder / "soutien.yaml").write_text(
        f"storage: {{url: '{url}'}}\nlisteners:\n  - {{id: camille, name: Camille}}\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SOUTIEN_")}
    env = clean | {"SOUTIEN_SECURITY__SECRET_KEY": KEY, "SOUTIEN_LOG_LEVEL": "INFO"}
    errors = folder / "stderr.log"
    with errors.open("wb") as err, (folder / "stdout.log").open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--config", "soutien.yaml"],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            cwd=folder,
            env=env,
            preexec_fn=die_with_parent,
        )
    return process, errors


def finish(process: subprocess.Popen[bytes], within: float = 60) -> int:
    """Its exit status (killed if it has not ended `within` seconds); its pipe closed."""
    try:
        process.communicate(timeout=within)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
    return process.returncode


async def said(errors: Path, needle: str, times: int = 1, within: float = 60) -> str:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        text = await asyncio.to_thread(errors.read_text, errors="replace")
        if text.count(needle) >= times:
            return text
        await asyncio.sleep(0.1)
    text = await asyncio.to_thread(errors.read_text, errors="replace")
    raise AssertionError(f"never said {needle!r} {times} times:\n{text[-3000:]}")


@pytest.mark.timeout(90)
async def test_a_server_not_up_is_waited_for_and_sigterm_ends_with_0(tmp_path: Path) -> None:
    url = f"postgresql+asyncpg://postgres:{PASSWORD}@127.0.0.1:{free_port()}/soutien"
    process, errors = start(tmp_path, url)
    try:
        log = await said(errors, "retrying in", times=2)  # backed off, still running
        assert process.poll() is None, log
        waiting = [line for line in log.splitlines() if "retrying in" in line]
        assert "storage.url" in waiting[0] and "127.0.0.1" in waiting[0], waiting
        assert "ConnectionRefusedError" in waiting[0], waiting
        process.send_signal(signal.SIGTERM)
        process.send_signal(signal.SIGTERM)  # a supervisor that repeats itself
    finally:
        code = await asyncio.to_thread(finish, process, 20)
    assert code == 0
    log = errors.read_text()
    assert log.count("SIGTERM: stopping") == 1, log
    assert PASSWORD not in log and "Traceback" not in log


@pytest.mark.timeout(120)
async def test_a_server_that_comes_up_is_migrated_then_served(
    stoppable_database: StoppableDatabase, tmp_path: Path
) -> None:
    await stoppable_database.stop()  # refuses every connection, as a server starting up
    process, errors = start(tmp_path, stoppable_database.url)
    try:
        assert process.stdin is not None
        process.stdin.write("numéros\n".encode())  # read once the bot runs
        process.stdin.flush()
        await said(errors, "retrying in")
        assert process.poll() is None
        await stoppable_database.start()
    finally:  # the end of its input stops the console
        code = await asyncio.to_thread(finish, process)
    log = errors.read_text()
    assert code == 0, log[-3000:]
    assert "database now at revision" in log
    assert "3114" in (tmp_path / "stdout.log").read_text()
    assert await asyncio.to_thread(revision, stoppable_database.url) == head()
    name = make_url(stoppable_database.url).database
    assert f"127.0.0.1:5432/{name}" in log or f"localhost:5432/{name}" in log, log


def test_what_ends_the_start_up_names_storage_url(tmp_path: Path) -> None:
    (tmp_path / "broken.db").write_bytes(b"this is no SQLite database" * 100)
    process, errors = start(tmp_path, "sqlite+aiosqlite:///./broken.db")
    code = finish(process)
    lines = errors.read_text().strip().splitlines()
    assert code == 1, lines
    assert lines[-1].startswith("soutien-bot: ") and "storage.url" in lines[-1], lines
    assert str(tmp_path / "broken.db") in lines[-1], lines
