"""Directory search at scale, the safety reader, and one core message on SQLite.

The "bare" row is the simplest thing one could do instead of our search (a rapidfuzz
scan over each resource's text), measured on the same data.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import yaml
import yaml_rs
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.clock import ZONE  # noqa: E402
from bot.directory.loader import parse  # noqa: E402
from bot.directory.search import Index  # noqa: E402

SIZE = 5000
WORDS = (
    "écoute soutien psychologique bénévoles formés anonyme gratuit soignants travail "
    "épuisement violences famille deuil jeunes étudiants agriculteurs police enseignants "
    "nuit week-end téléphone chat addiction alcool jeu dettes solitude"
).split()
QUERIES = [
    "santé mentale",
    "burn-out",
    "brun out épuisement pro",
    "envie d'en finir",
    "vss",
    "besoin de parler la nuit",
    "num pr IDE en souffrance",
    "psy gratuit sans rdv paris",
    "ouvert maintenant",
    "numéro gratuit et anonyme",
    "I need to talk to someone in English tonight",
    "harcèlement sexuel au boulot",
    "directrice d'ehpad qui a besoin de parler",
    "75",
    "chat pour parler cette nuit",
    "addiction à l'alcool",
    "xylophone quantique",
]


def synthetic_directory(size: int, seed: int = 7) -> str:
    """The real directory's resources, varied and repeated up to `size` entries."""
    rng = random.Random(seed)
    data = yaml.safe_load((ROOT / "directory.yaml").read_text(encoding="utf-8"))
    base = data["resources"]
    resources = []
    for n in range(size):
        r = json.loads(json.dumps(base[n % len(base)]))
        r["id"] = f"{r['id']}-{n}"
        r["name"] = f"{r['name']} {rng.choice(WORDS)} {n}"
        r["description"] = r["description"] + " " + " ".join(rng.sample(WORDS, 6))
        if r["scope"]["level"] != "national" or rng.random() < 0.3:
            r["scope"] = {"level": "departemental", "departements": [f"{rng.randint(1, 95):02d}"]}
        resources.append(r)
    data["resources"] = resources
    position = {r["id"]: k for k, r in enumerate(base)}
    for key in ("emergency_first", "emergency_first_violence"):
        data[key] = [f"{e}-{position[e]}" for e in data.get(key, [])]
    text: str = yaml_rs.dumps(data)  # YAML 1.2, strings quoted where 1.2 needs it
    return text


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_directory() -> dict[str, Any]:
    text = synthetic_directory(SIZE)
    start = time.perf_counter()
    directory = parse(text, "synthetic.yaml")
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    index = Index(directory)
    index_s = time.perf_counter() - start
    at = datetime(2025, 1, 15, 11, 0, tzinfo=ZONE)
    for q in QUERIES:  # warm-up: first use builds per-term caches
        index.search(q, at)
    ours: list[float] = []
    for _ in range(20):
        for q in QUERIES:
            ours += timed(partial(index.search, q, at), 1)
    corpus = [f"{r.name} {r.description}" for r in index.resources]
    bare: list[float] = []
    for _ in range(3):
        for q in QUERIES:
            bare += timed(partial(process.extract, q, corpus, scorer=fuzz.WRatio, limit=20), 1)
    return {
        "resources": SIZE,
        "file_mb": round(len(text.encode()) / 1e6, 2),
        "load_and_validate_s": round(load_s, 3),
        "index_build_s": round(index_s, 3),
        "search_ms": {
            "p50": round(percentile(ours, 50), 3),
            "p99": round(percentile(ours, 99), 3),
            "max": round(max(ours), 3),
            "n": len(ours),
        },
        "bare_rapidfuzz_scan_ms": {
            "p50": round(percentile(bare, 50), 3),
            "p99": round(percentile(bare, 99), 3),
            "n": len(bare),
        },
    }


async def bench_core() -> dict[str, Any]:
    """A full request → offer → accept → 10 relayed messages → close, on a SQLite file."""
    from tests.conftest import make_store
    from tests.harness import Chat

    with tempfile.TemporaryDirectory() as folder:
        store = await make_store(f"sqlite+aiosqlite:///{folder}/bench.db")
        chat = Chat(store)
        per_message: list[float] = []
        start = time.perf_counter()
        conversations = 30
        for n in range(conversations):
            user = f"user{n}"
            for text in ("demande", "passer", "anonyme"):
                t0 = time.perf_counter()
                await chat.deliver(user, text)
                per_message.append((time.perf_counter() - t0) * 1000)
            listener = chat.adapter.to("camille") and "camille"
            await chat.deliver("camille", "accepter") if n % 2 == 0 else await chat.deliver(
                "dominique", "accepter"
            )
            for k in range(10):
                t0 = time.perf_counter()
                await chat.deliver(user, f"message {k}")
                per_message.append((time.perf_counter() - t0) * 1000)
            await chat.deliver(user, "clore")
            await chat.deliver(user, "non")
            del listener
        total = time.perf_counter() - start
        await store.engine.dispose()
    return {
        "conversations": conversations,
        "handle_ms": {
            "p50": round(statistics.median(per_message), 3),
            "p99": round(percentile(per_message, 99), 3),
        },
        "total_s": round(total, 3),
    }


def bench_safety() -> dict[str, Any]:
    """The reader runs on every message: start-up in a fresh process, then per message."""
    probe = (
        "import time; t = time.perf_counter(); from bot.safety import read; read('bonjour'); "
        "print(time.perf_counter() - t)"
    )
    startups = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(3)
    ]
    from bench.safety_corpus import load as load_corpus
    from bot.safety import read

    texts = [x["text"] for part in ("tuning", "held-out") for x in load_corpus(part)]
    cold = [t for text in texts for t in timed(partial(read, text), 1)]
    warm = [t for text in texts for t in timed(partial(read, text), 1)]
    huge = timed(lambda: read("je vais bien, merci. " * 5000), 5)
    return {
        "messages": len(texts),
        "startup_s": round(sorted(startups)[1], 3),
        "first_pass_ms": {
            "p50": round(percentile(cold, 50), 3),
            "p99": round(percentile(cold, 99), 3),
        },
        "per_message_ms": {
            "p50": round(percentile(warm, 50), 3),
            "p99": round(percentile(warm, 99), 3),
        },
        "message_100kb_ms": round(percentile(huge, 50), 1),
    }
