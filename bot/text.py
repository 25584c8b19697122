"""Text normalisation shared by command parsing, routing and search."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Characters that are neither ASCII nor common French punctuation need Unicode decomposition.
_RARE = re.compile("[^\x00-\x7f«»“”‘’—–…·•\u00a0\u202f]")
_COMMON = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ"
_TABLE = str.maketrans(
    {c: unicodedata.normalize("NFKD", c)[0] for c in _COMMON}
    | {"œ": "oe", "æ": "ae", "’": "'", "ß": "ss"}
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
