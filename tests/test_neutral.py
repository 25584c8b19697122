"""Relayed text that cannot deceive: what the other person reads is what was typed."""

from __future__ import annotations

import pytest

from bot.neutral import neutralise


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("[clique ici](https://exemple.org/piege)", "clique ici (https://exemple.org/piege)"),
        ("![photo](https://exemple.org/p.png)", "photo (https://exemple.org/p.png)"),
        ("![](https://exemple.org/p.png)", "https://exemple.org/p.png"),
        ('[ici](https://exemple.org "titre")', "ici (https://exemple.org)"),
        ("[a](https://exemple.org/p_(1)) fin", "a (https://exemple.org/p_(1)) fin"),
        ("[[x](https://a.org)](https://b.org)", "x (https://a.org) (https://b.org)"),
        ("[https://a.org](https://a.org)", "https://a.org"),
        ("<https://exemple.org>", "<https://exemple.org>"),  # an autolink shows its address
        ("pas [un] lien (ici)", "pas [un] lien (ici)"),
    ],
)
def test_links_and_images_show_their_address(typed: str, shown: str) -> None:
    assert neutralise(typed) == (shown, False)


def test_bidirectional_controls_are_removed() -> None:
    controls = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    text, _ = neutralise(f"fichier \u202egpj.exe {controls}fin")
    assert text == "fichier gpj.exe fin"


def test_emoji_sequences_keep_their_joiner() -> None:
    family = "👨\u200d👩\u200d👧"
    assert neutralise(f"ma {family} et 🏳️\u200d🌈") == (f"ma {family} et 🏳️\u200d🌈", False)


@pytest.mark.parametrize("mention", ["@room", "@channel", "@all", "@here", "@everyone", "@Room"])
def test_mass_mentions_are_inert(mention: str) -> None:
    text, _ = neutralise(f"coucou {mention} !")
    assert mention not in text and mention[1:] in text


def test_control_characters_go_and_long_text_is_cut() -> None:
    assert neutralise("a\x00b\x07c\nd") == ("abc\nd", False)
    text, truncated = neutralise("x" * 5000)
    assert truncated and len(text) == 4000
