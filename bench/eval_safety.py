"""Score the safety lane on the labelled corpus, through both doors, by category.

- console door: each message is the first message of a new person to the real core
  (SQLite store, demo roster); danger = the coordinators were alerted; concern = the bot
  asked whether the person thinks of suicide.
- directory door: `directory search -` in-process; danger = the result's `danger` flag.
Recall is counted on danger messages, false alarms on harmless ones (traps). The tuning
part and the held-out part are printed apart. Run with `make eval`; with file names
(`python -m bench.eval_safety new.yaml`), scores only those files.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import yaml

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
    recall = sum(danger) / len(danger) if danger else 1.0
    alarms = 1 - sum(traps) / len(traps) if traps else 0.0
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


CATEGORIES = {  # the words some blind writers used, to the corpus's own
    "hidden": "embedded",
    "idiom": "trap_idiom",
    "hyperbole": "trap_hyperbole",
    "negation": "trap_negation",
    "information": "trap_info",
    "fiction": "trap_fiction",
    "joke": "trap_other",
    "work_stress": "trap_stress",
    "listener": "trap_support",
    "other": "trap_other",
}


def given(paths: list[str]) -> list[dict[str, Any]]:
    """The messages of the files named on the command line (a new set, scored unseen)."""
    items: list[dict[str, Any]] = []
    for name in paths:
        for item in yaml.safe_load(Path(name).read_text(encoding="utf-8")):
            item["category"] = CATEGORIES.get(item["category"], item["category"])
            items.append(item)
    return items


def main(paths: list[str]) -> int:
    parts: dict[str, Callable[[], list[dict[str, Any]]]] = {
        name: partial(load, name) for name in ("tuning", "held-out")
    }
    if paths:
        parts = {" + ".join(Path(p).stem for p in paths): partial(given, paths)}
    for part, read in parts.items():
        items = read()
        texts = [x["text"] for x in items]
        report(part, "console", score(items, asyncio.run(console_door(texts))))
        report(part, "directory", score(items, directory_door(texts)))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled sets to score alone")
    missing = [str(f) for f in parser.parse_args().files if not f.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    sys.exit(main([str(f) for f in parser.parse_args().files]))
