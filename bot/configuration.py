"""What a configuration is: its sections, keys, ranges and defaults (pydantic models).

Reading it from the YAML file and the environment, and saying what is wrong where, is
`bot.settings`."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)

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


class ConfigError(Exception):
    """A configuration problem, phrased for the person who wrote the file: one line each."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StorageSettings(_Section):
    url: str = "sqlite+aiosqlite:///./data/soutien.db"
    auto_migrate: bool = True

    @field_validator("url")
    @classmethod
    def _scheme(cls, value: str) -> str:
        if not value.startswith(_STORAGE_SCHEMES):
            raise ValueError(
                "must start with sqlite+aiosqlite:/// (a file) or postgresql+asyncpg://"
            )
        return value


class SecuritySettings(_Section):
    secret_key: SecretStr | None = None
    old_secret_keys: list[SecretStr] = Field(default_factory=list)

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError("must be at least 16 characters")
        return value


class MatrixSettings(_Section):
    homeserver: HttpUrl | None = None
    user_id: MatrixId | None = None
    password: SecretStr | None = None
    access_token: SecretStr | None = None
    device_name: str = Field(default="Soutien", min_length=1, max_length=100)
    store_path: str = Field(default="./data/matrix-store", min_length=1)
    allowed_servers: list[str] = Field(default_factory=list)
    min_send_interval: Seconds = Field(default=1.0, ge=0, le=60)
    send_burst: int = Field(default=5, ge=1, le=100)
    undecryptable_grace: Seconds = Field(default=60.0, ge=0, le=86400)
    max_backoff: Seconds = Field(default=60.0, gt=0, le=3600)

    @property
    def configured(self) -> bool:
        return bool(self.homeserver and self.user_id)


class MattermostSettings(_Section):
    url: HttpUrl | None = None
    token: SecretStr | None = None
    http_listen: HostPort = "127.0.0.1:8088"
    public_url: HttpUrl | None = None
    command_tokens: list[SecretStr] = Field(default_factory=list)
    verify_tls: bool = True
    ca_file: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.url and self.token)


class HttpSettings(_Section):
    listen: HostPort | None = None


class RoutingSettings(_Section):
    offer_timeout: Duration = timedelta(minutes=20)
    waiting_retry: Duration = timedelta(hours=2)
    max_active_cases: int = Field(default=2, ge=1, le=100)
    max_new_cases_per_week: int = Field(default=3, ge=1, le=1000)


class RemindersSettings(_Section):
    listener_nudge_after: Duration = timedelta(days=3)
    quiet_hours: str = "21:00-08:00"
    tick_seconds: Seconds = Field(default=10.0, gt=0, le=300)

    @field_validator("quiet_hours")
    @classmethod
    def _window(cls, value: str) -> str:
        if not _QUIET.match(value):
            raise ValueError("must be HH:MM-HH:MM with times from 00:00 to 23:59, e.g. 21:00-08:00")
        return value


class PrivacySettings(_Section):
    retention_days: int = Field(default=90, ge=1, le=3650)
    audit_days: int = Field(default=365, ge=1, le=3650)


class DirectorySettings(_Section):
    path: str = Field(default="directory.yaml", min_length=1)


class LocaleSettings(_Section):
    default: Literal["fr", "en"] = "fr"


class HaSettings(_Section):
    """Two replicas, one active: a PostgreSQL advisory lock decides (docs: README)."""

    enabled: bool = False
    takeover_seconds: Seconds = Field(default=15.0, ge=2, le=600)


class DemoSettings(_Section):
    reset_on_start: bool = False


class ListenerSettings(_Section):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    teams: list[str] = Field(default_factory=list)
    matrix: MatrixId | None = None
    mattermost: str | None = None
    coordinator: bool = False
    listens: bool = True
    active: bool = True


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
    locale: LocaleSettings = Field(default_factory=LocaleSettings)
    demo: DemoSettings = Field(default_factory=DemoSettings)
    ha: HaSettings = Field(default_factory=HaSettings)
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

    @model_validator(mode="after")
    def _ha_needs_postgres(self) -> Settings:
        if self.ha.enabled and not self.storage.url.startswith("postgresql"):
            raise ValueError("ha.enabled needs storage.url on PostgreSQL (postgresql+asyncpg://)")
        return self

    @property
    def console_demo(self) -> bool:
        return not (self.matrix.configured or self.mattermost.configured)
