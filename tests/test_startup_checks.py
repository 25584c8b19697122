"""Start-up refuses what waiting will not fix, in one line, before anything is written:
a secret key that is not the data's, the keyless console demo on real data, a SQLite path
whose folder does not exist, a schema not migrated, a read-only file (bb-config 1, 2, 3, 5).
Run as an operator runs them: the real command line on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEY = "the-right-key-0123456789abcdef"
OTHER = "another-key-0123456789abcdefgh"
PRODUCTION = (
    "storage:\n  url: sqlite+aiosqlite:///./data/soutien.db\n"
    "listeners:\n  - {id: camille, name: Camille}\n  - {id: dominique, name: Dominique}\n"
    "  - {id: claude, name: Claude, coordinator: true, listens: false}\n"
)
ALICE_ASKS = "/as alice\ndemande\npasser\npasser\n"


def soutien(
    where: Path, *args: str, stdin: str = "", config: str | None = "soutien.yaml", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("SOUTIEN_")}
    clean["PYTHONPATH"] = str(ROOT)  # this checkout's code, whatever the working directory
    return subprocess.run(
        [sys.executable, "-m", "bot", *args, *(["--config", config] if config else [])],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=where,
        timeout=60,
        env=clean | env,
    )


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        persons = connection.execute("SELECT count(*) FROM persons").fetchone()[0]
        cases = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
    return persons, cases


@pytest.fixture
def production(tmp_path: Path) -> Path:
    """A working directory whose database holds alice's open case, under KEY."""
    (tmp_path / "soutien.yaml").write_text(PRODUCTION, encoding="utf-8")
    done = soutien(tmp_path, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert done.returncode == 0, done.stderr
    assert counts(tmp_path / "data" / "soutien.db") == (1, 1)
    return tmp_path


def refused(done: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if " WARNING " not in line]
    assert len(lines) == 1 and lines[0].startswith("soutien-bot: "), done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize(
    "key", [OTHER, KEY + " ", f'"{KEY}"'], ids=["another-key", "trailing-space", "quotes-kept"]
)
def test_a_wrong_key_is_refused_and_nothing_is_written(production: Path, key: str) -> None:
    db = production / "data" / "soutien.db"
    done = soutien(production, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=key)
    refused(done, "SOUTIEN_SECURITY__SECRET_KEY", "trailing space", "quotes")
    assert counts(db) == (1, 1)  # no second alice, no second case
    again = soutien(production, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert again.returncode == 0, again.stderr
    assert counts(db) == (1, 1)  # alice is still alice, with her one case


def test_a_database_from_before_the_check_value(production: Path) -> None:
    """No check value yet: the oldest rows decide; the right key then writes the value."""
    db = production / "data" / "soutien.db"
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM key_check")
    refused(
        soutien(production, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=OTHER),
        "SOUTIEN_SECURITY__SECRET_KEY",
    )
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM key_check").fetchone()[0] == 0
    done = soutien(production, "run", SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM key_check").fetchone()[0] == 1


def test_every_command_that_reads_with_the_key_checks_it(production: Path) -> None:
    for args in (
        ("audit", "--case", "ABCD"),
        ("stats",),
        ("keys", "rotate"),
        ("matrix", "identity"),
    ):
        refused(soutien(production, *args, SOUTIEN_SECURITY__SECRET_KEY=OTHER), "SECRET_KEY")
    assert soutien(production, "stats").returncode == 0  # stats needs no key at all


def test_after_a_rotation_the_check_follows_the_new_key(production: Path) -> None:
    rotate = soutien(
        production,
        "keys",
        "rotate",
        SOUTIEN_SECURITY__SECRET_KEY=OTHER,
        SOUTIEN_SECURITY__OLD_SECRET_KEYS=f'["{KEY}"]',
    )
    assert rotate.returncode == 0, rotate.stdout + rotate.stderr
    refused(soutien(production, "run", SOUTIEN_SECURITY__SECRET_KEY=KEY), "SECRET_KEY")
    done = soutien(production, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=OTHER)
    assert done.returncode == 0, done.stderr
    assert counts(production / "data" / "soutien.db") == (1, 1)


def test_the_keyless_console_demo_never_writes_on_real_data(production: Path) -> None:
    done = soutien(production, "run", stdin=ALICE_ASKS)
    refused(done, "SOUTIEN_SECURITY__SECRET_KEY is not set", "holds data")
    assert counts(production / "data" / "soutien.db") == (1, 1)


# --- demo.reset_on_start (bb-config 2) ---


def _as_demo(production: Path) -> Path:
    folder = production / "var"
    folder.mkdir()
    (production / "data" / "soutien.db").rename(folder / "demo.db")
    config = PRODUCTION.replace("./data/soutien.db", "./var/demo.db")
    (production / "soutien.yaml").write_text(config + "demo: {reset_on_start: true}\n")
    return folder / "demo.db"


def test_reset_on_start_keeps_a_demo_db_under_a_real_key(production: Path) -> None:
    demo = _as_demo(production)
    done = soutien(production, "run", SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert done.returncode == 0, done.stderr
    warning = [line for line in done.stderr.splitlines() if "reset_on_start ignored" in line]
    assert warning and str(demo) in warning[0]
    assert counts(demo) == (1, 1)


def test_reset_on_start_resets_the_keyless_demo_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir()
    config = PRODUCTION.replace("./data/soutien.db", "./var/demo.db")
    (tmp_path / "soutien.yaml").write_text(config + "demo: {reset_on_start: true}\n")
    demo = tmp_path / "var" / "demo.db"
    first = soutien(tmp_path, "run", stdin=ALICE_ASKS)  # keyless: the demo marks its file
    assert first.returncode == 0, first.stderr
    assert counts(demo) == (1, 1)
    refused(  # the demo's file: no real key takes over what it wrote
        soutien(tmp_path, "run", SOUTIEN_SECURITY__SECRET_KEY=KEY),
        "keyless console demo",
        str(demo),
    )
    done = soutien(tmp_path, "run", SOUTIEN_LOG_LEVEL="INFO")
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "demo.reset_on_start:" in line]
    assert len(said) == 1 and "INFO" in said[0] and str(demo) in said[0]
    assert counts(demo) == (0, 0)


def _kept(done: subprocess.CompletedProcess[str], demo: Path, why: str) -> None:
    warning = [line for line in done.stderr.splitlines() if "reset_on_start ignored" in line]
    assert len(warning) == 1 and str(demo) in warning[0] and why in warning[0], done.stderr
    refused(done, "SOUTIEN_SECURITY__SECRET_KEY is not set", "holds data", str(demo))


def test_a_keyless_run_never_resets_a_demo_db_written_under_a_real_key(production: Path) -> None:
    """The env file forgotten for one run: the file itself says its data are real (QA 2)."""
    demo = _as_demo(production)
    _kept(soutien(production, "run", stdin=ALICE_ASKS), demo, "written under a secret key")
    assert counts(demo) == (1, 1)
    again = soutien(production, "run", stdin=ALICE_ASKS, SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert again.returncode == 0, again.stderr
    assert counts(demo) == (1, 1)  # alice is still alice, with her one case


def test_a_demo_db_with_no_mark_of_the_demo_is_kept(production: Path) -> None:
    """Data and no key check value (from before it): nothing says they were the demo's."""
    demo = _as_demo(production)
    with sqlite3.connect(demo) as connection:
        connection.execute("DELETE FROM key_check")
    _kept(soutien(production, "run", stdin=ALICE_ASKS), demo, "no mark of the keyless demo")
    assert counts(demo) == (1, 1)


def test_a_demo_db_that_is_not_soutien_s_is_kept(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text(
        "storage: {url: 'sqlite+aiosqlite:///./demo.db'}\ndemo: {reset_on_start: true}\n"
    )
    with sqlite3.connect(tmp_path / "demo.db") as connection:
        connection.execute("CREATE TABLE invoices (n INTEGER)")
    done = soutien(tmp_path, "run", stdin="numéros\n")
    warning = [line for line in done.stderr.splitlines() if "reset_on_start ignored" in line]
    assert warning and "invoices" in warning[0], done.stderr
    with sqlite3.connect(tmp_path / "demo.db") as connection:
        assert connection.execute("SELECT count(*) FROM invoices").fetchone() == (0,)


# --- keys rotate on the wrong database (QA conf 3) ---


def test_keys_rotate_refuses_a_database_that_is_not_there(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text("storage: {url: 'sqlite+aiosqlite:///./x.db'}\n")
    rotate = ("keys", "rotate")
    refused(soutien(tmp_path, *rotate, SOUTIEN_SECURITY__SECRET_KEY=KEY), "no database at")
    assert not (tmp_path / "x.db").exists()
    sqlite3.connect(tmp_path / "x.db").close()  # a file, but no Soutien database in it
    refused(soutien(tmp_path, *rotate, SOUTIEN_SECURITY__SECRET_KEY=KEY), "no Soutien database")
    assert soutien(tmp_path, "db", "upgrade").returncode == 0  # the schema, and nothing stored
    empty = soutien(tmp_path, *rotate, SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert empty.returncode == 1, empty.stdout + empty.stderr
    assert "nothing stored in" in empty.stdout and "right database" in empty.stdout


def test_keys_rotate_with_nothing_under_an_old_key_says_so(production: Path) -> None:
    done = soutien(production, "keys", "rotate", SOUTIEN_SECURITY__SECRET_KEY=KEY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 rows under an old key" in done.stdout and "right database" in done.stdout
    moved = soutien(
        production,
        "keys",
        "rotate",
        SOUTIEN_SECURITY__SECRET_KEY=OTHER,
        SOUTIEN_SECURITY__OLD_SECRET_KEYS=f'["{KEY}"]',
    )
    assert moved.returncode == 0 and "0 rows under an old key" not in moved.stdout


# --- SQLite paths (bb-config 3) ---


@pytest.mark.parametrize(
    "command", [("run",), ("db", "upgrade"), ("stats",), ("audit", "--case", "ABCD")]
)
def test_a_missing_folder_is_never_created(tmp_path: Path, command: tuple[str, ...]) -> None:
    """Three slashes where four were meant: a relative path under the working directory."""
    url = "sqlite+aiosqlite:///var/lib/soutien/soutien.db"
    done = soutien(
        tmp_path, *command, config=None, SOUTIEN_STORAGE__URL=url, SOUTIEN_SECURITY__SECRET_KEY=KEY
    )
    refused(done, "storage.url", str(tmp_path / "var" / "lib" / "soutien"), "four slashes")
    assert list(tmp_path.iterdir()) == []


def test_read_only_commands_never_create_a_database(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for command in (("stats",), ("audit", "--case", "ABCD")):
        done = soutien(tmp_path, *command, config=None, SOUTIEN_SECURITY__SECRET_KEY=KEY)
        refused(done, "storage.url: no database at", str(tmp_path / "data" / "soutien.db"))
    assert list((tmp_path / "data").iterdir()) == []


def test_the_default_data_folder_is_still_made_on_a_fresh_machine(tmp_path: Path) -> None:
    done = soutien(tmp_path, "run", config=None, stdin="numéros\n")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "soutien.db").is_file()


# --- permanent start-up errors exit instead of retrying forever (bb-config 5) ---


def test_auto_migrate_off_on_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "soutien.yaml").write_text(
        "storage: {url: 'sqlite+aiosqlite:///./fresh.db', auto_migrate: false}\n"
    )
    refused(soutien(tmp_path, "run"), "storage.url", "db upgrade")
    assert not (tmp_path / "fresh.db").exists()
    sqlite3.connect(tmp_path / "fresh.db").close()  # an empty file, no tables
    refused(soutien(tmp_path, "run"), "revision (empty)", "soutien-bot db upgrade")


def test_a_read_only_database_file_is_named(
    production: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = production / "data" / "soutien.db"
    db.chmod(0o444)
    if os.geteuid() != 0:
        done = soutien(production, "run", SOUTIEN_SECURITY__SECRET_KEY=KEY)
        refused(done, "storage.url", str(db), "read-only")
        return
    # root writes to any file: show the bot what another user would see
    from bot.__main__ import main

    real = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: real(path, mode) and not (Path(path) == db and mode & os.W_OK),
    )
    for name in [n for n in os.environ if n.startswith("SOUTIEN_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("SOUTIEN_SECURITY__SECRET_KEY", KEY)
    monkeypatch.chdir(production)
    assert main(["run", "--config", "soutien.yaml"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and str(db) in lines[0] and "read-only" in lines[0], lines


@pytest.mark.parametrize("zone", ["CET-1CEST", "Paris"])
def test_a_host_time_zone_that_is_not_a_zone_name(tmp_path: Path, zone: str) -> None:
    done = soutien(tmp_path, "run", config=None, stdin="numéros\n", TZ=zone)
    assert done.returncode == 0, done.stderr
    assert "3114" in done.stdout
