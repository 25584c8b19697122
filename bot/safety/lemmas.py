"""One key per word, whatever its inflection, accents or a typo.

A word's key is the stem of its lemma, folded to ASCII: `frappée`, `frappait` and
`frapper` share one key, so do `meurs` and `mourir`, `killing` and `killed`. Lemmas come
from simplemma (a maintained lemmatiser whose dictionaries ship in its wheel), stems
from the Snowball stemmers. A word typed without its accents (`frappee`) gets them
back from the lemmatiser's own dictionary before it is lemmatised. A word that no
dictionary knows is compared with the reader's vocabulary, one or two letters apart.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache

import simplemma
import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

from bot.text import fold

_FR = snowballstemmer.stemmer("french")
_EN = snowballstemmer.stemmer("english")
_lock = threading.Lock()
_accents: dict[str, str] = {}
_vocabulary: dict[str, str] = {}  # folded surface form → key


def load(vocabulary: Iterable[str]) -> None:
    """Read the dictionaries once (about 0.3 s) and learn the reader's own words."""
    with _lock:
        if not _accents:
            simplemma.is_known("x", lang="en")  # load the English dictionary now, not mid-chat
            french = DEFAULT_DICTIONARY_FACTORY.get_dictionary("fr")  # the one simplemma uses
            for form in french:
                if not form.isascii():
                    _accents.setdefault(fold(form), form)
        for word in sorted(vocabulary):  # one order, whatever the hash seed
            _vocabulary.setdefault(fold(word), key(word))
        _typo.cache_clear()


@lru_cache(maxsize=65536)
def key(token: str) -> str:
    """The key of one lower-case word."""
    if token.isdigit():
        return token
    restorable = token.isascii() and len(token) >= 4
    # `brulé` (one accent typed, one forgotten) is found by its folded form
    word = _accents.get(fold(token), token) if restorable or not _known(token) else token
    if simplemma.is_known(word, lang="fr"):
        return fold(_FR.stemWord(simplemma.lemmatize(word, lang="fr")))
    if simplemma.is_known(word, lang="en"):
        return fold(_EN.stemWord(simplemma.lemmatize(word, lang="en")))
    return _typo(fold(word)) or fold(_FR.stemWord(word))


def _known(token: str) -> bool:
    return simplemma.is_known(token, lang="fr") or simplemma.is_known(token, lang="en")


@lru_cache(maxsize=65536)
def _typo(folded: str) -> str | None:
    """The key of the vocabulary word `folded` is a typo of, if any."""
    if len(folded) < 5 or not _vocabulary:
        return None
    if folded in _vocabulary:
        return _vocabulary[folded]
    allowed = 1 if len(folded) < 8 else 2
    found = process.extractOne(
        folded, _vocabulary.keys(), scorer=Levenshtein.distance, score_cutoff=allowed
    )
    return _vocabulary[found[0]] if found else None
