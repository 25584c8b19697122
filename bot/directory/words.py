"""Words as the search compares them: chat spelling undone, stop words dropped, stems.

Stems come from the Snowball French stemmer (maintained, pure Python), after a light
pass on plural and feminine endings, so that `harcèle`, `harcelée` and `harcèlement`,
or `épuisée` and `épuisement`, meet on one stem.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma
import snowballstemmer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from bot.text import fold, normalize

STOPWORDS = frozenset(
    (
        "a au aux avec ce ces c ca cela cet cette d dans de des du en et est il elle ils "
        "j je la le les l leur lui ma me mes moi mon m n ne ni nos notre nous on ou par "
        "pas pour pr qu que qui quoi sa se ses si son sur t ta te tes toi ton tu un une "
        "vos votre vous y suis es sommes etes sont ai as avons avez ont fait faire sais "
        "sait veux veut peux peut besoin existe il y quelqu quelqu un quelque chose "
        "comment quel quelle quels quelles tres trop plus moins bien tellement vraiment "
        "fort moment numero numeros num tel the an and or of for to in on at is are i me "
        "my you your someone something need want with can please what which where who how "
        "do does any some svp stp merci bonjour salut slt bjr cc coucou hello hi trouver "
        " cherche chercher find looking contact contacter appeler ligne lignes "
        "service quelqu1 qqn qqun genre truc ya yen vais va vers line lines call "
        "number numbers contact tout tous toute toutes"
    ).split()
)

# Chat spellings, already folded; each becomes the words people would have written.
SPELLINGS: dict[str, str] = {
    "chui": "je suis",
    "chuis": "je suis",
    "jsuis": "je suis",
    "jsui": "je suis",
    "chsui": "je suis",
    "jpp": "a bout",
    "jpeux": "je peux",
    "jpeu": "je peux",
    "infos": "informations",
    "jveux": "je veux",
    "veu": "veux",
    "jsp": "je sais pas",
    "jsais": "je sais",
    "chais": "je sais",
    "jme": "je me",
    "jai": "j ai",
    "g": "j ai",
    "jen": "j en",
    "plu": "plus",
    "taf": "travail",
    "taff": "travail",
    "boulot": "travail",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pcq": "parce que",
    "psk": "parce que",
    "qqn": "quelqu un",
    "qqun": "quelqu un",
    "qq1": "quelqu un",
    "bcp": "beaucoup",
    "tjr": "toujours",
    "tjrs": "toujours",
    "mtn": "maintenant",
    "mnt": "maintenant",
    "auj": "aujourd hui",
    "ajd": "aujourd hui",
    "2main": "demain",
    "dem1": "demain",
    "aprem": "apres midi",
    "ki": "qui",
    "koi": "quoi",
    # said of oneself far more than of the 17 here ("je suis flic"): the job
    "keuf": "policier",
    "keufs": "policiers",
    "flic": "policier",
    "flics": "policiers",
    "gendarme": "gendarmerie",
    "gendarmes": "gendarmerie",
    "num": "numero",
    "psys": "psy",
    "pa": "pas",
    "jveu": "je veux",
    "jve": "je veux",
    "rn": "maintenant",  # "right now"
    "asap": "maintenant",
    "dsl": "desole",
    "ds": "dans",
}
_PHRASE_SPELLINGS = (
    (re.compile(r"\bn\s*\+\s*[12]\b"), " chef "),
    (re.compile(r"\b(ce|le|du|au)\s+we\b"), r" \1 week end "),
    # "I can't take it any more" is all stop words: say it the way the keywords do
    (re.compile(r"\b(j|n)?[ ']?en\s+p(eu|eux|eut)\s+p(lus|lu)\b"), " a bout "),
)
_REPEATED = re.compile(r"([a-z])\1{2,}")
# Adjectives of a manner, kept apart from the act their stem names (`agression`).
_MANNERS = {w: "agressif" for w in "agressif agressive agressifs agressives".split()}
_STEMMER = snowballstemmer.stemmer("french")
_ENGLISH = snowballstemmer.stemmer("english")
_LIGHT = (
    ("trices", "teur"),
    ("trice", "teur"),
    ("euses", "eur"),
    ("euse", "eur"),
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("ieres", "ier"),
    ("iere", "ier"),
    ("ees", "e"),
    ("ee", "e"),
    ("es", "e"),
    ("s", ""),
)


def plain(text: str) -> str:
    """Normalised words with chat spelling undone: `chui a bout` → `je suis a bout`."""
    folded = fold(text)
    for pattern, replacement in _PHRASE_SPELLINGS:
        folded = pattern.sub(replacement, folded)
    words = _REPEATED.sub(r"\1", normalize(folded)).split()
    return " ".join(SPELLINGS.get(w, w) for w in words)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one folded word's lemma: its plural, feminine, conjugated and derived
    forms share it (`boit` and `boire`, `touche` and `toucher`, `abused` and `abuse`)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word in _MANNERS:  # "des usagers agressifs": a manner, not an assault
        return _MANNERS[word]
    base = lemma(word)
    if _english(word):  # "workers" and "worker" meet
        return str(_ENGLISH.stemWord(base))
    word = base
    if word.endswith(("iste", "istes")) and len(word) > 6:  # a person: not "secours"
        return word.removesuffix("s")
    for suffix, replacement in _LIGHT:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)] + replacement
            break
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed if len(stemmed) >= 3 else word


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a folded word (French first, then English), folded; a word
    typed without accents gets them back first. Unknown words stay as they are."""
    accented = _accents().get(word, word)
    if simplemma.is_known(accented, lang="fr"):
        found = fold(simplemma.lemmatize(accented, lang="fr"))
    elif simplemma.is_known(word, lang="en"):
        found = fold(simplemma.lemmatize(word, lang="en"))
    else:
        return word
    return found if len(found) >= 3 and " " not in found else word


def english_stems(text: str | None) -> list[str]:
    """Stems of `text` read as English where a word is also English: a keyword such
    as `rape` is a French word too (râpe), yet `raped` must find it."""
    out = []
    for w in plain(text or "").split():
        if w in STOPWORDS or len(w) <= 1:
            continue
        english = len(w) > 3 and simplemma.is_known(w, lang="en")
        base = fold(simplemma.lemmatize(w, lang="en")) if english else w
        out.append(str(_ENGLISH.stemWord(base)) if english else stem(w))
    return out


def stems(text: str | None) -> list[str]:
    """Stems of the meaningful words of `text`."""
    return [stem(w) for w in plain(text or "").split() if w not in STOPWORDS and len(w) > 1]


def typo_budget(length: int) -> int:
    """How many typos a word of this length may carry and still match."""
    return 2 if length >= 8 else 1 if length >= 4 else 0


def _english(word: str) -> bool:
    """An English word that is not also French (`depressed`, not `stress`)."""
    french = simplemma.is_known(_accents().get(word, word), lang="fr")
    return not french and simplemma.is_known(word, lang="en")


@lru_cache(maxsize=1)
def _accents() -> dict[str, str]:
    """French words as people type them without accents → as the dictionary has them."""
    out: dict[str, str] = {}
    for form in DefaultDictionaryFactory().get_dictionary("fr"):
        if not form.isascii():
            out.setdefault(fold(form), form)
    return out


# Words that never change, which the lemmatiser's tables (inflected forms) leave out:
# `mieux` is not a typo of `vieux`, nor `souvent` of `souvenir`.
INVARIABLE = frozenset(
    (
        "mieux toujours jamais souvent parfois vite deja beaucoup assez seulement vraiment "
        "plutot pourtant tard longtemps dehors partout ailleurs tant trop tres pourquoi "
        "combien tellement plusieurs ensuite aussitot desormais autrefois quelquefois "
        "davantage ensemble neanmoins cependant"
    ).split()
)


@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """Whether a folded word is a real French or English word (then it is what it says,
    not a typo of a neighbour: `depression` is not `detresse`, `lourdes` not `sourd`)."""
    if len(word) < 4 or word.isdigit() or word in SPELLINGS or word in INVARIABLE:
        return True
    return (
        simplemma.is_known(word, lang="fr")
        or simplemma.is_known(word, lang="en")
        or word in _accents()
    )


def without_once(terms: tuple[str, ...], said: set[str]) -> list[str]:
    """`terms` less one occurrence of each word in `said`."""
    left = set(said)
    out = []
    for t in terms:
        if t in left:
            left.discard(t)
        else:
            out.append(t)
    return out


def bare(word: str) -> str:
    """A folded word without its plural mark: `transmetteurs` and `transmetteur` meet."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word
