"""`soutien-bot directory check|schema|search` — the directory from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from bot.directory.answer import Answers
from bot.directory.loader import DirectoryError, load
from bot.directory.model import DirectoryFile
from bot.directory.search import Hit, Index
from bot.locales import LANGUAGES
from bot.text import scrub, valid_unicode


def check(path: Path, out: TextIO) -> int:
    try:
        directory = load(path)
    except DirectoryError as exc:
        out.write(f"{exc}\n")
        return 1
    out.write(f"{path}: OK, {len(directory.resources)} resources\n")
    return 0


def schema(out: TextIO) -> int:
    out.write(json.dumps(DirectoryFile.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _moment(at: str | None, name: str = "--at") -> datetime:
    """`at` (the option or the JSON field `name`) as an aware date-time; now if absent."""
    if not at:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(at)
    except ValueError as exc:  # Python's own words name neither the option nor the value
        why = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
        raise ValueError(f"{name}: not an ISO date-time: {at!r}{why}") from None
    if moment.tzinfo is None:
        raise ValueError(f"{name} needs a time zone offset: {at!r}")
    return moment


def result(
    index: Index, query: str, at: str | None, lang: str, at_name: str = "--at"
) -> dict[str, Any]:
    """The JSON result for one query (the interface outside tools rely on)."""
    parsed, hits = index.search(query, _moment(at, at_name), limit=20)
    return {
        "query": query,
        "lang": lang,
        "danger": parsed.danger,
        "situation": parsed.situation.value if parsed.situation else None,
        "results": [_hit(h) for h in hits],
    }


def _hit(hit: Hit) -> dict[str, Any]:
    r = hit.resource
    return {
        "id": r.id,
        "name": r.name,
        "open_now": hit.open_now,
        "phones": [p.display for p in r.phones],
        "url": r.url,
        "status": r.status,
        "free": r.free,
        "anonymous": r.anonymous,
        "score": round(hit.score, 3),
    }


def search(
    directory: Path,
    query: str,
    at: str | None,
    lang: str,
    as_json: bool,
    stdin: Iterable[str | bytes],
    out: TextIO,
) -> int:
    index = Index(load(directory))
    query = valid_unicode(query)
    if query != "-":
        if as_json:
            out.write(json.dumps(result(index, query, at, lang), ensure_ascii=False) + "\n")
        else:
            out.write(Answers(index).answer(query, lang, _moment(at)) + "\n")
        return 0
    status = 0
    for number, line in enumerate(stdin, 1):
        try:  # an empty line too: one answer per line keeps a client's pairing in step
            answer = _answer_line(index, line, lang)
        except Exception as exc:  # noqa: BLE001 - every line gets an answer, the next ones too
            answer, status = {"error": f"line {number}: {_reason(exc)}"}, 1
        out.write(json.dumps(scrub(answer), ensure_ascii=False) + "\n")
        out.flush()
    return status


def _answer_line(index: Index, line: str | bytes, lang: str) -> dict[str, Any]:
    text = line.decode("utf-8") if isinstance(line, bytes) else valid_unicode(line)
    if not text.strip():
        raise ValueError('an empty line: expected a JSON object with a "query"')
    request = scrub(json.loads(text))
    if not isinstance(request, dict):
        raise TypeError('expected a JSON object with a "query"')
    if not isinstance(request.get("query"), str):
        raise KeyError("query")
    at = request.get("at")
    if at is not None and not isinstance(at, str):
        raise TypeError('"at" must be an ISO 8601 string')
    chosen = request.get("lang")
    if chosen is not None and chosen not in LANGUAGES:  # as `--lang` refuses it
        raise ValueError(f'"lang" must be one of {", ".join(LANGUAGES)}, or absent: {chosen!r}')
    return result(index, request["query"], at, chosen or lang, at_name='"at"')


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r} (a string)"
    return f"{type(exc).__name__}: {valid_unicode(str(exc))}"
