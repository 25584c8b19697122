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
    assert "<b>hi</b>" in shown  # left to the adapters, which escape where HTML is rendered


def test_matrix_html_escapes_user_text_and_renders_markdown() -> None:
    from adapters.matrix.html import to_html

    rendered = to_html("**[K7Q2]** <script>alert(1)</script> & [3114](tel:3114)\n- un\n- deux")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered and "&amp;" in rendered
    assert "<strong>[K7Q2]</strong>" in rendered and '<a href="tel:3114">3114</a>' in rendered
    assert "<ul><li>un</li><li>deux</li></ul>" in rendered
