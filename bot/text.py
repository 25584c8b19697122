"""Text normalisation shared by command parsing, routing and search."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case and strip accents (é → e, œ → oe) without touching punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("’", "'")


def normalize(text: str) -> str:
    """Fold, then reduce to lower-case words separated by single spaces."""
    return _NON_WORD.sub(" ", fold(text)).strip()
