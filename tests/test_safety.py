from __future__ import annotations

import pytest

from bot.neutral import neutralise
from bot.safety import is_danger


@pytest.mark.parametrize(
    "text",
    [
        "envie d'en finir",
        "je veux me suicider",
        "idées suicidaires",
        "des idees noires",
        "je pense au suicde",
        "I want to kill myself",
        "il me frappe, je suis en danger",
        "ENVIE DE MOURIR",
    ],
)
def test_danger(text: str) -> None:
    assert is_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "bonjour",
        "je suis épuisé par le travail",
        "crise d'angoisse",
        "burn-out",
        "",
        "😀",
        "prévenir les risques psychosociaux",
    ],
)
def test_not_danger(text: str) -> None:
    assert not is_danger(text)


def test_neutralise_mentions_html_and_size() -> None:
    shown, cut = neutralise("@channel <b>hi</b> @here @All " + "x" * 5000)
    assert cut and len(shown) < 4200
    assert "@channel" not in shown and "@here" not in shown and "@All" not in shown
    assert "<b>" not in shown and "&lt;b&gt;" in shown
