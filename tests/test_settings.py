from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.settings import ConfigError, load

ROOT = Path(__file__).resolve().parent.parent


def test_example_file_is_valid_and_env_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOUTIEN_ROUTING__OFFER_TIMEOUT", "PT5M")
    monkeypatch.setenv("SOUTIEN_ROUTING__MAX_ACTIVE_CASES", "4")
    settings = load(ROOT / "soutien.example.yaml")
    assert settings.routing.offer_timeout == timedelta(minutes=5)
    assert settings.routing.max_active_cases == 4
    assert [m.id for m in settings.listeners] == ["camille", "dominique", "claude"]
    assert settings.console_demo


def test_durations_accept_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOUTIEN_ROUTING__OFFER_TIMEOUT", "90")
    assert load(None).routing.offer_timeout == timedelta(seconds=90)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("routing:\n  offer_timeout: soon\n", "routing.offer_timeout"),
        ("routing:\n  bogus: 1\n", "routing.bogus"),
        ("listeners:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", "appears twice"),
        ("security:\n  secret_key: abc\n", "secret"),
        ("- just\n- a list\n", "mapping"),
        ("routing: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "soutien.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=expected.replace(".", r"\.")):
        load(path)


def _run_with(
    tmp_path: Path, config: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`soutien-bot run` with this configuration file, as an operator starts it."""
    path = tmp_path / "soutien.yaml"
    path.write_text(config)
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env=env,
    )


def test_bad_config_exits_with_one_clear_message(tmp_path: Path) -> None:
    done = _run_with(tmp_path, "routing:\n  max_active_cases: zero\n")
    assert done.returncode == 2
    assert "routing.max_active_cases" in done.stderr and "Traceback" not in done.stderr


def test_platform_without_secret_key_refuses_to_start(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "SOUTIEN_MATTERMOST__TOKEN": "t"}
    done = _run_with(tmp_path, "mattermost:\n  url: https://mm.example\n", env)
    assert done.returncode == 2 and "Traceback" not in done.stderr
