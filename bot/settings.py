"""Configuration: a YAML file, overridden by SOUTIEN_<SECTION>__<KEY> environment variables."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict


def _seconds(value: object) -> object:
    """Environment variables are strings: read "90" as ninety seconds."""
    if isinstance(value, str) and value.strip().replace(".", "", 1).isdigit():
        return float(value)
    return value


Duration = Annotated[timedelta, BeforeValidator(_seconds)]


class ConfigError(Exception):
    """A configuration problem, phrased for the person who wrote the file."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StorageSettings(_Section):
    url: str = "sqlite+aiosqlite:///./data/soutien.db"
    auto_migrate: bool = True


class SecuritySettings(_Section):
    secret_key: SecretStr | None = None
    old_secret_keys: list[SecretStr] = Field(default_factory=list)


class MatrixSettings(_Section):
    homeserver: str | None = None
    user_id: str | None = None
    password: SecretStr | None = None
    access_token: SecretStr | None = None
    device_name: str = "Soutien"
    store_path: str = "./data/matrix-store"
    allowed_servers: list[str] = Field(default_factory=list)
    min_send_interval: float = Field(default=1.0, ge=0)
    undecryptable_grace: float = Field(default=60.0, ge=0)
    max_backoff: float = Field(default=60.0, gt=0)

    @property
    def configured(self) -> bool:
        return bool(self.homeserver and self.user_id)


class MattermostSettings(_Section):
    url: str | None = None
    token: SecretStr | None = None
    http_listen: str = "127.0.0.1:8088"
    public_url: str | None = None
    command_tokens: list[SecretStr] = Field(default_factory=list)
    verify_tls: bool = True
    ca_file: str | None = None

    @property
    def configured(self) -> bool:
        return bool(self.url and self.token)


class HttpSettings(_Section):
    listen: str | None = None


class RoutingSettings(_Section):
    offer_timeout: Duration = timedelta(minutes=20)
    waiting_retry: Duration = timedelta(hours=2)
    max_active_cases: int = Field(default=2, ge=1)
    max_new_cases_per_week: int = Field(default=3, ge=1)


class RemindersSettings(_Section):
    listener_nudge_after: Duration = timedelta(days=3)
    quiet_hours: str = Field(default="21:00-08:00", pattern=r"^\d{2}:\d{2}-\d{2}:\d{2}$")
    tick_seconds: float = Field(default=10.0, gt=0, le=300)


class PrivacySettings(_Section):
    retention_days: int = Field(default=90, ge=1)
    audit_days: int = Field(default=365, ge=1)


class DirectorySettings(_Section):
    path: str = "directory.yaml"


class LocaleSettings(_Section):
    default: str = Field(default="fr", pattern="^(fr|en)$")


class DemoSettings(_Section):
    reset_on_start: bool = False


class ListenerSettings(_Section):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    teams: list[str] = Field(default_factory=list)
    matrix: str | None = None
    mattermost: str | None = None
    coordinator: bool = False
    listens: bool = True
    active: bool = True


class Settings(BaseSettings):
    """The whole configuration; secrets come only from the environment."""

    model_config = SettingsConfigDict(
        env_prefix="SOUTIEN_", env_nested_delimiter="__", extra="forbid"
    )

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

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (env_settings, init_settings)

    @property
    def console_demo(self) -> bool:
        return not (self.matrix.configured or self.mattermost.configured)


_SECRETS = {
    ("security", "secret_key"),
    ("matrix", "password"),
    ("matrix", "access_token"),
    ("mattermost", "token"),
}


def load(path: Path | None) -> Settings:
    """Read the YAML file (if any) and the environment; raise ConfigError when invalid."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the file ({exc.strerror})") from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{path}: the top level must be a mapping of sections")
        data = loaded or {}
        for section, key in _SECRETS:
            if isinstance(data.get(section), dict) and data[section].get(key):
                raise ConfigError(
                    f"{path}: {section}.{key} is a secret: set it in the environment "
                    f"(SOUTIEN_{section.upper()}__{key.upper()}), not in the file"
                )
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, path)) from None


def _describe(exc: ValidationError, path: Path | None) -> str:
    where = f"{path}: " if path else ""
    lines = []
    for error in exc.errors():
        key = ".".join(str(p) for p in error["loc"]) or "(top level)"
        lines.append(f"{where}{key}: {error['msg']}")
    return "invalid configuration\n" + "\n".join(lines)
