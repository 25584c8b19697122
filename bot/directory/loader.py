"""Load and validate directory.yaml, reporting every error as FILE:LINE:COL: message."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from bot.directory.model import DirectoryFile, cross_check

_UNPARSED = object()


def _fast_load(text: str) -> Any:
    """yaml-rs parses large files about twenty times faster than PyYAML; PyYAML is the
    fallback and the one that reports positions."""
    try:
        import yaml_rs
    except ImportError:
        return _UNPARSED
    return yaml_rs.loads(text)


class DirectoryError(Exception):
    """The directory file is invalid; `errors` are positioned, one per line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def load(path: Path) -> DirectoryFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DirectoryError([f"{path}:1:1: cannot read the file ({exc.strerror})"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DirectoryError(
            [f"{path}:{line}:{col}: not UTF-8 text (byte 0x{raw[exc.start]:02x}): save it as UTF-8"]
        ) from None
    return parse(text, str(path))


def parse(text: str, filename: str = "directory.yaml") -> DirectoryFile:
    """Validate the YAML text; raise DirectoryError listing every problem found."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = _fast_load(text)
    except Exception:  # noqa: BLE001 - any failure: PyYAML parses again and says where
        data = _UNPARSED
    try:
        if data is _UNPARSED:
            data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc)
        raise DirectoryError([f"{filename}:{line}:{col}: invalid YAML: {problem}"]) from None
    if not isinstance(data, dict):
        raise DirectoryError([f"{filename}:1:1: the top level must be a mapping"])
    problems = cross_check(data)
    try:
        directory = DirectoryFile.model_validate(data)
    except ValidationError as exc:
        schema_errors: ValidationError | None = exc
    else:
        schema_errors = None
    if schema_errors is None and not problems:
        return directory
    root = yaml.compose(text, Loader=loader)  # positions are only needed to report errors
    errors = [f"{filename}:{_where(root, loc, False)}: {msg}" for loc, msg in problems]
    if schema_errors is not None:
        errors = _positioned(schema_errors, root, filename) + errors
    raise DirectoryError(sorted(errors, key=_line_of))


def _line_of(error: str) -> tuple[int, int]:
    _, line, col, _ = error.split(":", 3)
    return int(line), int(col)


def _positioned(exc: ValidationError, root: yaml.Node | None, filename: str) -> list[str]:
    out: list[str] = []
    seen: set[tuple[Any, ...]] = set()
    for error in exc.errors():
        loc = tuple(error["loc"])
        field = _field_path(loc)
        if field in seen:
            continue  # a union reports one error per member; one line is enough
        seen.add(field)
        unknown_key = error["type"] == "extra_forbidden"
        message = f"unknown key {loc[-1]!r}" if unknown_key else _message(error, field)
        out.append(f"{filename}:{_where(root, loc, unknown_key)}: {message}")
    return out


def _field_path(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union tags (e.g. 'bool', "literal['unknown','n/a']")."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("bool", "str"))))


def _message(error: Any, field: tuple[Any, ...]) -> str:
    name = ".".join(str(p) for p in field)
    msg = str(error["msg"]).removeprefix("Value error, ")
    return f"{name}: {msg}"


def _where(root: yaml.Node | None, loc: Sequence[Any], at_key: bool) -> str:
    """LINE:COL of the deepest node the path reaches (the key itself for unknown keys)."""
    node = root
    for part in loc:
        child = _child(node, part, at_key and part == loc[-1])
        if child is None:
            break
        node = child
    if node is None:
        return "1:1"
    return f"{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def _child(node: yaml.Node | None, part: Any, want_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                found: yaml.Node = key if want_key else value
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None
