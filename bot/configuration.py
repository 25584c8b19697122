"""What a configuration is: its sections, keys, ranges and defaults (pydantic models).

Reading it from the YAML file and the environment, and saying what is wrong where, is
`bot.settings`."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    field_validator,
)

from bot.ids import ListenerId

_NUMBER = re.compile(r"^\s*[-+]?\d+(?:\.\d*)?\s*$")


def _seconds(value: object) -> object:
    """Environment variables are strings: read "90" as ninety seconds."""
    if isinstance(value, str) and _NUMBER.match(value):
        return float(value)
    return value


_MAX_DURATION = timedelta(days=365)


def _bounded(value: timedelta) -> timedelta:
    if not timedelta(seconds=1) <= value <= _MAX_DURATION:
        raise ValueError(
            "must be between 1 second and 365 days (a number of seconds or ISO 8601, e.g. PT20M)"
        )
    return value


Duration = Annotated[timedelta, BeforeValidator(_seconds), AfterValidator(_bounded)]

_HHMM = r"(?:[01]\d|2[0-3]):[0-5]\d"
_QUIET = re.compile(rf"^{_HHMM}-{_HHMM}$")
_HOST_PORT = re.compile(r"^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")
_MATRIX_ID = re.compile(r"^@[^\s:]+:[^\s]+$")
_STORAGE_SCHEMES = ("sqlite+aiosqlite://", "postgresql+asyncpg://")


def _host_port(value: str | None) -> str | None:
    if value is None:
        return value
    m = _HOST_PORT.match(value)
    if m is None or not 1 <= int(m.group(1)) <= 65535:
        raise ValueError("must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8088")
    return value


def _http_url(value: str | None) -> str | None:
    if value is not None and not _HTTP_URL.match(value):
        raise ValueError("must be an http:// or https:// address, e.g. https://mm.example.org")
    return value


def _matrix_id(value: str | None) -> str | None:
    if value is not None and not _MATRIX_ID.match(value):
        raise ValueError("must be a Matrix id like @name:server.example")
    return value


HostPort = Annotated[str, AfterValidator(_host_port)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
MatrixId = Annotated[str, AfterValidator(_matrix_id)]
Seconds = Annotated[float, Field(allow_inf_nan=False)]


def shipped_directory() -> Path:
    """The directory.yaml installed with the package."""
    return Path(__file__).resolve().parent / "directory" / "directory.yaml"


class ConfigError(Exception):
    """A configuration problem, phrased for the person who wrote the file: one line each."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class StorageSettings(_Section):
    """Where cases, people and the audit trail are kept (encrypted fields)."""

    url: str = "sqlite+aiosqlite:///./data/soutien.db"
    """The database: `sqlite+aiosqlite:///PATH` (a file; relative to the working directory) or
    `postgresql+asyncpg://USER@HOST/NAME` (several replicas).
    """
    auto_migrate: bool = True
    """`soutien-bot run` applies pending migrations before starting."""

    @field_validator("url")
    @classmethod
    def _scheme(cls, value: str) -> str:
        if not value.startswith(_STORAGE_SCHEMES):
            raise ValueError(
                "must start with sqlite+aiosqlite:/// (a file) or postgresql+asyncpg://"
            )
        return value


class SecuritySettings(_Section):
    """Encryption keys (environment only)."""

    secret_key: SecretStr | None = None
    """Encrypts every stored field and derives the other keys. **Required** outside the console
    demo; environment only (`SOUTIEN_SECURITY__SECRET_KEY`). `soutien-bot keys new` prints one.
    Losing it loses the data.
    """
    old_secret_keys: list[SecretStr] = Field(default_factory=list)
    """Previous keys, still accepted for reading during a rotation (a JSON list in the environment).
    """

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError("must be at least 16 characters")
        return value


class MatrixSettings(_Section):
    """Tchap or any Matrix homeserver, end-to-end encrypted."""

    homeserver: HttpUrl | None = None
    """The homeserver's client address, e.g. `https://matrix.agent.dinum.tchap.gouv.fr`. With
    `user_id`, enables Matrix.
    """
    user_id: MatrixId | None = None
    """The bot's account, e.g. `@soutien-dinum.gouv.fr:agent.dinum.tchap.gouv.fr`."""
    password: SecretStr | None = None
    """The account's password, used once to log in (environment only: `SOUTIEN_MATRIX__PASSWORD`).
    """
    access_token: SecretStr | None = None
    """An access token instead of a password (environment only: `SOUTIEN_MATRIX__ACCESS_TOKEN`)."""
    device_name: str = Field(default="Soutien", min_length=1, max_length=100)
    """The device's name, as people's clients show it."""
    store_path: str = Field(default="./data/matrix-store", min_length=1)
    """The encryption store (nio): back it up with the database and the secret key; losing it means
    a new device.
    """
    allowed_servers: list[str] = Field(default_factory=list)
    """Only people of these homeservers may talk to the bot (empty: anyone who can reach it)."""
    min_send_interval: Seconds = Field(default=1.0, ge=0, le=60)
    """Seconds between two messages in one room (Tchap asks for about one a second)."""
    undecryptable_grace: Seconds = Field(default=60.0, ge=0, le=86400)
    """Seconds to wait for a missing key before telling someone their message could not be read."""
    max_backoff: Seconds = Field(default=60.0, gt=0, le=3600)
    """The longest wait, in seconds, between two reconnection attempts."""

    @property
    def configured(self) -> bool:
        return bool(self.homeserver and self.user_id)


class MattermostSettings(_Section):
    """A Mattermost server: direct messages, buttons, slash commands."""

    url: HttpUrl | None = None
    """The Mattermost server, e.g. `https://mattermost.example.gouv.fr`. With the token, enables
    Mattermost.
    """
    token: SecretStr | None = None
    """The bot account's access token (environment only: `SOUTIEN_MATTERMOST__TOKEN`)."""
    http_listen: HostPort = "127.0.0.1:8088"
    """Where the bot's HTTP server listens when `http.listen` is not set (kept for existing
    configurations).
    """
    public_url: HttpUrl | None = None
    """How the Mattermost server reaches the bot's HTTP server (buttons, slash commands); default
    `http://` + the listening address.
    """
    command_tokens: list[SecretStr] = Field(default_factory=list)
    """The slash commands' tokens, a JSON list (environment: `SOUTIEN_MATTERMOST__COMMAND_TOKENS`).
    """
    verify_tls: bool = True
    """Verify the server's certificate."""
    ca_file: str | None = None
    """A CA bundle to trust instead of the system's (a private PKI)."""

    @property
    def configured(self) -> bool:
        return bool(self.url and self.token)


class HttpSettings(_Section):
    """The bot's HTTP server."""

    listen: HostPort | None = None
    """The bot's HTTP server: `/healthz`, `/readyz`, `/metrics`, and Mattermost's callbacks.
    Default: `mattermost.http_listen` on a platform, none for the console demo. In a container,
    `0.0.0.0:8088`.
    """
    ops_listen: HostPort | None = None
    """Serve `/healthz`, `/readyz`, `/metrics` on this address instead, apart from what the chat
    server calls (e.g. `127.0.0.1:9090` for a local Prometheus).
    """


class RoutingSettings(_Section):
    """How requests are offered to listeners."""

    offer_timeout: Duration = timedelta(minutes=20)
    """How long a listener has to accept an offer before it goes to the next one (seconds or ISO
    8601, e.g. `PT20M`).
    """
    waiting_retry: Duration = timedelta(hours=2)
    """How often a waiting case is offered again."""
    max_active_cases: int = Field(default=2, ge=1, le=100)
    """Cases a listener holds at once."""
    max_new_cases_per_week: int = Field(default=3, ge=1, le=1000)
    """New cases a listener is offered per rolling 7 days."""
    heavy_cooldown: Duration | None = None
    """After `clore REF lourd`, no new offer to that listener for this long (none: no rest)."""
    heavy_run: int = Field(default=3, ge=1, le=100)
    """Heavy cases in a row after which the bot suggests `dispo off`."""


class RemindersSettings(_Section):
    """Reminders and follow-ups."""

    listener_nudge_after: Duration = timedelta(days=3)
    """A listener who has not answered a case for this long gets a reminder."""
    quiet_hours: str = "21:00-08:00"
    """No reminder or follow-up in this window (Europe/Paris time)."""
    tick_seconds: Seconds = Field(default=10.0, gt=0, le=300)
    """How often, in seconds, due follow-ups are looked for."""

    @field_validator("quiet_hours")
    @classmethod
    def _window(cls, value: str) -> str:
        if not _QUIET.match(value):
            raise ValueError("must be HH:MM-HH:MM with times from 00:00 to 23:59, e.g. 21:00-08:00")
        return value


class PrivacySettings(_Section):
    """How long anything is kept."""

    retention_days: int = Field(default=90, ge=1, le=3650)
    """Ended cases and idle people are deleted after this many days (anonymous counts are kept)."""
    audit_days: int = Field(default=365, ge=1, le=3650)
    """Audit entries are kept this many days."""


class DirectorySettings(_Section):
    """The helpline directory (`numéros`)."""

    path: str | None = Field(default=None, min_length=1)
    """The helplines file, reloaded on change or SIGHUP (a bad file keeps the last good one).
    Default: the directory shipped with Soutien.
    """

    @property
    def resolved(self) -> Path:
        return Path(self.path) if self.path else shipped_directory()


class LocaleSettings(_Section):
    """Language."""

    default: Literal["fr", "en"] = "fr"
    """The language of the bot until someone chooses theirs: `fr` or `en`."""


class LogSettings(_Section):
    """Logs (scrubbed of what people wrote and who they are, whatever the format)."""

    format: Literal["text", "json"] = "text"
    """`text`, for people, or `json`, one object per line for a log collector. The level is
    `SOUTIEN_LOG_LEVEL` (default `WARNING`).
    """


class DemoSettings(_Section):
    """The console demo."""

    reset_on_start: bool = False
    """The console demo starts from an empty database (only ever its own SQLite file named
    `demo.db`; ignored anywhere else).
    """


class ListenerSettings(_Section):
    """One entry of `listeners`: a listener or a coordinator."""

    id: ListenerId = Field(min_length=1, max_length=64)
    """A stable identifier (used in the audit trail)."""
    name: str = Field(min_length=1)
    """The name people see."""
    teams: list[str] = Field(default_factory=list)
    """Teams this listener belongs to (never offered a case from them)."""
    matrix: MatrixId | None = None
    """Their Matrix id."""
    mattermost: str | None = None
    """Their Mattermost username."""
    coordinator: bool = False
    """Receives danger alerts and may see the roster and statistics."""
    listens: bool = True
    """`false` for a coordinator who does not take cases."""
    active: bool = True
    """`false` to keep someone in the file without offering them cases."""


class Settings(BaseModel):
    """The whole configuration; secrets come only from the environment (see `load`)."""

    model_config = ConfigDict(extra="forbid")

    storage: StorageSettings = Field(default_factory=StorageSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    matrix: MatrixSettings = Field(default_factory=MatrixSettings)
    mattermost: MattermostSettings = Field(default_factory=MattermostSettings)
    http: HttpSettings = Field(default_factory=HttpSettings)
    routing: RoutingSettings = Field(default_factory=RoutingSettings)
    reminders: RemindersSettings = Field(default_factory=RemindersSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    directory: DirectorySettings = Field(default_factory=DirectorySettings)
    log: LogSettings = Field(default_factory=LogSettings)
    locale: LocaleSettings = Field(default_factory=LocaleSettings)
    demo: DemoSettings = Field(default_factory=DemoSettings)
    listeners: list[ListenerSettings] = Field(default_factory=list)

    @field_validator("listeners")
    @classmethod
    def _unique_ids(cls, value: list[ListenerSettings]) -> list[ListenerSettings]:
        seen: set[str] = set()
        for entry in value:
            if entry.id in seen:
                raise ValueError(f"listener id {entry.id!r} appears twice")
            seen.add(entry.id)
        return value

    @property
    def console_demo(self) -> bool:
        return not (self.matrix.configured or self.mattermost.configured)
