"""Dependency direction: adapters → bot ← storage; only the composition root wires them
(bot/cli/compose.py, and bot/cli/admin.py for the server-side commands)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _violations(package: str, forbidden: set[str], allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        if rel in allowed:
            continue
        hits = _imports(path) & forbidden
        if hits:
            bad.append(f"{rel} imports {sorted(hits)}")
    return bad


def test_core_knows_no_platform_and_no_sql() -> None:
    forbidden = {"adapters", "storage", "sqlalchemy", "alembic", "nio", "mattermostdriver"}
    root = {"bot/cli/compose.py", "bot/cli/admin.py"}
    assert _violations("bot", forbidden, root) == []


def test_adapters_and_storage_do_not_import_each_other() -> None:
    assert _violations("adapters", {"storage", "sqlalchemy"}) == []
    assert _violations("storage", {"adapters"}) == []


def test_the_check_can_fail() -> None:
    assert _violations("bot", {"bot"}) != []
