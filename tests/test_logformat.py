"""Log lines: text by default, JSON on request, the case reference on lines about a case,
and the privacy filter whatever the format."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.logformat import JsonFormatter, TextFormatter
from bot.logs import REDACTED, about_case, install, sensitive


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, logging.StreamHandler[io.StringIO]]]:
    install()
    logger = logging.getLogger("soutien.test.format")
    handler = logging.StreamHandler(io.StringIO())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield logger, handler
    finally:
        logger.removeHandler(handler)


def test_json_lines_carry_the_case_and_never_the_words(
    captured: tuple[logging.Logger, logging.StreamHandler[io.StringIO]],
) -> None:
    logger, handler = captured
    handler.setFormatter(JsonFormatter())
    with sensitive("je n'en peux plus", "@alice:example.org"):
        about_case("K7Q2")
        logger.info("handled %s from %s", "je n'en peux plus", "@alice:example.org")
    logger.info("a tick")
    first, second = (json.loads(line) for line in handler.stream.getvalue().splitlines())
    assert first["case"] == "K7Q2" and first["level"] == "INFO"
    assert first["message"] == f"handled {REDACTED} from {REDACTED}"
    assert "case" not in second  # the case ended with the message being handled
    assert {"time", "logger", "message"} <= set(second)


def test_text_lines_name_the_case(
    captured: tuple[logging.Logger, logging.StreamHandler[io.StringIO]],
) -> None:
    logger, handler = captured
    handler.setFormatter(TextFormatter())
    with sensitive():
        about_case("B2XP")
        logger.warning("offer expired")
    logger.warning("no case here")
    first, second = handler.stream.getvalue().splitlines()
    assert first.endswith("offer expired [case B2XP]")
    assert second.endswith("no case here")


def test_json_format_from_the_configuration(tmp_path: Path) -> None:
    """A console run with `log.format: json`: every line on stderr is one JSON object,
    and those about a case carry its reference."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    env |= {"SOUTIEN_LOG__FORMAT": "json", "SOUTIEN_LOG_LEVEL": "DEBUG"}
    config = Path(__file__).resolve().parent.parent / "soutien.example.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", str(config)],
        input="/as alice\ndemande\npasser\nanonyme\n/as camille\naccepter\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert entries and all("message" in e and "level" in e for e in entries)
    assert any("throwaway key" in e["message"] for e in entries)
    about_cases = [e for e in entries if "case" in e]
    assert any(e["message"] == "case offered on console" for e in about_cases)
    assert any(e["message"] == "case accepted on console" for e in about_cases)
    assert len({e["case"] for e in about_cases}) == 1  # one case, one reference
    for line in ("alice", "camille"):
        assert line not in done.stderr
