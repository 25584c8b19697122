"""What a configuration is: its sections, keys, ranges and defaults (pydantic models).

Reading it from the YAML file and the environment, and saying what is wrong where, is
`bot.settings`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)

from bot.config_names import MattermostName
from bot.config_platforms import HttpSettings, MatrixSettings, MattermostSettings
from bot.config_storage import storage_url
from bot.config_values import (
    DAY,
    HOUR,
    QUIET,
    SECOND,
    Duration,
    MatrixId,
    Seconds,
    Section,
    duration,
)
from bot.ids import ListenerId


def shipped_directory() -> Path:
    """The directory.yaml installed with the package."""
    return Path(__file__).resolve().parent / "directory" / "directory.yaml"


class ConfigError(Exception):
    """A configuration problem, phrased for the person who wrote the file: one line each."""


class StorageSettings(Section):
    """Where cases, people and the audit trail are kept (encrypted fields)."""

    url: str = "sqlite+aiosqlite:///./data/soutien.db"
    """The database: `sqlite+aiosqlite:///PATH` (a file, not a folder; relative to the working
    directory; an absolute path takes four slashes,
    `sqlite+aiosqlite:////var/lib/soutien/soutien.db`; the file's folder must exist, only the
    default `./data/` is created) or `postgresql+asyncpg://USER:PASSWORD@HOST:PORT/NAME`
    (several replicas; the host and the database name are required, a Unix socket is
    `USER@/NAME?host=/run/postgresql`, TLS is `?ssl=require`, not libpq's `sslmode`; an `@` in
    the password is written `%40`).
    """
    auto_migrate: bool = True
    """`soutien-bot run` applies pending migrations before starting (a PostgreSQL server
    not up yet is waited for first, with back-off; SIGTERM meanwhile exits 0)."""

    @field_validator("url")
    @classmethod
    def _database(cls, value: str) -> str:
        return storage_url(value)


class SecuritySettings(Section):
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


class RoutingSettings(Section):
    """How requests are offered to listeners."""

    offer_timeout: Annotated[Duration, duration(SECOND, DAY, "PT20M")] = timedelta(minutes=20)
    """How long a listener has to accept an offer before it goes to the next one (seconds or ISO
    8601, e.g. `PT20M`; at most a day).
    """
    waiting_retry: Annotated[Duration, duration(SECOND, 7 * DAY, "PT2H")] = timedelta(hours=2)
    """How often a waiting case is offered again (at most 7 days)."""
    max_active_cases: int = Field(default=2, ge=1, le=100)
    """Cases a listener holds at once."""
    max_new_cases_per_week: int = Field(default=3, ge=1, le=1000)
    """New cases a listener is offered per rolling 7 days."""
    heavy_cooldown: Annotated[Duration, duration(SECOND, 90 * DAY, "P2D")] | None = None
    """After `clore REF lourd`, no new offer to that listener for this long (none: no rest; at
    most 90 days)."""
    heavy_run: int = Field(default=3, ge=1, le=100)
    """Heavy cases in a row after which the bot suggests `dispo off`."""


class RemindersSettings(Section):
    """Reminders and follow-ups."""

    listener_nudge_after: Annotated[Duration, duration(HOUR, 30 * DAY, "P3D")] = timedelta(days=3)
    """A listener who has not answered a case for this long gets a reminder (1 hour to 30 days)."""
    quiet_hours: str = "21:00-08:00"
    """No reminder or follow-up in this window (Europe/Paris time). A window that starts where it
    ends (e.g. `00:00-00:00`) is no window: no quiet hours."""
    tick_seconds: Seconds = Field(default=10.0, gt=0, le=300)
    """How often, in seconds, due follow-ups are looked for."""

    @field_validator("quiet_hours")
    @classmethod
    def _window(cls, value: str) -> str:
        if not QUIET.match(value):
            raise ValueError("must be HH:MM-HH:MM with times from 00:00 to 23:59, e.g. 21:00-08:00")
        return value


class PrivacySettings(Section):
    """How long anything is kept."""

    retention_days: int = Field(default=90, ge=1, le=3650)
    """Ended cases and idle people are deleted after this many days (anonymous counts are kept)."""
    audit_days: int = Field(default=365, ge=1, le=3650)
    """Audit entries are kept this many days."""


class DirectorySettings(Section):
    """The helpline directory (`numéros`)."""

    path: str | None = Field(default=None, min_length=1)
    """The helplines file, reloaded on change or SIGHUP (a bad file keeps the last good one).
    Default: the directory shipped with Soutien.
    """

    @property
    def resolved(self) -> Path:
        return Path(self.path) if self.path else shipped_directory()


class LocaleSettings(Section):
    """Language."""

    default: Literal["fr", "en"] = "fr"
    """The language of the bot until someone chooses theirs: `fr` or `en`."""


class LogSettings(Section):
    """Logs (scrubbed of what people wrote and who they are, whatever the format)."""

    format: Literal["text", "json"] = "text"
    """`text`, for people, or `json`, one object per line for a log collector. The level is
    `SOUTIEN_LOG_LEVEL` (default `WARNING`).
    """


class HaSettings(Section):
    """Two replicas, one active: a PostgreSQL advisory lock decides (README: "Running two
    replicas")."""

    enabled: bool = False
    """Run as one of two replicas (PostgreSQL only): the one holding the lock is active."""
    takeover_seconds: Seconds = Field(default=15.0, ge=2, le=600)
    """How soon the standby takes over from an active replica that died."""


class DemoSettings(Section):
    """The console demo."""

    reset_on_start: bool = False
    """The console demo starts from an empty database (only ever its own SQLite file named
    `demo.db`, only with no secret key set, and only when that file was written by the
    keyless demo itself or holds nothing; ignored otherwise, with a warning naming it).
    """


class ListenerSettings(Section):
    """One entry of `listeners`: a listener or a coordinator."""

    id: ListenerId = Field(min_length=1, max_length=64)
    """A stable identifier (used in the audit trail)."""
    name: str = Field(min_length=1)
    """The name people see."""
    teams: list[str] = Field(default_factory=list)
    """Teams this listener belongs to (never offered a case from them)."""
    matrix: MatrixId | None = None
    """Their Matrix id."""
    mattermost: MattermostName | None = None
    """Their Mattermost username, as the server has it: lowercase, without `@`."""
    coordinator: bool = False
    """Receives danger alerts and may see the roster and statistics."""
    listens: bool = True
    """`false` for a coordinator who does not take cases."""
    active: bool = True
    """`false` to keep someone in the file without offering them cases (the cases they
    hold go on: keep a leaving listener so until they are closed or handed over)."""


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
        for platform, what in (("mattermost", "Mattermost username"), ("matrix", "Matrix id")):
            owners: dict[str, str] = {}
            for entry in value:
                address = getattr(entry, platform)
                if address is None:
                    continue
                folded = address.lstrip("@").casefold() if platform == "mattermost" else address
                if folded in owners:  # one person, two roster entries: whose message is it?
                    raise ValueError(
                        f"{what} {address!r} appears twice (listeners {owners[folded]!r} and "
                        f"{entry.id!r}): one address, one listener"
                    )
                owners[folded] = entry.id
        return value

    @model_validator(mode="after")
    def _ha_needs_postgres(self) -> Settings:
        if self.ha.enabled and not self.storage.url.startswith("postgresql"):
            raise ValueError("ha.enabled needs storage.url on PostgreSQL (postgresql+asyncpg://)")
        return self

    @property
    def console_demo(self) -> bool:
        return not (self.matrix.configured or self.mattermost.configured)
