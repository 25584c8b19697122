"""Hostile bytes at the edges: invalid Unicode is replaced, never dropped, never a crash."""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.console import ConsoleAdapter
from bot.directory import Answers, Index, load
from bot.directory.reload import DirectoryReloader
from bot.ids import Platform
from bot.messages import Address, IncomingMessage
from bot.text import scrub, valid_unicode
from tests.harness import Chat

ROOT = Path(__file__).resolve().parent.parent
LONE = "\ud800"


def test_valid_unicode_replaces_lone_surrogates_and_joins_pairs() -> None:
    assert valid_unicode("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert valid_unicode("\ud83d\ude00") == "😀"
    assert valid_unicode("déjà vu") == "déjà vu"
    assert scrub({"k\udc80": [LONE, 3, None]}) == {"k\ufffd": ["\ufffd", 3, None]}


def test_incoming_message_is_always_encodable() -> None:
    message = IncomingMessage(
        Address(Platform.CONSOLE, f"u{LONE}"), f"t{LONE}", handle=LONE, reply_to=LONE
    )
    for value in (message.sender.user_id, message.text, message.handle, message.reply_to):
        assert value is not None
        value.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate


async def test_lone_surrogates_in_user_id_and_team_answer_still_get_answers(chat: Chat) -> None:
    """Issue 12: a lone surrogate in a team answer or a user id raised in encryption; the
    question stayed pending. Every message is answered and the case exists."""
    user = f"al{LONE}ice"
    for text in ("demande", f"DIN{LONE}UM", "anonyme"):
        out = await chat.deliver(user, text)
        assert out, f"no answer to {text!r}"
    clean = Address(Platform.CONSOLE, "al\ufffdice")
    person = await chat.store.person(clean, chat.clock.now())
    assert await chat.store.open_case_of(person.id) is not None
    assert chat.adapter.to("camille") or chat.adapter.to("dominique")  # offered to someone


async def test_console_line_with_lone_surrogate_is_delivered() -> None:
    got: list[IncomingMessage] = []

    async def on_message(message: IncomingMessage) -> None:
        got.append(message)

    console = ConsoleAdapter(stdin=io.StringIO(f"bon{LONE}jour\n"), stdout=io.StringIO())
    await console.run(on_message)
    assert [m.text for m in got] == ["bon\ufffdjour"]


def test_console_with_bytes_that_are_not_utf8_answers(tmp_path: Path) -> None:
    shutil.copy(ROOT / "directory.yaml", tmp_path / "directory.yaml")
    shutil.copy(ROOT / "soutien.example.yaml", tmp_path / "soutien.example.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env["PYTHONIOENCODING"] = "utf-8"  # strict decoding, as on most servers
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", "soutien.example.yaml"],
        input=b"/as alice\nbon\xff\xfejour\naide\n",
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    out = done.stdout.decode("utf-8")
    assert out.count("[→ alice]") >= 2  # the bad line and the next one were both answered
    assert b"Traceback" not in done.stderr


def test_every_json_line_gets_an_answer() -> None:
    lines = [
        b'{"query": "3114"}',
        b'{"query": "a\\ud800b"}',  # a JSON escape of a lone surrogate
        b"\xff\xfe not utf-8",
        b"[1]",
        b'{"q": 1}',
        b'{"query": "x", "at": 5}',
        b'{"query": "x", "at": "not a date"}',
        b"not json",
        b'{"query": "suicide"}',
    ]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "directory", "search", "-", "--directory",
         str(ROOT / "directory.yaml")],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"},
    )  # fmt: skip
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(answers) == len(lines), done.stderr
    assert answers[0]["results"] and answers[1]["query"] == "a\ufffdb"
    assert [("error" in a) for a in answers] == [False, False] + [True] * 6 + [False]
    assert "line 3: not UTF-8" in answers[2]["error"]
    assert answers[-1]["danger"] is True
    assert done.returncode == 1 and b"Traceback" not in done.stderr


# --- the directory watcher survives any bad file ---

GOOD = (ROOT / "directory.yaml").read_text(encoding="utf-8")
BAD_FILES: list[tuple[str, bytes]] = [
    ("not-utf8", GOOD.encode("utf-8").replace(b"Croix-Rouge", b"Croix\xff", 1)),
    ("invalid-yaml", b"resources: [unclosed\n"),
    ("schema", GOOD.replace("categories: [vss, violences]", "categories: [nope]", 1).encode()),
    ("not-a-mapping", b"- a\n- b\n"),
    ("empty", b""),
]


@pytest.mark.parametrize("bad", [b[1] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_watcher_keeps_last_good_version_and_reloads_when_fixed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, bad: bytes
) -> None:
    path = tmp_path / "directory.yaml"
    path.write_text(GOOD, encoding="utf-8")
    answers = Answers(Index(load(path)))
    good = answers.index
    reloader = DirectoryReloader(path, answers)
    assert reloader.poll() is None  # unchanged: nothing to do

    path.write_bytes(bad)
    os.utime(path, ns=(1, 1_000_000_000))
    with caplog.at_level(logging.WARNING, logger="bot.directory.reload"):
        assert reloader.poll() is False
        assert reloader.poll() is None  # said once, not at every look
    records = [r for r in caplog.records if r.name == "bot.directory.reload"]
    assert len(records) == 1 and "\n" not in records[0].getMessage()
    assert "keeping the last good version" in records[0].getMessage()
    assert answers.index is good

    path.write_text(GOOD.replace('Croix-Rouge Écoute"', 'Croix-Rouge Écoute (CRF)"', 1))
    os.utime(path, ns=(2, 2_000_000_000))
    assert reloader.poll() is True
    assert any("(CRF)" in r.name for r in answers.index.resources)


async def test_watcher_task_survives_a_bad_file(tmp_path: Path) -> None:
    import asyncio

    path = tmp_path / "directory.yaml"
    path.write_text(GOOD, encoding="utf-8")
    answers = Answers(Index(load(path)))
    reloader = DirectoryReloader(path, answers)
    task = asyncio.create_task(reloader.watch(every=0.01))
    try:
        path.write_bytes(b"\xff\xfe")
        os.utime(path, ns=(1, 1_000_000_000))
        await asyncio.sleep(0.1)
        assert not task.done()
        path.write_text(GOOD.replace('Croix-Rouge Écoute"', 'Croix-Rouge Écoute (CRF)"', 1))
        os.utime(path, ns=(2, 2_000_000_000))
        for _ in range(100):
            if any("(CRF)" in r.name for r in answers.index.resources):
                break
            await asyncio.sleep(0.02)
        assert any("(CRF)" in r.name for r in answers.index.resources)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


def test_directory_check_on_non_utf8_file_is_positioned(tmp_path: Path) -> None:
    path = tmp_path / "directory.yaml"
    path.write_bytes(b"resources:\n  - id: x\n    name: \xe9t\xe9\n")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "directory", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{path}:3:11: not UTF-8 text (byte 0xe9)" in done.stdout
    assert "Traceback" not in done.stderr


async def test_invisible_characters_inside_a_command_do_not_hide_it(chat: Chat) -> None:
    await chat.deliver("alice", "bonjour")
    out = await chat.deliver("alice", "a\u200b\u200bide")
    assert "Ce que je peux faire" in out[-1].text
