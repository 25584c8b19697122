"""The image's steps without a container engine: the Dockerfile is read, its build stage's
files are copied as `COPY` copies them (links kept), installed the way it installs them
(`pip install .`, not editable, in a fresh virtualenv), and its commands run with its
environment from another working directory: `--version`, `config check`, `run` and the
HEALTHCHECK command against it."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import time
import venv
from pathlib import Path

import pytest

import bot
from tests.matrix.synapse import free_port
from tests.processes import die_with_parent

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    joined = DOCKERFILE.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for instruction in _instructions():
        if instruction[0] == "FROM":
            stages.append([])
        stages[-1].append(instruction)
    return stages


def _env(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in stage:
        if word == "ENV":
            for pair in shlex.split(rest):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def test_the_image_is_what_operators_expect() -> None:
    build, final = _stages()
    assert [rest for word, rest in build if word == "FROM"] == ["python:3.11-slim AS build"]
    assert [rest for word, rest in final if word == "FROM"] == ["python:3.11-slim"]
    run = " ".join(rest for word, rest in build if word == "RUN")
    assert "pip install --no-input ." in run and " -e " not in run
    words = {word: rest for word, rest in final}
    assert words["USER"] == "soutien" and words["VOLUME"] == '["/data"]'
    assert words["EXPOSE"] == "8088" and "/healthz" in words["HEALTHCHECK"]
    assert json.loads(words["ENTRYPOINT"]) + json.loads(words["CMD"]) == ["soutien-bot", "run"]
    assert _env(final)["SOUTIEN_HTTP__LISTEN"] == "0.0.0.0:8088"


@pytest.mark.container
@pytest.mark.timeout(600)
def test_the_image_steps_in_a_fresh_virtualenv(tmp_path: Path) -> None:
    build, final = _stages()
    src = tmp_path / "src"
    src.mkdir()
    for word, rest in build:
        if word == "COPY":
            *sources, target = rest.split()
            for source in sources:
                origin, dest = ROOT / source, src / target
                if origin.is_dir():
                    shutil.copytree(
                        origin, dest, symlinks=True, ignore=shutil.ignore_patterns("__pycache__")
                    )
                else:
                    shutil.copy(origin, dest / source if target.endswith("/") else dest)
    prefix = tmp_path / "opt-soutien"
    venv.create(prefix, with_pip=True)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SOUTIEN_", "PIP_"))}
    install = subprocess.run(
        [str(prefix / "bin" / "pip"), "install", "-q", "--no-input", "."],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=800,
        env=clean | {"PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    assert install.returncode == 0, install.stdout + install.stderr
    data = tmp_path / "data"  # WORKDIR /data
    data.mkdir()
    env = clean | _env(final)
    env["PATH"] = f"{prefix / 'bin'}:{clean['PATH']}"
    env["SOUTIEN_STORAGE__URL"] = f"sqlite+aiosqlite:///{data / 'soutien.db'}"
    env["SOUTIEN_MATRIX__STORE_PATH"] = str(data / "matrix-store")
    port = free_port()
    env["SOUTIEN_HTTP__LISTEN"] = f"0.0.0.0:{port}"
    entry = json.loads(dict(final)["ENTRYPOINT"])

    def image(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*entry, *args], cwd=data, env=env, capture_output=True, text=True, timeout=120
        )

    version = image("--version")
    assert version.stdout.strip() == f"soutien {bot.__version__}", version.stderr
    check = image("config", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ready to run" in check.stdout
    installed = subprocess.run(
        [str(prefix / "bin" / "python"), "-c", "import bot; print(bot.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=data,
    ).stdout
    assert str(prefix) in installed  # not the repository: a real, non-editable install
    # `run` (the console demo here: no platform configured), then the HEALTHCHECK.
    log = tmp_path / "run.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [*entry, *json.loads(dict(final)["CMD"])],
            cwd=data,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            preexec_fn=die_with_parent,
        )
    health = json.loads(dict(final)["HEALTHCHECK"].split("CMD", 1)[1])
    health[0] = str(prefix / "bin" / "python")
    try:
        deadline = time.monotonic() + 90
        while subprocess.run(health, env=env, capture_output=True, timeout=30).returncode != 0:
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the HEALTHCHECK never passed"
            time.sleep(0.5)
        assert (data / "soutien.db").exists()  # migrated on start, in /data
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == 0
