"""Configuration: a YAML file, overridden by SOUTIEN_<SECTION>__<KEY> environment variables."""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
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


_SECRETS = {
    ("security", "secret_key"),
    ("matrix", "password"),
    ("matrix", "access_token"),
    ("mattermost", "token"),
}
ENV_PREFIX = "SOUTIEN_"
Loc = tuple[str | int, ...]


def env_name(*loc: str | int) -> str:
    """The environment variable for a key: ("routing", "offer_timeout") →
    SOUTIEN_ROUTING__OFFER_TIMEOUT."""
    return ENV_PREFIX + "__".join(str(p).upper() for p in loc)


def load(path: Path | None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the YAML file (if any) and the environment; raise ConfigError when invalid.

    Every problem is one line: `FILE:LINE: key: message` for the file, the variable's name
    for the environment.
    """
    source = _Sources(path)
    data: dict[str, Any] = {}
    if path is not None:
        data = source.read_file(path)
    env = os.environ if environ is None else environ
    _merge(data, source.read_environment(env))
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("\n".join(source.describe(exc))) from None
    problems = source.platform_problems(settings)
    if problems:
        raise ConfigError("\n".join(problems))
    return settings


def _merge(into: dict[str, Any], over: dict[str, Any]) -> None:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _key(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out or "(top level)"


def _suggest(word: str, choices: Any) -> str:
    folded = {str(c).lower(): str(c) for c in choices}
    close = difflib.get_close_matches(word.lower(), folded, n=1, cutoff=0.6)
    return f"; did you mean {folded[close[0]]!r}?" if close else ""


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that holds the last part of `loc` (None past a plain value)."""
    model: type[BaseModel] | None = Settings
    for part in loc[:-1]:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        inner = get_args(annotation)
        candidates = [annotation, *inner]
        model = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
    return model


class _Sources:
    """Where each value came from, to say so in error messages."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.root: yaml.Node | None = None
        self.from_env: dict[Loc, str] = {}

    def read_file(self, path: Path) -> dict[str, Any]:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the file ({exc.strerror})") from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ConfigError(
                f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x}): "
                "save the file as UTF-8"
            ) from None
        loader = yaml.SafeLoader(text)
        try:
            self.root = loader.get_single_node()
            loaded = loader.construct_document(self.root) if self.root is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"{path}:{line}: not valid YAML: {problem}") from None
        except RecursionError:
            raise ConfigError(f"{path}:1: not valid YAML: nested too deeply") from None
        finally:
            loader.dispose()
        if loaded is None:
            return {}
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}:1: the top level must be a mapping of sections")
        problems = self._duplicates(self.root, ())
        for section, key in sorted(_SECRETS):
            if isinstance(loaded.get(section), dict) and loaded[section].get(key):
                problems.append(
                    self._at((section, key), f"{section}.{key}")
                    + f"is a secret: set it in the environment ({env_name(section, key)}), "
                    "not in the file"
                )
        if problems:
            raise ConfigError("\n".join(problems))
        return loaded

    def _duplicates(self, node: yaml.Node | None, loc: Loc) -> list[str]:
        found: list[str] = []
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value)
                if name in seen:
                    line = key.start_mark.line + 1
                    found.append(f"{self.path}:{line}: {_key((*loc, name))}: appears twice")
                seen.add(name)
                found += self._duplicates(value, (*loc, name))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                found += self._duplicates(item, (*loc, i))
        return found

    def read_environment(self, environ: Mapping[str, str]) -> dict[str, Any]:
        """SOUTIEN_<SECTION>__<KEY> variables; lists (and whole sections) as JSON."""
        data: dict[str, Any] = {}
        problems: list[str] = []
        sections = Settings.model_fields
        for name in sorted(environ):
            if not name.upper().startswith(ENV_PREFIX):
                continue
            parts = name[len(ENV_PREFIX) :].lower().split("__")
            section = parts[0]
            if section not in sections:
                if len(parts) > 1:  # SOUTIEN_X__Y looks like ours: say so
                    hint = _suggest(section, sections)
                    problems.append(f"{name}: unknown section {section!r}{hint}")
                continue  # e.g. SOUTIEN_LOG_LEVEL
            value: Any = environ[name]
            if len(parts) > 2:
                problems.append(f"{name}: not a configuration key (one __ at most)")
                continue
            loc: Loc = tuple(parts)
            if len(parts) == 1 or self._is_list(section, parts[1]):
                try:
                    value = json.loads(value)
                except ValueError:
                    example = '["a", "b"]' if len(parts) == 2 else '{"key": "value"}'
                    problems.append(f"{name}: must be JSON, e.g. {example}")
                    continue
            self.from_env[loc] = name
            if len(parts) == 1:
                data[section] = value
            else:
                target = data.setdefault(section, {})
                if isinstance(target, dict):
                    target[parts[1]] = value
        if problems:
            raise ConfigError("\n".join(problems))
        return data

    @staticmethod
    def _is_list(section: str, key: str) -> bool:
        model = _model_at((section, key))
        field = model.model_fields.get(key) if model else None
        return field is not None and get_origin(field.annotation) is list

    def _at(self, loc: Loc, key: str) -> str:
        """The prefix naming where a value came from: the variable, or FILE:LINE."""
        for n in range(len(loc), 0, -1):
            if loc[:n] in self.from_env:
                return f"{self.from_env[loc[:n]]}: " + (f"{key}: " if n < len(loc) else "")
        if self.path is None:
            return f"{key}: "
        return f"{self.path}:{self._line(loc)}: {key}: "

    def _line(self, loc: Loc) -> int:
        node = self.root
        for i, part in enumerate(loc):
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == str(part):
                        # the line of the key itself for the last part
                        child = key if i == len(loc) - 1 else value
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                child = node.value[part] if part < len(node.value) else None
            if child is None:
                break
            node = child
        return node.start_mark.line + 1 if node is not None else 1

    def describe(self, exc: ValidationError) -> list[str]:
        lines: list[str] = []
        for error in exc.errors():
            loc: Loc = tuple(p for p in error["loc"] if not _is_tag(p))
            kind = error["type"]
            if kind == "extra_forbidden":
                model = _model_at(loc)
                name = str(loc[-1])
                choices = list(model.model_fields) if model else []
                if loc[:2] in self.from_env or loc[:1] in self.from_env:
                    choices = [env_name(*loc[:-1], c) for c in choices]
                    name = env_name(*loc)
                message = f"unknown key{_suggest(name, choices)}"
            elif kind in ("model_type", "dict_type"):
                message = "must be a mapping of keys (key: value)"
            elif kind.startswith("time_delta"):
                message = "must be a duration: a number of seconds or ISO 8601 (e.g. PT20M)"
            elif kind == "missing":
                message = "is required"
            else:
                message = str(error["msg"]).removeprefix("Value error, ")
                message = message.replace("Input should be", "must be", 1)
            lines.append(self._at(loc, _key(loc)) + message)
        return sorted(set(lines), key=lines.index)

    def platform_problems(self, settings: Settings) -> list[str]:
        """A platform section without its secret is a mistake, never "no platform"."""
        problems: list[str] = []
        mm, mx = settings.mattermost, settings.matrix
        if mm.url and not mm.token:
            problems.append(
                self._at(("mattermost", "url"), "mattermost.url")
                + f"is set but {env_name('mattermost', 'token')} is not: set the bot's token "
                "in the environment (or remove mattermost.url for the console demo)"
            )
        if mm.token and not mm.url:
            problems.append(f"{env_name('mattermost', 'token')}: is set but mattermost.url is not")
        if mx.homeserver or mx.user_id or mx.password or mx.access_token:
            for key in ("homeserver", "user_id"):
                if not getattr(mx, key):
                    problems.append(
                        f"matrix.{key}: is required with the other matrix settings "
                        f"(or {env_name('matrix', key)})"
                    )
            if not (mx.password or mx.access_token):
                problems.append(
                    self._at(("matrix", "homeserver"), "matrix.homeserver")
                    + f"is set but neither {env_name('matrix', 'password')} nor "
                    f"{env_name('matrix', 'access_token')} is: set one in the environment"
                )
        return problems


def _is_tag(part: object) -> bool:
    """pydantic's union member tags in error locations (e.g. 'function-after[...]')."""
    return isinstance(part, str) and ("[" in part or part in ("str", "bool", "int"))
