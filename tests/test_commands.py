from __future__ import annotations

import pytest

from bot.commands import Name, parse


@pytest.mark.parametrize(
    ("text", "name", "args"),
    [
        ("demande", Name.REQUEST, ""),
        ("!demande", Name.REQUEST, ""),
        ("/demande", Name.REQUEST, ""),
        ("  DEMANDE  ", Name.REQUEST, ""),
        ("écoute", Name.REQUEST, ""),
        ("Numéros santé mentale", Name.NUMBERS, "sante mentale"),
        ("num vss", Name.NUMBERS, "vss"),
        ("accepter k7q2", Name.ACCEPT, "k7q2"),
        ("!Refuser K7Q2", Name.DECLINE, "k7q2"),
        ("mes cas", Name.MINE, ""),
        ("/MES CAS", Name.MINE, ""),
        ("en attente", Name.WAITING, ""),
        ("Écoutants", Name.LISTENERS, ""),
        ("transférer K7Q2", Name.TRANSFER, "k7q2"),
        ("dispo off jusqu'au 24/12", Name.AVAILABLE, "off jusqu'au 24/12"),
        ("help", Name.HELP, ""),
        ("english", Name.LANGUAGE, "en"),
        ("passer", Name.SKIP, ""),
    ],
)
def test_forms(text: str, name: Name, args: str) -> None:
    command = parse(text)
    assert command is not None and command.name is name and command.args == args


@pytest.mark.parametrize("text", ["", "   ", "bonjour", "aide-moi", "demandeur", "!", "/"])
def test_not_commands(text: str) -> None:
    assert parse(text) is None


def test_long_text_in_relay_is_not_a_command_unless_prefixed() -> None:
    assert parse("aide moi à comprendre ce qui se passe", relaying=True) is None
    assert parse("aide moi à comprendre ce qui se passe") is not None
    assert parse("clore", relaying=True) is not None
    assert parse("!aide moi à comprendre ce qui se passe", relaying=True) is not None
