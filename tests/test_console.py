"""A scripted console session through `soutien-bot run`, as a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(
    tmp_path: Path, script: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "directory.yaml", tmp_path / "directory.yaml")
    shutil.copy(ROOT / "soutien.example.yaml", tmp_path / "soutien.example.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")} | (extra or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", "soutien.example.yaml"],
        input=script,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        env=env,
    )


def test_scripted_session_offer_accept_relay(tmp_path: Path) -> None:
    done = _run(
        tmp_path,
        "/as alice\ndemande\npasser\nanonyme\n/as camille\naccepter\n"
        "/as alice\nbonjour\n/as camille\ncoucou toi\n",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    offer = next(i for i, line in enumerate(lines) if line.startswith("[→ camille] 📩"))
    relayed = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("[→ camille] **[") and line.endswith("bonjour")
    )
    assert offer < relayed
    assert "[→ alice] 💬 coucou toi" in lines
    assert "throwaway key" in done.stderr


def test_numeros_in_console(tmp_path: Path) -> None:
    done = _run(tmp_path, "/as alice\nnuméros burn-out\n")
    assert done.returncode == 0, done.stderr
    assert "[→ alice]" in done.stdout and "beta.gouv" in done.stdout


def test_demo_starts_clean_each_run(tmp_path: Path) -> None:
    script = "/as alice\ndemande\npasser\npasser\n"
    _run(tmp_path, script)
    done = _run(tmp_path, script)
    assert "déjà une demande" not in done.stdout


def test_stats_chart_is_a_saved_file_path_in_the_console(tmp_path: Path) -> None:
    images = tmp_path / "tmp"
    images.mkdir()
    # the console saves pictures under the temp dir, which TMPDIR chooses
    done = _run(tmp_path, "/as claude\nstats\n", {"TMPDIR": str(images)})
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if "Demandes par mois (graphique)" in x)
    assert line.startswith("[→ claude] 📊")
    path = Path(line.rsplit(" : ", 1)[1])
    assert path.parent == images / "soutien" and path.suffix == ".png"
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert "Demandes : < 5" in done.stdout
