"""Detect messages that express danger: suicidal ideation or immediate danger.

The same detector serves the safety lane of the conversation and the directory
search (danger queries put 3114, 15 and 112 first). It errs on the side of
answering: a false alarm costs a list of numbers, a miss can cost a life.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.text import normalize

# Whole-phrase signals, already normalised (lower case, no accents, single spaces).
_PHRASES = (
    "en finir",
    "envie de mourir",
    "veux mourir",
    "vais mourir de ma main",
    "mourir",
    "plus envie de vivre",
    "pas envie de vivre",
    "marre de vivre",
    "envie de disparaitre",
    "me tuer",
    "me supprimer",
    "me foutre en l air",
    "mettre fin a mes jours",
    "mettre fin a ma vie",
    "idees noires",
    "idee noire",
    "idees suicidaires",
    "me faire du mal",
    "me scarifier",
    "me mutiler",
    "sauter du",
    "sauter par la fenetre",
    "me pendre",
    "overdose",
    "avaler des medicaments",
    "avale des medicaments",
    "je suis en danger",
    "en danger",
    "danger immediat",
    "il me frappe",
    "elle me frappe",
    "il va me tuer",
    "elle va me tuer",
    "menace de mort",
    "me menace",
    "j ai peur pour ma vie",
    "kill myself",
    "killing myself",
    "end my life",
    "want to die",
    "wanna die",
    "hurt myself",
    "self harm",
    "suicidal",
    "in danger",
    "not safe",
)
# Single words whose misspellings must still be caught ("suicde", "suiside").
_WORDS = ("suicide", "suicider", "suicidaire", "suicidaires", "suicidal", "tuer")
_FUZZY_MIN = 84


def is_danger(text: str) -> bool:
    """True when `text` expresses suicidal ideation or immediate danger."""
    words = normalize(text)
    if not words:
        return False
    padded = f" {words} "
    if any(f" {phrase} " in padded for phrase in _PHRASES):
        return True
    return any(
        len(token) >= 6 and fuzz.ratio(token, word) >= _FUZZY_MIN
        for token in words.split()
        for word in _WORDS
        if word != "tuer"
    )
