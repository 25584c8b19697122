"""The operator's command line: --version, keys new, config check|reference|example,
db upgrade's report, and commands that work from any working directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot
from bot.cli.reference import example, reference
from bot.configuration import Settings
from bot.settings import load
from storage.crypto import FieldCipher

ROOT = Path(__file__).resolve().parent.parent


def soutien(*args: str, cwd: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SOUTIEN_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=clean | env,
    )


def test_version(tmp_path: Path) -> None:
    done = soutien("--version", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == f"soutien {bot.__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = {attr = "bot.__version__"}' in pyproject


def test_keys_new_prints_a_fresh_usable_key(tmp_path: Path) -> None:
    first, second = (soutien("keys", "new", cwd=tmp_path) for _ in range(2))
    assert first.returncode == second.returncode == 0
    key = first.stdout.strip()
    assert len(key) >= 43 and key != second.stdout.strip()
    FieldCipher(key)  # accepted as security.secret_key


def test_directory_commands_from_another_working_directory(tmp_path: Path) -> None:
    assert not (tmp_path / "directory.yaml").exists()
    done = soutien("directory", "search", "suicide", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "3114" in done.stdout
    done = soutien("directory", "check", cwd=tmp_path)
    assert done.returncode == 0 and "OK" in done.stdout, done.stderr


def test_console_runs_from_another_working_directory(tmp_path: Path) -> None:
    config = tmp_path / "etc" / "soutien.yaml"
    config.parent.mkdir()
    config.write_text(example(), encoding="utf-8")
    done = soutien("run", "--config", str(config), cwd=tmp_path, stdin="numéros burn-out\n")
    assert done.returncode == 0, done.stderr
    assert "3114" in done.stdout or "Allô" in done.stdout or "0 800" in done.stdout


def test_configuration_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert committed == reference(), (
        "docs/configuration.md is out of date: run "
        "`soutien-bot config reference --output docs/configuration.md`"
    )


def test_configuration_reference_covers_every_key() -> None:
    text = reference()
    for section, field in Settings.model_fields.items():
        model = field.annotation
        for key in getattr(model, "model_fields", {}):
            assert f"`{section}.{key}`" in text
            assert f"SOUTIEN_{section.upper()}__{key.upper()}" in text


def test_config_example_is_valid_and_says_every_key(tmp_path: Path) -> None:
    done = soutien("config", "example", cwd=tmp_path)
    assert done.returncode == 0
    path = tmp_path / "example.yaml"
    path.write_text(done.stdout, encoding="utf-8")
    assert load(path, {}).console_demo
    for section, field in Settings.model_fields.items():
        for key in getattr(field.annotation, "model_fields", {}):
            assert f"  {key}:" in done.stdout or f"  # {key}:" in done.stdout, (section, key)
    comments = [line for line in done.stdout.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 60


def test_config_check_says_what_a_platform_still_needs(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text(
        "mattermost:\n  url: https://mm.example.gouv.fr\n"
        "listeners:\n  - {id: claude, name: Claude, coordinator: true, listens: false}\n"
    )
    done = soutien(
        "config", "check", cwd=tmp_path, SOUTIEN_MATTERMOST__TOKEN="bot-token-0123456789"
    )
    assert done.returncode == 1, done.stderr
    needed = [line for line in done.stdout.splitlines() if "needed:" in line]
    assert any("SOUTIEN_SECURITY__SECRET_KEY" in line for line in needed)
    assert any("SOUTIEN_MATTERMOST__COMMAND_TOKENS" in line for line in needed)
    assert any("nobody has a `mattermost` username" in line for line in needed)
    assert any("nobody listens" in line for line in needed)
    assert "mattermost.public_url is not set" in done.stdout
    assert "bot-token-0123456789" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("ca", "said"), [("nowhere/ca.pem", "does not exist"), (".", "not a file")]
)
def test_config_check_names_a_ca_file_run_could_not_use(tmp_path: Path, ca: str, said: str) -> None:
    (tmp_path / "soutien.yaml").write_text(
        f"mattermost:\n  url: https://mm.example.gouv.fr\n  ca_file: {ca}\n"
    )
    done = soutien("config", "check", cwd=tmp_path, SOUTIEN_MATTERMOST__TOKEN="t" * 26)
    needed = [line for line in done.stdout.splitlines() if "needed: mattermost.ca_file" in line]
    assert done.returncode == 1 and len(needed) == 1, done.stdout
    assert str((tmp_path / ca).absolute()) in needed[0] and said in needed[0]


def test_config_check_names_a_ca_file_that_holds_no_certificate(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (tmp_path / "soutien.yaml").write_text(
        "mattermost:\n  url: https://mm.example.gouv.fr\n  ca_file: ca.pem\n"
    )
    done = soutien("config", "check", cwd=tmp_path, SOUTIEN_MATTERMOST__TOKEN="t" * 26)
    assert "needed: mattermost.ca_file: " in done.stdout and "no usable CA" in done.stdout


def test_config_check_of_a_complete_configuration(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text(
        "matrix:\n  homeserver: https://matrix.example.gouv.fr\n"
        "  user_id: '@soutien:example.gouv.fr'\n  allowed_servers: [example.gouv.fr]\n"
        "http:\n  listen: 0.0.0.0:8088\n"
        "listeners:\n  - {id: camille, name: Camille, matrix: '@camille:example.gouv.fr'}\n"
        "  - {id: claude, name: Claude, coordinator: true, listens: false,"
        " matrix: '@claude:example.gouv.fr'}\n"
    )
    done = soutien(
        "config",
        "check",
        cwd=tmp_path,
        SOUTIEN_MATRIX__PASSWORD="x" * 20,
        SOUTIEN_SECURITY__SECRET_KEY="k" * 40,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "needed:" not in done.stdout and "ready to run" in done.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [("routing:\n  offer_timeout: never\n", "routing.offer_timeout"), ("nope: 1\n", "nope")],
)
def test_config_check_of_an_invalid_file(tmp_path: Path, content: str, expected: str) -> None:
    (tmp_path / "soutien.yaml").write_text(content)
    done = soutien("config", "check", cwd=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr


def test_db_upgrade_says_from_which_revision_to_which(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'soutien.db'}"
    first = soutien("db", "upgrade", cwd=tmp_path, SOUTIEN_STORAGE__URL=url)
    assert first.returncode == 0, first.stderr
    assert "from revision (empty) to 0" in first.stdout
    assert "database now at revision 0" in first.stdout
    again = soutien("db", "upgrade", cwd=tmp_path, SOUTIEN_STORAGE__URL=url)
    assert again.returncode == 0 and "already at revision" in again.stdout
