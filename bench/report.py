"""The top-level keys of bench/results.json, and the Markdown table of bench/RESULTS.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

NOTES = Path(__file__).resolve().parent / "notes.md"  # hand-written: profile, before/after

NOTE = (
    "Measured by `make bench` on the project's shared 2-core machine, while other work "
    "was running on it: absolute figures move from run to run; the ratios compare bot and "
    "baseline measured in alternating blocks of the same run, so a busy machine slows both.\n"
)


def _get(results: dict[str, Any], *path: str) -> Any:
    value: Any = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def flatten(r: dict[str, Any]) -> dict[str, Any]:
    """The keys other tools read, each from where its benchmark put it (None if not run)."""
    out: dict[str, Any] = {}
    for platform in ("mattermost", "matrix"):
        for case, label in (("relay", ""), ("burst_of_5", "burst_"), ("first_reply", "first_")):
            for p in ("p50", "p99"):
                out[f"{platform}_{label}ratio_{p}"] = _get(r, platform, case, f"ratio_{p}")
                for who in ("bot", "bare"):
                    out[f"{platform}_{label}{who}_{p}_ms"] = _get(r, platform, case, f"{who}_ms", p)
    for db, suffix in (("sqlite", ""), ("postgres", "_postgres")):
        out[f"core_cases_per_s{suffix}"] = _get(r, "core", db, "cases_per_s")
        out[f"core_relay_msgs_per_s{suffix}"] = _get(r, "core", db, "relayed_msgs_per_s")
    out["sql_per_relayed_msg"] = _get(r, "core", "sqlite", "sql_per_relayed_msg")
    out["commits_per_relayed_msg"] = _get(r, "core", "sqlite", "commits_per_relayed_msg")
    out["rss_mb_idle"] = _get(r, "mattermost", "rss_mb_idle")
    out["rss_mb_10k_cases"] = _get(r, "footprint", "rss_mb")
    out["startup_s"] = _get(r, "mattermost", "startup_s")
    out["scheduler_rebuild_s"] = _get(r, "footprint", "rebuild_s")
    out["scheduler_lateness_p99_s"] = _get(r, "footprint", "lateness_p99_s")
    out["directory_search_p99_ms"] = _get(r, "directory", "search_ms", "p99")
    out["safety_p99_ms"] = _get(r, "safety", "per_message_ms", "p99")
    return out


def _ms(value: Any) -> str:
    return "—" if value is None else f"{value:,.1f} ms"


def _num(value: Any, unit: str = "") -> str:
    return "—" if value is None else f"{value:,}{unit}"


def _relay_rows(r: dict[str, Any], platform: str, title: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for case, label, target in (
        ("relay", "relay latency", "≤ 1.10 / ≤ 1.4"),
        ("burst_of_5", "burst of 5, to the last", "≤ 1.5"),
        ("first_reply", "first reply", "—"),
    ):
        c = _get(r, platform, case) or {}
        n = _get(c, "bot_ms", "n")
        bot = f"{_ms(_get(c, 'bot_ms', 'p50'))} / {_ms(_get(c, 'bot_ms', 'p99'))}"
        bare = f"{_ms(_get(c, 'bare_ms', 'p50'))} / {_ms(_get(c, 'bare_ms', 'p99'))}"
        ratio = f"{_num(c.get('ratio_p50'))} / {_num(c.get('ratio_p99'))}"
        rows.append((f"{title}: {label} (n = {n} each)", bot, bare, ratio, target))
    cpu = _get(r, platform, "cpu_ms_per_relayed_msg") or {}
    rows.append(
        (f"{title}: CPU per relayed message", _ms(cpu.get("bot")), _ms(cpu.get("bare")), "—", "—")
    )
    return rows


def markdown(r: dict[str, Any]) -> str:
    m = r.get("machine", {})
    head = [
        "# Benchmarks",
        "",
        f"{NOTE}",
        f"Run at {m.get('at')} — {m.get('cpus')} CPUs, Python {m.get('python')}, "
        f"load average before the table {m.get('load_average')}. Raw figures: `results.json`.",
        "",
        "| measure | bot p50 / p99 | bare baseline p50 / p99 | ratio p50 / p99 | target |",
        "|---|---|---|---|---|",
    ]
    rows = _relay_rows(r, "mattermost", "Mattermost") + _relay_rows(r, "matrix", "Matrix")
    lines = head + ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "| measure | value | target |", "|---|---|---|"]
    single = [
        (
            "core: cases opened → offered, SQLite",
            _num(r.get("core_cases_per_s"), " /s"),
            "≥ 200 /s",
        ),
        (
            "core: relayed messages, SQLite",
            _num(r.get("core_relay_msgs_per_s"), " /s"),
            "≥ 1,000 /s",
        ),
        (
            "core: cases opened → offered, PostgreSQL",
            _num(r.get("core_cases_per_s_postgres"), " /s"),
            "—",
        ),
        (
            "core: relayed messages, PostgreSQL",
            _num(r.get("core_relay_msgs_per_s_postgres"), " /s"),
            "—",
        ),
        ("SQL statements per relayed message (core only)", _num(r.get("sql_per_relayed_msg")), "—"),
        (
            "commits per relayed message (core only)",
            _num(r.get("commits_per_relayed_msg")),
            "≤ 1 before delivery",
        ),
        ("RSS after start (Mattermost bot process)", _num(r.get("rss_mb_idle"), " MB"), "< 150 MB"),
        ("RSS with 10,000 historical cases", _num(r.get("rss_mb_10k_cases"), " MB"), "< 150 MB"),
        ("start to ready (Mattermost)", _num(r.get("startup_s"), " s"), "< 2 s"),
        (
            "scheduler: start with 100,000 pending follow-ups",
            _num(r.get("scheduler_rebuild_s"), " s"),
            "< 3 s",
        ),
        (
            "scheduler: firing lateness p99 (tick 1 s)",
            _num(r.get("scheduler_lateness_p99_s"), " s"),
            "< 1 s",
        ),
        (
            "directory search p99 (5,000 resources)",
            _num(r.get("directory_search_p99_ms"), " ms"),
            "< 2 ms",
        ),
        ("safety reader p99 per message", _num(r.get("safety_p99_ms"), " ms"), "< 2 ms"),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in single]
    errors = {k: v for k, v in r.items() if k.endswith("_error")}
    if errors:
        lines += ["", "Not measured in this run:", ""]
        lines += [f"- {k.removesuffix('_error')}: {v}" for k, v in errors.items()]
    if NOTES.exists():
        lines += ["", NOTES.read_text(encoding="utf-8").rstrip()]
    return "\n".join(lines) + "\n"
