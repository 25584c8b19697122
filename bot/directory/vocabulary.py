"""The categories' vocabulary as the search reads it: their keywords, labels and ids,
less the keywords that lose their sense once stop words are dropped."""

from __future__ import annotations

from collections.abc import Iterator

from bot.directory.model import DirectoryFile
from bot.directory.words import plain, stems

# Negations are stop words: "ne peux pas parler" (cannot speak) would read as "parler"
# (to talk), a keyword of another category, and say the opposite of what it means.
_NEGATIONS = frozenset(("ne", "n", "pas", "plus", "jamais", "not", "no", "never"))


def topic_keywords(directory: DirectoryFile) -> Iterator[tuple[str, str]]:
    """(category id, keyword) pairs, for a `PhraseBook` of topics."""
    pairs = [
        (cid, keyword)
        for cid, c in directory.categories.items()
        for keyword in [*c.keywords, c.label, cid.replace("-", " ")]
    ]
    single = {(cid, tuple(stems(k))) for cid, k in pairs if not _negated(k)}
    for cid, keyword in pairs:
        left = tuple(stems(keyword))
        if _negated(keyword) and any(s == left and c != cid for c, s in single):
            continue  # it would mean another category's word, not what it says
        yield cid, keyword


def _negated(keyword: str) -> bool:
    return any(w in _NEGATIONS for w in plain(keyword).split())
