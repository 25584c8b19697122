"""Configuration: a YAML file, overridden by SOUTIEN_<SECTION>__<KEY> environment variables.

The models are in `bot.configuration`; this module reads the sources and reports every
problem as one line that says where (file and line, or the variable's name)."""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from bot.config_coherence import Loc, coherence
from bot.config_values import ENV_PREFIX, env_name
from bot.configuration import ConfigError, Settings

__all__ = ["ConfigError", "Settings", "env_name", "load"]

_SECRETS = {
    ("security", "secret_key"),
    ("security", "old_secret_keys"),
    ("matrix", "password"),
    ("matrix", "access_token"),
    ("mattermost", "token"),
    ("mattermost", "command_tokens"),
}


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
    problems = coherence(settings, source.at)
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


def _elsewhere(loc: Loc, env: bool) -> str:
    """A key put in the wrong section: "; did you mean 'reminders.quiet_hours'?" when exactly
    one other section has a key of that name."""
    if not 1 <= len(loc) <= 2 or isinstance(loc[-1], int):
        return ""
    homes = [
        (section, loc[-1])
        for section, field in Settings.model_fields.items()
        if section != loc[0] and loc[-1] in getattr(field.annotation, "model_fields", {})
    ]
    if len(homes) != 1:
        return ""
    return f"; did you mean {(env_name(*homes[0]) if env else '.'.join(homes[0]))!r}?"


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
            given = loaded.get(section)
            if isinstance(given, dict) and given.get(key, []) not in (None, []):
                problems.append(
                    self.at((section, key), f"{section}.{key}")
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

    def at(self, loc: Loc, key: str) -> str:
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
                env = loc[:2] in self.from_env or loc[:1] in self.from_env
                if env:
                    choices = [env_name(*loc[:-1], c) for c in choices]
                    name = env_name(*loc)
                message = f"unknown key{_elsewhere(loc, env) or _suggest(name, choices)}"
            elif kind in ("model_type", "dict_type"):
                message = "must be a mapping of keys (key: value)"
            elif kind.startswith("time_delta"):
                message = "must be a duration: a number of seconds or ISO 8601 (e.g. PT20M)"
            elif kind == "missing":
                message = "is required"
            else:
                message = str(error["msg"]).removeprefix("Value error, ")
                message = message.replace("Input should be", "must be", 1)
            lines.append(self.at(loc, _key(loc)) + message)
        return sorted(set(lines), key=lines.index)


def _is_tag(part: object) -> bool:
    """pydantic's union member tags in error locations (e.g. 'function-after[...]')."""
    return isinstance(part, str) and ("[" in part or part in ("str", "bool", "int"))
