"""Operator mistakes: each bad configuration is one clear line, exit 2, and no data lost.

The corpus runs the command line in-process (`main([...])`, as `soutien-bot run` does);
the data-loss scenarios of issue 12 also run as real subprocesses.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
KEY = "k" * 32
LISTENER = "listeners:\n  - {id: camille, name: Camille}\n"

# (id, file content (None: no file), environment, needle that must be in the one line)
CORPUS: list[tuple[str, str | bytes | None, dict[str, str], str]] = [
    ("quiet-hours-out-of-range", 'reminders:\n  quiet_hours: "25:00-99:99"\n', {},
     "soutien.yaml:2: reminders.quiet_hours: must be HH:MM-HH:MM"),
    ("quiet-hours-words", 'reminders:\n  quiet_hours: "21h-8h"\n', {},
     "soutien.yaml:2: reminders.quiet_hours:"),
    ("retention-huge", "privacy:\n  retention_days: 99999999999\n", {},
     "soutien.yaml:2: privacy.retention_days: must be less than or equal to 3650"),
    ("retention-zero", "privacy:\n  retention_days: 0\n", {},
     "soutien.yaml:2: privacy.retention_days:"),
    ("audit-negative", "privacy:\n  audit_days: -1\n", {}, "soutien.yaml:2: privacy.audit_days:"),
    ("storage-scheme", 'storage:\n  url: "notadb://"\n', {},
     "soutien.yaml:2: storage.url: must start with sqlite+aiosqlite:///"),
    ("storage-sync-driver", 'storage:\n  url: "sqlite:///x.db"\n', {},
     "soutien.yaml:2: storage.url:"),
    ("timeout-overflow", "routing:\n  offer_timeout: P999999999D\n", {},
     "soutien.yaml:2: routing.offer_timeout: must be between 1 second and 1 day"),
    ("timeout-negative", "routing:\n  offer_timeout: -5\n", {},
     "soutien.yaml:2: routing.offer_timeout: must be between 1 second and 1 day"),
    ("timeout-zero", "routing:\n\n  offer_timeout: 0\n", {},
     "soutien.yaml:3: routing.offer_timeout:"),
    ("retry-words", "routing:\n  waiting_retry: soon\n", {},
     "soutien.yaml:2: routing.waiting_retry: must be a duration"),
    ("nudge-two-years", "reminders:\n  listener_nudge_after: P2Y\n", {},
     "soutien.yaml:2: reminders.listener_nudge_after:"),
    ("misspelled-key", "routing:\n  ofer_timeout: PT5M\n", {},
     "soutien.yaml:2: routing.ofer_timeout: unknown key; did you mean 'offer_timeout'?"),
    ("misspelled-section", "routng:\n  offer_timeout: PT5M\n", {},
     "soutien.yaml:1: routng: unknown key; did you mean 'routing'?"),
    ("max-cases-word", "routing:\n  max_active_cases: zero\n", {},
     "soutien.yaml:2: routing.max_active_cases:"),
    ("max-cases-negative", "routing:\n  max_active_cases: -1\n", {},
     "soutien.yaml:2: routing.max_active_cases:"),
    ("locale-unknown", "locale:\n  default: de\n", {}, "soutien.yaml:2: locale.default:"),
    ("mattermost-without-token",
     "mattermost:\n  url: https://mm.example\n", {"SOUTIEN_SECURITY__SECRET_KEY": KEY},
     "soutien.yaml:2: mattermost.url: is set but SOUTIEN_MATTERMOST__TOKEN is not"),
    ("matrix-without-password",
     'matrix:\n  homeserver: https://m.example\n  user_id: "@bot:m.example"\n',
     {"SOUTIEN_SECURITY__SECRET_KEY": KEY}, "SOUTIEN_MATRIX__PASSWORD"),
    ("matrix-without-user", "matrix:\n  homeserver: https://m.example\n",
     {"SOUTIEN_MATRIX__PASSWORD": "pw"}, "matrix.user_id: is required"),
    ("token-without-url", None, {"SOUTIEN_MATTERMOST__TOKEN": "t"},
     "SOUTIEN_MATTERMOST__TOKEN: is set but mattermost.url is not"),
    ("secret-in-file", "security:\n  secret_key: abcdefabcdefabcdef\n", {},
     "soutien.yaml:2: security.secret_key: is a secret"),
    ("not-utf8", b"routing:\n  offer_timeout: \xff\xfe\n", {}, "soutien.yaml:2: not UTF-8"),
    ("invalid-yaml", "routing: [unclosed\n", {}, "soutien.yaml:2: not valid YAML"),
    ("top-level-list", "- just\n- a list\n", {}, "soutien.yaml:1: the top level must be a mapping"),
    ("duplicate-key", "routing:\n  offer_timeout: 60\n  offer_timeout: 90\n", {},
     "soutien.yaml:3: routing.offer_timeout: appears twice"),
    ("python-tag", "x: !!python/object:os.system {}\n", {}, "soutien.yaml:1: not valid YAML"),
    ("section-not-mapping", "routing: 5\n", {}, "soutien.yaml:1: routing: must be a mapping"),
    ("listen-port", 'mattermost:\n  http_listen: "x:99999"\n', {},
     "mattermost.http_listen: must be HOST:PORT"),
    ("http-listen", 'http:\n  listen: "nowhere"\n', {}, "soutien.yaml:2: http.listen:"),
    ("url-without-scheme", "mattermost:\n  url: mm.example\n", {},
     "soutien.yaml:2: mattermost.url:"),
    ("tick-zero", "reminders:\n  tick_seconds: 0\n", {}, "soutien.yaml:2: reminders.tick_seconds:"),
    ("backoff-infinite", "matrix:\n  max_backoff: .inf\n", {},
     "soutien.yaml:2: matrix.max_backoff:"),
    ("listener-matrix-id", "listeners:\n  - id: a\n    name: A\n    matrix: bob\n", {},
     "soutien.yaml:4: listeners[0].matrix: must be a Matrix id"),
    ("listener-twice", "listeners:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", {},
     "appears twice"),
    ("listener-no-name", "listeners:\n  - id: a\n", {},
     "soutien.yaml:2: listeners[0].name: is required"),
    ("env-old-keys-not-json", None, {"SOUTIEN_SECURITY__OLD_SECRET_KEYS": "[abc"},
     "SOUTIEN_SECURITY__OLD_SECRET_KEYS: must be JSON"),
    ("env-negative-duration", LISTENER, {"SOUTIEN_ROUTING__OFFER_TIMEOUT": "-3"},
     "SOUTIEN_ROUTING__OFFER_TIMEOUT: must be between 1 second and 1 day"),
    ("env-misspelled-key", None, {"SOUTIEN_ROUTING__OFER_TIMEOUT": "3"},
     "did you mean 'SOUTIEN_ROUTING__OFFER_TIMEOUT'?"),
    ("env-misspelled-section", None, {"SOUTIEN_ROUTNG__OFFER_TIMEOUT": "3"},
     "SOUTIEN_ROUTNG__OFFER_TIMEOUT: unknown section 'routng'; did you mean 'routing'?"),
    ("env-retention-word",
     "privacy:\n  retention_days: 30\n", {"SOUTIEN_PRIVACY__RETENTION_DAYS": "abc"},
     "SOUTIEN_PRIVACY__RETENTION_DAYS: must be a valid integer"),
    ("env-log-level", None, {"SOUTIEN_LOG_LEVEL": "LOUD"}, "SOUTIEN_LOG_LEVEL: unknown level"),
    ("short-secret", "mattermost:\n  url: https://mm.example\n",
     {"SOUTIEN_SECURITY__SECRET_KEY": "short", "SOUTIEN_MATTERMOST__TOKEN": "t"},
     "SOUTIEN_SECURITY__SECRET_KEY: must be at least 16 characters"),
    ("quiet-hours-one-time", 'reminders:\n  quiet_hours: "21:00"\n', {},
     "soutien.yaml:2: reminders.quiet_hours: must be HH:MM-HH:MM"),
    ("quiet-hours-minute-60", 'reminders:\n  quiet_hours: "08:00-08:60"\n', {},
     "soutien.yaml:2: reminders.quiet_hours: must be HH:MM-HH:MM"),
    ("env-quiet-hours", None, {"SOUTIEN_REMINDERS__QUIET_HOURS": "25:00-01:00"},
     "SOUTIEN_REMINDERS__QUIET_HOURS: must be HH:MM-HH:MM"),
    ("timeout-366-days", "routing:\n  offer_timeout: P366D\n", {},
     "soutien.yaml:2: routing.offer_timeout: must be between 1 second and 1 day"),
    ("timeout-half-second", "routing:\n  offer_timeout: 0.5\n", {},
     "soutien.yaml:2: routing.offer_timeout: a bare number is whole seconds"),
    ("retry-tenth-of-second", "routing:\n  waiting_retry: PT0.1S\n", {},
     "soutien.yaml:2: routing.waiting_retry: must be between 1 second and 7 days"),
    ("nudge-negative-iso", "reminders:\n  listener_nudge_after: -PT1H\n", {},
     "soutien.yaml:2: reminders.listener_nudge_after: must be between 1 hour and 30 days"),
    # bb-config 6: a month for a minute, a YAML boolean, days where minutes are meant
    ("timeout-a-month", "routing:\n  offer_timeout: P1M\n", {},
     "soutien.yaml:2: routing.offer_timeout: months and years are not durations"),
    ("timeout-a-year", "routing:\n  offer_timeout: P1Y\n", {},
     "soutien.yaml:2: routing.offer_timeout: months and years are not durations"),
    ("timeout-boolean", "routing:\n  offer_timeout: true\n", {},
     "soutien.yaml:2: routing.offer_timeout: must be a duration, not true or false"),
    ("timeout-fraction", "routing:\n  offer_timeout: 1.5\n", {},
     "soutien.yaml:2: routing.offer_timeout: a bare number is whole seconds"),
    ("timeout-two-days", "routing:\n  offer_timeout: P2D\n", {},
     "soutien.yaml:2: routing.offer_timeout: must be between 1 second and 1 day"),
    ("env-timeout-a-month", None, {"SOUTIEN_ROUTING__OFFER_TIMEOUT": "P1M"},
     "SOUTIEN_ROUTING__OFFER_TIMEOUT: months and years are not durations"),
    ("retry-a-month", "routing:\n  waiting_retry: P30D\n", {},
     "soutien.yaml:2: routing.waiting_retry: must be between 1 second and 7 days"),
    ("cooldown-a-year", "routing:\n  heavy_cooldown: P365D\n", {},
     "soutien.yaml:2: routing.heavy_cooldown: must be between 1 second and 90 days"),
    ("nudge-a-minute", "reminders:\n  listener_nudge_after: 60\n", {},
     "soutien.yaml:2: reminders.listener_nudge_after: must be between 1 hour and 30 days"),
    # bb-config 5: SQLite URLs that cannot hold a database
    ("storage-memory", 'storage:\n  url: "sqlite+aiosqlite:///:memory:"\n', {},
     "soutien.yaml:2: storage.url: needs a file"),
    ("storage-no-path", "storage:\n  url: sqlite+aiosqlite://\n", {},
     "soutien.yaml:2: storage.url: needs a file"),
    # bb-config 9: one address, two roster entries
    ("listener-mattermost-twice",
     "listeners:\n  - {id: a, name: A, mattermost: sam}\n"
     "  - {id: b, name: B, mattermost: sam}\n",
     {}, "Mattermost username 'sam' appears twice (listeners 'a' and 'b')"),
    ("listener-matrix-twice",
     "listeners:\n  - {id: c, name: C, matrix: '@x:s.org'}\n"
     "  - {id: d, name: D, matrix: '@x:s.org'}\n",
     {}, "Matrix id '@x:s.org' appears twice (listeners 'c' and 'd')"),
    ("grace-negative", "matrix:\n  undecryptable_grace: -1\n", {},
     "soutien.yaml:2: matrix.undecryptable_grace: must be greater than or equal to 0"),
    ("send-interval-negative", "matrix:\n  min_send_interval: -0.5\n", {},
     "soutien.yaml:2: matrix.min_send_interval: must be greater than or equal to 0"),
    ("weekly-cases-float", "routing:\n  max_new_cases_per_week: 1e9\n", {},
     "soutien.yaml:2: routing.max_new_cases_per_week: must be a valid integer"),
    ("platform-without-secret-key", "mattermost:\n  url: https://mm.example\n",
     {"SOUTIEN_MATTERMOST__TOKEN": "t"}, "SOUTIEN_SECURITY__SECRET_KEY"),
]  # fmt: skip


@pytest.fixture
def operator_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with precious databases, and no SOUTIEN_ variable set."""
    for name in list(os.environ):
        if name.upper().startswith("SOUTIEN_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "directory.yaml", tmp_path / "directory.yaml")
    (tmp_path / "data").mkdir()
    for name in ("soutien.db", "demo.db"):
        (tmp_path / "data" / name).write_bytes(b"precious " + name.encode())
    return tmp_path


def _snapshot(where: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(where)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((where / "data").rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    ("content", "env", "needle"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS]
)
def test_bad_configuration_is_one_clear_line(
    operator_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: str | bytes | None,
    env: dict[str, str],
    needle: str,
) -> None:
    if isinstance(content, bytes):
        (operator_dir / "soutien.yaml").write_bytes(content)
    elif content is not None:
        (operator_dir / "soutien.yaml").write_text(content, encoding="utf-8")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    before = _snapshot(operator_dir)
    args = ["run"] + (["--config", "soutien.yaml"] if content is not None else [])
    code = main(args)
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and needle in lines[0], err
    assert lines[0].startswith("soutien-bot: ") and "Traceback" not in err + out
    assert _snapshot(operator_dir) == before  # no database created, deleted or changed


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    assert len({c[0] for c in CORPUS}) == len(CORPUS)


def test_missing_config_file_is_one_line(
    operator_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", "--config", "nowhere.yaml"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere.yaml: cannot read the file" in err[0]


# --- never destroy data by mistake: the scenarios of issue 12, as an operator runs them ---


def _real_database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE precious (v TEXT)")
        db.execute("INSERT INTO precious VALUES ('a person''s case')")


def _precious(path: Path) -> list[tuple[str]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT v FROM precious").fetchall()


def _cli(where: Path, config: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (where / "soutien.yaml").write_text(config, encoding="utf-8")
    shutil.copy(ROOT / "directory.yaml", where / "directory.yaml")
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SOUTIEN_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", "run", "--config", "soutien.yaml"],
        capture_output=True,
        text=True,
        cwd=where,
        timeout=120,
        env=clean | env,
        stdin=subprocess.DEVNULL,
    )


def _example_on_real_database(extra: str) -> str:
    example = (ROOT / "soutien.example.yaml").read_text(encoding="utf-8")
    assert "reset_on_start: true" in example
    example = example.replace("./data/demo.db", "./data/soutien.db")
    return example + extra


@pytest.mark.parametrize(
    ("platform", "variable"),
    [
        ("mattermost:\n  url: https://mm.example\n", "SOUTIEN_MATTERMOST__TOKEN"),
        (
            'matrix:\n  homeserver: https://m.example\n  user_id: "@bot:m.example"\n',
            "SOUTIEN_MATRIX__PASSWORD",
        ),
    ],
    ids=["mattermost", "matrix"],
)
def test_forgotten_platform_secret_never_wipes_the_database(
    tmp_path: Path, platform: str, variable: str
) -> None:
    db = tmp_path / "data" / "soutien.db"
    _real_database(db)
    before = db.read_bytes()
    done = _cli(
        tmp_path, _example_on_real_database(platform), {"SOUTIEN_SECURITY__SECRET_KEY": KEY}
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and variable in lines[0] and "Traceback" not in done.stderr
    assert db.read_bytes() == before


def test_demo_reset_never_touches_a_real_database(tmp_path: Path) -> None:
    """The console demo with `reset_on_start` pointed at a real database: it runs, says the
    reset is ignored, and the data are still there."""
    db = tmp_path / "data" / "soutien.db"
    _real_database(db)
    done = _cli(tmp_path, _example_on_real_database(""), {})
    assert done.returncode == 0, done.stderr
    assert "demo.reset_on_start ignored" in done.stderr
    assert _precious(db) == [("a person's case",)]
