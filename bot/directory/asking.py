"""Free words that ask about helplines, outside any command: "quel numéro appeler ?",
"who should I call?", "le 3114 c'est gratuit ?". The conversation answers them from
the directory instead of saying it did not understand."""

from __future__ import annotations

import re

from bot.text import fold

_ASKING = re.compile(
    r"\b(?:quel(?:le)?s?|un|des|le|les|vos|tes)\s+(?:numeros?|no|tel|telephones?|lignes?)\b"
    r"|\bqui\s+(?:appeler|contacter|joindre)\b"
    r"|\b(?:appeler|joindre|contacter)\s+(?:qui|quel|quelle|ou)\b"
    r"|\b(?:numeros?|lignes?)\s+(?:vert|verte|d'ecoute|d'urgence|d'aide|gratuite?s?)\b"
    r"|\b(?:which|what)\s+(?:numbers?|lines?|helplines?|hotlines?)\b"
    r"|\bwho\s+(?:can|should|do)\s+i\s+call\b|\bhelplines?\b|\bhotlines?\b"
)
_NUMBER = re.compile(r"\b(?:3\d{3}|0\s?800(?:\s?\d{2}){3}|0\d(?:\s?\d{2}){4})\b")


def asks_for_a_line(text: str) -> bool:
    """Whether the words ask for a number to call, or name one (a 4-digit short number
    like 3114 or a phone number): the short emergency numbers (15, 17, 112) are too
    common in other sentences to count alone."""
    folded = fold(text).replace("\u2019", "'")
    return bool(_ASKING.search(folded) or _NUMBER.search(folded))
