"""Configuration mistakes a black-box tester found accepted (QA conf 4, 6, 11-14, 16): each is
now refused in one line naming the key, by `config check` and by `run`, before anything is
written; what was valid stays valid. Run through the real command line, in-process."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.__main__ import main
from bot.followups.rows import Kind
from bot.followups.timing import QuietHours, next_allowed
from bot.settings import ConfigError, load
from storage.database import create_engine
from tests.conftest import StoppableDatabase

KEY = "k" * 40
MATRIX = 'matrix:\n  homeserver: https://matrix.example.org\n  user_id: "@soutien:example.org"\n'
MATRIX_ENV = {"SOUTIEN_MATRIX__PASSWORD": "p" * 20, "SOUTIEN_SECURITY__SECRET_KEY": KEY}

# (id, file content, environment, needle of the one line)
REFUSED: list[tuple[str, str | None, dict[str, str], str]] = [
    # 4, 16: secrets in the file, even empty
    ("old-keys-in-file", f'security:\n  old_secret_keys: ["{KEY}"]\n', {},
     "soutien.yaml:2: security.old_secret_keys: is a secret: set it in the environment "
     "(SOUTIEN_SECURITY__OLD_SECRET_KEYS), not in the file"),
    ("command-tokens-in-file", 'mattermost:\n  command_tokens: ["filetok123"]\n', {},
     "soutien.yaml:2: mattermost.command_tokens: is a secret: set it in the environment "
     "(SOUTIEN_MATTERMOST__COMMAND_TOKENS)"),
    ("empty-secret-key-in-file", 'security:\n  secret_key: ""\n', {},
     "soutien.yaml:2: security.secret_key: is a secret: set it in the environment "
     "(SOUTIEN_SECURITY__SECRET_KEY)"),
    # 6, 13: a database URL that names too little, or what asyncpg cannot read
    ("postgres-empty-parts", 'storage:\n  url: "postgresql+asyncpg://:@/"\n', {},
     "soutien.yaml:2: storage.url: names no host"),
    ("postgres-scheme-only", "storage:\n  url: postgresql+asyncpg://\n", {},
     "soutien.yaml:2: storage.url: names no host"),
    ("postgres-no-database", "storage:\n  url: postgresql+asyncpg://soutien@db:5432/\n", {},
     "soutien.yaml:2: storage.url: names no database"),
    ("postgres-port-99999", "storage:\n  url: postgresql+asyncpg://u@db:99999/soutien\n", {},
     "soutien.yaml:2: storage.url: the port must be a number from 1 to 65535"),
    ("postgres-port-words", "storage:\n  url: postgresql+asyncpg://u@db:pg/soutien\n", {},
     "soutien.yaml:2: storage.url: the port must be a number from 1 to 65535"),
    ("postgres-sslmode", "storage:\n  url: postgresql+asyncpg://u@db/soutien?sslmode=require\n",
     {}, "soutien.yaml:2: storage.url: sslmode= is libpq's: asyncpg takes ssl= instead"),
    ("postgres-at-in-password", None, {"SOUTIEN_STORAGE__URL": "postgresql+asyncpg://u:p@ss@db/s"},
     "SOUTIEN_STORAGE__URL: the host holds an '@'"),
    ("sqlite-two-slashes", "storage:\n  url: sqlite+aiosqlite://./x.db\n", {},
     "soutien.yaml:2: storage.url: needs three slashes before a relative path"),
    ("sqlite-a-folder", "storage:\n  url: sqlite+aiosqlite:///./data/\n", {},
     "soutien.yaml:2: storage.url: ./data/ is a folder, not a file"),
    ("sqlite-an-existing-folder", "storage:\n  url: sqlite+aiosqlite:///./data\n", {},
     "soutien.yaml:2: storage.url: ./data is a folder, not a file"),
    # 11: identifiers that can never work
    ("allowed-server-url", 'matrix:\n  allowed_servers: ["https://agent.tchap.gouv.fr"]\n', {},
     "soutien.yaml:2: matrix.allowed_servers[0]: is an address, not a server name"),
    ("allowed-server-matrix-id", 'matrix:\n  allowed_servers: [ok.org, "@x:y.org"]\n', {},
     "soutien.yaml:2: matrix.allowed_servers[1]: is a Matrix id, not a server name"),
    ("allowed-server-empty", 'matrix:\n  allowed_servers: [""]\n', {},
     "soutien.yaml:2: matrix.allowed_servers[0]: is empty"),
    ("allowed-server-wildcard", 'matrix:\n  allowed_servers: ["*.gouv.fr"]\n', {},
     "soutien.yaml:2: matrix.allowed_servers[0]: wildcards are not understood"),
    ("listener-is-the-bot",
     MATRIX + "listeners:\n  - {id: a, name: A, matrix: '@a:example.org'}\n"
     "  - {id: b, name: B, matrix: '@soutien:example.org'}\n", MATRIX_ENV,
     "soutien.yaml:6: listeners[1].matrix: is the bot's own account (matrix.user_id)"),
    ("mattermost-with-at", "listeners:\n  - {id: a, name: A, mattermost: '@alice'}\n", {},
     "soutien.yaml:2: listeners[0].mattermost: write the username without the '@': 'alice'"),
    ("mattermost-with-space", "listeners:\n  - {id: b, name: B, mattermost: bob smith}\n", {},
     "soutien.yaml:2: listeners[0].mattermost: holds a space"),
    ("mattermost-a-url",
     "listeners:\n  - {id: b, name: B, mattermost: 'https://mm.example.org/bob'}\n", {},
     "soutien.yaml:2: listeners[0].mattermost: is an address"),
    ("mattermost-capitals", "listeners:\n  - {id: b, name: B, mattermost: Bob}\n", {},
     "soutien.yaml:2: listeners[0].mattermost: Mattermost usernames are lowercase: write 'bob'"),
    ("public-url-with-path",
     "mattermost:\n  public_url: http://host:8088/mattermost/actions\n", {},
     "soutien.yaml:2: mattermost.public_url: is the bot's address, without /mattermost/actions"
     " (the bot adds it): write http://host:8088"),
    ("homeserver-with-path", "matrix:\n  homeserver: https://host.org/_matrix/client\n", {},
     "soutien.yaml:2: matrix.homeserver: is the server's address, without /_matrix/… "
     "(the bot adds it): write https://host.org"),
    # 13: the bot's two HTTP servers on one address
    ("ops-listen-equal", "http:\n  listen: 127.0.0.1:8088\n  ops_listen: 127.0.0.1:8088\n", {},
     "soutien.yaml:3: http.ops_listen: 127.0.0.1:8088 is also where the bot's HTTP server "
     "listens (http.listen: 127.0.0.1:8088)"),
    ("ops-listen-under-any", "http:\n  listen: 0.0.0.0:9090\n  ops_listen: localhost:9090\n", {},
     "soutien.yaml:3: http.ops_listen:"),
    ("ops-listen-on-mattermost-default", "http:\n  ops_listen: 127.0.0.1:8088\n",
     {"SOUTIEN_MATTERMOST__URL": "https://mm.example.org", "SOUTIEN_MATTERMOST__TOKEN": "t"},
     "(mattermost.http_listen: 127.0.0.1:8088)"),
    # 16: a key in the wrong section
    ("quiet-hours-in-routing", 'routing:\n  quiet_hours: "22:00-07:00"\n', {},
     "soutien.yaml:2: routing.quiet_hours: unknown key; did you mean 'reminders.quiet_hours'?"),
    ("quiet-hours-env-in-routing", None, {"SOUTIEN_ROUTING__QUIET_HOURS": "22:00-07:00"},
     "did you mean 'SOUTIEN_REMINDERS__QUIET_HOURS'?"),
]  # fmt: skip

# Values close to the mistakes above that are right, and stay valid.
VALID = [
    "security:\n  old_secret_keys: []\nmattermost:\n  command_tokens: []\n",
    "storage:\n  url: postgresql+asyncpg://postgres@127.0.0.1:5432/test\n",
    "storage:\n  url: postgresql+asyncpg://soutien:p%40ss@db.internal/soutien?ssl=require\n",
    "storage:\n  url: postgresql+asyncpg://soutien@/soutien?host=/run/postgresql\n",
    "storage:\n  url: 'postgresql+asyncpg://u@[::1]:5432/soutien'\n",
    "storage:\n  url: sqlite+aiosqlite:///./data/soutien.db\n",
    'matrix:\n  allowed_servers: [agent.tchap.gouv.fr, "example.org:8448", "[::1]:8448", 10.0.0.1]'
    "\n",
    MATRIX.replace(".org\n", ".org/\n", 1),
    "mattermost:\n  public_url: https://proxy.example.org/soutien/\n",
    "listeners:\n  - {id: a, name: A, mattermost: alice.martin-2_b}\n"
    "  - {id: b, name: B, mattermost: ''}\n",
    "http:\n  listen: 127.0.0.1:8088\n  ops_listen: 127.0.0.1:9090\n",
    "http:\n  listen: 127.0.0.1:8088\n  ops_listen: 10.0.0.5:8088\n",
    "http:\n  ops_listen: 127.0.0.1:8088\n",  # the console demo serves nothing on 8088
    'reminders:\n  quiet_hours: "00:00-00:00"\n',
]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a `data/` folder, and no SOUTIEN_ variable set."""
    for name in list(os.environ):
        if name.upper().startswith("SOUTIEN_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    return tmp_path


def _setup(
    where: Path, monkeypatch: pytest.MonkeyPatch, content: str | None, env: dict[str, str]
) -> list[str]:
    if content is not None:
        (where / "soutien.yaml").write_text(content, encoding="utf-8")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return ["--config", "soutien.yaml"] if content is not None else []


@pytest.mark.parametrize(("command"), [["run"], ["config", "check"]], ids=["run", "check"])
@pytest.mark.parametrize(
    ("content", "env", "needle"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_a_mistake_is_one_line_naming_the_key(
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    content: str | None,
    env: dict[str, str],
    needle: str,
) -> None:
    args = _setup(here, monkeypatch, content, env)
    code = main([*command, *args])
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code == 2, out + err
    assert len(lines) == 1 and needle in lines[0], err
    assert "Traceback" not in out + err and "filetok123" not in out + err
    assert sorted(p.name for p in (here / "data").iterdir()) == []  # no database written


@pytest.mark.parametrize("content", VALID)
def test_what_was_valid_stays_valid(here: Path, content: str) -> None:
    path = here / "soutien.yaml"
    path.write_text(content, encoding="utf-8")
    load(path, MATRIX_ENV if "homeserver" in content else {})


def test_the_url_check_reads_a_url_as_sqlalchemy_does() -> None:
    """What the check refuses, SQLAlchemy reads with no host or no database (so libpq
    would pick its own), or a port asyncpg cannot use; what it accepts names both."""
    for bad in ("postgresql+asyncpg://:@/", "postgresql+asyncpg://", "postgresql+asyncpg://u@h/"):
        parsed = make_url(bad)
        assert not (parsed.host and parsed.database)
        with pytest.raises(ConfigError, match="SOUTIEN_STORAGE__URL: names no"):
            load(None, {"SOUTIEN_STORAGE__URL": bad})
    assert make_url("postgresql+asyncpg://u:p@ss@h/d").host == "ss@h"
    for good in ("postgresql+asyncpg://u:p%40ss@h:6432/d", "postgresql+asyncpg://u@[::1]/d"):
        parsed = make_url(good)
        assert parsed.host and parsed.database and parsed.password in (None, "p@ss")
        assert load(None, {"SOUTIEN_STORAGE__URL": good}).storage.url == good


def test_an_empty_config_path_is_an_error_not_the_default_file(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "soutien.yaml").write_text("listeners:\n  - {id: a, name: A}\n", encoding="utf-8")
    for command in (["config", "check"], ["run"], ["db", "upgrade"]):
        assert main([*command, "--config", ""]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "--config: the path is empty" in err[0], err
    assert list((here / "data").iterdir()) == []


def test_config_check_reports_a_missing_directory_in_console_mode(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "soutien.yaml").write_text("directory:\n  path: ./nowhere.yaml\n", encoding="utf-8")
    assert main(["config", "check", "--config", "soutien.yaml"]) == 1
    out = capsys.readouterr().out
    assert "needed: directory.path: nowhere.yaml is not valid" in out, out
    assert "ready to run" not in out


@pytest.mark.parametrize("key", [KEY + " ", f'"{KEY}"', f" {KEY}", f"'{KEY}'"])
def test_config_check_warns_of_a_padded_secret_key(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    monkeypatch.setenv("SOUTIEN_SECURITY__SECRET_KEY", key)
    assert main(["config", "check"]) == 0  # a warning: the data may already be under it
    out = capsys.readouterr().out
    warned = [line for line in out.splitlines() if "warning:" in line]
    assert len(warned) == 1 and "SOUTIEN_SECURITY__SECRET_KEY: starts or ends with" in warned[0]
    assert KEY not in out


def test_config_check_says_nothing_of_a_clean_key(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOUTIEN_SECURITY__SECRET_KEY", KEY)
    monkeypatch.setenv("SOUTIEN_SECURITY__OLD_SECRET_KEYS", f'["{KEY[:-1]}x "]')
    assert main(["config", "check"]) == 0
    out = capsys.readouterr().out
    assert "warning: SOUTIEN_SECURITY__SECRET_KEY" not in out
    assert "warning: SOUTIEN_SECURITY__OLD_SECRET_KEYS: starts or ends with" in out


def test_quiet_hours_that_start_where_they_end_are_none(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The documented choice: `08:00-08:00` is no quiet window (nothing is postponed)."""
    quiet = QuietHours.parse("08:00-08:00")
    assert not any(quiet.is_quiet(time(h, m)) for h in range(24) for m in (0, 30, 59))
    late = datetime(2026, 11, 24, 22, 30, tzinfo=UTC)  # a Tuesday night
    assert next_allowed(late, Kind.NUDGE, quiet) == late
    assert next_allowed(late, Kind.NUDGE, QuietHours.parse("21:00-08:00")) != late
    (here / "soutien.yaml").write_text('reminders:\n  quiet_hours: "08:00-08:00"\n')
    assert main(["config", "check", "--config", "soutien.yaml"]) == 0
    assert "so there are no quiet hours" in capsys.readouterr().out


def test_config_check_notes_a_listener_outside_the_allowed_servers(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "soutien.yaml").write_text(
        MATRIX + "  allowed_servers: [example.org]\nlisteners:\n"
        "  - {id: camille, name: C, matrix: '@camille:example.org', coordinator: true}\n"
        "  - {id: dom, name: D, matrix: '@dom:elsewhere.org'}\n"
    )
    for name, value in MATRIX_ENV.items():
        monkeypatch.setenv(name, value)
    assert main(["config", "check", "--config", "soutien.yaml"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if "allowed_servers:" in line]
    assert len(notes) == 1 and "'dom' is on elsewhere.org" in notes[0]


def test_keys_rotate_refuses_an_old_key_from_the_file(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = here / "data" / "soutien.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE precious (v TEXT)")
    before = db.read_bytes()
    (here / "soutien.yaml").write_text(f'security:\n  old_secret_keys: ["{"o" * 40}"]\n')
    monkeypatch.setenv("SOUTIEN_SECURITY__SECRET_KEY", KEY)
    assert main(["keys", "rotate", "--config", "soutien.yaml"]) == 2
    assert "security.old_secret_keys: is a secret" in capsys.readouterr().err
    assert db.read_bytes() == before


async def _tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            )
            return [row[0] for row in rows]
    finally:
        await engine.dispose()


async def test_an_incomplete_postgres_url_migrates_nothing(
    stoppable_database: StoppableDatabase,
    here: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """libpq's defaults (PGHOST, PGDATABASE…) point at a database of the test's own: the URL
    with empty parts would migrate it; it is refused, and the database stays empty. The
    same database named in full is migrated."""
    url = make_url(stoppable_database.url)
    for name, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username)):
        monkeypatch.setenv(name, str(value or ""))
    monkeypatch.setenv("PGDATABASE", stoppable_database.name)
    monkeypatch.setenv("SOUTIEN_STORAGE__URL", "postgresql+asyncpg://:@/")
    assert await asyncio.to_thread(main, ["db", "upgrade"]) == 2
    assert "SOUTIEN_STORAGE__URL: names no host" in capsys.readouterr().err
    assert await _tables(stoppable_database.url) == []
    monkeypatch.setenv("SOUTIEN_STORAGE__URL", stoppable_database.url)
    assert await asyncio.to_thread(main, ["db", "upgrade"]) == 0
    assert "alembic_version" in await _tables(stoppable_database.url)
