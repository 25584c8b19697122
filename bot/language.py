"""Guess whether someone writes French or English, from common short words."""

from __future__ import annotations

from bot.text import normalize

_EN = frozenset(
    (
        "i i'm im you the need help to hello hi my is someone talk please request "
        "numbers english what how can it am feel not with and this want "
        "don't dont can't cant it's i've i'll anyone anybody are do know there "
        "of for about just really so feeling tired work job boss colleague "
    ).split()
)
_FR = frozenset(
    (
        "je j tu le la les de des bonjour salut aide besoin un une pas moi demande "
        "numeros parler et est ca suis mon ma ne veux sens bien "
        "ce cette ces il elle on nous vous que qui quoi pour avec dans sur au aux du "
        "plus tout rien c ai mes tes ton ta travail boulot chef collegue dossier reunion "
        "peux vais va fait trop tres vraiment merci oui non mais ou quand comment pourquoi "
    ).split()
)


def detect(text: str, margin: int = 1) -> str | None:
    """'en' or 'fr' when the words say so clearly (by `margin` words at least), else None.
    Words both languages share ("me", "on", "a") count for neither."""
    words = normalize(text).split()
    en = sum(w in _EN and w not in _FR for w in words)
    fr = sum(w in _FR and w not in _EN for w in words)
    if en >= fr + margin:
        return "en"
    if fr >= en + margin:
        return "fr"
    return None
