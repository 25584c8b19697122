"""Text normalisation shared by command parsing, routing and search."""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

T = TypeVar("T")

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Characters that are neither ASCII nor common French punctuation need Unicode decomposition.
_RARE = re.compile("[^\x00-\x7f«»“”‘’—–…·•\u00a0\u202f]")
_COMMON = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ"
_TABLE = str.maketrans(
    {c: unicodedata.normalize("NFKD", c)[0] for c in _COMMON}
    | {"œ": "oe", "æ": "ae", "’": "'", "ß": "ss"}
    # invisible: zero-width spaces and joiners, word joiner, BOM, soft hyphen ("a\u200bide")
    | dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", "")
)


def fold(text: str) -> str:
    """Lower-case and strip accents (é → e, œ → oe) without touching punctuation."""
    quick = text.casefold().translate(_TABLE)
    if quick.isascii() or not _RARE.search(quick):
        return quick
    decomposed = unicodedata.normalize("NFKD", quick)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """Fold, then reduce to lower-case words separated by single spaces."""
    return _NON_WORD.sub(" ", fold(text)).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """Text that can be encoded: a lone surrogate (from a JSON escape such as "\\ud800", or
    undecodable bytes read with `surrogateescape`) becomes U+FFFD; a valid pair is joined."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def scrub(value: T) -> T:
    """`valid_unicode` on every string of a decoded JSON value (dict keys included)."""
    if isinstance(value, str):
        return valid_unicode(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}  # type: ignore[return-value]
    if isinstance(value, list):
        return [scrub(v) for v in value]  # type: ignore[return-value]
    return value
