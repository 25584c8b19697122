"""The operator's documents exist, link to each other, and agree with the code."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import bot
from bot import metrics

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_every_relative_link_leads_somewhere() -> None:
    for doc in DOCS:
        for target in LINK.findall(doc.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "#", "tel:")):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            assert path.exists(), f"{doc.name}: broken link {target}"


def test_the_readme_leads_to_the_operator_documents() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in (
        "docs/deploying.md",
        "docs/container.md",
        "docs/operations.md",
        "docs/configuration.md",
        "docs/extending.md",
        "docs/soutien.service",
        "docs/compose.yaml",
        "CHANGELOG.md",
        "LICENSE",
    ):
        assert f"]({name})" in readme, name


def test_licence_and_changelog() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert (
        licence.startswith("MIT License") and "Copyright (c) 2026 Soutien contributors" in licence
    )
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {bot.__version__} " in changelog


def test_every_metric_is_documented() -> None:
    text = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    names = [family.name for family in metrics.REGISTRY.collect()]
    ours = [name for name in names if name.startswith("soutien_")]
    assert len(ours) >= 10
    for name in ours:  # counters are named without `_total` here
        assert f"`{name}" in text, name


def test_signals_are_documented() -> None:
    text = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    for signal in ("SIGHUP", "SIGUSR1", "SIGTERM"):
        assert f"`{signal}`" in text


def test_compose_example_is_valid_yaml_with_postgresql() -> None:
    compose = yaml.safe_load((ROOT / "docs" / "compose.yaml").read_text(encoding="utf-8"))
    assert compose["services"]["db"]["image"].startswith("postgres:")
    assert compose["services"]["soutien"]["depends_on"]["db"]["condition"] == "service_healthy"
