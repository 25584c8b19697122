"""Guess whether someone writes French or English, from common short words."""

from __future__ import annotations

from bot.text import normalize

_EN = frozenset(
    (
        "i i'm im you the need help to hello hi my is me someone talk please request "
        "numbers english what how can it am feel not with and this want "
    ).split()
)
_FR = frozenset(
    (
        "je j tu le la les de des bonjour salut aide besoin un une pas moi demande "
        "numeros parler et est ca suis mon ma ne veux sens bien "
    ).split()
)


def detect(text: str) -> str | None:
    """'en' or 'fr' when the words say so clearly, else None."""
    words = normalize(text).split()
    en = sum(w in _EN for w in words)
    fr = sum(w in _FR for w in words)
    if en > fr:
        return "en"
    if fr > en:
        return "fr"
    return None
