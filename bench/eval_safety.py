"""Score the safety lane on the labelled corpus, through both doors, by category.

- console door: each message is the first message of a new person to the real core
  (SQLite store, demo roster); danger = the coordinators were alerted; concern = the bot
  asked whether the person thinks of suicide.
- directory door: `directory search -` in-process; danger = the result's `danger` flag.
Recall is counted on danger messages, false alarms on harmless ones (traps). The tuning
part and the held-out part are printed apart. Run with `make eval`.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.safety_corpus import load
from bot.directory.cli import result
from bot.directory.loader import load as load_directory
from bot.directory.search import Index
from tests.conftest import make_store
from tests.harness import Chat

Verdict = tuple[bool, bool]  # (alerted / flagged, asked the concern question)


async def console_door(texts: list[str]) -> list[Verdict]:
    with tempfile.TemporaryDirectory() as folder:
        store = await make_store(f"sqlite+aiosqlite:///{Path(folder) / 'eval.db'}")
        try:
            chat = Chat(store)
            verdicts = []
            for n, text in enumerate(texts):
                before = len(chat.adapter.to("claude"))
                out = await chat.deliver(f"person-{n}", text)
                alerted = len(chat.adapter.to("claude")) > before
                asked = any(b.command == "oui" for m in out for b in m.buttons)
                verdicts.append((alerted, asked))
            return verdicts
        finally:
            await store.engine.dispose()


def directory_door(texts: list[str]) -> list[Verdict]:
    index = Index(load_directory(Path("directory.yaml")))
    return [(bool(result(index, t, None, "fr")["danger"]), False) for t in texts]


def score(items: list[dict[str, Any]], verdicts: list[Verdict]) -> dict[str, list[bool]]:
    """Per category: True when the door did the right thing for that message."""
    by: dict[str, list[bool]] = defaultdict(list)
    for item, (alerted, asked) in zip(items, verdicts, strict=True):
        level, category = item["level"], item["category"]
        ok = alerted if level == "danger" else (not alerted)
        by[f"{level}:{category}"].append(ok)
        if level == "concern":
            by["concern:asked or alerted"].append(asked or alerted)
        if item.get("lang") == "en" and level == "danger":
            by["danger:(English)"].append(ok)
    return by


def report(part: str, door: str, by: dict[str, list[bool]]) -> tuple[float, float]:
    danger = [ok for k, v in by.items() if k.startswith("danger:") and "(" not in k for ok in v]
    traps = [ok for k, v in by.items() if k.startswith("none:") for ok in v]
    recall = sum(danger) / len(danger)
    alarms = 1 - sum(traps) / len(traps)
    print(
        f"\n== {part} — {door} door: recall {recall:.1%} ({sum(danger)}/{len(danger)}), "
        f"false alarms {alarms:.1%} ({len(traps) - sum(traps)}/{len(traps)})"
    )
    for key in sorted(by):
        if key.startswith("concern:") and key != "concern:asked or alerted":
            continue
        results = by[key]
        print(
            f"   {key:<28} {sum(results):>4}/{len(results):<4} {sum(results) / len(results):>6.0%}"
        )
    return recall, alarms


def main() -> int:
    for part in ("tuning", "held-out"):
        items = load(part)
        texts = [x["text"] for x in items]
        report(part, "console", score(items, asyncio.run(console_door(texts))))
        report(part, "directory", score(items, directory_door(texts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
