"""How log lines look: human-readable by default, one JSON object per line on request.

Both show the case a line is about (`case`, its reference) when there is one; the privacy
filter (`bot.logs`) has already scrubbed every message before it reaches a formatter."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Literal

_TEXT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__(_TEXT)

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        case = getattr(record, "case", None)
        return f"{line} [case {case}]" if case else line


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        case = getattr(record, "case", None)
        if case:
            entry["case"] = case
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str, style: Literal["text", "json"] = "text") -> None:
    """One handler on stderr for the whole process (replacing any earlier one)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if style == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Library chatter that says nothing useful to an operator.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    logging.getLogger("nio.events.misc").setLevel(logging.ERROR)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    # Its debug lines carry query parameters: never in our logs, whatever the level.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
